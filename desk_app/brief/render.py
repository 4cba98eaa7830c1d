"""Turn a case bundle into a PDF brief: page furniture, bookmarks, metadata, atomic write.

The same function serves the command line and the window (in a worker with
its own store connection). Redaction for the profile happens first, on the
data; the file appears at the target only when it is complete.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from desk_app.brief.arabic import has_arabic, visual
from desk_app.brief.story import BriefMeta, Heading, build_story
from desk_app.brief.styles import ACCENT, FONT, MUTED, RULE, register_fonts
from desk_app.domain.bundle import CaseBundle
from desk_app.domain.redact import Profile, redact
from desk_app.files import atomic_write
from desk_app.i18n import tr

Progress = Callable[[int, int, str], None]
MARGIN = 20 * mm


@dataclass(frozen=True, slots=True)
class BriefResult:
    path: Path
    pages: int
    seconds: float


def _page_text(text: str) -> str:
    return visual(text, rtl=False) if has_arabic(text) else text


def _numbered_canvas(title: str, marking: str):
    """A canvas class that draws 'Page X of Y' once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, height - 14 * mm, width - MARGIN, height - 14 * mm)
            self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
            self.setFont(FONT, 8.5)
            self.setFillColor(ACCENT)
            self.drawRightString(width - MARGIN, height - 12 * mm, _page_text(marking))
            self.setFillColor(MUTED)
            if self._pageNumber > 1:
                self.drawString(MARGIN, height - 12 * mm, _page_text(title[:90]))
            self.drawString(MARGIN, 9 * mm, _page_text(marking))
            self.drawRightString(
                width - MARGIN, 9 * mm, tr("Page {0} of {1}").format(self._pageNumber, total)
            )
            self.restoreState()

    return NumberedCanvas


class BriefDocument(BaseDocTemplate):
    """A4 pages with one frame; headings become bookmarks."""

    def __init__(self, target, *, title: str) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=22 * mm,
            bottomMargin=20 * mm,
            title=title,
            author="",
            subject="",
            creator="Case Desk",
            producer="Case Desk",
            keywords="",
            pageCompression=1,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._marks = 0

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - ReportLab name
        if isinstance(flowable, Heading):
            self._marks += 1
            key = f"h{self._marks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(
                flowable.outline_text,
                key,
                level=flowable.outline_level,
                closed=flowable.outline_level > 0,
            )


def render_pdf(
    bundle: CaseBundle,
    *,
    profile: Profile,
    audit_head: str,
    made_at: str | None = None,
    progress: Progress | None = None,
) -> tuple[bytes, int]:
    """The PDF bytes of a brief and its page count."""
    report = progress or (lambda *_: None)
    register_fonts()
    report(0, 3, tr("Preparing the {0} edition\u2026").format(profile.value))
    safe = redact(bundle, profile)
    meta = BriefMeta(profile, made_at or date.today().strftime("%-d %B %Y"), audit_head)
    story = build_story(safe, meta)
    report(1, 3, tr("Laying out pages\u2026"))
    buffer = io.BytesIO()
    doc = BriefDocument(buffer, title=_page_text(safe.case.title))
    doc.build(story, canvasmaker=_numbered_canvas(safe.case.title, profile.marking))
    report(2, 3, tr("Writing\u2026"))
    return buffer.getvalue(), doc.page


def build_brief(
    bundle: CaseBundle,
    target: str | Path,
    *,
    profile: Profile,
    audit_head: str,
    made_at: str | None = None,
    progress: Progress | None = None,
) -> BriefResult:
    """Write the brief to target atomically; never a half-written file there."""
    started = time.perf_counter()
    data, pages = render_pdf(
        bundle, profile=profile, audit_head=audit_head, made_at=made_at, progress=progress
    )
    with atomic_write(target) as handle:
        handle.write(data)
    if progress:
        progress(3, 3, tr("Done"))
    return BriefResult(Path(target), pages, time.perf_counter() - started)
