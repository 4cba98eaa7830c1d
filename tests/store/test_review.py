"""Review status, annotations, history in plain words, search filters, migrations."""

from __future__ import annotations

import pytest

from desk_app.domain import records as r
from desk_app.domain.anchors import reanchor
from desk_app.domain.enums import ReviewStatus
from desk_app.store import InvalidRecord, audit, open_store, records
from desk_app.store.cases import resolve_case
from desk_app.store.history import record_history
from desk_app.store.migrations import migrations
from desk_app.store.review import (
    add_tag,
    open_counts,
    set_status,
    status_counts,
    statuses,
    thread,
    vocabulary,
)
from desk_app.store.search import search


def _batch(db, slug="al-waer", number=4):
    case = resolve_case(db, slug)
    return next(b for b in records.list_for_case(db, "batch", case.id) if b.number == number)


def test_review_status_is_one_logged_write_with_who_and_when(demo_store):
    batch = _batch(demo_store)
    assert (
        set_status(demo_store, "batch", batch.id, ReviewStatus.REVIEWED, actor="ana").action
        == "insert"
    )
    assert set_status(demo_store, "batch", batch.id, ReviewStatus.REVIEWED, actor="ana") is None
    assert (
        set_status(demo_store, "batch", batch.id, ReviewStatus.DISPUTED, actor="omar").action
        == "update"
    )
    assert statuses(demo_store, [batch.id]) == {batch.id: ReviewStatus.DISPUTED}
    counts = status_counts(demo_store, batch.case_id)
    assert counts[ReviewStatus.DISPUTED] == 1 and counts[ReviewStatus.DRAFT] > 40
    history = [what for _, what in record_history(demo_store, batch.id)]
    assert history[-2:] == [
        "ana set the review status to reviewed",
        "omar set the review status to disputed",
    ]
    with pytest.raises(InvalidRecord):
        set_status(
            demo_store,
            "source",
            records.list_for_case(demo_store, "source", batch.case_id)[0].id,
            ReviewStatus.REVIEWED,
            actor="x",
        )
    assert audit.verify(demo_store).ok


def test_history_says_who_changed_what_in_plain_words(demo_store):
    from desk_app.domain.values import Count, Qualifier

    batch = _batch(demo_store)
    batch.people = Count(1800, None, Qualifier.ABOUT)
    records.update(demo_store, batch, actor="ana")
    lines = [what for _, what in record_history(demo_store, batch.id)]
    assert lines[-1] == "ana changed people from nothing to about 1,800"


def test_annotation_threads_open_counts_and_deletion_with_the_record(demo_store):
    batch = _batch(demo_store)
    note = r.Annotation(
        case_id=batch.case_id,
        record_kind="batch",
        record_id=batch.id,
        author="ana",
        created_at="2026-11-25T09:00:00+00:00",
        text="Is 8 April right?",
        tags=["date-check"],
    )
    reply = r.Annotation(
        case_id=batch.case_id,
        record_kind="annotation",
        record_id=note.id,
        parent_id=note.id,
        author="omar",
        created_at="2026-11-25T10:00:00+00:00",
        text="Yes, photo caption.",
    )
    records.insert(demo_store, note, actor="ana")
    records.insert(demo_store, reply, actor="omar")
    assert [a.id for a in thread(demo_store, batch.id)] == [note.id, reply.id]
    assert open_counts(demo_store, [batch.id]) == {batch.id: 1}
    note.resolved = True
    records.update(demo_store, note, actor="ana")
    assert open_counts(demo_store, [batch.id]) == {}
    assert "date-check" in vocabulary(demo_store)
    assert add_tag(demo_store, "Satellite", actor="ana") and "satellite" in vocabulary(demo_store)
    assert not add_tag(demo_store, "satellite", actor="ana")
    set_status(demo_store, "batch", batch.id, ReviewStatus.VERIFIED, actor="ana")
    change = records.delete(demo_store, "batch", batch.id, actor="ana")
    assert {type(x).__name__ for x in change.cascaded} == {"Annotation", "Review"}
    assert demo_store.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    records.restore(demo_store, change, actor="ana")
    assert statuses(demo_store, [batch.id]) == {batch.id: ReviewStatus.VERIFIED}
    assert len(thread(demo_store, batch.id)) == 2


@pytest.mark.parametrize(
    ("text", "old", "new", "expect"),
    [
        ("The bakery closed in May.", "bakery", "The old bakery closed in May.", (8, 14, False)),
        ("The bakery closed in May.", "bakery", "The mill closed in May.", (4, 10, True)),
        ("bread and bread", "bread", "more bread and bread", (5, 10, False)),
    ],
)
def test_a_span_follows_its_words_or_goes_stale(text, old, new, expect):
    start = text.index(old)
    anchor = reanchor(new, start, start + len(old), old)
    assert (anchor.start, anchor.end, anchor.stale) == expect


