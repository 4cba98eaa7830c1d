"""Full-text search over every case, safe for anything a user types.

User text is never FTS5 syntax: each token is normalised (Arabic variants
folded the same way as the index) and quoted as a phrase, so '"', AND,
NEAR(, -siege and col:x are searched for as words.

The last word also matches as a prefix, so results come while a name is
still being typed ("Zogh" finds Zoghara). FTS5 stems a prefix as it stems a
word, so the prefix searched for is the stem: "evacuation" searches evacu*
(evacuated, evacuees), "bus" would search bu* and find burning and
buildings. A last word whose stem is shorter than MIN_PREFIX letters is
therefore matched whole (and a short word ending in s also as its -es
plural, which Porter stems apart: bus and buses).

Hits are ranked by bm25, best first and newest first among equals. A
Searcher holds its own read-only connections and searches a large index in
rowid slices in parallel: FTS5 takes bm25's statistics (the number of
documents, their average length, each word's document count) from the whole
index whatever rowid range a query is limited to, so every slice scores a
document exactly as one query over the whole index would, and the best of
the slices' best hits are the single query's hits.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import threading
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlite_utils import Database

from desk_app.store.connection import engine, open_store
from desk_app.store.normalize import normalize
from desk_app.store.snippets import _CONTROL, _WORD, make_snippet, query_terms
from desk_app.store.tokens import index_terms

MARK_START, MARK_END = "\x02", "\x03"
MIN_PREFIX = 3  # letters of stem a prefix search needs
MAX_LIMIT = 1000
ROWID_MIN, ROWID_MAX = -(2**63), 2**63 - 1
SLICE_DOCS = 150_000  # below this many documents per slice, another thread costs more than it saves
MAX_SLICES = 4
# Page cache per search connection: as fast as 64 MB once the OS caches the file.
SLICE_CACHE_KIB = 8192


@dataclass(frozen=True, slots=True)
class Hit:
    record_id: str
    kind: str
    case_id: str
    case_slug: str
    snippet: str

    def as_json(self) -> dict:
        return asdict(self)


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for user text; None when it has no words."""
    text = _CONTROL.sub(
        " ", text
    )  # a NUL ends FTS5's query string early; controls are never searched
    tokens = [normalize(t) for t in text.split()]
    tokens = [t.replace('"', '""') for t in tokens if _WORD.search(t)]
    if not tokens:
        return None
    parts = [f'"{t}"' for t in tokens]
    last = tokens[-1].replace('""', '"')
    stems = index_terms(last)
    if stems and len(stems[-1]) >= MIN_PREFIX:
        parts[-1] += "*"
    elif len(last) >= 3 and last.isascii() and last.isalpha() and last.lower().endswith("s"):
        # Porter drops the s of a short word ending in s (bus: bu) but not of its
        # plural (buses: buse), so the word also matches its plural. FTS5 wants
        # AND spelt out next to a group.
        parts[-1] = f'({parts[-1]} OR "{last}es")'
        return " AND ".join(parts)
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class _Ranking:
    """One search as SQL: the best `limit` (rowid, score) pairs within a rowid range."""

    sql: str
    params: list
    limit: int

    def run(self, db: Database, lo: int = ROWID_MIN, hi: int = ROWID_MAX) -> list[tuple]:
        return db.execute(self.sql, [*self.params, lo, hi, self.limit]).fetchall()


def _ranking(
    text: str,
    limit: int,
    case_id: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    tag: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> _Ranking | None:
    """status 'draft' also matches records never reviewed; dates compare by their
    ISO prefix, so 2016 to 2016 takes in every date within 2016."""
    query = fts_query(text)
    if query is None:
        return None
    where, params = ["search_fts MATCH ?"], [query]
    for clause, value in (
        ("d.case_id = ?", case_id),
        ("d.kind = ?", kind),
        (
            "coalesce((SELECT status FROM reviews WHERE record_id = d.record_id), 'draft') = ?",
            status,
        ),
        (
            "d.record_id IN (SELECT record_id FROM annotations WHERE tags LIKE ?)",
            f'%"{tag}"%' if tag else None,
        ),
        ("d.date >= ?", date_from),
        ("substr(d.date, 1, length(?)) <= ?", date_to),
    ):
        if value:
            where.append(clause)
            params += [value, value] if clause.count("?") == 2 else [value]
    # Rank bare rowids (joining the documents only to filter), then read the shown rows'
    # details and make their snippets: FTS5's snippet() and any joined column would be
    # computed for every match before the sort (12,000 per query at 1M testimonies).
    # bm25() in ORDER BY keeps only the best `limit` rows as it goes; ORDER BY rank
    # (the same score) sorts every match first.
    join = " JOIN search_doc d ON d.rowid = search_fts.rowid" if len(where) > 1 else ""
    sql = (
        f"SELECT search_fts.rowid, bm25(search_fts) FROM search_fts{join}"
        f" WHERE {' AND '.join(where)} AND search_fts.rowid BETWEEN ? AND ?"
        " ORDER BY bm25(search_fts), search_fts.rowid DESC LIMIT ?"
    )
    return _Ranking(sql, params, max(1, min(limit, MAX_LIMIT)))


def _best(rows: list[tuple], limit: int) -> list[tuple]:
    """The best rows of several slices, in the order one query would give them."""
    return heapq.nsmallest(limit, rows, key=lambda row: (row[1], -row[0]))


def _hits(db: Database, top: list[tuple], text: str, marks: tuple[str, str]) -> list[Hit]:
    if not top:
        return []
    rowids = [row[0] for row in top]
    details = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT d.rowid, d.record_id, d.kind, d.case_id, c.slug, d.body FROM search_doc d"
            f" JOIN cases c ON c.id = d.case_id WHERE d.rowid IN ({','.join('?' * len(rowids))})",
            rowids,
        )
    }
    terms = query_terms(text)
    hits = []
    for rowid in rowids:
        if rowid in details:
            rid, kind, cid, slug, body = details[rowid]
            hits.append(Hit(rid, kind, cid, slug, make_snippet(body, terms, marks)))
    return hits


