"""Shared fixtures: every test gets its own store; Qt runs offscreen."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_private = tempfile.mkdtemp(prefix="desk-app-tests-")
os.chmod(_private, 0o700)
os.environ.setdefault("XDG_RUNTIME_DIR", _private)
# Never touch the user's real data or settings.
os.environ["XDG_DATA_HOME"] = os.path.join(_private, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_private, "config")
os.environ.pop("DESK_APP_DB", None)
os.environ["DESK_APP_ACTOR"] = "tester"

import pytest  # noqa: E402

from desk_app.cli import load_demo  # noqa: E402
from desk_app.store import open_store  # noqa: E402


@pytest.fixture
def store(tmp_path):
    """An empty store in a real file."""
    db = open_store(tmp_path / "store.db")
    yield db
    db.close()


@pytest.fixture
def demo_store(tmp_path):
    """A store holding the four demo cases."""
    db = open_store(tmp_path / "demo.db")
    load_demo(db)
    yield db
    db.close()


@pytest.fixture
def demo_path(tmp_path):
    """Path of a demo store file, closed, for the CLI and the GUI."""
    path = tmp_path / "demo.db"
    db = open_store(path)
    load_demo(db)
    db.close()
    return path
