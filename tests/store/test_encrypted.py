"""An encrypted store (SQLCipher) opens through the same open_store() with a key."""

from __future__ import annotations

import sqlite3

import pytest

from desk_app.cli import load_demo
from desk_app.store import StoreError, open_store
from desk_app.store.search import search


def test_an_encrypted_store_needs_its_key(tmp_path):
    path = tmp_path / "secret.db"
    db = open_store(path, key="correct horse")
    load_demo(db)
    db.close()
    assert b"al-Waer" not in path.read_bytes(), "nothing readable on disk"
    with pytest.raises(StoreError, match="not a readable case store or the key is wrong"):
        open_store(path, key="wrong")
    with pytest.raises(StoreError, match="not a readable case store"):
        open_store(path)
    plain = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM cases").fetchone()
    db = open_store(path, key="correct horse")
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 4
    assert search(db, "Zoghara")
