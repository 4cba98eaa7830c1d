"""The Searcher: parallel rowid slices give exactly the single query's ranked hits."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.domain import records as domain
from desk_app.exchange.synth import AR_WORDS, synthesize
from desk_app.store import StoreError, open_store, records
from desk_app.store.connection import OperationalError
from desk_app.store.search import ROWID_MAX, ROWID_MIN, Searcher, search, slices

QUERIES = [
    "checkpoint bus",
    "water bread",
    "Madaya",
    " ".join(AR_WORDS[30:32]),
    "siege children",
    "shelling",
    "evacuation ag",  # the last word as a prefix
    '"NEAR( -siege col:x',
]


@pytest.fixture(scope="module")
def synth_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("searcher") / "synth.db"
    db = open_store(path)
    synthesize(db, cases=6, testimonies=3000, seed=3)
    db.close()
    return path


@given(
    lo=st.integers(1, 10**7),
    span=st.integers(0, 10**7),
    workers=st.integers(1, 8),
    size=st.integers(1, 10**6),
)
def test_slices_cover_every_rowid_once(lo, span, workers, size):
    parts = slices(lo, lo + span, workers, size)
    assert 1 <= len(parts) <= workers
    assert parts[0][0] == ROWID_MIN and parts[-1][1] == ROWID_MAX
    for (_, end), (start, _) in zip(parts, parts[1:], strict=False):
        assert start == end + 1, "contiguous, no gap and no overlap"
    for start, end in parts[1:-1]:
        assert end - start + 1 >= size
    if len(parts) > 1:
        assert all(lo <= start <= lo + span for start, _ in parts[1:])


def test_sliced_search_equals_one_query(synth_path):
    db = open_store(synth_path)
    case_id = db.execute("SELECT id FROM cases ORDER BY slug LIMIT 1").fetchone()[0]
    with Searcher(synth_path, workers=4, slice_docs=500) as searcher:
        docs = db.execute("SELECT count(*) FROM search_doc").fetchone()[0]
        assert docs > 2000
        compared = 0
        for query in QUERIES:
            for filters in ({}, {"case_id": case_id}, {"kind": "testimony"}):
                for limit in (1, 20, 200):
                    one = search(db, query, limit=limit, **filters)
                    sliced = searcher.search(query, limit=limit, **filters)
                    assert sliced == one, (query, filters, limit)
                    compared += bool(one)
        assert compared > 30, "most queries found something"
        assert len(searcher._dbs) == 4, "four slices ran on four connections"
    db.close()


def test_the_slices_see_each_committed_write(store, tmp_path):
    path = tmp_path / "live.db"
    db = open_store(path)
    with Searcher(path, workers=2, slice_docs=1) as searcher:
        assert searcher.search("bakery") == []
        case = domain.Case(slug="t", title="T")
        records.insert(db, case, actor="t")
        for n in range(6):
            records.insert(
                db,
                domain.Testimony(
                    case_id=case.id, witness_label=f"W{n}", text=f"word{n} filler text"
                ),
                actor="t",
            )
        assert searcher.search("bakery") == []
        t = domain.Testimony(case_id=case.id, witness_label="Baker", text="The bakery was shelled.")
        records.insert(db, t, actor="t")
        assert [h.record_id for h in searcher.search("bakery")] == [t.id]
        records.delete(db, "testimony", t.id, actor="t")
        assert searcher.search("bakery") == []
    db.close()


def test_an_interrupted_slice_stops_the_search_and_the_next_one_runs(synth_path):
    searcher = Searcher(synth_path, workers=3, slice_docs=500)
    expected = searcher.search("water bread")
    assert expected and len(searcher._dbs) == 3
    fired = threading.Event()

    def interrupt_once():
        if not fired.is_set():
            fired.set()
            searcher.interrupt()  # as the search panel does when a newer query comes
        return 0

    searcher._dbs[2].conn.set_progress_handler(interrupt_once, 100)  # a worker thread's slice
    with pytest.raises(OperationalError, match="interrupt"):
        searcher.search("water bread")
    assert fired.is_set()
    searcher._dbs[2].conn.set_progress_handler(None, 0)
    assert searcher.search("water bread") == expected
    searcher.close()
    assert searcher.search("water bread") == []
    searcher.interrupt()  # harmless once closed


def test_search_connections_are_read_only(synth_path):
    ro = open_store(synth_path, read_only=True)
    with pytest.raises(OperationalError, match="readonly"):
        ro.execute("DELETE FROM search_doc")
    assert ro.execute("SELECT count(*) FROM search_doc").fetchone()[0] > 2000
    ro.close()


def test_a_missing_store_is_a_clear_error(tmp_path):
    with Searcher(tmp_path / "gone.db") as searcher, pytest.raises(StoreError, match="no store"):
        searcher.search("siege")
    assert not (tmp_path / "gone.db").exists()
