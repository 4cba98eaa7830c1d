"""A form for any record, built from its dataclass, validating as you type.

Each field gets an editor for its type (text, count, partial date, period,
choice, yes/no/unknown, lists, party and source pickers). An invalid field
shows its problem beside it and Save stays disabled, so nothing invalid
reaches the store; what the store itself refuses (a taken slug) is shown in
the form, which stays open.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import typing
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain import records as r
from desk_app.domain.kinds import kind_of
from desk_app.domain.serial import field_types, optional_inner
from desk_app.domain.values import Count, DateSpan, InvalidValue, PartialDate
from desk_app.gui.views.html import LONG, field_title
from desk_app.i18n import tr

HIDDEN = {"id", "case_id", "record_kind", "record_id", "author", "created_at", "parent_id"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Choices = dict[str, list[tuple[str, str]]]  # "party"/"place"/"source" -> [(id, name)]


class Invalid(Exception):
    """A field's value is not acceptable; the message is shown beside it."""


class Editor(QWidget):
    """Base of the field editors: value() raises Invalid with a message."""

    changed = Signal()

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class TextEditor(Editor):
    def __init__(
        self, *, multiline: bool, required: bool, nullable: bool, check: Callable | None = None
    ) -> None:
        super().__init__()
        self.required, self.nullable, self.check = required, nullable, check
        self.edit = QPlainTextEdit() if multiline else QLineEdit()
        if multiline:
            self.edit.setTabChangesFocus(True)
            self.edit.setMinimumHeight(70)
        _single(self, self.edit)
        self.edit.textChanged.connect(self.changed)

    def _text(self) -> str:
        return (
            self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()
        )

    def value(self) -> Any:
        text = self._text().strip()
        if not text:
            if self.required:
                raise Invalid(tr("required"))
            return None if self.nullable else ""
        if self.check:
            self.check(text)
        return text

    def set_value(self, value: Any) -> None:
        text = value or ""
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)


class ParsedEditor(Editor):
    """A line whose text parses to a value (count, date, number), with a preview."""

    def __init__(
        self,
        parse: Callable[[str], Any],
        show: Callable[[Any], str],
        *,
        nullable: bool,
        placeholder: str,
        preview: bool = True,
    ) -> None:
        super().__init__()
        self.parse, self.show, self.nullable = parse, show, nullable
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.preview = QLabel()
        self.preview.setVisible(preview)
        self.preview.setEnabled(False)
        layout = _single(self, self.edit)
        layout.addWidget(self.preview)
        self.edit.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self) -> None:
        try:
            value = self.value()
            self.preview.setText(self.show(value) if value is not None else tr("unknown"))
        except Invalid:
            self.preview.setText("")
        self.changed.emit()

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            if self.nullable:
                return None
            raise Invalid(tr("required"))
        try:
            return self.parse(text)
        except (InvalidValue, ValueError) as exc:
            raise Invalid(str(exc)) from None

    def set_value(self, value: Any) -> None:
        self.edit.setText(
            "" if value is None else self.show(value) if isinstance(value, Count) else _raw(value)
        )
        self._on_text_changed()


def _raw(value: Any) -> str:
    return value.iso() if isinstance(value, PartialDate) else str(value)


def _parse_int(text: str) -> int:
    if not text.lstrip("-").isdigit():
        raise Invalid(tr("'{0}' is not a whole number").format(text))
    return int(text)


def _parse_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise Invalid(tr("'{0}' is not a number").format(text)) from None


class SpanEditor(Editor):
    def __init__(self) -> None:
        super().__init__()
        self.start = _date_editor(nullable=True)
        self.end = _date_editor(nullable=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("from")))
        layout.addWidget(self.start)
        layout.addWidget(QLabel(tr("to")))
        layout.addWidget(self.end)
        self.start.changed.connect(self.changed)
        self.end.changed.connect(self.changed)

    def value(self) -> DateSpan:
        try:
            return DateSpan(self.start.value(), self.end.value())
        except InvalidValue as exc:
            raise Invalid(str(exc)) from None

    def set_value(self, value: DateSpan) -> None:
        self.start.set_value(value.start)
        self.end.set_value(value.end)


