"""Qt's model tester on every model, over the demo store."""

from __future__ import annotations

from desk_app.gui.models.case_tree import CaseTreeModel, NodeRole
from desk_app.gui.models.record_table import RecordTableModel
from desk_app.store.cases import resolve_case


def _expand_all(model, parent=None, depth=0):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    while model.canFetchMore(parent):
        model.fetchMore(parent)
    for row in range(model.rowCount(parent)):
        if depth < 3:
            _expand_all(model, model.index(row, 0, parent), depth + 1)


def test_case_tree_passes_the_model_tester_fully_expanded(qtmodeltester, demo_store):
    model = CaseTreeModel(demo_store)
    _expand_all(model)
    qtmodeltester.check(model)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == [
        "Aleppo (1)",
        "Damascus Countryside (1)",
        "Homs (1)",
        "Idleb and Damascus Countryside (1)",
    ]


def test_case_tree_groups_and_counts(demo_store):
    model = CaseTreeModel(demo_store, group_by="year")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "2012 (1)",
        "2013 (1)",
        "2015 (1)",
        "2016 (1)",
    ]
    waer = resolve_case(demo_store, "al-waer")
    index = model.find_record("batch", "", waer.id)
    assert index.data() == "Evacuation batches (12)"
    model.fetchMore(index)
    labels = [model.index(r, 0, index).data() for r in range(model.rowCount(index))]
    assert labels[3] == "Batch 4 \u00b7 8 April 2017" and labels[1] == "Batch 2 \u00b7 date unknown"
    assert model.index(0, 0, index).data(NodeRole)[:2] == ("record", "batch")


def test_filter_narrows_the_tree_to_cases_with_a_match(demo_store):
    model = CaseTreeModel(demo_store)
    model.set_filter("Rashidin")
    assert model.rowCount() == 1
    group = model.index(0, 0)
    model.fetchMore(group)
    assert model.index(0, 0, group).data().startswith("The Four Towns")
    model.set_filter('NEAR( "-qqzx col:')
    assert model.rowCount() == 0
    model.set_filter("")
    assert model.rowCount() == 4


def test_record_tables_pass_the_model_tester(qtmodeltester, demo_store):
    case = resolve_case(demo_store, "four-towns")
    for kind in (
        "batch",
        "testimony",
        "incident",
        "siege",
        "agreement",
        "aftermath",
        "media",
        "figure",
        "place",
        "party",
        "source",
    ):
        model = RecordTableModel(demo_store, kind)
        model.set_case(case.id)
        qtmodeltester.check(model)


def test_batch_table_shows_unknown_not_zero_and_sorts_in_sql(demo_store):
    case = resolve_case(demo_store, "four-towns")
    model = RecordTableModel(demo_store, "batch")
    model.set_case(case.id)
    people = [model.index(r, 4).data() for r in range(model.rowCount())]
    buses = [model.index(r, 5).data() for r in range(model.rowCount())]
    assert people == ["5,000", "2,350", "400", "3,000"]
    assert buses == ["75", "60", "unknown", "unknown"]
    from PySide6.QtCore import Qt

    model.sort(4, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 4).data() for r in range(4)] == ["5,000", "3,000", "2,350", "400"]
