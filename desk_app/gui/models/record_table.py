"""A table of one kind of record in one case, holding ids and loading rows lazily.

Rows are read a page at a time into a bounded cache, so a case with 100,000
testimonies opens as fast as one with ten. A record that vanished under the
model shows as an error row instead of raising inside data().
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from desk_app.domain.enums import ReviewStatus
from desk_app.gui.models.case_tree import OPEN_MARK
from desk_app.gui.models.columns import COLUMNS, UNKNOWN, display
from desk_app.i18n import tr
from desk_app.store import records
from desk_app.store.records import Change
from desk_app.store.review import REVIEWABLE, open_counts, statuses

PAGE = 200
CACHE_LIMIT = 2000
IdRole = Qt.ItemDataRole.UserRole + 2


class RecordTableModel(QAbstractTableModel):
    """Records of one kind in the current case."""

    def __init__(self, db: Database, kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db, self.kind = db, kind
        self._columns = COLUMNS[kind]
        self._case_id: str | None = None
        self._ids: list[str] = []
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._parties: dict[str, str] = {}
        self._sort: tuple[str | None, bool] = (None, False)
        self._reviewable = kind in REVIEWABLE
        self._status: dict[str, ReviewStatus] = {}
        self._open: dict[str, int] = {}

    # -- public ----------------------------------------------------------------------------

    def set_store(self, db: Database) -> None:
        self._db = db
        self.set_case(None)

    def set_case(self, case_id: str | None) -> None:
        self.beginResetModel()
        self._case_id = case_id
        self._cache.clear()
        self._status.clear()
        self._open.clear()
        self._ids = self._query_ids() if case_id else []
        self._parties = self._party_names() if case_id else {}
        self.endResetModel()

    @property
    def db(self) -> Database:
        return self._db

    @property
    def case_id(self) -> str | None:
        return self._case_id

    def record_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def record(self, row: int) -> Any | None:
        rid = self.record_id(row)
        if rid is None:
            return None
        if rid not in self._cache:
            self._load_page(row)
        return self._cache.get(rid)

    def all_records(self) -> list[Any]:
        """Every record, in table order (for totals and charts of small kinds)."""
        found = records.get_many(self._db, self.kind, self._ids)
        return [found[i] for i in self._ids if i in found]

    def apply_change(self, change: Change) -> None:
        """Refresh only what a change touched."""
        if self._case_id is None or change.case_id != self._case_id:
            return
        if change.kind in ("review", "annotation"):
            self._refresh_marks((change.after or change.before).record_id)
            return
        if change.kind == "party":
            self._parties = self._party_names()
            self._emit_all_changed()
            return
        if change.kind != self.kind:
            return
        if change.action == "update":
            self._cache[change.record_id] = change.after
            row = self.row_of(change.record_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return
        self._resync()

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns) + (1 if self._reviewable else 0)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                tr(self._columns[section].header) if section < len(self._columns) else tr("Review")
            )
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == IdRole:
            return self._ids[index.row()]
        record = self.record(index.row())
        if index.column() >= len(self._columns):
            status = self._status.get(self._ids[index.row()], ReviewStatus.DRAFT)
            return status.label if role == Qt.ItemDataRole.DisplayRole else None
        column = self._columns[index.column()]
        if (
            index.column() == 0
            and role == Qt.ItemDataRole.DecorationRole
            and self._open.get(self._ids[index.row()])
        ):
            return OPEN_MARK
        if record is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return tr("(record missing: reload the case)") if index.column() == 0 else ""
            return None
        value = column.read(record, self._parties)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.column() == 0
            and self._open.get(record.id)
        ):
            return display(value) + "\n" + tr("{0} open annotations").format(self._open[record.id])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if value is UNKNOWN and role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if value is UNKNOWN and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (
            not 0 <= column < len(self._columns) or self._case_id is None
        ):  # the review column is not sortable
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (self._columns[column].sort, order == Qt.SortOrder.DescendingOrder)
        self._ids = self._query_ids()
        self.layoutChanged.emit()

    # -- internals ------------------------------------------------------------------------------

    def _query_ids(self) -> list[str]:
        column, descending = self._sort
        return records.ids_for_case(
            self._db, self.kind, self._case_id, sort=column, descending=descending
        )

    def _party_names(self) -> dict[str, str]:
        return {p.id: p.name for p in records.list_for_case(self._db, "party", self._case_id)}

    def _load_page(self, row: int) -> None:
        start = max(0, row - PAGE // 4)
        chunk = self._ids[start : start + PAGE]
        self._cache.update(records.get_many(self._db, self.kind, chunk))
        self._status.update(statuses(self._db, chunk))
        self._open.update(open_counts(self._db, chunk))
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)

    def _resync(self) -> None:
        new_ids = self._query_ids()
        new_set = set(new_ids)
        for row in range(len(self._ids) - 1, -1, -1):
            if self._ids[row] not in new_set:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._cache.pop(self._ids[row], None)
                del self._ids[row]
                self.endRemoveRows()
        have = set(self._ids)
        for row, rid in enumerate(new_ids):
            if rid not in have:
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids.insert(row, rid)
                self.endInsertRows()

    def _refresh_marks(self, record_id: str) -> None:
        row = self.row_of(record_id)
        if row is None:
            return
        found = statuses(self._db, [record_id])
        if record_id in found:
            self._status[record_id] = found[record_id]
        else:
            self._status.pop(record_id, None)
        self._open[record_id] = open_counts(self._db, [record_id]).get(record_id, 0)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _emit_all_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1)
            )
