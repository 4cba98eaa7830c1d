"""Screenshots of the window, one per tab, for reviewing what a user sees.

Run under a real display: `xvfb-run -a .venv/bin/python tests/screenshots.py [CASE] [OUTDIR]`.
Scale with QT_SCALE_FACTOR=2; dark palette with DESK_APP_DARK=1. Not a test.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desk_app.cli import load_demo
from desk_app.gui.app import make_application
from desk_app.gui.views.main_window import MainWindow
from desk_app.store import open_store
from desk_app.store.cases import resolve_case


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d6fb6"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#8a8a8a"),
        (QPalette.ColorRole.Link, "#7fb0ff"),
    ):
        p.setColor(role, QColor(colour))
    return p


def main() -> int:
    slug = sys.argv[1] if len(sys.argv) > 1 else "al-waer"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "build/screens")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp())
    path = Path(tempfile.mkdtemp()) / "demo.db"
    db = open_store(path)
    load_demo(db)
    app = make_application()
    if os.environ.get("DESK_APP_DARK"):
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    window = MainWindow(db, path)
    window.resize(1500, 900)
    window.show()
    case = resolve_case(db, slug)
    window.show_record("case", case.id, case.id)
    window.tree.expand(window.tree.currentIndex())
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        panel = window.tabs.panels.get(window.tabs.current_kind() or "")
        if panel is not None and panel.model.rowCount():
            panel.table.selectRow(0)
        for _ in range(5):
            QApplication.processEvents()
        name = out / f"{slug}-{i:02d}-{window.tabs.tabText(i).lower().replace(' ', '-')}.png"
        window.grab().save(str(name))
        print(name)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
