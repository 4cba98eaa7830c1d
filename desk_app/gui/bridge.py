"""The Qt side of the store: one object that applies writes and announces them.

The store never calls the GUI (HOUSE_STYLE rule 3). A write returns a Change;
StoreBridge re-emits it as `changed`, and every model listens to that one
signal, whether the change came from a form, undo, or an import.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from sqlite_utils import Database

from desk_app.store.records import Change


class StoreBridge(QObject):
    """Holds the open store; emits `changed` after every write."""

    changed = Signal(object)  # a store.records.Change
    failed = Signal(str)  # a write was refused; the message is for the user

    def __init__(self, db: Database, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.path = path

    @property
    def actor(self) -> str:
        """The reviewer's name from Preferences, else the login name."""
        name = QSettings().value("reviewer/name", "", str)
        return name or getpass.getuser() or "unknown"

    def announce(self, change: Change | None) -> None:
        if change is not None:
            self.changed.emit(change)
