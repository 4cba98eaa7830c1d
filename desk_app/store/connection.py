"""open_store(): the one door to a case store.

Every connection gets the same settings (foreign keys, WAL, synchronous
FULL, a busy timeout), the SQL functions the triggers need, and any pending
migrations. A key opens an SQLCipher store through sqlcipher3.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from desk_app.i18n import tr
from desk_app.store.errors import StoreError
from desk_app.store.migrations import migrations
from desk_app.store.normalize import normalize

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 65536  # the default 2 MB page cache is small for a search index of several hundred MB


def _connect(path: str, key: str | None) -> tuple[sqlite3.Connection, tuple[type, ...]]:
    """A connection, and the database error types its driver raises."""
    if key is None:
        return sqlite3.connect(path, isolation_level=None, check_same_thread=False), (
            sqlite3.DatabaseError,
        )
    try:
        import sqlcipher3  # noqa: PLC0415 - optional, only for encrypted stores
    except ImportError:
        raise StoreError(tr("an encrypted store needs the sqlcipher3 package")) from None
    conn = sqlcipher3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA key = '{}'".format(key.replace("'", "''")))
    return conn, (sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def open_store(
    path: str | Path, *, key: str | None = None, create: bool = True, migrate: bool = True
) -> Database:
    """Open (or create) the store at path, configured and migrated."""
    target = str(path)
    if target != ":memory:":
        p = Path(target)
        if not create and not p.exists():
            raise StoreError(tr("no store at {0}").format(p))
        if p.exists() and p.is_dir():
            raise StoreError(tr("{0} is a folder, not a store").format(p))
        if create and not p.parent.exists():
            raise StoreError(tr("the folder {0} does not exist").format(p.parent))
    conn, errors = _connect(target, key)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.create_function("desk_normalize", 1, normalize, deterministic=True)
        # No sqlite-utils plugins: nothing third-party runs on the evidence store's
        # connection (and the entry-point scan cost 14 ms at every start).
        db = Database(conn, execute_plugins=False)
        if migrate:
            migrations.apply(db)
    except errors as exc:
        conn.close()
        hint = tr(" or the key is wrong") if key is not None else ""
        raise StoreError(
            tr("{0} is not a readable case store{1} ({2})").format(target, hint, exc)
        ) from None
    return db
