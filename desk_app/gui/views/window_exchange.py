"""Import, export and briefs from the window, each run off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
)

from desk_app.gui.views import dialogs
from desk_app.gui.workers import run_job
from desk_app.i18n import tr
from desk_app.store import records
from desk_app.store.records import Change

RECENT_MAX = 8
GROUPINGS = (("governorate", "Governorate"), ("status", "Status"), ("year", "Year"))


class ExchangeMixin:
    """Import, export and briefs from the window, each run off the GUI thread. Mixed into MainWindow."""

    def import_bundles(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, tr("Import case bundles"), str(Path.home()), tr("Case bundles (*.json)")
        )
        if files:
            self.start_import([Path(f) for f in files])

    def start_import(self, files: list[Path]):
        from desk_app.exchange.jobs import import_files  # noqa: PLC0415

        path, actor = self.bridge.path, self.bridge.actor

        def done(report) -> None:
            if report.conflicts:
                dialogs.show_error(
                    self,
                    tr("Import"),
                    tr("Nothing was imported: {0} conflicts.\n\n{1}").format(
                        len(report.conflicts), "\n".join(report.conflicts[:10])
                    ),
                )
                return
            # announce what arrived, so views insert rows instead of reloading
            for case_id in report.new_cases:
                case = records.get(self.db, "case", case_id)
                self.bridge.announce(Change("insert", "case", case_id, case_id, None, case))
            for case_id, kind in sorted(report.touched):
                if case_id not in report.new_cases:
                    self.bridge.announce(Change("insert", kind, "", case_id, None, None))
            self.statusBar().showMessage(
                tr("Imported {0} records").format(report.total_created), 8000
            )

        return self._start_job(
            tr("Importing case bundles"),
            lambda progress, _: import_files(path, files, actor=actor, progress=progress),
            done,
        )

    def export_bundle(self) -> None:
        case_id = self.tabs.case_id
        if case_id is None:
            return
        slug = records.get(self.db, "case", case_id).slug
        target, _ = QFileDialog.getSaveFileName(
            self,
            tr("Export case bundle"),
            str(Path.home() / f"{slug}.json"),
            tr("Case bundles (*.json)"),
        )
        if target:
            from desk_app.exchange.jobs import export_case  # noqa: PLC0415

            path = self.bridge.path
            self._start_job(
                tr("Exporting {0}").format(slug),
                lambda progress, _: export_case(path, case_id, Path(target), progress=progress),
                lambda out: self.statusBar().showMessage(tr("Wrote {0}").format(out), 8000),
            )

    def export_brief(self):
        """Ask for an edition, build the brief in a worker, then preview it."""
        from desk_app.gui.views.brief_preview import EditionDialog  # noqa: PLC0415

        case_id = self.tabs.case_id
        if case_id is None:
            return None
        case = records.get(self.db, "case", case_id)
        chooser = EditionDialog(case.title, self)
        if chooser.exec() != EditionDialog.DialogCode.Accepted:
            return None
        return self.start_brief(case_id, chooser.profile)

    def start_brief(self, case_id: str, profile):
        from desk_app.brief.commands import make_brief  # noqa: PLC0415
        from desk_app.gui.views.brief_preview import BriefPreview, private_target  # noqa: PLC0415

        slug = records.get(self.db, "case", case_id).slug
        name = f"{slug}-{profile.value}.pdf"
        target, store = private_target(name), self.bridge.path

        def show(result) -> None:
            self.preview = BriefPreview(result.path, name, self)
            self.preview.open()

        return self._start_job(
            tr("Building the {0} brief").format(profile.value),
            lambda progress, _: make_brief(
                store, case_id, target, profile=profile, progress=progress
            ),
            show,
        )

    def _start_job(self, title: str, job, on_success):
        job_parts = run_job(
            self, title, job, on_success, lambda message: dialogs.show_error(self, title, message)
        )
        self._jobs.append(job_parts)
        thread = job_parts[0]
        thread.finished.connect(
            lambda: self._jobs.remove(job_parts) if job_parts in self._jobs else None
        )
        return job_parts