def _date_editor(*, nullable: bool) -> ParsedEditor:
    return ParsedEditor(
        PartialDate.parse,
        lambda d: d.text(),
        nullable=nullable,
        placeholder=tr("2017-04-08, 2017-04 or 2017"),
    )


class ChoiceEditor(Editor):
    """A combo box over (value, label) pairs."""

    def __init__(self, options: list[tuple[Any, str]]) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.values = [value for value, _ in options]  # Qt item data would turn enums into str
        self.combo.addItems([label for _, label in options])
        _single(self, self.combo)
        self.combo.currentIndexChanged.connect(self.changed)

    def value(self) -> Any:
        return self.values[self.combo.currentIndex()]

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(self.values.index(value) if value in self.values else 0)


class CheckEditor(Editor):
    def __init__(self) -> None:
        super().__init__()
        self.box = QCheckBox()
        _single(self, self.box)
        self.box.toggled.connect(self.changed)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: bool) -> None:
        self.box.setChecked(bool(value))


class LinesEditor(TextEditor):
    """One item per line."""

    def __init__(self) -> None:
        super().__init__(multiline=True, required=False, nullable=False)
        self.edit.setPlaceholderText(tr("one per line"))

    def value(self) -> list[str]:
        return [line.strip() for line in self._text().splitlines() if line.strip()]

    def set_value(self, value: list[str]) -> None:
        self.edit.setPlainText("\n".join(value))


class TagsEditor(TextEditor):
    def __init__(self) -> None:
        super().__init__(multiline=False, required=False, nullable=False)
        self.edit.setPlaceholderText(tr("comma-separated"))

    def value(self) -> list[str]:
        return [t.strip() for t in self._text().split(",") if t.strip()]

    def set_value(self, value: list[str]) -> None:
        self.edit.setText(", ".join(value))


