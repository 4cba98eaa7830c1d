"""The main window: the cases of the store with their key figures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTableView
from sqlite_utils import Database

from desk_app.domain.summary import batch_totals, total_text
from desk_app.i18n import tr
from desk_app.store import records
from desk_app.store.cases import case_ids, summarize


class CaseListModel(QAbstractTableModel):
    """Cases by id; each row's summary is read on first display and cached."""

    COLUMNS = ("Case", "Period", "Places", "Key figures", "Batches", "Evacuated (batches)")

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._ids = case_ids(db)
        self._cache: dict[str, tuple] = {}

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._row(self._ids[index.row()])[index.column()]

    def _row(self, case_id: str) -> tuple:
        if case_id not in self._cache:
            case = records.get(self._db, "case", case_id)
            summary = summarize(self._db, case)
            figures = records.list_for_case(self._db, "figure", case_id, limit=2)
            batches = records.list_for_case(self._db, "batch", case_id)
            totals = batch_totals(batches)
            self._cache[case_id] = (
                case.title,
                case.period.text(),
                ", ".join(summary.places[:4]),
                "; ".join(f"{f.label}: {f.count.text()}" for f in figures),
                str(totals.batches),
                total_text(totals.people, totals.people_unknown),
            )
        return self._cache[case_id]


class MainWindow(QMainWindow):
    """A window over one store."""

    def __init__(self, db: Database, store_path: Path) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle(tr("Case Desk \u2014 {0}").format(store_path.name))
        self.model = CaseListModel(db, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.setCentralWidget(self.table)
        self.statusBar().showMessage(str(store_path))
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu(tr("&File")).addAction(quit_action)
        self.resize(1200, 600)
