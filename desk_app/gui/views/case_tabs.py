"""The tabs of the open case: overview, siege, agreement, batches, testimonies, ..."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from desk_app.domain import records as r
from desk_app.domain.anchors import reanchor
from desk_app.domain.summary import batch_totals, total_text
from desk_app.gui.models.record_table import RecordTableModel
from desk_app.gui.views.batch_chart import BatchChart
from desk_app.gui.views.html import names_for, overview_html
from desk_app.i18n import tr
from desk_app.store.cases import load_bundle
from desk_app.store.records import Change
from desk_app.store.review import thread

# (tab title, kinds shown in it); the reference tab nests one panel per kind.
TABS: list[tuple[str, tuple[str, ...]]] = [
    ("Overview", ()),
    ("Siege", ("siege",)),
    ("Agreement", ("agreement",)),
    ("Evacuation batches", ("batch",)),
    ("Testimonies", ("testimony",)),
    ("Incidents", ("incident",)),
    ("Aftermath", ("aftermath",)),
    ("Media", ("media",)),
    ("Sources and parties", ("figure", "place", "party", "source")),
]
REFERENCE_TITLES = {
    "figure": "Key figures",
    "place": "Places",
    "party": "Parties",
    "source": "Sources",
}


class Reader(QWidget):
    """A testimony to read: who, when and where, then its text with annotated spans highlighted."""

    span_requested = Signal(int, int, str)  # start, end, quoted words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.text = QTextBrowser()
        self.text.setObjectName("readerText")
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.text.setFont(font)
        self.annotate = QPushButton(tr("Annotate selection"))
        self.annotate.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.annotate.setToolTip(tr("Annotate the selected words (Ctrl+Shift+A)"))
        self.annotate.clicked.connect(self._on_annotate_clicked)
        self.spans: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.annotate)

    def show_testimony(self, t: r.Testimony, spans: list) -> None:
        """Show a testimony; spans are Anchors of its span annotations (stale ones are not drawn)."""
        when = t.date.text() if t.date else tr("date unknown")
        meta = " \u00b7 ".join(
            [when, t.place or tr("place unknown"), t.language, t.sensitivity.label]
        )
        self.header.setText(f"<h3>{escape(t.witness_label)}</h3><span>{escape(meta)}</span>")
        self.text.setPlainText(t.text)
        option = self.text.document().defaultTextOption()
        rtl = t.language == "ar"
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.text.document().setDefaultTextOption(option)
        self.spans = [a for a in spans if not a.stale]
        marks = []
        for anchor in self.spans:
            selection = QTextEdit.ExtraSelection()
            cursor = self.text.textCursor()
            cursor.setPosition(anchor.start)
            cursor.setPosition(anchor.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(QColor(255, 214, 102, 170))
            marks.append(selection)
        self.text.setExtraSelections(marks)

    def _on_annotate_clicked(self) -> None:
        cursor = self.text.textCursor()
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            self.span_requested.emit(start, end, self.text.toPlainText()[start:end])


class RecordPanel(QWidget):
    """A table of one kind, with an optional pane beside or below it."""

    record_selected = Signal(str, str)  # kind, id
    record_activated = Signal(str, str)  # kind, id (double-click / Enter: edit)
    span_requested = Signal(str, int, int, str)  # testimony id, start, end, quote

    def __init__(self, db: Database, kind: str, names, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self._names = kind, names
        self.model = RecordTableModel(db, kind, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setObjectName(f"table_{kind}")
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.pane: QTextBrowser | None = None
        self.totals: QLabel | None = None
        self.chart: BatchChart | None = None
        self.splitter = QSplitter(
            Qt.Orientation.Horizontal if kind == "testimony" else Qt.Orientation.Vertical
        )
        self.splitter.addWidget(self.table)
        if kind == "batch":
            below = QWidget()
            box = QVBoxLayout(below)
            box.setContentsMargins(0, 0, 0, 0)
            self.totals = QLabel()
            self.totals.setObjectName("batchTotals")
            self.chart = BatchChart()
            box.addWidget(self.totals)
            box.addWidget(self.chart, 1)
            self.splitter.addWidget(below)
        elif kind == "testimony":  # other kinds show their fields in the Details dock
            self.pane = Reader()
            self.pane.setObjectName(f"pane_{kind}")
            self.pane.span_requested.connect(
                lambda start, end, quote: self.span_requested.emit(
                    self.current_id() or "", start, end, quote
                )
            )
            self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def set_case(self, case_id: str | None) -> None:
        self.model.set_case(case_id)
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 360))
        self._refresh_summary()
        if self.pane is not None:
            self.pane.header.clear()
            self.pane.text.clear()

    def apply_change(self, change: Change) -> None:
        self.model.apply_change(change)
        if self.pane is not None and change.kind == "annotation" and self.current_id():
            self._show(self.model.record(self.table.currentIndex().row()))
        if change.kind == self.kind:
            self._refresh_summary()
            current = self.current_id()
            if current == change.record_id and change.after is not None:
                self._show(change.after)

    def select(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def _refresh_summary(self) -> None:
        if self.kind != "batch" or self.totals is None:
            return
        batches = self.model.all_records()
        t = batch_totals(batches)
        self.totals.setText(
            tr("{0} batches \u00b7 people: {1} \u00b7 buses: {2}").format(
                t.batches,
                total_text(t.people, t.people_unknown),
                total_text(t.buses, t.buses_unknown),
            )
        )
        self.chart.set_batches(batches)

    def _show(self, record) -> None:
        if self.pane is not None and isinstance(record, r.Testimony):
            notes = [n for n in thread(self.model.db, record.id) if n.span_start is not None]
            anchors = [reanchor(record.text, n.span_start, n.span_end, n.quote) for n in notes]
            self.pane.show_testimony(record, anchors)

    def _on_table_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        record = self.model.record(current.row())
        self._show(record)
        if record is not None:
            self.record_selected.emit(self.kind, record.id)

    def _on_table_activated(self, index) -> None:
        rid = self.model.record_id(index.row())
        if rid:
            self.record_activated.emit(self.kind, rid)


class CaseTabs(QTabWidget):
    """All tabs for one case; keeps its panels in step with the store."""

    record_selected = Signal(str, str)
    record_activated = Signal(str, str)
    span_requested = Signal(str, int, int, str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.case_id: str | None = None
        self._names: dict[str, str] = {}
        self.panels: dict[str, RecordPanel] = {}
        self.tab_of_kind: dict[str, int] = {}
        self.overview = QTextBrowser()
        self.overview.setObjectName("overview")
        self.overview.setOpenLinks(False)
        self.overview.anchorClicked.connect(self._on_overview_anchor_clicked)
        self.reference = QTabWidget()
        for title, kinds in TABS:
            if not kinds:
                self.addTab(self.overview, tr(title))
                continue
            for kind in kinds:
                panel = RecordPanel(db, kind, lambda: self._names)
                panel.record_selected.connect(self.record_selected)
                panel.record_activated.connect(self.record_activated)
                panel.span_requested.connect(self.span_requested)
                self.panels[kind] = panel
                if len(kinds) > 1:
                    self.reference.addTab(panel, tr(REFERENCE_TITLES[kind]))
                self.tab_of_kind[kind] = self.count()
            self.addTab(self.reference if len(kinds) > 1 else self.panels[kinds[0]], tr(title))
        self.tab_of_kind["case"] = 0
        self.setEnabled(False)

    def set_store(self, db: Database) -> None:
        self._db = db
        for panel in self.panels.values():
            panel.model.set_store(db)
        self.set_case(None)

    def set_case(self, case_id: str | None) -> None:
        self.case_id = case_id
        self.setEnabled(case_id is not None)
        self._refresh_overview()
        for panel in self.panels.values():
            panel.set_case(case_id)

    @property
    def names(self) -> dict[str, str]:
        """Display names for the ids the open case's records point at (parties, places, sources)."""
        return self._names

    def current_kind(self) -> str | None:
        """The kind of record the visible tab lists (None on the overview)."""
        widget = self.currentWidget()
        if widget is self.reference:
            widget = self.reference.currentWidget()
        return widget.kind if isinstance(widget, RecordPanel) else None

    def show_record(self, kind: str, record_id: str) -> bool:
        """Bring the record's tab forward and select its row."""
        if kind not in self.panels:
            self.setCurrentIndex(0)
            return kind == "case"
        self.setCurrentIndex(self.tab_of_kind[kind])
        if self.panels[kind].parent() is not None and self.currentWidget() is self.reference:
            self.reference.setCurrentWidget(self.panels[kind])
        return self.panels[kind].select(record_id) if record_id else True

    def apply_change(self, change: Change) -> None:
        if self.case_id is None or change.case_id != self.case_id:
            return
        for panel in self.panels.values():
            panel.apply_change(change)
        self._refresh_overview()

    def _refresh_overview(self) -> None:
        if self.case_id is None:
            self.overview.setHtml(f"<p>{escape(tr('Pick a case in the tree.'))}</p>")
            self._names = {}
            return
        try:
            bundle = load_bundle(self._db, self.case_id, skip=("testimony", "annotation", "media"))
        except Exception as exc:  # noqa: BLE001 - a vanished case shows as a message, not a crash
            self.overview.setHtml(f"<p>{escape(str(exc))}</p>")
            return
        self._names = names_for(bundle)
        self.overview.setHtml(overview_html(bundle))

    def _on_overview_anchor_clicked(self, url: QUrl) -> None:
        parts = url.toString().split("/")
        if url.scheme() == "desk" and len(parts) >= 2:
            kind, rid = parts[-2], parts[-1]
            if self.show_record(kind, rid):
                self.record_selected.emit(kind, rid)