def test_search_filters_by_case_kind_status_tag_and_date(demo_store):
    waer = resolve_case(demo_store, "al-waer")
    hits = search(demo_store, "Zoghara", limit=50)
    assert {h.case_slug for h in hits} == {"al-waer"} and len(hits) >= 5
    assert {h.kind for h in search(demo_store, "Zoghara", kind="figure")} == {"figure"}
    place = next(h for h in hits if h.kind == "place")
    set_status(demo_store, "place", place.record_id, ReviewStatus.VERIFIED, actor="t")
    assert [h.record_id for h in search(demo_store, "Zoghara", status="verified")] == [
        place.record_id
    ]
    assert place.record_id not in [
        h.record_id for h in search(demo_store, "Zoghara", status="draft", limit=50)
    ]
    assert {
        h.kind
        for h in search(
            demo_store, "batch", case_id=waer.id, date_from="2017-04", date_to="2017-04"
        )
    } <= {"batch", "media"}
    dated = search(demo_store, "Rashidin", date_from="2017-04-15", date_to="2017-04-15")
    assert {h.kind for h in dated} == {"incident", "media"}
    assert search(demo_store, "Rashidin", tag="date-check") == []


def test_an_m001_store_migrates_to_the_current_schema_keeping_its_data(tmp_path):
    path = tmp_path / "old.db"
    db = open_store(path, migrate=False)
    migrations.apply(db, stop_before="m002_review")
    assert "reviews" not in db.table_names()
    db.execute(
        "INSERT INTO cases (id, slug, title, period_start) VALUES ('c1', 'old', 'An old case', '2015-03')"
    )
    db.execute(
        "INSERT INTO testimonies (id, case_id, witness_label, date, text, consent, sensitivity)"
        " VALUES ('t1', 'c1', 'A baker', '2016-02-01', 'The bakery in Foua closed', 'not_recorded', 'normal')"
    )
    db.execute(
        "INSERT INTO annotations (id, case_id, record_kind, record_id, author, created_at, kind, text)"
        " VALUES ('a1', 'c1', 'testimony', 't1', 'ana', '2020-01-01', 'note', 'check the month')"
    )
    db.close()
    db = open_store(path)
    assert [m.name for m in migrations.applied(db)] == [
        "m001_initial",
        "m002_review",
        "m003_readable_search_documents",
    ]
    assert records.get(db, "testimony", "t1").text == "The bakery in Foua closed"
    note = records.get(db, "annotation", "a1")
    assert (note.span_start, note.span_end, note.quote) == (None, None, "")
    assert (
        db.execute("SELECT date FROM search_doc WHERE record_id = 't1'").fetchone()[0]
        == "2016-02-01"
    )
    assert [h.record_id for h in search(db, "bakery", date_from="2016", date_to="2016")] == ["t1"]
    assert vocabulary(db)[0] == "corroborated"


def test_m003_rewrites_search_documents_readably_and_the_index_stays_whole(tmp_path):
    from desk_app.store.checks import check_store

    path = tmp_path / "m002.db"
    db = open_store(path, migrate=False)
    migrations.apply(db, stop_before="m003_readable_search_documents")
    db.execute("INSERT INTO cases (id, slug, title) VALUES ('c1', 'old', 'An old case')")
    db.execute(
        "INSERT INTO batches (id, case_id, origin, destinations, notes) VALUES"
        " ('b1', 'c1', 'Daraya', '[\"Idleb governorate\", \"al-Horjela centre\"]', '')"
    )
    db.execute(
        "INSERT INTO testimonies (id, case_id, witness_label, place, text, consent, sensitivity)"
        " VALUES ('t1', 'c1', 'A baker from Madaya', 'Madaya', 'Line one\nline two', 'not_recorded', 'normal')"
    )
    old = db.execute("SELECT body FROM search_doc WHERE record_id = 'b1'").fetchone()[0]
    assert old.startswith('Daraya ["Idleb governorate"'), "m002 indexed the JSON text"
    db.close()
    db = open_store(path)
    bodies = dict(db.execute("SELECT record_id, body FROM search_doc").fetchall())
    assert bodies["b1"] == "Daraya \u00b7 Idleb governorate, al-Horjela centre"
    assert bodies["t1"] == "A baker from Madaya \u00b7 Madaya \u00b7 Line one\nline two"
    assert bodies["c1"] == "An old case \u00b7 old"
    problems, _ = check_store(db)
    assert problems == [], "the index matches the rewritten documents"
    assert [h.record_id for h in search(db, "Horjela")] == ["b1"]
    assert [h.record_id for h in search(db, "Madaya line")] == ["t1"]
    assert search(db, "u00b7") == [] and search(db, "nline") == []
    db.execute("UPDATE batches SET notes = 'Buses left at night.' WHERE id = 'b1'")  # the trigger
    assert db.execute("SELECT body FROM search_doc WHERE record_id = 'b1'").fetchone()[0] == (
        "Daraya \u00b7 Idleb governorate, al-Horjela centre \u00b7 Buses left at night."
    )
