"""Start the Qt application on a store."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app import __version__
from desk_app.i18n import install_translator, tr
from desk_app.store import StoreError, open_store


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with its names set (QSettings uses them)."""
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("desk-app")
    app.setOrganizationName("CaseDesk")
    app.setApplicationDisplayName(tr("Case Desk"))
    app.setApplicationVersion(__version__)
    install_translator(lambda context, text: QCoreApplication.translate(context, text))
    return app


def run(store_path: Path, argv: list[str] | None = None) -> int:
    """Open the main window on the store and run until it closes."""
    from desk_app.gui.views.main_window import MainWindow  # noqa: PLC0415

    app = make_application(argv)
    try:
        db = open_store(store_path)
    except StoreError as exc:
        QMessageBox.critical(None, tr("Case Desk"), str(exc))
        return 1
    window = MainWindow(db, store_path)
    window.show()
    return app.exec()
