"""Export a brief from the window: pick an edition, build off the GUI thread, preview, save or print."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.redact import Profile
from desk_app.files import WriteError, atomic_write
from desk_app.gui.views import dialogs
from desk_app.i18n import tr

EXPLAIN = {
    Profile.INTERNAL: "Everything, witness identities and reviewer annotations included. For your team only.",
    Profile.PARTNER: "Witnesses by label only; sensitive details and annotations left out.",
    Profile.PUBLIC: "As for partners, and without anything marked not for publication.",
}


class EditionDialog(QDialog):
    """Choose the edition (profile) of the brief."""

    def __init__(self, case_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export brief"))
        self.combo = QComboBox()
        for profile in Profile:
            self.combo.addItem(profile.value.capitalize(), profile)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Build and preview"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Case:"), QLabel(case_title))
        form.addRow(tr("&Edition:"), self.combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explain)
        layout.addWidget(buttons)
        self.combo.setCurrentIndex(1)  # partner: the safe default for anything leaving the team
        self._on_combo_changed()

    @property
    def profile(self) -> Profile:
        return list(Profile)[self.combo.currentIndex()]  # item data would turn the enum into str

    def _on_combo_changed(self, *_args) -> None:
        self.explain.setText(tr(EXPLAIN[self.profile]))


class BriefPreview(QDialog):
    """The built brief in a PDF view, with Save and Print; the temporary copy is removed on close."""

    def __init__(self, pdf: Path, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf, self.suggested = pdf, suggested_name
        self.setWindowTitle(tr("Brief preview \u2014 {0}").format(suggested_name))
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.save_button = QPushButton(tr("&Save\u2026"))
        self.print_button = QPushButton(tr("&Print\u2026"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 1000)

    @property
    def pages(self) -> int:
        return self.document.pageCount()

    def save_to(self, target: Path) -> None:
        with atomic_write(target) as handle:
            handle.write(self.pdf.read_bytes())

    def _on_save_clicked(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, tr("Save brief"), str(Path.home() / self.suggested), tr("PDF files (*.pdf)")
        )
        if target:
            try:
                self.save_to(Path(target))
            except WriteError as exc:
                dialogs.show_error(self, tr("Save brief"), str(exc))

    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                rect = painter.viewport()
                image = self.document.render(page, rect.size())
                painter.drawImage(rect, image)
        finally:
            painter.end()

    def done(self, result: int) -> None:
        self.document.close()
        shutil.rmtree(self.pdf.parent, ignore_errors=True)
        super().done(result)


def private_target(name: str) -> Path:
    """A path in a fresh private (0700) temporary folder, for a brief before it is saved."""
    return Path(tempfile.mkdtemp(prefix="desk-brief-")) / name
