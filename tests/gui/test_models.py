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


def test_case_rows_are_inserted_and_removed_in_place(qtmodeltester, demo_store):
    """Row signals are paired and land where the data is; Qt's tester checks the result.

    (Qt's tester cannot stay attached here: on rowsInserted it fetches lazily loaded
    children before finishing its own check of the insert, which re-enters any lazy model.)
    """
    from desk_app.domain import records as r
    from desk_app.store import records

    model = CaseTreeModel(demo_store)
    _expand_all(model)
    log = []
    model.rowsAboutToBeInserted.connect(
        lambda p, a, b: log.append(("begin-insert", p.data(), a, b))
    )
    model.rowsInserted.connect(
        lambda p, a, b: log.append(("insert", p.data(), a, b, model.index(a, 0, p).data()))
    )
    model.rowsAboutToBeRemoved.connect(lambda p, a, b: log.append(("begin-remove", p.data(), a, b)))
    model.rowsRemoved.connect(lambda p, a, b: log.append(("remove", p.data(), a, b)))
    model.modelReset.connect(lambda: log.append(("reset",)))

    new = r.Case(slug="yarmouk", title="Yarmouk camp", governorate="Damascus")
    model.apply_change(records.insert(demo_store, new, actor="t"))
    assert log == [("begin-insert", None, 1, 1), ("insert", None, 1, 1, "Damascus (1)")], (
        "one insert: a new group, whole"
    )
    assert model.index(0, 0, model.index(1, 0)).data() == "Yarmouk camp"
    log.clear()
    new.title = "Yarmouk (Palestinian camp)"
    model.apply_change(records.update(demo_store, new, actor="t"))
    assert log == [] and model.index(0, 0, model.index(1, 0)).data() == "Yarmouk (Palestinian camp)"
    new.governorate = "Homs"
    model.apply_change(records.update(demo_store, new, actor="t"))
    assert ("reset",) not in log
    assert log[0][:2] == ("begin-remove", "Damascus (1)") and ("begin-remove", None, 1, 1) in log
    assert log[-1] == ("insert", "Homs (2)", 1, 1, "Yarmouk (Palestinian camp)")
    log.clear()
    model.apply_change(records.delete(demo_store, "case", new.id, actor="t"))
    assert log == [
        ("begin-remove", "Homs (2)", 1, 1),
        ("remove", "Homs (2)", 1, 1),
    ]  # the count follows as dataChanged
    groups = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert groups == [
        "Aleppo (1)",
        "Damascus Countryside (1)",
        "Homs (1)",
        "Idleb and Damascus Countryside (1)",
    ]
    qtmodeltester.check(model)
