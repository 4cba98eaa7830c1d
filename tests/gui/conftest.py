from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desk_app.gui.app import make_application
from desk_app.gui.views import dialogs
from desk_app.gui.views.main_window import MainWindow
from desk_app.store import open_store


@pytest.fixture
def app(qapp):
    make_application()
    QSettings().clear()
    return qapp


@pytest.fixture
def window(app, qtbot, demo_path):
    win = MainWindow(open_store(demo_path), demo_path)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def yes(monkeypatch):
    """Answer Yes to every confirmation, and record the questions."""
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    return asked


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    return shown
