"""Arabic in ReportLab: shaping and right-to-left order, line by line.

ReportLab draws glyphs in the order it is given and does not join Arabic
letters, so: wrap in logical order (measuring shaped text), then reshape
(arabic-reshaper) and reorder (python-bidi) each line before drawing. Short
Arabic runs inside left-to-right text (a place's Arabic name) are shaped as
one unbreakable unit.
"""

from __future__ import annotations

import functools
import re
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

_ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ARABIC = re.compile(f"[{_ARABIC_CHARS}]")
_RUN = re.compile(f"[{_ARABIC_CHARS}]+(?:[ \u00a0]+[{_ARABIC_CHARS}]+)*")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def has_arabic(text: str) -> bool:
    return bool(ARABIC.search(text or ""))


def is_rtl(text: str, language: str = "") -> bool:
    """Whether a text's base direction is right to left."""
    if language in ("ar", "fa", "ur", "he"):
        return True
    return len(ARABIC.findall(text or "")) > len(_LATIN.findall(text or ""))


@functools.lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    """One word in its joined forms (words repeat: the reshaper is slow, so cache it)."""
    return _reshaper.reshape(word)


@functools.lru_cache(maxsize=65536)
def _width(word: str, font: str, size: float) -> float:
    return stringWidth(_shape(word), font, size)


def visual(line: str, *, rtl: bool) -> str:
    """One line, shaped and in display order (letters never join across a space)."""
    shaped = " ".join(_shape(word) for word in line.split(" "))
    return get_display(shaped, base_dir="R" if rtl else "L")


def inline_markup(text: str) -> str:
    """Escape text for a Paragraph, shaping each Arabic run as one unbreakable unit."""
    out, last = [], 0
    for match in _RUN.finditer(text):
        out.append(escape(text[last : match.start()]))
        run = visual(match.group(0), rtl=True).replace(" ", "\u00a0")
        out.append(escape(run))
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def wrap_logical(text: str, font: str, size: float, width: float) -> list[str]:
    """Break text into lines in logical order, measuring each word as it will be shaped.

    Arabic letters never join across a space, so a word's shaped width does not
    depend on its neighbours: each word is shaped and measured once.
    """
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in paragraph.split():
            w = _width(word, font, size)
            if current and used + space + w > width:
                lines.append(" ".join(current))
                current, used = [word], w
            else:
                used += (space if current else 0.0) + w
                current.append(word)
        lines.append(" ".join(current))
    return lines


class RTLParagraph(Flowable):
    """A right-to-left paragraph: wrapped in logical order, each line shaped and reordered."""

    def __init__(self, text: str, style, lines: list[str] | None = None) -> None:
        super().__init__()
        self.text, self.style = text, style
        self._lines = lines
        self.width = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        if self._lines is None:
            self._lines = wrap_logical(
                self.text, self.style.fontName, self.style.fontSize, avail_width
            )
        return avail_width, len(self._lines) * self.style.leading

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fit = int(avail_height // self.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        return [
            RTLParagraph(self.text, self.style, self._lines[:fit]),
            RTLParagraph(self.text, self.style, self._lines[fit:]),
        ]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.style.fontName, self.style.fontSize)
        canvas.setFillColor(self.style.textColor)
        y = len(self._lines) * self.style.leading - self.style.fontSize
        for line in self._lines:
            canvas.drawRightString(self.width, y, visual(line, rtl=True))
            y -= self.style.leading
