"""Timing helpers: medians with spread, machine facts, cached synthetic stores."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from desk_app.exchange.synth import synthesize
from desk_app.store import open_store

DATA = Path(__file__).resolve().parent / "data"
OUT = Path(__file__).resolve().parent / "out"


@dataclass
class Row:
    """One line of the results table."""

    what: str
    size: str
    value: float
    unit: str
    spread: str = ""
    baseline: float | None = None
    target: str = ""
    met: bool | None = None
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> str:
        return f"{self.value / self.baseline:.2f}x" if self.baseline else "-"


def timed(func, repeat: int = 5, warmup: int = 1) -> list[float]:
    """Seconds of each run after warmup."""
    for _ in range(warmup):
        func()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        out.append(time.perf_counter() - started)
    return out


def median_spread(samples: list[float], scale: float = 1000.0) -> tuple[float, str]:
    """(median, 'min-max') scaled (to ms by default)."""
    med = statistics.median(samples) * scale
    return med, f"{min(samples) * scale:.1f}-{max(samples) * scale:.1f}"


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def store(cases: int, testimonies: int, batches: int | None = None, seed: int = 1) -> Path:
    """A synthetic store made once and reused from bench/data/."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"synth-{cases}c-{testimonies}t-{batches or 'v'}b-s{seed}.db"
    if not path.exists():
        tmp = path.with_suffix(".partial")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        db = open_store(tmp)
        synthesize(db, cases=cases, testimonies=testimonies, batches=batches, seed=seed)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        tmp.rename(path)
        print(f"  made {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}, {platform.system()}"


def run_python(code: str, *args: str, env: dict | None = None) -> str:
    """Run a snippet in a fresh interpreter (for start-up and memory); returns its stdout."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return result.stdout


def warm_file(path: Path) -> None:
    """Read a file once so the OS caches it: timings then measure the search, not the disk.

    This VM's file cache is small and shared; without this, a run's figures
    depended on which pages the previous run happened to leave cached.
    """
    with open(path, "rb") as f:
        while f.read(8 << 20):
            pass
