"""`make bench`: every benchmark, one table, bench/RESULTS.md and bench/growth.png.

Each figure is a median of several runs with its spread, paired with a bare
baseline measured in the same run (the machine is shared and noisy).
`python -m bench --quick` skips the 1M-testimony store.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import bench_brief, bench_import, bench_search, bench_tree, bench_window  # noqa: E402
from bench.common import Row, machine, store  # noqa: E402

HERE = Path(__file__).resolve().parent


def table(rows: list[Row]) -> str:
    head = "| what | size | median | spread | baseline | ratio | target | met |\n|---|---|---|---|---|---|---|---|\n"
    lines = []
    for r in rows:
        base = f"{r.baseline:.1f} {r.unit}" if r.baseline is not None else "-"
        met = {True: "yes", False: "**no**", None: "-"}[r.met]
        lines.append(
            f"| {r.what} | {r.size} | {r.value:.1f} {r.unit} | {r.spread} | {base} | {r.ratio} | {r.target} | {met} |"
        )
    return head + "\n".join(lines) + "\n"


def plot(rows: list[Row], target: Path) -> None:
    """How search and tree expansion grow with size (log scale of size)."""
    from PySide6.QtCharts import QChart, QChartView, QLineSeries, QLogValueAxis, QValueAxis
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    chart = QChart()
    chart.setTitle("Growth with store size (median ms; x: testimonies, log scale)")
    axis_x, axis_y = QLogValueAxis(), QValueAxis()
    axis_x.setBase(10)
    axis_x.setLabelFormat("%'.0f")  # 1,000,000 rather than 1e+06
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    top = 1.0
    for what, label in (
        ("two-word search, top 20", "search (ours)"),
        ("expand a case in the tree", "tree expand"),
    ):
        series = QLineSeries()
        series.setName(label)
        series.setPointsVisible(True)
        for r in rows:
            if r.what == what:
                n = float(r.size.split()[0].replace(",", ""))
                series.append(n, r.value)
                top = max(top, r.value)
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    raw = QLineSeries()
    raw.setName("search (raw FTS5)")
    raw.setPointsVisible(True)
    for r in rows:
        if r.what.startswith("two-word") and r.baseline is not None:
            raw.append(float(r.size.split()[0].replace(",", "")), r.baseline)
            top = max(top, r.baseline)  # the raw line was cut off once ours got faster
    chart.addSeries(raw)
    raw.attachAxis(axis_x)
    raw.attachAxis(axis_y)
    axis_y.setRange(0, top * 1.1)
    axis_y.applyNiceNumbers()
    axis_y.setTitleText("ms")
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(900, 520)
    view.grab().save(str(target))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="skip the 1M-testimony store")
    args = parser.parse_args()
    started = time.perf_counter()
    search_sizes = [(100, 10_000), (1_000, 100_000)] + ([] if args.quick else [(10_000, 1_000_000)])
    tree_sizes = [10_000] if args.quick else [10_000, 100_000]
    print("preparing stores (made once, kept in bench/data/)...", file=sys.stderr)
    demo = HERE / "data" / "demo.db"
    if not demo.exists():
        from desk_app.cli import load_demo
        from desk_app.store import open_store

        demo.parent.mkdir(exist_ok=True)
        load_demo(open_store(demo))
    big = store(*search_sizes[-1])
    rows: list[Row] = []
    for name, step in (
        ("brief", lambda: bench_brief.run()),
        ("tree", lambda: bench_tree.run(tree_sizes)),
        ("search", lambda: bench_search.run(search_sizes)),
        ("import", lambda: bench_import.run(20_000 if args.quick else 100_000)),
        (
            "window",
            lambda: bench_window.run(
                [
                    ("demo store", str(demo)),
                    (
                        f"{search_sizes[-1][0]:,} cases / {search_sizes[-1][1] // 1000:,}k testimonies".replace(
                            "1,000k", "1M"
                        ),
                        str(big),
                    ),
                ]
            ),
        ),
    ):
        print(f"running {name}...", file=sys.stderr)
        rows += step()
    text = table(rows)
    print(text)
    (HERE / "growth.png").unlink(missing_ok=True)
    plot(rows, HERE / "growth.png")
    results = (
        f"# Benchmark results\n\n{date.today().isoformat()} on {machine()}"
        f"{' (quick run)' if args.quick else ''}; whole run {time.perf_counter() - started:.0f} s.\n\n"
        "How to read this: bench/README.md.\n\n" + text + "\n![growth](growth.png)\n"
    )
    (HERE / "RESULTS.md").write_text(results, encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'} and {HERE / 'growth.png'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
