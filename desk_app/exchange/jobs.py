"""Long exchange work as functions with progress: the GUI's workers and the CLI drive them.

Each opens its own store connection (a worker thread must not share the
GUI's) and reports progress(done, total, message); a progress callback that
raises cancels the job, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desk_app.exchange.bundle_json import read_bundle, write_bundle
from desk_app.i18n import tr
from desk_app.store import open_store
from desk_app.store.cases import ImportReport, import_bundles, load_bundle

Progress = Callable[[int, int, str], None]


def import_files(store: Path, files: list[Path], *, actor: str, progress: Progress) -> ImportReport:
    """Validate every file, then import them all in one transaction."""
    bundles = []
    for n, path in enumerate(files):
        progress(n, len(files), tr("Checking {0}\u2026").format(Path(path).name))
        bundles.append(read_bundle(path))
    db = open_store(store, create=False)
    try:
        return import_bundles(db, bundles, actor=actor, progress=progress)
    finally:
        db.close()


def export_case(store: Path, case_id: str, target: Path, *, progress: Progress) -> Path:
    """Write one case's bundle to target, atomically."""
    db = open_store(store, create=False)
    try:
        progress(0, 2, tr("Reading the case\u2026"))
        bundle = load_bundle(db, case_id)
        progress(1, 2, tr("Writing {0}\u2026").format(Path(target).name))
        write_bundle(bundle, target)
        progress(2, 2, tr("Done"))
        return Path(target)
    finally:
        db.close()
