"""One QUndoCommand per domain change, over the store's functions.

A command is applied (and checked by the store) before it is pushed, so a
refused change never reaches the undo stack; its first redo() is then a
no-op. Undo and redo each make a new, logged write: the audit log records
every step, undos included.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from desk_app.domain.kinds import kind_of
from desk_app.domain.labels import record_label
from desk_app.gui.bridge import StoreBridge
from desk_app.i18n import tr
from desk_app.store import StoreError, records
from desk_app.store.records import Change


class _StoreCommand(QUndoCommand):
    def __init__(self, bridge: StoreBridge, text: str) -> None:
        super().__init__(text)
        self.bridge = bridge
        self._applied = True  # push() follows a successful first apply

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step) -> None:
        try:
            self.bridge.announce(step())
        except StoreError as exc:
            self.bridge.failed.emit(str(exc))
            self.setObsolete(True)

    def _do(self) -> Change | None:
        raise NotImplementedError

    def _undo(self) -> Change | None:
        raise NotImplementedError


class InsertRecord(_StoreCommand):
    def __init__(self, bridge: StoreBridge, record: Any) -> None:
        kind = kind_of(record)
        super().__init__(
            bridge,
            tr("Add {0} \u201c{1}\u201d").format(
                kind.singular.lower(), record_label(kind.name, record)
            ),
        )
        self.record = record

    def _do(self) -> Change:
        return records.insert(self.bridge.db, self.record, actor=self.bridge.actor)

    def _undo(self) -> Change:
        return records.delete(
            self.bridge.db, kind_of(self.record).name, self.record.id, actor=self.bridge.actor
        )


class UpdateRecord(_StoreCommand):
    def __init__(self, bridge: StoreBridge, before: Any, after: Any) -> None:
        kind = kind_of(after)
        super().__init__(
            bridge,
            tr("Edit {0} \u201c{1}\u201d").format(
                kind.singular.lower(), record_label(kind.name, after)
            ),
        )
        self.before, self.after = before, after

    def _do(self) -> Change | None:
        return records.update(self.bridge.db, self.after, actor=self.bridge.actor)

    def _undo(self) -> Change | None:
        return records.update(self.bridge.db, self.before, actor=self.bridge.actor)


class DeleteRecord(_StoreCommand):
    def __init__(self, bridge: StoreBridge, change: Change) -> None:
        kind = kind_of(change.before)
        super().__init__(
            bridge,
            tr("Delete {0} \u201c{1}\u201d").format(
                kind.singular.lower(), record_label(kind.name, change.before)
            ),
        )
        self.change = change

    def _do(self) -> Change:
        self.change = records.delete(
            self.bridge.db, self.change.kind, self.change.record_id, actor=self.bridge.actor
        )
        return self.change

    def _undo(self) -> Change:
        return records.restore(self.bridge.db, self.change, actor=self.bridge.actor)


def insert(stack: QUndoStack, bridge: StoreBridge, record: Any) -> Change:
    """Add a record (raises StoreError, nothing pushed, if the store refuses)."""
    change = records.insert(bridge.db, record, actor=bridge.actor)
    stack.push(InsertRecord(bridge, record))
    bridge.announce(change)
    return change


def update(stack: QUndoStack, bridge: StoreBridge, after: Any) -> Change | None:
    """Save an edited record; None (nothing pushed) when nothing changed."""
    kind = kind_of(after)
    before = records.get(bridge.db, kind.name, after.id)
    change = records.update(bridge.db, after, actor=bridge.actor)
    if change is None:
        return None
    stack.push(UpdateRecord(bridge, before, after))
    bridge.announce(change)
    return change


def delete(stack: QUndoStack, bridge: StoreBridge, kind_name: str, record_id: str) -> Change:
    """Delete a record (and what goes with it); undo restores it with the same id."""
    change = records.delete(bridge.db, kind_name, record_id, actor=bridge.actor)
    stack.push(DeleteRecord(bridge, change))
    bridge.announce(change)
    return change


class ReviewCommand(_StoreCommand):
    """A review status change; undo puts the previous status back (or removes the review)."""

    def __init__(self, bridge: StoreBridge, change: Change, before: Any | None) -> None:
        super().__init__(bridge, tr("Mark {0}").format(change.after.status.label.lower()))
        self.after, self.before = change.after, before

    def _do(self) -> Change | None:
        if self.before is None:
            return records.insert(self.bridge.db, self.after, actor=self.bridge.actor)
        return records.update(self.bridge.db, self.after, actor=self.bridge.actor)

    def _undo(self) -> Change | None:
        if self.before is None:
            return records.delete(self.bridge.db, "review", self.after.id, actor=self.bridge.actor)
        return records.update(self.bridge.db, self.before, actor=self.bridge.actor)
