"""Issue 5 through the widgets: annotate, highlight, review status, history, search."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from desk_app.domain.enums import ReviewStatus
from desk_app.domain.values import Count, Qualifier
from desk_app.gui.models.case_tree import OPEN_MARK
from desk_app.store import records
from desk_app.store.cases import resolve_case
from desk_app.store.review import open_counts, statuses, thread


def _open_batch(window, number=4):
    case = resolve_case(window.db, "al-waer")
    batch = next(
        b for b in records.list_for_case(window.db, "batch", case.id) if b.number == number
    )
    window.show_record("batch", batch.id, case.id)
    return batch


def test_annotate_a_batch_count_with_tags_reply_resolve_and_undo(window, qtbot):
    batch = _open_batch(window)
    dialog = window.annotate()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(1)  # question
    dialog.text.setPlainText(
        "The caption says more than 20,000 left in all; how many in this batch?"
    )
    dialog.tags.item(dialog.tags.count() - 1).setCheckState(
        dialog.tags.item(0).checkState().__class__.Checked
    )
    dialog.free.setText("caption")
    dialog.accept()
    notes = thread(window.db, batch.id)
    assert len(notes) == 1 and notes[0].kind.value == "question" and "caption" in notes[0].tags
    assert notes[0].author == window.bridge.actor
    assert window.side.tabText(1) == "Annotations (1)"
    table = window.tabs.panels["batch"].model
    assert table.index(table.row_of(batch.id), 0).data(1) == OPEN_MARK  # DecorationRole
    assert window.tree.currentIndex().data(1) == OPEN_MARK
    # a reply, then resolve, each undoable
    window.annotations.tree.setCurrentItem(window.annotations.tree.topLevelItem(0))
    assert "how many in this batch?" in window.annotations.reader.toPlainText(), (
        "the full note is readable"
    )
    reply = window.annotations.reply()
    qtbot.addWidget(reply)
    reply.text.setPlainText("Not given in the report; leave unknown.")
    reply.accept()
    assert len(thread(window.db, batch.id)) == 2
    window.annotations.tree.setCurrentItem(window.annotations.tree.topLevelItem(0))
    window.annotations.toggle_resolved()
    assert open_counts(window.db, [batch.id]) == {}
    assert window.side.tabText(1) == "Annotations"
    window.act_undo.trigger()
    assert open_counts(window.db, [batch.id]) == {batch.id: 1}
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert thread(window.db, batch.id) == []
    window.act_redo.trigger()
    assert len(thread(window.db, batch.id)) == 1


def test_highlight_a_sentence_in_a_testimony_and_follow_edits(window, qtbot):
    case = resolve_case(window.db, "daraya")
    testimony = records.list_for_case(window.db, "testimony", case.id)[0]
    window.show_record("testimony", testimony.id, case.id)
    reader = window.tabs.panels["testimony"].pane
    words = "one boy whose father had died"
    start = testimony.text.index(words)
    cursor = reader.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    reader.annotate.click()
    dialog = window.annotations.findChildren(type(window.annotations.add(ask=False)))[-2]
    dialog.text.setPlainText("Corroborated by a second teacher's account.")
    dialog.accept()
    note = thread(window.db, testimony.id)[0]
    assert (note.span_start, note.span_end, note.quote) == (start, start + len(words), words)
    assert [(a.start, a.end) for a in reader.spans] == [(start, start + len(words))]
    # an edit elsewhere moves the words: the highlight follows them
    testimony.text = "In his words: " + testimony.text
    from desk_app.gui import commands

    commands.update(window.undo_stack, window.bridge, testimony)
    assert [(a.start, a.end) for a in reader.spans] == [(start + 14, start + 14 + len(words))]
    # changing the words themselves makes the span stale, and the panel says so
    testimony.text = testimony.text.replace(words, "a boy")
    commands.update(window.undo_stack, window.bridge, testimony)
    assert reader.spans == []
    window.annotations.refresh()
    assert "STALE" in window.annotations.tree.topLevelItem(0).text(0)


def test_mark_records_reviewed_undo_and_filter_the_tree(window, qtbot):
    batch = _open_batch(window, 10)
    assert window.act_review.shortcut().toString() == "Ctrl+R"
    assert window.set_review_status(ReviewStatus.REVIEWED)
    assert statuses(window.db, [batch.id]) == {batch.id: ReviewStatus.REVIEWED}
    table = window.tabs.panels["batch"].model
    review_col = table.columnCount() - 1
    assert table.index(table.row_of(batch.id), review_col).data() == "Reviewed"
    window._refresh_counts()
    assert "reviewed 1" in window.review_label.text()
    window.status_filter.setCurrentIndex(window.status_filter.findData("reviewed"))
    model = window.tree_model
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Homs (1)"
    case_index = model.find_case(batch.case_id)
    model.fetchMore(case_index)
    kinds = [model.index(r, 0, case_index).data() for r in range(model.rowCount(case_index))]
    assert "Evacuation batches (1)" in kinds and "Testimonies (0)" in kinds
    window.status_filter.setCurrentIndex(0)
    window.act_undo.trigger()
    assert statuses(window.db, [batch.id]) == {}
    assert table.index(table.row_of(batch.id), review_col).data() == "Draft"


def test_history_panel_tells_who_changed_what(window, qtbot):
    batch = _open_batch(window)
    batch.people = Count(1800, None, Qualifier.ABOUT)
    from desk_app.gui import commands

    commands.update(window.undo_stack, window.bridge, batch)
    text = window.history.toPlainText()
    assert "changed people from nothing to about 1,800" in text
    assert "desk-app demo imported this from a case bundle" in text


def test_search_panel_finds_across_cases_and_opens_the_record(window, qtbot):
    window.open_search()
    assert window.search_dock.isVisible() and window.act_find.shortcut().toString() == "Ctrl+F"
    panel = window.search
    panel.query.setText("Rashid")  # typing, mid-word: the older query is superseded
    first = panel.run_query()
    panel.query.setText("Rashidin")
    second = panel.run_query()
    assert second > first
    qtbot.waitUntil(
        lambda: bool(panel.hits) and panel.summary.text() != "Searching\u2026", timeout=5000
    )
    assert {h.case_slug for h in panel.hits} == {"four-towns"}
    assert "<b" in panel.results.toHtml()
    incident = next(h for h in panel.hits if h.kind == "incident")
    panel.record_requested.emit(incident.kind, incident.record_id, incident.case_id)
    assert window.current == ("incident", incident.record_id)
    assert window.tabs.currentIndex() == window.tabs.tab_of_kind["incident"]
    panel.kind.setCurrentIndex(panel.kind.findData("media"))
    panel.run_query()
    qtbot.waitUntil(
        lambda: bool(panel.hits) and {h.kind for h in panel.hits} == {"media"}, timeout=5000
    )
    panel.query.setText('NEAR( "-qqzx col:')
    panel.run_query()
    qtbot.waitUntil(lambda: panel.summary.text() == "Nothing found.", timeout=5000)
