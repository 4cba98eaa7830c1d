"""tr(): the one door every user-visible string goes through.

Headless code (the store, the brief, the command line) must not import Qt,
so tr() looks up a plain function that the GUI replaces with one backed by
QCoreApplication.translate once it has loaded a .qm catalogue. Until then
it returns the English source text.
"""

from __future__ import annotations

from collections.abc import Callable

_translate: Callable[[str, str], str] | None = None


def tr(text: str, context: str = "desk_app") -> str:
    """Translate text for the current language; English is the source."""
    if _translate is None or not text:
        return text
    return _translate(context, text)


def install_translator(func: Callable[[str, str], str] | None) -> None:
    """Route tr() through func(context, text); None restores English."""
    global _translate
    _translate = func
