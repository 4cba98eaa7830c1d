"""Two-word search, top 20 ranked, against a raw FTS5 query on the same index.

Ours is what the window and `desk-app search` run: a Searcher, which splits a
large index into rowid slices searched in parallel (as many as the cores, at
most 4). The baseline is the textbook FTS5 query on one connection of the same
engine. Ours returns the same hits as one query on one connection (checked).
"""

from __future__ import annotations

import random
import time

from bench.common import Row, percentile, store, warm_file
from desk_app.exchange.synth import AR_WORDS, EN_WORDS, TOWNS
from desk_app.store import open_store
from desk_app.store.connection import connect
from desk_app.store.search import Searcher, fts_query, search

RAW_SQL = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20"


def queries(n: int = 200, seed: int = 5) -> list[str]:
    """Two-word queries as reviewers type them: content words, places, some Arabic."""
    rng = random.Random(seed)
    content = EN_WORDS[40:] + TOWNS
    out = []
    for _ in range(n):
        if rng.random() < 0.2:
            out.append(" ".join(rng.sample(AR_WORDS[25:], 2)))
        else:
            out.append(" ".join(rng.sample(content, 2)))
    return out


def _times(func, qs: list[str]) -> list[float]:
    out = []
    for q in qs:
        started = time.perf_counter()
        func(q)
        out.append(time.perf_counter() - started)
    return out


def run(sizes: list[tuple[int, int]]) -> list[Row]:
    rows = []
    qs = queries()
    for cases, testimonies in sizes:
        path = store(cases, testimonies)
        warm_file(path)
        db = open_store(path)
        searcher = Searcher(path)
        raw = connect(str(path))
        raw.execute(f"PRAGMA cache_size = {db.execute('PRAGMA cache_size').fetchone()[0]}")
        for q in qs[:20]:  # warm the page caches, and check both rank alike
            ids = [h.record_id for h in searcher.search(q)]
            assert ids == [h.record_id for h in search(db, q)], q
            raw_ids = [r[0] for r in raw.execute(RAW_SQL, [fts_query(q)])]
            assert len(raw_ids) == len(ids), q
        ours = _times(lambda q, s=searcher: s.search(q, limit=20), qs)
        bare = _times(lambda q, raw=raw: raw.execute(RAW_SQL, [fts_query(q)]).fetchall(), qs)
        slices = len(searcher._dbs)
        med, p99 = percentile(ours, 50) * 1000, percentile(ours, 99) * 1000
        base = percentile(bare, 50) * 1000
        rows.append(
            Row(
                "two-word search, top 20",
                f"{testimonies:,} testimonies",
                med,
                "ms",
                f"p99 {p99:.1f}, {slices} slice{'s' if slices > 1 else ''}",
                baseline=base,
                target="median <= 20 ms, p99 <= 150 ms",
                met=med <= 20 and p99 <= 150,
                extra={"p99": p99, "raw_p99": percentile(bare, 99) * 1000},
            )
        )
        searcher.close()
        db.close()
        raw.close()
    return rows
