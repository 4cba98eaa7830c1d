"""open_store(): the one door to a case store.

Every connection gets the same settings (foreign keys, WAL, synchronous
FULL, a busy timeout), the SQL functions the triggers need, and any pending
migrations.

Every store, plain or encrypted, is opened through sqlcipher3: its wheel
carries one SQLite build (3.5x, with FTS5) for every laptop, where Python's
own sqlite3 links whatever SQLite the Python build came with (3.40 here).
The same engine everywhere means the same index, the same search results and
the same speed on every machine a bundle travels to; the newer FTS5 ranks a
search at 1M testimonies about 15% faster. Without a key SQLCipher reads and
writes an ordinary SQLite file; with one, the file is encrypted.
"""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2 as engine
from sqlite_utils import Database

from desk_app.i18n import tr
from desk_app.store.errors import StoreError
from desk_app.store.migrations import migrations
from desk_app.store.normalize import normalize

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 65536  # the default 2 MB page cache is small for a search index of several hundred MB

# The driver's errors, for code that must tell a database fault from a bug.
DatabaseError = engine.DatabaseError
OperationalError = engine.OperationalError
SQLITE_VERSION = engine.sqlite_version


def connect(path: str, key: str | None = None) -> engine.Connection:
    """A bare connection to path in the store's engine, unlocked with key when given."""
    conn = engine.connect(path, isolation_level=None, check_same_thread=False)
    if key is not None:
        conn.execute("PRAGMA key = '{}'".format(key.replace("'", "''")))
    return conn


def open_store(
    path: str | Path,
    *,
    key: str | None = None,
    create: bool = True,
    migrate: bool = True,
    read_only: bool = False,
) -> Database:
    """Open (or create) the store at path, configured and migrated.

    read_only connections (search slices) refuse every write and never migrate.
    """
    target = str(path)
    if target != ":memory:":
        p = Path(target)
        if (read_only or not create) and not p.exists():
            raise StoreError(tr("no store at {0}").format(p))
        if p.exists() and p.is_dir():
            raise StoreError(tr("{0} is a folder, not a store").format(p))
        if create and not p.parent.exists():
            raise StoreError(tr("the folder {0} does not exist").format(p.parent))
    conn = connect(target, key)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.create_function("desk_normalize", 1, normalize, deterministic=True)
        # No sqlite-utils plugins: nothing third-party runs on the evidence store's
        # connection (and the entry-point scan cost 14 ms at every start).
        db = Database(conn, execute_plugins=False)
        if read_only:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a wrong key fails here
        elif migrate:
            migrations.apply(db)
    except DatabaseError as exc:
        conn.close()
        hint = tr(" or the key is wrong") if key is not None else ""
        raise StoreError(
            tr("{0} is not a readable case store{1} ({2})").format(target, hint, exc)
        ) from None
    return db
