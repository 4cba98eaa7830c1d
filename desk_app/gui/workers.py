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

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
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


class _Relay(QObject):
    """Lives in the GUI thread, so the worker's signals reach the callbacks there (queued).

    A plain Python callable connected to a worker's signal would run in the worker
    thread, and building widgets there breaks Qt.
    """

    def __init__(
        self, parent: QObject, dialog: QProgressDialog, on_success: Callable, on_failure: Callable
    ) -> None:
        super().__init__(parent)
        self._dialog, self._on_success, self._on_failure = dialog, on_success, on_failure

    @Slot(int, int, str)
    def progressed(self, done: int, total: int, message: str) -> None:
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(done)
        self._dialog.setLabelText(message)

    @Slot(object)
    def succeeded(self, result: object) -> None:
        self._on_success(result)

    @Slot(str)
    def failed(self, message: str) -> None:
        self._on_failure(message)

    @Slot()
    def finished(self) -> None:
        self._dialog.close()
        self.deleteLater()


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
    dialog.canceled.connect(runner.cancel, Qt.ConnectionType.DirectConnection)
    relay = _Relay(parent, dialog, on_success, on_failure)
    runner.progressed.connect(relay.progressed)
    runner.succeeded.connect(relay.succeeded)
    runner.failed.connect(relay.failed)
    runner.finished.connect(relay.finished)
    runner.finished.connect(thread.quit)
    thread.finished.connect(runner.deleteLater)
    thread.started.connect(runner.run)
    thread.start()
    return thread, runner, dialog