class CheckListEditor(Editor):
    """Pick any number of (value, label) options."""

    def __init__(self, options: list[tuple[Any, str]]) -> None:
        super().__init__()
        self.list = QListWidget()
        self.values = [value for value, _ in options]
        for _, label in options:
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setMaximumHeight(min(140, 22 * max(2, len(options)) + 6))
        _single(self, self.list)
        self.list.itemChanged.connect(self.changed)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def value(self) -> list[Any]:
        items = self._items()
        return [
            v
            for v, i in zip(self.values, items, strict=True)
            if i.checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: list[Any]) -> None:
        chosen = set(value)
        for item, item_value in zip(self._items(), self.values, strict=True):
            checked = item_value in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class PairsEditor(Editor):
    """Rows of (picked id, free text): negotiators with roles, sources with locators."""

    def __init__(
        self,
        options: list[tuple[str, str]],
        make: Callable[[str, str], Any],
        split: Callable[[Any], tuple[str, str]],
        first: str,
        second: str,
    ) -> None:
        super().__init__()
        self.options, self.make, self.split = options, make, split
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([tr(first), tr(second)])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(140)
        add, remove = QPushButton(tr("Add")), QPushButton(tr("Remove"))
        add.setEnabled(bool(options))
        add.clicked.connect(lambda: self._add_row("", ""))
        remove.clicked.connect(self._remove_row)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = _single(self, self.table)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(self.changed)

    def _add_row(self, ident: str, text: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for oid, name in self.options:
            combo.addItem(name, oid)
        combo.setCurrentIndex(max(combo.findData(ident), 0))
        combo.currentIndexChanged.connect(self.changed)
        self.table.setCellWidget(row, 0, combo)
        self.table.setItem(row, 1, QTableWidgetItem(text))
        self.changed.emit()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def value(self) -> list[Any]:
        out = []
        for row in range(self.table.rowCount()):
            ident = self.table.cellWidget(row, 0).currentData()
            item = self.table.item(row, 1)
            out.append(self.make(ident, item.text().strip() if item else ""))
        return out

    def set_value(self, value: list[Any]) -> None:
        self.table.setRowCount(0)
        for entry in value:
            self._add_row(*self.split(entry))


def _single(widget: QWidget, child: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(child, 1)
    return layout


def _check_slug(text: str) -> None:
    if not SLUG.match(text):
        raise Invalid(tr("use lower-case letters, digits and hyphens, e.g. al-waer"))


def editor_for(name: str, tp: Any, choices: Choices, *, required: bool = False) -> Editor:
    """The editor widget for one field of a record class."""
    nullable, inner = optional_inner(tp)
    origin = typing.get_origin(inner)
    if origin is list:
        (item,) = typing.get_args(inner)
        if name == "tags":
            return TagsEditor()
        if item is r.Negotiator:
            return PairsEditor(
                choices["party"], r.Negotiator, lambda n: (n.party_id, n.role), "Party", "Role"
            )
        if item is r.SourceRef:
            return PairsEditor(
                choices["source"],
                r.SourceRef,
                lambda s: (s.source_id, s.locator),
                "Source",
                "Page or section",
            )
        if isinstance(item, type) and issubclass(item, enum.Enum):
            return CheckListEditor([(m, m.label) for m in item])
        if name == "place_ids":
            return CheckListEditor(choices["place"])
        if name.endswith("party_ids"):
            return CheckListEditor(choices["party"])
        return LinesEditor()
    if inner is Count:
        return ParsedEditor(
            Count.parse,
            lambda c: c.text(),
            nullable=nullable,
            placeholder=tr("7,500 \u00b7 an estimated 70,000-100,000 \u00b7 at least 125"),
        )
    if inner is PartialDate:
        return _date_editor(nullable=nullable)
    if inner is DateSpan:
        return SpanEditor()
    if inner is bool:
        if nullable:
            return ChoiceEditor([(None, tr("unknown")), (True, tr("yes")), (False, tr("no"))])
        return CheckEditor()
    if inner is int:
        return ParsedEditor(
            _parse_int, str, nullable=nullable, placeholder=tr("a whole number"), preview=False
        )
    if inner is float:
        return ParsedEditor(
            _parse_float, str, nullable=nullable, placeholder=tr("a number"), preview=False
        )
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return ChoiceEditor([(m, m.label) for m in inner])
    return TextEditor(
        multiline=name in LONG,
        required=required,
        nullable=nullable,
        check=_check_slug if name == "slug" else None,
    )


def _required(cls: type) -> set[str]:
    """Fields the dataclass gives no default: the record cannot exist without them."""
    return {
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }


class RecordForm(QDialog):
    """Edit or create one record; submit() is called with the new record on Save."""

    def __init__(
        self,
        record: Any,
        choices: Choices,
        submit: Callable[[Any], str | None],
        *,
        creating: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record, self.submit = record, submit
        kind = kind_of(record)
        verb = tr("New {0}") if creating else tr("Edit {0}")
        self.setWindowTitle(verb.format(kind.singular.lower()))
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        required = _required(type(record))
        for name, tp in field_types(type(record)).items():
            if name in HIDDEN:
                continue
            editor = editor_for(name, tp, choices, required=name in required)
            editor.set_value(getattr(record, name))
            if creating and name in required and isinstance(editor, ParsedEditor):
                editor.edit.clear()  # a placeholder value must be typed, not accepted
            editor.changed.connect(self._validate)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setStyleSheet("color: #c0392b")
            error.setWordWrap(True)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(editor)
            box.addWidget(error)
            label = QLabel(field_title(name) + ":")
            label.setBuddy(editor.focusProxy() or editor)
            form.addRow(label, box)
            self.editors[name], self.errors[name] = editor, error
        self.banner = QLabel()
        self.banner.setStyleSheet("color: #c0392b; font-weight: bold")
        self.banner.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(640, 620)
        self._validate()

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _validate(self) -> dict[str, Any] | None:
        values, ok = {}, True
        for name, editor in self.editors.items():
            try:
                values[name] = editor.value()
                self.errors[name].setText("")
                self.errors[name].setVisible(False)
            except Invalid as exc:
                ok = False
                self.errors[name].setText(str(exc))
                self.errors[name].setVisible(True)
        self.save_button.setEnabled(ok)
        return values if ok else None

    def result_record(self) -> Any | None:
        """The record the form describes now, or None while it is invalid."""
        values = self._validate()
        if values is None:
            return None
        try:
            return dataclasses.replace(self.record, **values)
        except InvalidValue as exc:
            self.banner.setText(str(exc))
            return None

    def _on_save(self) -> None:
        record = self.result_record()
        if record is None:
            return
        problem = self.submit(record)
        if problem:
            self.banner.setText(problem)
            return
        self.accept()
