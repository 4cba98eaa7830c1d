"""The review side of the details dock: annotations of the selected record, and its history."""

from __future__ import annotations

import dataclasses
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain import records as r
from desk_app.domain.anchors import reanchor
from desk_app.domain.enums import AnnotationKind
from desk_app.gui import commands
from desk_app.gui.bridge import StoreBridge
from desk_app.gui.views import dialogs
from desk_app.i18n import tr
from desk_app.store import StoreError, records
from desk_app.store.history import record_history
from desk_app.store.review import add_tag, now, thread, vocabulary


class AnnotationDialog(QDialog):
    """Write or edit one annotation: kind, text, tags from the vocabulary and free tags."""

    def __init__(
        self, vocabulary_tags: list[str], note: r.Annotation, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.note = note
        self.setWindowTitle(tr("Annotation"))
        self.kind = QComboBox()
        self.kinds = list(AnnotationKind)
        self.kind.addItems([k.label for k in self.kinds])
        self.kind.setCurrentIndex(self.kinds.index(note.kind))
        self.text = QPlainTextEdit(note.text)
        self.text.setTabChangesFocus(True)
        self.tags = QListWidget()
        self.tags.setMaximumHeight(120)
        for tag in vocabulary_tags:
            item = QListWidgetItem(tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if tag in note.tags else Qt.CheckState.Unchecked
            )
            self.tags.addItem(item)
        self.free = QLineEdit(", ".join(t for t in note.tags if t not in vocabulary_tags))
        self.free.setPlaceholderText(tr("more tags, comma-separated"))
        self.add_to_vocabulary = QPushButton(tr("Add these to the team's tag list"))
        form = QFormLayout()
        form.addRow(tr("&Kind:"), self.kind)
        form.addRow(tr("&Text:"), self.text)
        form.addRow(tr("Ta&gs:"), self.tags)
        form.addRow(tr("&Free tags:"), self.free)
        form.addRow("", self.add_to_vocabulary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._on_text_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._on_text_changed()

    def free_tags(self) -> list[str]:
        return [t.strip().lower() for t in self.free.text().split(",") if t.strip()]

    def result_note(self) -> r.Annotation:
        checked = [
            self.tags.item(i).text()
            for i in range(self.tags.count())
            if self.tags.item(i).checkState() == Qt.CheckState.Checked
        ]
        tags = list(dict.fromkeys(checked + self.free_tags()))
        return dataclasses.replace(
            self.note,
            kind=self.kinds[self.kind.currentIndex()],
            text=self.text.toPlainText().strip(),
            tags=tags,
        )

    def _on_text_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            bool(self.text.toPlainText().strip())
        )


class AnnotationsPanel(QWidget):
    """The annotations of the selected record, as threads; every action undoable."""

    count_changed = Signal(int)

    def __init__(self, bridge: StoreBridge, undo_stack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.undo_stack = bridge, undo_stack
        self.target: tuple[str, str, str] | None = None  # kind, id, case id
        self._text: str | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("annotationTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QGridLayout()  # a grid keeps the dock narrow enough for small screens
        keys = (
            ("add", "&Add"),
            ("reply", "Re&ply"),
            ("edit", "&Edit"),
            ("resolve", "Re&solve"),
            ("delete", "&Delete"),
        )
        for n, (key, label) in enumerate(keys):
            button = QPushButton(tr(label))
            button.setObjectName(f"annotation_{key}")
            self.buttons[key] = button
            row.addWidget(button, n // 3, n % 3)
        self.reader = QTextBrowser()  # the selected annotation in full: list rows are elided
        self.reader.setObjectName("annotationReader")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 2)
        layout.addWidget(self.reader, 1)
        layout.addLayout(row)
        self.buttons["add"].clicked.connect(lambda: self.add())
        self.buttons["reply"].clicked.connect(lambda: self.reply())
        self.buttons["edit"].clicked.connect(lambda: self.edit())
        self.buttons["resolve"].clicked.connect(lambda: self.toggle_resolved())
        self.buttons["delete"].clicked.connect(lambda: self.delete())
        self.tree.currentItemChanged.connect(lambda *_: self._on_tree_current_changed())
        self.set_target(None)

    # -- public --------------------------------------------------------------------------------

    def set_target(self, target: tuple[str, str, str] | None) -> None:
        self.target = target
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        notes = thread(self.bridge.db, self.target[1]) if self.target else []
        record = (
            records.find(self.bridge.db, "testimony", self.target[1])
            if self.target and self.target[0] == "testimony"
            else None
        )
        self._text = record.text if record is not None else None
        items: dict[str, QTreeWidgetItem] = {}
        for note in notes:
            parent = items.get(note.parent_id) if note.parent_id else None
            item = QTreeWidgetItem([self._line(note)])
            item.setData(0, Qt.ItemDataRole.UserRole, note.id)
            item.setToolTip(0, note.text)
            (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
            items[note.id] = item
        self.tree.expandAll()
        self.notes = {n.id: n for n in notes}
        self.count_changed.emit(sum(1 for n in notes if not n.resolved and not n.parent_id))
        self._update_buttons()

    def new_note(self, **extra) -> r.Annotation:
        kind, record_id, case_id = self.target
        return r.Annotation(
            case_id=case_id,
            record_kind=kind,
            record_id=record_id,
            author=self.bridge.actor,
            created_at=now(),
            text="",
            **extra,
        )

    def add(self, note: r.Annotation | None = None, *, ask: bool = True) -> AnnotationDialog | None:
        """Write a new annotation (a span annotation arrives ready-made from the reader)."""
        if self.target is None:
            return None
        return self._open(note or self.new_note(), creating=True, ask=ask)

    def reply(self) -> AnnotationDialog | None:
        current = self.current()
        if current is None:
            return None
        kind, _, case_id = self.target
        reply = r.Annotation(
            case_id=case_id,
            record_kind="annotation",
            record_id=current.id,
            parent_id=current.id,
            author=self.bridge.actor,
            created_at=now(),
            text="",
        )
        return self._open(reply, creating=True, ask=True)

    def edit(self) -> AnnotationDialog | None:
        current = self.current()
        return self._open(current, creating=False, ask=True) if current else None

    def toggle_resolved(self) -> None:
        current = self.current()
        if current is not None:
            self._save(dataclasses.replace(current, resolved=not current.resolved), creating=False)

    def delete(self) -> None:
        current = self.current()
        if current is not None and dialogs.confirm(
            self,
            tr("Delete annotation"),
            tr("Delete this annotation and its replies? You can undo this."),
        ):
            commands.delete(self.undo_stack, self.bridge, "annotation", current.id)

    def current(self) -> r.Annotation | None:
        item = self.tree.currentItem()
        return self.notes.get(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    # -- internals -------------------------------------------------------------------------------

    def _open(self, note: r.Annotation, *, creating: bool, ask: bool) -> AnnotationDialog | None:
        dialog = AnnotationDialog(vocabulary(self.bridge.db), note, self)
        dialog.add_to_vocabulary.clicked.connect(lambda: self._extend_vocabulary(dialog))
        dialog.accepted.connect(lambda: self._save(dialog.result_note(), creating=creating))
        if ask:
            dialog.open()
        return dialog

    def _extend_vocabulary(self, dialog: AnnotationDialog) -> None:
        for tag in dialog.free_tags():
            add_tag(self.bridge.db, tag, actor=self.bridge.actor)

    def _save(self, note: r.Annotation, *, creating: bool) -> None:
        try:
            (commands.insert if creating else commands.update)(self.undo_stack, self.bridge, note)
        except StoreError as exc:
            dialogs.show_error(self, tr("Annotation"), str(exc))

    def _line(self, note: r.Annotation) -> str:
        state = tr("resolved") if note.resolved else tr("open")
        stale = (
            note.span_start is not None
            and self._text is not None
            and reanchor(self._text, note.span_start, note.span_end, note.quote).stale
        )
        if stale:
            state += " \u00b7 " + tr("STALE: the highlighted words were changed")
        tags = f"  [{', '.join(note.tags)}]" if note.tags else ""
        span = f"  \u201c{note.quote[:40]}\u201d" if note.quote else ""
        return f"{note.kind.label} \u00b7 {note.author} \u00b7 {note.created_at[:10]} \u00b7 {state}{span}\n{note.text}{tags}"

    def _on_tree_current_changed(self) -> None:
        self._update_buttons()
        note = self.current()
        if note is None:
            self.reader.clear()
            return
        head = escape(self._line(note).split("\n")[0])
        tags = f"<p><i>{escape(', '.join(note.tags))}</i></p>" if note.tags else ""
        quote = f"<blockquote>\u201c{escape(note.quote)}\u201d</blockquote>" if note.quote else ""
        self.reader.setHtml(f"<p><b>{head}</b></p>{quote}<p>{escape(note.text)}</p>{tags}")

    def _update_buttons(self) -> None:
        has_target, current = self.target is not None, self.current()
        self.buttons["add"].setEnabled(has_target)
        for key in ("reply", "edit", "resolve", "delete"):
            self.buttons[key].setEnabled(current is not None)
        if current is not None:
            self.buttons["resolve"].setText(tr("Re&open") if current.resolved else tr("Re&solve"))


class HistoryPanel(QTextBrowser):
    """Who changed the selected record, what, and when, in plain words."""

    def set_target(self, db, record_id: str | None) -> None:
        if not record_id:
            self.setHtml(f"<p>{escape(tr('Select a record to see its history.'))}</p>")
            return
        rows = record_history(db, record_id)
        if not rows:
            self.setHtml(f"<p>{escape(tr('No recorded changes.'))}</p>")
            return
        body = "".join(
            f"<tr><td valign='top' style='white-space:nowrap'>{escape(when)}</td>"
            f"<td>{escape(what)}</td></tr>"
            for when, what in rows
        )
        self.setHtml(f"<table cellspacing='4'>{body}</table>")
