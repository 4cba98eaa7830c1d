"""The review window driven through its widgets, offscreen."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from desk_app.domain.values import Count, Qualifier
from desk_app.gui.models.case_tree import NodeRole
from desk_app.store import open_store, records
from desk_app.store.cases import resolve_case


def _select_case_in_tree(window, qtbot, slug):
    case = resolve_case(window.db, slug)
    index = window.tree_model.find_case(case.id)
    window.tree.setCurrentIndex(index)
    return case


def test_selecting_al_waer_shows_twelve_batches(window, qtbot):
    _select_case_in_tree(window, qtbot, "al-waer")
    window.tabs.setCurrentIndex(window.tabs.tab_of_kind["batch"])
    panel = window.tabs.panels["batch"]
    assert panel.model.rowCount() == 12
    assert panel.totals.text() == "12 batches \u00b7 people: unknown \u00b7 buses: unknown"
    assert "al-Waer, Homs" in window.tabs.overview.toPlainText()
    assert "an estimated 70,000\u201310" in window.tabs.overview.toPlainText()


def _open_batch_form(window, qtbot, number=4):
    case = _select_case_in_tree(window, qtbot, "al-waer")
    panel = window.tabs.panels["batch"]
    window.tabs.setCurrentIndex(window.tabs.tab_of_kind["batch"])
    batch = next(
        b for b in records.list_for_case(window.db, "batch", case.id) if b.number == number
    )
    panel.select(batch.id)
    assert window.current == ("batch", batch.id)
    form = window.edit_record()
    qtbot.addWidget(form)
    return batch, form


def test_edit_a_batch_then_undo_and_redo(window, qtbot):
    batch, form = _open_batch_form(window, qtbot)
    form.editors["people"].edit.setText("about 1,800")
    assert form.editors["people"].preview.text() == "about 1,800"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    stored = lambda: records.get(window.db, "batch", batch.id).people  # noqa: E731
    assert stored() == Count(1800, None, Qualifier.ABOUT)
    table = window.tabs.panels["batch"].model
    assert table.index(table.row_of(batch.id), 4).data() == "about 1,800"
    window.act_undo.trigger()
    assert stored() is None
    assert table.index(table.row_of(batch.id), 4).data() == "unknown"
    window.act_redo.trigger()
    assert stored() == Count(1800, None, Qualifier.ABOUT)


def test_an_invalid_date_cannot_be_saved_and_the_store_is_unchanged(window, qtbot):
    batch, form = _open_batch_form(window, qtbot)
    before = records.get(window.db, "batch", batch.id)
    audit_before = window.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    form.editors["date"].edit.setText("2017-02-30")
    assert not form.save_button.isEnabled()
    assert "February 2017 has no day 30" in form.errors["date"].text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result_record() is None
    form.editors["date"].edit.setText("2017-04")
    assert form.save_button.isEnabled() and form.errors["date"].text() == ""
    form.editors["date"].edit.setText("April 2017")
    assert not form.save_button.isEnabled()
    form.reject()
    assert records.get(window.db, "batch", batch.id) == before
    assert window.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before
    assert window.undo_stack.count() == 0


def test_a_required_field_and_a_bad_count_block_saving(window, qtbot):
    _select_case_in_tree(window, qtbot, "daraya")
    window.tabs.setCurrentIndex(window.tabs.tab_of_kind["testimony"])
    form = window.new_record()
    qtbot.addWidget(form)
    assert form.windowTitle() == "New testimony"
    assert not form.save_button.isEnabled() and form.errors["witness_label"].text() == "required"
    form.editors["witness_label"].edit.setText("A baker from Daraya")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    panel = window.tabs.panels["testimony"]
    assert panel.model.rowCount() == 2
    labels = [panel.model.index(r, 0).data() for r in range(2)]
    assert "A baker from Daraya" in labels
    assert window.current[0] == "testimony"
    tree_index = window.tree.currentIndex()
    assert tree_index.data() == "A baker from Daraya"
    assert tree_index.parent().data() == "Testimonies (2)"


def test_delete_a_testimony_then_undo_brings_it_back_with_the_same_id(window, qtbot, yes):
    case = _select_case_in_tree(window, qtbot, "four-towns")
    window.tabs.setCurrentIndex(window.tabs.tab_of_kind["testimony"])
    panel = window.tabs.panels["testimony"]
    testimony = records.list_for_case(window.db, "testimony", case.id)[0]
    panel.select(testimony.id)
    assert window.delete_record()
    assert "You can undo" in yes[0]
    assert records.find(window.db, "testimony", testimony.id) is None
    assert panel.model.rowCount() == 1
    window.act_undo.trigger()
    assert records.get(window.db, "testimony", testimony.id) == testimony
    assert panel.model.rowCount() == 2
    window.act_redo.trigger()
    assert records.find(window.db, "testimony", testimony.id) is None


def test_tree_and_tabs_stay_in_step(window, qtbot):
    case = _select_case_in_tree(window, qtbot, "four-towns")
    incident = next(
        i
        for i in records.list_for_case(window.db, "incident", case.id)
        if i.title.startswith("Car bomb")
    )
    index = window.tree_model.find_record("incident", incident.id, case.id)
    window.tree.setCurrentIndex(index)
    assert window.tabs.currentIndex() == window.tabs.tab_of_kind["incident"]
    assert window.tabs.panels["incident"].current_id() == incident.id
    assert "125" in window.details.toPlainText()
    siege = records.list_for_case(window.db, "siege", case.id)[1]
    window.tabs.setCurrentIndex(window.tabs.tab_of_kind["siege"])
    window.tabs.panels["siege"].select(siege.id)
    assert window.tree.currentIndex().data(NodeRole)[2] == siege.id


def test_window_state_case_and_tab_are_remembered(app, qtbot, demo_path):
    from desk_app.gui.views.main_window import MainWindow

    first = MainWindow(open_store(demo_path), demo_path)
    qtbot.addWidget(first)
    first.show()
    case = _select_case_in_tree(first, qtbot, "daraya")
    first.tabs.setCurrentIndex(5)
    first.set_grouping("status")
    first.resize(790, 560)
    first.close()
    second = MainWindow(open_store(demo_path), demo_path)
    qtbot.addWidget(second)
    assert second.tabs.case_id == case.id
    assert second.tabs.currentIndex() == 5
    assert second.tree_model.grouping == "status"
    assert (second.size().width(), second.size().height()) == (790, 560)


def test_filter_box_narrows_the_tree_as_you_type(window, qtbot):
    qtbot.keyClicks(window.filter_edit, "Zoghara")
    qtbot.waitUntil(lambda: window.tree_model.rowCount() == 1, timeout=2000)
    assert window.tree_model.index(0, 0).data() == "Homs (1)"


def test_import_runs_off_the_gui_thread_and_the_tree_shows_the_new_case(window, qtbot, tmp_path):
    path = tmp_path / "new.json"
    from desk_app.exchange.bundle_json import bundle_to_json
    from desk_app.store.cases import load_bundle

    bundle = load_bundle(window.db, resolve_case(window.db, "daraya").id)
    data = bundle_to_json(bundle)
    old = data["case"]["id"]
    new = "55555555-5555-4555-8555-555555555555"
    text = json.dumps(data).replace(old, new).replace('"slug": "daraya"', '"slug": "daraya-2"')
    for item in (
        "sources",
        "places",
        "parties",
        "figures",
        "sieges",
        "agreements",
        "batches",
        "incidents",
        "testimonies",
        "aftermath",
        "media",
    ):
        for rec in data[item]:
            text = text.replace(rec["id"], rec["id"][:-4] + "beef")
    path.write_text(text)
    thread, runner, _ = window.start_import([path])
    with qtbot.waitSignal(runner.finished, timeout=10000):
        pass
    qtbot.waitUntil(
        lambda: window.tree_model.rowCount() == 4 and "(2)" in window.tree_model.index(1, 0).data(),
        timeout=3000,
    )
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("5 cases"), timeout=3000)


def test_a_new_key_figure_needs_its_count_typed(window, qtbot):
    _select_case_in_tree(window, qtbot, "daraya")
    window.tabs.setCurrentIndex(window.tabs.tab_of_kind["figure"])
    window.tabs.reference.setCurrentWidget(window.tabs.panels["figure"])
    form = window.new_record()
    qtbot.addWidget(form)
    form.editors["label"].edit.setText("Households displaced")
    assert form.editors["count"].edit.text() == "" and not form.save_button.isEnabled()
    form.editors["count"].edit.setText("more than 500")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    figures = window.tabs.panels["figure"].model
    assert figures.rowCount() == 6
    assert "more than 500" in [figures.index(r, 1).data() for r in range(6)]


def test_delete_a_case_and_undo(window, qtbot, yes):
    case = _select_case_in_tree(window, qtbot, "eastern-aleppo")
    assert window.delete_case()
    assert window.tree_model.rowCount() == 3
    assert window.tabs.case_id is None
    window.act_undo.trigger()
    assert window.tree_model.rowCount() == 4
    assert records.count_for_case(window.db, "incident", case.id) == 5


def test_the_form_returns_real_enums_and_keeps_every_field(window, qtbot):
    from desk_app.domain.enums import IncidentKind, LegalQualification

    case = _select_case_in_tree(window, qtbot, "four-towns")
    incident = next(
        i
        for i in records.list_for_case(window.db, "incident", case.id)
        if i.title.startswith("Car bomb")
    )
    window.show_record("incident", incident.id, case.id)
    form = window.edit_record()
    qtbot.addWidget(form)
    assert form.result_record() == incident, "opening and saving unchanged changes nothing"
    form.editors["kind"].set_value(IncidentKind.UNLAWFUL_KILLING)
    form.editors["legal_qualifications"].set_value([LegalQualification.WAR_CRIME])
    edited = form.result_record()
    assert edited.kind is IncidentKind.UNLAWFUL_KILLING
    assert edited.legal_qualifications == [LegalQualification.WAR_CRIME]
    assert type(edited.legal_qualifications[0]) is LegalQualification


def test_switching_stores_new_recent_and_a_bad_file(window, qtbot, tmp_path, errors):
    from desk_app.cli import load_demo

    other = tmp_path / "other.db"
    db = open_store(other)
    load_demo(db)
    records.delete(db, "case", resolve_case(db, "daraya").id, actor="t")
    db.close()
    panel = window.search

    def slugs_found(text: str) -> set[str]:
        panel.query.setText(text)
        generation = panel.run_query()
        qtbot.waitUntil(lambda: panel.summary.text() != "Searching\u2026", timeout=5000)
        assert panel.generation == generation
        return {h.case_slug for h in panel.hits}

    assert "daraya" in slugs_found("Daraya")
    assert window.switch_store(other)
    assert window.tree_model.rowCount() == 3 and window.windowTitle().endswith("other.db")
    assert slugs_found("Daraya") == set(), "the panel searches other.db, without the daraya case"
    assert window.undo_stack.count() == 0 and window.tabs.case_id is None
    assert window.recent_menu.actions()[0].text() == str(other)
    junk = tmp_path / "junk.db"
    junk.write_text("not a store " * 100)
    assert not window.switch_store(junk)
    assert errors and "not a readable case store" in errors[0]
    assert window.bridge.path == other and window.tree_model.rowCount() == 3
    fresh = tmp_path / "new.db"
    assert window.switch_store(fresh, create=True)
    assert window.tree_model.rowCount() == 0 and fresh.exists()
    assert slugs_found("Daraya") == set() and panel.summary.text() == "Nothing found."


def test_every_menu_action_has_a_shortcut_and_the_help_lists_them(window):
    from PySide6.QtGui import QAction

    menus = [m for m in window.menuBar().findChildren(type(window.recent_menu))]
    actions = [
        a for m in menus for a in m.actions() if a.text() and not a.isSeparator() and not a.menu()
    ]
    without = {a.text() for a in actions if not a.shortcuts()} - {"&About Case Desk"}
    grouping = {a.text() for a in window.group_actions.actions()}
    toggles = {window.dock.toggleViewAction().text(), window.search_dock.toggleViewAction().text()}
    recent = {a.text() for a in window.recent_menu.actions()}
    assert without - grouping - toggles - recent == set()
    html = window.shortcuts_html()
    assert "Ctrl+R" in html and "Set review status" in html and "Ctrl+E" in html
    assert isinstance(window.act_shortcuts, QAction)


def test_a_bad_bundle_imported_from_the_window_is_one_clear_message(
    window, qtbot, tmp_path, errors
):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "desk-app/case-bundle", "version": 1, "case": {"slug": "x"}}')
    before = window.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    thread, runner, _ = window.start_import([bad])
    with qtbot.waitSignal(runner.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert "bad.json: case.title: is required" in errors[0]
    assert window.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before
    assert window.tree_model.rowCount() == 4


def test_create_a_case_from_the_window_then_undo(window, qtbot):
    form = window.new_case()
    qtbot.addWidget(form)
    assert not form.save_button.isEnabled(), "slug and title are required"
    form.editors["slug"].edit.setText("Yarmouk Camp")
    assert not form.save_button.isEnabled() and "lower-case" in form.errors["slug"].text()
    form.editors["slug"].edit.setText("yarmouk")
    form.editors["title"].edit.setText("Yarmouk camp, Damascus")
    form.editors["governorate"].edit.setText("Damascus")
    form.editors["period"].start.edit.setText("2013-07")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    case = resolve_case(window.db, "yarmouk")
    assert window.tabs.case_id == case.id and case.period.start.iso() == "2013-07"
    assert "Damascus (1)" in [
        window.tree_model.index(r, 0).data() for r in range(window.tree_model.rowCount())
    ]
    assert window.tree.currentIndex().data() == "Yarmouk camp, Damascus"
    window.act_undo.trigger()
    assert records.find(window.db, "case", case.id) is None
    assert "Damascus (1)" not in [
        window.tree_model.index(r, 0).data() for r in range(window.tree_model.rowCount())
    ]


def test_the_status_bar_counts_with_thousands_separators(window, tmp_path):
    from desk_app.exchange.synth import synthesize

    path = tmp_path / "big.db"
    db = open_store(path)
    synthesize(db, cases=2, testimonies=1500, seed=2)
    db.close()
    assert window.switch_store(path)
    text = window.counts_label.text()
    assert "2 cases" in text and "1,500 testimonies" in text, text
