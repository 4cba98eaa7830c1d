"""Fonts and paragraph styles of the brief.

One embedded family, Amiri (SIL OFL, from fontpkg-amiri), covers Latin and
Arabic, so a brief looks the same on every machine and never depends on a
system font.
"""

from __future__ import annotations

import functools

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desk_app.paths import amiri_font

rl_config.useA85 = 0  # ASCII85 in pure Python dominated build time (HOUSE_STYLE field notes)

FONT, BOLD, ITALIC = "Amiri", "Amiri-Bold", "Amiri-Italic"
INK = colors.HexColor("#1d2433")
MUTED = colors.HexColor("#5b6474")
ACCENT = colors.HexColor("#7a1f1f")
RULE = colors.HexColor("#c9ced8")
BOX = colors.HexColor("#f3f1ec")


@functools.cache
def register_fonts() -> None:
    """Register the Amiri family once per process."""
    for name, style in (
        (FONT, "Regular"),
        (BOLD, "Bold"),
        (ITALIC, "Italic"),
        ("Amiri-BoldItalic", "BoldItalic"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(amiri_font(style))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic="Amiri-BoldItalic"
    )


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The brief's paragraph styles by name."""
    register_fonts()
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=10.5, leading=14.5, textColor=INK, spaceAfter=5
    )
    return {
        "body": base,
        "rtl": ParagraphStyle("rtl", parent=base, fontSize=12, leading=19),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=BOLD, fontSize=9, leading=11.5, spaceAfter=0
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=26, leading=32, spaceAfter=10
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=13, leading=18, textColor=MUTED
        ),
        "marking": ParagraphStyle(
            "marking", parent=base, fontName=BOLD, fontSize=11, textColor=ACCENT, alignment=TA_LEFT
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=16,
            leading=20,
            spaceBefore=14,
            spaceAfter=6,
            textColor=ACCENT,
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=12, leading=15, spaceBefore=8, spaceAfter=3
        ),
        "quote": ParagraphStyle("quote", parent=base, leftIndent=14, textColor=INK),
        "center": ParagraphStyle(
            "center", parent=base, alignment=TA_CENTER, textColor=MUTED, fontSize=9
        ),
    }
