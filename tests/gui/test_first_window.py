from __future__ import annotations

from desk_app.gui.views.main_window import CaseListModel, MainWindow
from desk_app.store import open_store


def test_case_list_model_passes_qt_model_tester(qtmodeltester, demo_store):
    model = CaseListModel(demo_store)
    qtmodeltester.check(model)
    assert model.rowCount() == 4


def test_window_lists_the_four_cases_with_key_figures(qtbot, demo_path):
    window = MainWindow(open_store(demo_path), demo_path)
    qtbot.addWidget(window)
    model = window.table.model()
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert titles == ["al-Waer, Homs", "Daraya", "Eastern Aleppo city",
                      "The Four Towns: Madaya, Zabadani, Kefraya and Foua"]
    waer = [model.index(0, col).data() for col in range(model.columnCount())]
    assert "an estimated 70,000\u2013100,000" in waer[3]
    assert waer[4] == "12"
