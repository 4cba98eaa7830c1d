"""What the search index makes of a word, asked of the index's own tokenizer.

The word is run through FTS5 on a scratch in-memory database (one per
thread) with the index's tokenizer, so the answer is exactly the engine's,
not a reimplementation of Porter's stemmer.
"""

from __future__ import annotations

import functools
import threading

from desk_app.store.connection import connect

TOKENIZER = "porter unicode61 remove_diacritics 2"  # search_fts's, in migrations.py
_local = threading.local()


def _scratch():
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = connect(":memory:")
        conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(x, tokenize='{TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(words, 'instance')")
        _local.conn = conn
    return conn


@functools.lru_cache(maxsize=8192)
def index_terms(word: str) -> tuple[str, ...]:
    """The terms the index stores for word, in order ("Buses" gives buse, "al-Waer" al, waer)."""
    conn = _scratch()
    conn.execute("BEGIN")
    try:
        conn.execute("INSERT INTO words (x) VALUES (?)", [word])
        return tuple(row[0] for row in conn.execute("SELECT term FROM terms ORDER BY offset"))
    finally:
        conn.execute("ROLLBACK")
