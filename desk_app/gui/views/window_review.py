"""Review status, annotations, search and the tree's review filters."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QMenu,
)

from desk_app.domain.enums import ReviewStatus
from desk_app.gui.commands import ReviewCommand
from desk_app.gui.views import dialogs
from desk_app.i18n import tr
from desk_app.store import StoreError, records
from desk_app.store.cases import case_titles
from desk_app.store.review import set_status, vocabulary

RECENT_MAX = 8
GROUPINGS = (("governorate", "Governorate"), ("status", "Status"), ("year", "Year"))


class ReviewMixin:
    """Review status, annotations, search and the tree's review filters. Mixed into MainWindow."""

    def set_review_status(self, status: ReviewStatus) -> bool:
        """Set the selected record's review status: one undoable, logged change."""
        if self.current is None:
            return False
        kind, record_id = self.current
        try:
            change = set_status(self.db, kind, record_id, status, actor=self.bridge.actor)
        except StoreError as exc:
            dialogs.show_error(self, tr("Review status"), str(exc))
            return False
        if change is not None:
            before = change.before
            self.undo_stack.push(ReviewCommand(self.bridge, change, before))
            self.bridge.announce(change)
            self.statusBar().showMessage(tr("Marked {0}").format(status.label.lower()), 4000)
        return True

    def choose_review_status(self) -> None:
        if self.current is None:
            return
        menu = QMenu(self)
        for n, status in enumerate(ReviewStatus, 1):
            menu.addAction(f"&{n} {status.label}", lambda s=status: self.set_review_status(s))
        menu.exec(self.mapToGlobal(self.rect().center()))

    def annotate(self):
        """Add an annotation to the selected record (Ctrl+Shift+M)."""
        self.dock.show()
        self.side.setCurrentWidget(self.annotations)
        return self.annotations.add()

    def open_search(self) -> None:
        self.search.set_choices(self._case_choices(), vocabulary(self.db))
        self.search_dock.show()
        self.search.query.setFocus()
        self.search.query.selectAll()

    def _case_choices(self) -> list[tuple[str, str]]:
        return case_titles(self.db)

    def _on_search_record_requested(self, kind: str, record_id: str, case_id: str) -> None:
        if kind == "case":
            self.show_record("case", record_id, record_id)
        elif kind in ("annotation", "review"):
            target = records.find(self.db, kind, record_id)
            if target is not None:
                self.show_record(target.record_kind, target.record_id, case_id)
        else:
            self.show_record(kind, record_id, case_id)

    def _on_tabs_span_requested(self, record_id: str, start: int, end: int, quote: str) -> None:
        if not record_id or not quote.strip():
            return
        self._set_current("testimony", record_id)
        self.dock.show()
        self.side.setCurrentWidget(self.annotations)
        self.annotations.add(self.annotations.new_note(span_start=start, span_end=end, quote=quote))

    def _fill_tag_filter(self) -> None:
        current = self.tag_filter.currentData() if self.tag_filter.count() else ""
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(tr("Any tag"), "")
        for tag in vocabulary(self.db):
            self.tag_filter.addItem(tag, tag)
        self.tag_filter.setCurrentIndex(max(self.tag_filter.findData(current), 0))
        self.tag_filter.blockSignals(False)

    def _on_review_filter_changed(self, _index: int = 0) -> None:
        self.tree_model.set_review_filter(
            self.status_filter.currentData(), self.tag_filter.currentData()
        )
        for row in range(self.tree_model.rowCount()):
            self.tree.expand(self.tree_model.index(row, 0))

    def _on_annotations_count_changed(self, count: int) -> None:
        self.side.setTabText(
            1, tr("Annotations ({0})").format(count) if count else tr("Annotations")
        )
