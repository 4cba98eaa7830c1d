"""Guard against a PySide6 refcount bug that crashed the app at exit on large stores.

PySide6 6.12.0 decrements None's reference count each time a Python model's
data() returns None to C++; on Python 3.11 (None is not immortal) a tree of
10,000 cases drove it to zero and the process aborted. pyproject pins below it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from desk_app.gui.models.case_tree import CaseTreeModel
from desk_app.gui.models.record_table import RecordTableModel
from desk_app.store.cases import resolve_case


def test_models_returning_none_to_qt_keep_none_alive(qapp, demo_store):
    tree = CaseTreeModel(demo_store)
    table = RecordTableModel(demo_store, "batch")
    table.set_case(resolve_case(demo_store, "al-waer").id)
    indexes = [tree.index(0, 0), table.index(0, 1)]
    before = sys.getrefcount(None)
    for _ in range(2000):
        for index in indexes:
            index.data(Qt.ItemDataRole.FontRole)  # through C++: our data() returns None here
    assert sys.getrefcount(None) - before > -100, (
        "this PySide6 leaks references to None (see pyproject)"
    )
