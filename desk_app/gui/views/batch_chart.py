"""People per evacuation batch over time, as a QtCharts bar chart.

Batches whose count the source does not give are left out of the bars and
counted in the title: an unknown is never drawn as zero.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from desk_app.domain import records as r
from desk_app.i18n import tr


def chart_points(batches: list[r.EvacuationBatch]) -> tuple[list[tuple[str, int, str]], int]:
    """([(category, value, stated text)], unknown): known batches in date order."""
    known = [b for b in batches if b.people is not None]
    known.sort(key=lambda b: (b.date.iso() if b.date else "9999", b.number or 0))
    points = []
    for b in known:
        when = b.date.text() if b.date else tr("date unknown")
        name = tr("Batch {0}").format(b.number) if b.number is not None else b.origin
        points.append((f"{name}, {when}", b.people.upper, b.people.text()))
    return points, len(batches) - len(known)


class BatchChart(QChartView):
    """The chart under the batches table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.points: list[tuple[str, int, str]] = []
        self.unknown = 0
        self.set_batches([])

    def set_batches(self, batches: list[r.EvacuationBatch]) -> None:
        self.points, self.unknown = chart_points(batches)
        chart = QChart()
        chart.legend().hide()
        dark = self.palette().window().color().lightness() < 128
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        )
        chart.setBackgroundVisible(False)
        title = tr("People per batch")
        if self.unknown:
            title += " \u2014 " + tr(
                "{0} of {1} batches have no known count and are not shown"
            ).format(self.unknown, len(batches))
        if not self.points:
            title = (
                tr("No batch has a known number of people")
                if batches
                else tr("No evacuation batches")
            )
        chart.setTitle(title)
        if self.points:
            bars = QBarSet(tr("People"))
            for _, value, _ in self.points:
                bars.append(value)
            bars.setLabelColor(self.palette().text().color())
            series = QBarSeries()
            series.append(bars)
            series.setLabelsVisible(True)
            series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
            chart.addSeries(series)
            axis_x = QBarCategoryAxis()
            axis_x.append([c for c, _, _ in self.points])
            if len(self.points) > 2:
                axis_x.setLabelsAngle(-25)
            chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
            series.attachAxis(axis_x)
            axis_y = QValueAxis()
            axis_y.setRange(0, max(v for _, v, _ in self.points) * 1.15)
            axis_y.setLabelFormat("%d")
            axis_y.applyNiceNumbers()
            chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
            series.attachAxis(axis_y)
        self.setChart(chart)
