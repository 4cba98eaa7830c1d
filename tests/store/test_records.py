"""Every write is one transaction with its audit entry; bad writes change nothing."""

from __future__ import annotations

import sqlite3

import pytest

from desk_app.domain import records as r
from desk_app.domain.values import Count, PartialDate, Qualifier
from desk_app.store import InvalidRecord, NotFound, audit, records
from desk_app.store.cases import load_bundle, resolve_case
from desk_app.store.search import search


def _counts(db):
    tables = ["cases", "batches", "testimonies", "audit_log", "search_doc"]
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def case(store):
    c = r.Case(slug="test-case", title="Test case")
    records.insert(store, c, actor="tester")
    return c


def test_insert_update_delete_each_log_one_audit_entry(store, case):
    batch = r.EvacuationBatch(case_id=case.id, number=1, people=Count(100))
    change = records.insert(store, batch, actor="tester")
    assert change.action == "insert" and change.after == batch
    batch.people = Count(120, None, Qualifier.ABOUT)
    change = records.update(store, batch, actor="ana")
    assert change.before.people == Count(100)
    assert records.get(store, "batch", batch.id).people == Count(120, None, Qualifier.ABOUT)
    records.delete(store, "batch", batch.id, actor="ana")
    with pytest.raises(NotFound):
        records.get(store, "batch", batch.id)
    log = audit.history(store, batch.id)
    assert [e.action for e in log] == ["insert", "update", "delete"]
    assert log[1].actor == "ana"
    assert log[1].changes == {
        "people": [
            {"low": 100, "high": None, "qualifier": "exact"},
            {"low": 120, "high": None, "qualifier": "about"},
        ]
    }
    assert audit.verify(store).ok


def test_an_update_that_changes_nothing_writes_nothing(store, case):
    batch = r.EvacuationBatch(case_id=case.id, number=1)
    records.insert(store, batch, actor="t")
    before = _counts(store)
    assert records.update(store, batch, actor="t") is None
    assert _counts(store) == before


def test_a_record_pointing_at_a_missing_source_or_party_is_refused_and_nothing_changes(store, case):
    before = _counts(store)
    bad = r.Siege(
        case_id=case.id, title="x", besieging_party_ids=["0" * 8 + "-0000-0000-0000-" + "0" * 12]
    )
    with pytest.raises(InvalidRecord, match="missing record"):
        records.insert(store, bad, actor="t")
    orphan = r.Testimony(case_id="no-such-case", witness_label="A nurse")
    with pytest.raises(InvalidRecord, match="no case"):
        records.insert(store, orphan, actor="t")
    assert _counts(store) == before


def test_a_malformed_object_never_reaches_sql(store, case):
    batch = r.EvacuationBatch(case_id=case.id, number=1)
    batch.date = "8 April"  # a GUI bug that bypassed the form
    with pytest.raises(InvalidRecord):
        records.insert(store, batch, actor="t")
    assert records.count_for_case(store, "batch", case.id) == 0


def test_a_failure_inside_the_transaction_rolls_back_the_audit_entry_too(store, case):
    dup = r.Case(slug="test-case", title="Another")
    before = _counts(store)
    with pytest.raises(InvalidRecord, match="slug"):
        records.insert(store, dup, actor="t")
    assert _counts(store) == before


def test_search_index_follows_inserts_updates_and_case_deletion(store, case):
    t = r.Testimony(
        case_id=case.id,
        witness_label="A baker",
        text="The bakery in Zoghara closed",
        witness_name="Secret Person",
    )
    records.insert(store, t, actor="t")
    assert [h.record_id for h in search(store, "bakery")] == [t.id]
    assert search(store, "Secret") == [], "a witness's real name must not be indexed"
    t.text = "The mill was shelled"
    records.update(store, t, actor="t")
    assert search(store, "bakery") == []
    assert [h.record_id for h in search(store, "shelled")] == [t.id]
    records.delete(store, "case", case.id, actor="t")
    assert store.execute("SELECT count(*) FROM search_doc").fetchone()[0] == 0
    assert store.execute("SELECT count(*) FROM testimonies").fetchone()[0] == 0


def test_audit_log_refuses_update_and_delete(demo_store):
    from desk_app.store.connection import engine

    with pytest.raises(engine.IntegrityError, match="append-only"):
        demo_store.execute("UPDATE audit_log SET actor = 'mallory'")
    with pytest.raises(engine.IntegrityError, match="append-only"):
        demo_store.execute("DELETE FROM audit_log")


def test_check_names_the_entry_altered_with_a_plain_sqlite3_client(demo_path):
    from desk_app.store import open_store
    from desk_app.store.checks import check_store

    raw = sqlite3.connect(demo_path)
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
    raw.commit()
    raw.close()
    problems, lines = check_store(open_store(demo_path))
    assert problems and "entry 2" in problems[0]
    assert any("broken at entry 2" in line for line in lines)


def test_paging_and_ids_agree_with_the_full_list(demo_store):
    case = resolve_case(demo_store, "al-waer")
    ids = records.ids_for_case(demo_store, "batch", case.id)
    page = records.list_for_case(demo_store, "batch", case.id, offset=3, limit=4)
    assert [b.id for b in page] == ids[3:7]
    assert [b.number for b in page] == [4, 5, 6, 7]
    many = records.get_many(demo_store, "batch", ids[:5])
    assert set(many) == set(ids[:5])


def test_load_bundle_holds_every_record_of_the_case(demo_store):
    bundle = load_bundle(demo_store, resolve_case(demo_store, "four-towns").id)
    assert len(bundle.batches) == 4
    assert bundle.batches[0].date == PartialDate(2017, 4, 14)
    assert len(bundle.annotations) == 1


def test_deleting_a_case_and_restoring_it_brings_back_every_record_with_the_same_ids(demo_store):
    case = resolve_case(demo_store, "four-towns")
    before = load_bundle(demo_store, case.id)
    change = records.delete(demo_store, "case", case.id, actor="t")
    assert len(change.cascaded) > 40
    assert demo_store.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    records.restore(demo_store, change, actor="t")
    from desk_app.exchange.bundle_json import bundle_to_json

    assert bundle_to_json(load_bundle(demo_store, case.id)) == bundle_to_json(before)
    assert audit.verify(demo_store).ok


def test_deleting_a_record_takes_its_annotation_thread_and_restore_returns_it(demo_store):
    case = resolve_case(demo_store, "four-towns")
    note = records.list_for_case(demo_store, "annotation", case.id)[0]
    reply = r.Annotation(
        case_id=case.id,
        record_kind="annotation",
        record_id=note.id,
        author="b",
        created_at="2026-11-25T10:00:00+00:00",
        text="Agreed",
        parent_id=note.id,
    )
    records.insert(demo_store, reply, actor="t")
    change = records.delete(demo_store, "media", note.record_id, actor="t")
    assert {a.id for a in change.cascaded} == {note.id, reply.id}
    assert records.count_for_case(demo_store, "annotation", case.id) == 0
    records.restore(demo_store, change, actor="t")
    assert records.count_for_case(demo_store, "annotation", case.id) == 2
    assert records.get(demo_store, "media", note.record_id).id == note.record_id
