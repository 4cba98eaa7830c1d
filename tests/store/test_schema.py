"""Migrating an empty store yields the committed snapshot db/schema.sql."""

from __future__ import annotations

import sqlite3

from desk_app.paths import db_dir
from desk_app.store import open_store
from desk_app.store.schema import dump_schema


def test_migrating_an_empty_store_yields_the_committed_schema(tmp_path):
    db = open_store(tmp_path / "s.db")
    expected = (db_dir() / "schema.sql").read_text(encoding="utf-8")
    assert dump_schema(db) == expected, (
        "db/schema.sql is stale: run python -m desk_app.store.schema"
    )


def test_every_connection_is_configured(tmp_path):
    db = open_store(tmp_path / "s.db")
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_opening_again_applies_nothing_new_and_keeps_data(tmp_path, demo_path):
    db = open_store(demo_path)
    before = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    db.close()
    db = open_store(demo_path)
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == before
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 4


def test_a_file_that_is_not_a_store_gives_a_clear_error(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    import pytest

    from desk_app.store import StoreError

    with pytest.raises(StoreError, match="not a readable case store"):
        open_store(junk)
    assert junk.read_bytes().startswith(b"this is not sqlite")
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing.db", create=False)


def test_every_store_runs_on_the_bundled_engine(tmp_path):
    from desk_app.store.connection import SQLITE_VERSION

    db = open_store(tmp_path / "s.db")
    version = db.execute("SELECT sqlite_version()").fetchone()[0]
    assert version == SQLITE_VERSION
    assert tuple(int(part) for part in version.split(".")) >= (3, 45)
    db.close()
    # ... and the file stays an ordinary SQLite file that Python's own sqlite3 reads.
    plain = sqlite3.connect(tmp_path / "s.db")
    assert plain.execute("SELECT count(*) FROM sqlite_master WHERE name = 'cases'").fetchone() == (
        1,
    )
    plain.close()


def test_no_sqlite_utils_plugin_runs_on_the_store(tmp_path, monkeypatch):
    import sqlite_utils.db

    called = []
    monkeypatch.setattr(sqlite_utils.db, "ensure_plugins_loaded", lambda: called.append(True))
    open_store(tmp_path / "s.db")
    assert called == []
