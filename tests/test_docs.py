"""The README says what the code does: commands and shortcuts are checked against the code."""

from __future__ import annotations

import re
from pathlib import Path

from desk_app.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _subcommands() -> set[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return set(action.choices)


def test_readme_opens_with_the_two_set_up_commands():
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_every_command_is_documented_and_every_documented_command_exists():
    documented = set(
        re.findall(r"^desk-app (?:\[--db PATH\] )?\[?([a-z]+)", README, flags=re.MULTILINE)
    )
    assert _subcommands() <= documented | {"gui"}, _subcommands() - documented
    assert documented <= _subcommands(), documented - _subcommands()


def test_documented_shortcuts_are_bound(qapp, qtbot, demo_path):
    from desk_app.gui.app import make_application

    make_application()
    from desk_app.gui.views.main_window import MainWindow
    from desk_app.store import open_store

    window = MainWindow(open_store(demo_path), demo_path)
    qtbot.addWidget(window)
    bound = {
        s.toString()
        for action in window.findChildren(type(window.act_quit))
        for s in action.shortcuts()
    }
    table = README.split("| keys | action |")[1].split("\n\n")[0]
    keys = re.findall(r"(?:Ctrl|Alt)\+[A-Za-z0-9+]+|F2", table)
    for key in keys:
        if key in ("Alt+1", "Alt+9"):
            continue
        if key == "Ctrl+Shift+A":  # the reader's button, not a window action
            continue
        assert key in bound, key
    assert {"Alt+1", "Alt+9"} <= bound
