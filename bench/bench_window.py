"""Start to an interactive window, and its memory, against a bare PySide6 window with a tree and tabs."""

from __future__ import annotations

import json
import statistics

from bench.common import Row, run_python

# Both snippets report the same way: seconds from interpreter start, and peak RSS.
REPORT = r"""
def hwm():
    # peak RSS of this process image: ru_maxrss would carry over the parent's peak across fork+exec
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
def done():
    print(json.dumps({"seconds": time.perf_counter() - t0, "rss_mb": hwm()}))
    app.quit()
"""

OURS = r"""
import time; t0 = time.perf_counter()
import json, resource, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from desk_app.gui.app import make_application
from desk_app.gui.views.main_window import MainWindow
from desk_app.store import open_store
app = make_application()
path = Path(sys.argv[1])
w = MainWindow(open_store(path), path)
w.show()
QTimer.singleShot(0, done)
app.exec()
"""

BARE = r"""
import time; t0 = time.perf_counter()
import json, resource
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTabWidget, QTreeView, QTextBrowser
from PySide6.QtGui import QStandardItemModel
app = QApplication([])
w = QMainWindow(); split = QSplitter(); tree = QTreeView(); tree.setModel(QStandardItemModel())
tabs = QTabWidget(); [tabs.addTab(QTextBrowser(), str(i)) for i in range(9)]
split.addWidget(tree); split.addWidget(tabs); w.setCentralWidget(split); w.show()
QTimer.singleShot(0, done)
app.exec()
"""


def _runs(code: str, *args: str, repeat: int, env: dict) -> tuple[list[float], list[float]]:
    secs, rss = [], []
    for _ in range(repeat):
        data = json.loads(
            run_python(
                code.replace("QTimer.singleShot(0, done)", REPORT + "QTimer.singleShot(0, done)"),
                *args,
                env=env,
            )
            .strip()
            .splitlines()[-1]
        )
        secs.append(data["seconds"])
        rss.append(data["rss_mb"])
    return secs, rss


def run(stores: list[tuple[str, str]], repeat: int = 5) -> list[Row]:
    import compileall
    import tempfile
    from pathlib import Path

    import desk_app

    # An installed desk-app has its bytecode (pip compiles it); this machine sets
    # PYTHONDONTWRITEBYTECODE, which would add compiling every module to every start.
    compileall.compile_dir(str(Path(desk_app.__file__).parent), quiet=1)
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": tempfile.mkdtemp(),
        "PYTHONDONTWRITEBYTECODE": "",
    }
    bare_s, bare_m = _runs(BARE, repeat=repeat, env=env)
    rows = []
    for label, path in stores:
        secs, rss = _runs(OURS, path, repeat=repeat, env=env)
        med, base = statistics.median(secs) * 1000, statistics.median(bare_s) * 1000
        rows.append(
            Row(
                "start to an interactive window",
                label,
                med,
                "ms",
                f"{min(secs) * 1000:.0f}-{max(secs) * 1000:.0f}",
                baseline=base,
                target="<= 2x bare window",
                met=med <= 2 * base,
            )
        )
        mem, base_mem = statistics.median(rss), statistics.median(bare_m)
        rows.append(
            Row(
                "memory of the window (peak RSS)",
                label,
                mem,
                "MB",
                "",
                baseline=base_mem,
                target="< 300 MB at 1M" if "1M" in label else "-",
                met=mem < 300 if "1M" in label else None,
            )
        )
    return rows
