"""Expanding a case that holds 10,000 or 100,000 testimonies in the tree."""

from __future__ import annotations

import time

from bench.common import Row, median_spread, store
from desk_app.store import open_store
from desk_app.store.cases import case_ids


def _expand(db) -> float:
    from desk_app.gui.models.case_tree import CaseTreeModel

    started = time.perf_counter()
    model = CaseTreeModel(db)
    case_id = case_ids(db)[0]
    index = model.find_record("testimony", "", case_id)  # group > case > kinds
    model.fetchMore(index)  # the first page of testimonies
    assert model.rowCount(index) > 0
    return time.perf_counter() - started


def run(sizes: list[int]) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    rows = []
    for testimonies in sizes:
        db = open_store(store(1, testimonies, batches=12))
        _expand(db)
        med, spread = median_spread([_expand(db) for _ in range(7)])
        rows.append(
            Row(
                "expand a case in the tree",
                f"{testimonies:,} testimonies in one case",
                med,
                "ms",
                spread,
                target="< 100 ms",
                met=med < 100,
            )
        )
        db.close()
    return rows