def search(
    db: Database,
    text: str,
    *,
    limit: int = 20,
    marks: tuple[str, str] = ("[", "]"),
    **filters: str | None,
) -> list[Hit]:
    """Ranked hits for user text on one connection, narrowed by filters (case_id, kind,
    status, tag, date_from, date_to); an empty list when nothing matches."""
    ranking = _ranking(text, limit, **filters)
    if ranking is None:
        return []
    return _hits(db, ranking.run(db), text, marks)


def default_workers() -> int:
    """The cores this process may use, at most MAX_SLICES."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, min(MAX_SLICES, cores))


def slices(lo: int, hi: int, workers: int, size: int = SLICE_DOCS) -> list[tuple[int, int]]:
    """Ranges covering every rowid, at most `workers` of them, splitting lo..hi into
    parts of at least `size` rowids."""
    count = max(1, min(workers, (hi - lo + 1) // size))
    if count == 1:
        return [(ROWID_MIN, ROWID_MAX)]
    step = -(-(hi - lo + 1) // count)  # rounded up: every part but the last is full
    count = -(-(hi - lo + 1) // step)  # and none is empty
    bounds = [lo + i * step for i in range(count)] + [ROWID_MAX]
    bounds[0] = ROWID_MIN
    return [(bounds[i], bounds[i + 1] - 1 if i + 1 < count else ROWID_MAX) for i in range(count)]


class Searcher:
    """Searches one store on connections of its own, in parallel slices when the index is large.

    One search runs at a time; interrupt() (from any thread) stops the running
    one, which then raises the engine's OperationalError.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        key: str | None = None,
        workers: int | None = None,
        slice_docs: int = SLICE_DOCS,
    ):
        self.path, self._key = Path(path), key
        self.workers = workers or default_workers()
        self.slice_docs = slice_docs
        self._dbs: list[Database] = []
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False

    def _connections(self, count: int) -> list[Database]:
        while len(self._dbs) < count:
            db = open_store(self.path, key=self._key, read_only=True)
            db.execute(f"PRAGMA cache_size = -{SLICE_CACHE_KIB}")
            self._dbs.append(db)
        return self._dbs[:count]

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        marks: tuple[str, str] = ("[", "]"),
        **filters: str | None,
    ) -> list[Hit]:
        ranking = _ranking(text, limit, **filters)
        if ranking is None:
            return []
        with self._lock:
            if self._closed:
                return []
            first = self._connections(1)[0]
            # Two subqueries: min() and max() in one SELECT would scan every document.
            lo, hi = first.execute(
                "SELECT (SELECT min(rowid) FROM search_doc), (SELECT max(rowid) FROM search_doc)"
            ).fetchone()
            if lo is None:
                return []
            parts = slices(lo, hi, self.workers, self.slice_docs)
            if len(parts) == 1:
                return _hits(first, ranking.run(first), text, marks)
            dbs = self._connections(len(parts))
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers - 1, thread_name_prefix="search")
            futures = [
                self._pool.submit(ranking.run, db, *part)
                for db, part in zip(dbs[1:], parts[1:], strict=True)
            ]
            try:
                rows = ranking.run(first, *parts[0])
            finally:
                wait(futures)  # no slice may still run when the next search starts
            for future in futures:
                rows += future.result()  # raises a slice's error, such as an interrupt
            return _hits(first, _best(rows, ranking.limit), text, marks)

    def interrupt(self) -> None:
        """Stop the search running now, if any; safe from any thread."""
        for db in list(self._dbs):
            with contextlib.suppress(engine.ProgrammingError):  # closed meanwhile: nothing runs
                db.conn.interrupt()

    def close(self) -> None:
        self.interrupt()
        with self._lock:
            self._closed = True
            if self._pool is not None:
                self._pool.shutdown()
            for db in self._dbs:
                db.close()
            self._dbs.clear()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
