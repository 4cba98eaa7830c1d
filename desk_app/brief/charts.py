"""People per evacuation batch as ReportLab vector graphics (the PDF stays vector).

Batches with no known count are left out and counted in the caption; an
unknown is never drawn as zero.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String

from desk_app.brief.styles import ACCENT, FONT, MUTED, register_fonts
from desk_app.domain import records as r
from desk_app.i18n import tr


def chart_data(batches: list[r.EvacuationBatch]) -> tuple[list[tuple[str, int]], int]:
    """([(category, people)], unknown) for batches with a known count, in date order."""
    known = sorted(
        (b for b in batches if b.people is not None),
        key=lambda b: (b.date.iso() if b.date else "9999", b.number or 0),
    )
    out = []
    for b in known:
        when = b.date.text() if b.date else tr("date unknown")
        label = tr("Batch {0}").format(b.number) if b.number is not None else b.origin
        out.append((f"{label}, {when}" if len(known) <= 6 else when, b.people.upper))
    return out, len(batches) - len(known)


def people_chart(
    batches: list[r.EvacuationBatch], width: float, height: float = 190
) -> Drawing | None:
    """A bar chart, or None when no batch has a known count."""
    data, _unknown = chart_data(batches)
    if not data:
        return None
    register_fonts()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 45, 45
    chart.width, chart.height = width - 60, height - 65
    chart.data = [[v for _, v in data]]
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = lambda v: f"{int(v):,}"
    chart.categoryAxis.categoryNames = [c for c, _ in data]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.angle = 20 if len(data) > 3 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(data) > 3 else "n"
    chart.barLabelFormat = lambda v: f"{int(v):,}"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 7
    drawing.add(chart)
    drawing.add(
        String(
            width / 2,
            height - 10,
            tr("People per batch, in date order"),
            fontName=FONT,
            fontSize=9,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    return drawing
