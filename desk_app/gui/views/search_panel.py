"""Search every case (Ctrl+F): typed text, filters, ranked results with the match highlighted.

Each query runs off the GUI thread through the panel's Searcher, which keeps
its own read-only connections (warm caches, parallel slices on a large
store); a newer query interrupts the older one and stale answers are dropped
by their generation number.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import ReviewStatus
from desk_app.domain.kinds import KINDS, kind_named
from desk_app.i18n import tr
from desk_app.store import StoreError
from desk_app.store.connection import OperationalError
from desk_app.store.search import MARK_END, MARK_START, Searcher

LIMIT = 100


class _Emitter(QObject):
    found = Signal(int, object)  # generation, hits
    failed = Signal(int, str)


class _SearchJob(QRunnable):
    def __init__(
        self, searcher: Searcher, text: str, filters: dict, generation: int, emitter: _Emitter
    ) -> None:
        super().__init__()
        self.searcher, self.text, self.filters = searcher, text, filters
        self.generation, self.emitter = generation, emitter

    def run(self) -> None:
        try:
            hits = self.searcher.search(
                self.text, limit=LIMIT, marks=(MARK_START, MARK_END), **self.filters
            )
        except OperationalError:
            return  # interrupted by a newer query
        except StoreError as exc:
            self.emitter.failed.emit(self.generation, str(exc))
            return
        self.emitter.found.emit(self.generation, hits)


class SearchPanel(QWidget):
    """The search box, its filters and the results."""

    record_requested = Signal(str, str, str)  # kind, id, case id

    def __init__(
        self,
        store: Path,
        cases: list[tuple[str, str]],
        tags: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.searcher = Searcher(store)  # connects on the first search
        self.generation = 0
        self.hits: list = []
        self._job: _SearchJob | None = None  # the newest job, kept alive while the pool runs it
        self._emitter = _Emitter(self)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(
            tr("Search every case: places, people, words (Arabic or English)")
        )
        self.query.setClearButtonEnabled(True)
        self.case = QComboBox()
        self.kind = QComboBox()
        self.status = QComboBox()
        self.tag = QComboBox()
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for edit, hint in ((self.date_from, tr("from 2016")), (self.date_to, tr("to 2017-05"))):
            edit.setPlaceholderText(hint)
            edit.setMaximumWidth(110)
        self.set_choices(cases, tags)
        self.kind.addItem(tr("All kinds"), "")
        for k in KINDS:
            if k.name != "review":
                self.kind.addItem(tr(k.plural), k.name)
        self.status.addItem(tr("Any status"), "")
        for s in ReviewStatus:
            self.status.addItem(s.label, s.value)
        self.summary = QLabel()
        self.results = QTextBrowser()
        self.results.setObjectName("searchResults")
        self.results.setOpenLinks(False)
        grid = QGridLayout()
        grid.addWidget(self.query, 0, 0, 1, 6)
        for col, widget in enumerate(
            (self.case, self.kind, self.status, self.tag, self.date_from, self.date_to)
        ):
            grid.addWidget(widget, 1, col)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.query.textChanged.connect(self.timer.start)
        for combo in (self.case, self.kind, self.status, self.tag):
            combo.currentIndexChanged.connect(self.timer.start)
        self.date_from.textChanged.connect(self.timer.start)
        self.date_to.textChanged.connect(self.timer.start)
        self.timer.timeout.connect(self.run_query)
        self._emitter.found.connect(self._on_emitter_found)
        self._emitter.failed.connect(self._on_emitter_failed)
        self.results.anchorClicked.connect(self._on_results_anchor_clicked)

    def set_store(self, store: Path) -> None:
        """Search another store from now on; results of the old one are dropped."""
        self.shutdown()
        self.store, self.searcher = store, Searcher(store)
        self.generation += 1
        self._show(self.generation, [])

    def shutdown(self) -> None:
        """Stop any running search and close the searcher's connections."""
        self.timer.stop()
        self.searcher.interrupt()
        self.pool.waitForDone(5000)
        self.searcher.close()

    def set_choices(self, cases: list[tuple[str, str]], tags: list[str]) -> None:
        for combo, first, items in (
            (self.case, tr("All cases"), cases),
            (self.tag, tr("Any tag"), [(t, t) for t in tags]),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for value, label in items:
                combo.addItem(label, value)
            combo.blockSignals(False)

    def filters(self) -> dict:
        return {
            "case_id": self.case.currentData() or None,
            "kind": self.kind.currentData() or None,
            "status": self.status.currentData() or None,
            "tag": self.tag.currentData() or None,
            "date_from": self.date_from.text().strip() or None,
            "date_to": self.date_to.text().strip() or None,
        }

    def run_query(self) -> int:
        """Start a search for what is typed now; an older one still running is interrupted."""
        self.generation += 1
        self.searcher.interrupt()  # the older query, if one still runs
        text = self.query.text()
        if not text.strip():
            self._show(self.generation, [])
            return self.generation
        self.summary.setText(tr("Searching\u2026"))
        self._job = _SearchJob(self.searcher, text, self.filters(), self.generation, self._emitter)
        self._job.setAutoDelete(False)
        self.pool.start(self._job)
        return self.generation

    def _show(self, generation: int, hits: list) -> None:
        self.hits = hits
        if not hits:
            self.summary.setText(tr("Nothing found.") if self.query.text().strip() else "")
            self.results.clear()
            return
        more = tr(" (the first {0})").format(LIMIT) if len(hits) >= LIMIT else ""
        self.summary.setText(tr("{0} results{1}").format(len(hits), more))
        rows = []
        for h in hits:
            snippet = (
                escape(h.snippet)
                .replace(
                    MARK_START,
                    "<b style='background:palette(highlight);color:palette(highlighted-text)'>",
                )
                .replace(MARK_END, "</b>")
            )
            link = f"desk://record/{h.kind}/{h.record_id}/{h.case_id}"
            label = (
                tr(kind_named(h.kind).singular)
                if h.kind in {k.name for k in KINDS} or h.kind == "case"
                else h.kind
            )
            rows.append(
                f"<p><a href='{link}'>{escape(h.case_slug)} \u00b7 {escape(label)}</a><br>{snippet}</p>"
            )
        self.results.setHtml("".join(rows))

    def _on_emitter_found(self, generation: int, hits: list) -> None:
        if generation == self.generation:  # a newer query has replaced this one
            self._show(generation, hits)

    def _on_emitter_failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.summary.setText(message)

    def _on_results_anchor_clicked(self, url: QUrl) -> None:
        parts = url.toString().split("/")
        if len(parts) >= 3:
            kind, rid, case_id = parts[-3], parts[-2], parts[-1]
            self.record_requested.emit(kind, rid, case_id)
