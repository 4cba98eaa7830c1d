"""Two-word search, top 20 ranked, against a raw FTS5 query on the same index."""

from __future__ import annotations

import random
import sqlite3
import time

from bench.common import Row, percentile, store
from desk_app.exchange.synth import AR_WORDS, EN_WORDS, TOWNS
from desk_app.store import open_store
from desk_app.store.search import fts_query, search

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
        db = open_store(path)
        raw = sqlite3.connect(path)
        for q in qs[:20]:  # warm the page cache for both
            search(db, q)
        ours = _times(lambda q, db=db: search(db, q, limit=20), qs)
        bare = _times(lambda q, raw=raw: raw.execute(RAW_SQL, [fts_query(q)]).fetchall(), qs)
        med, p99 = percentile(ours, 50) * 1000, percentile(ours, 99) * 1000
        base = percentile(bare, 50) * 1000
        rows.append(
            Row(
                "two-word search, top 20",
                f"{testimonies:,} testimonies",
                med,
                "ms",
                f"p99 {p99:.1f}",
                baseline=base,
                target="median <= 20 ms, p99 <= 150 ms",
                met=med <= 20 and p99 <= 150,
                extra={"p99": p99, "raw_p99": percentile(bare, 99) * 1000},
            )
        )
        db.close()
        raw.close()
    return rows
