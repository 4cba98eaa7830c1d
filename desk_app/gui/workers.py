"""Long work off the GUI thread, with progress and cancel.

A job is a plain function `job(progress, cancelled) -> result` where
progress(done, total, message) reports and cancelled() says whether the
user gave up. It runs in a QThread and opens its own store connection; the
window never freezes and never shares a connection across threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desk_app.i18n import tr


class Cancelled(Exception):
    """The user cancelled the job."""


class JobRunner(QObject):
    """Runs one job in a worker thread and reports back through signals."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, job: Callable[[Callable, Callable], Any]) -> None:
        super().__init__()
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._report, self._cancel.is_set)
        except Cancelled:
            self.failed.emit(tr("Cancelled; nothing was changed."))
        except Exception as exc:  # noqa: BLE001 - shown to the user as one message
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()

    def _report(self, done: int, total: int, message: str) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progressed.emit(done, total, message)


def run_job(
    parent: QWidget,
    title: str,
    job: Callable,
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
) -> tuple[QThread, JobRunner, QProgressDialog]:
    """Start a job with a cancellable progress dialog; callbacks run on the GUI thread."""
    thread = QThread(parent)
    runner = JobRunner(job)
    runner.moveToThread(thread)
    dialog = QProgressDialog(title, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(runner.cancel)

    def on_progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)
        dialog.setLabelText(message)

    runner.progressed.connect(on_progress)
    runner.succeeded.connect(on_success)
    runner.failed.connect(on_failure)
    runner.finished.connect(dialog.close)
    runner.finished.connect(thread.quit)
    thread.finished.connect(runner.deleteLater)
    thread.started.connect(runner.run)
    thread.start()
    return thread, runner, dialog
