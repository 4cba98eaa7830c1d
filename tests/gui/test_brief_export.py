"""Export a brief from the window: edition choice, worker build, preview, save and print."""

from __future__ import annotations

import pypdf
from PySide6.QtPrintSupport import QPrinter

from desk_app.domain.redact import Profile
from desk_app.gui.views.brief_preview import EditionDialog
from desk_app.store.cases import resolve_case


def test_the_edition_dialog_defaults_to_partner_and_explains_each(qtbot):
    dialog = EditionDialog("al-Waer, Homs")
    qtbot.addWidget(dialog)
    assert dialog.profile is Profile.PARTNER
    assert "label only" in dialog.explain.text()
    dialog.combo.setCurrentIndex(0)
    assert dialog.profile is Profile.INTERNAL and "identities" in dialog.explain.text()


def test_build_preview_save_and_print(window, qtbot, tmp_path):
    case = resolve_case(window.db, "four-towns")
    window.show_record("case", case.id, case.id)
    assert (
        window.act_export_brief.isEnabled()
        and window.act_export_brief.shortcut().toString() == "Ctrl+E"
    )
    thread, runner, _ = window.start_brief(case.id, Profile.PARTNER)
    with qtbot.waitSignal(runner.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: getattr(window, "preview", None) is not None, timeout=5000)
    preview = window.preview
    from PySide6.QtWidgets import QApplication

    assert preview.thread() is QApplication.instance().thread(), (
        "widgets are built on the GUI thread"
    )
    assert preview.pages >= 5
    temp = preview.pdf
    saved = tmp_path / "saved.pdf"
    preview.save_to(saved)
    reader = pypdf.PdfReader(saved)
    assert len(reader.pages) == preview.pages
    assert "Restricted: for partner organisations" in reader.pages[0].extract_text()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == preview.pages
    preview.reject()
    assert not temp.exists() and not temp.parent.exists(), "the private temporary copy is removed"
