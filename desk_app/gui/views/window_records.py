"""Creating, editing and deleting records and cases from the window."""

from __future__ import annotations

from desk_app.domain import records as r
from desk_app.domain.kinds import kind_named
from desk_app.gui import commands
from desk_app.gui.views import dialogs
from desk_app.i18n import tr
from desk_app.store import StoreError, records

RECENT_MAX = 8
GROUPINGS = (("governorate", "Governorate"), ("status", "Status"), ("year", "Year"))


class RecordsMixin:
    """Creating, editing and deleting records and cases from the window. Mixed into MainWindow."""

    def _choices(self) -> dict[str, list[tuple[str, str]]]:
        case_id = self.tabs.case_id
        out = {}
        for kind, attr in (("party", "name"), ("place", "name"), ("source", "title")):
            items = records.list_for_case(self.db, kind, case_id) if case_id else []
            out[kind] = [(item.id, getattr(item, attr)) for item in items]
        return out

    def _submit(self, creating: bool):
        def submit(record) -> str | None:
            try:
                change = (commands.insert if creating else commands.update)(
                    self.undo_stack, self.bridge, record
                )
            except StoreError as exc:
                return str(exc)
            if change is not None:  # show what was just made or saved
                self.show_record(change.kind, record.id, change.case_id)
            return None

        return submit

    def open_form(self, record, *, creating: bool):
        from desk_app.gui.views.record_form import RecordForm  # noqa: PLC0415 - only when editing

        form = RecordForm(
            record, self._choices(), self._submit(creating), creating=creating, parent=self
        )
        form.open()
        return form

    def new_record(self):
        kind_name = self.tabs.current_kind()
        if self.tabs.case_id is None or kind_name is None:
            return None
        return self.open_form(blank_record(kind_name, self.tabs.case_id), creating=True)

    def edit_record(self):
        if self.current is None:
            return self.edit_case()
        record = records.find(self.db, *self.current)
        return self.open_form(record, creating=False) if record is not None else None

    def delete_record(self) -> bool:
        if self.current is None:
            return False
        kind, record_id = self.current
        record = records.find(self.db, kind, record_id)
        if record is None:
            return False
        from desk_app.domain.labels import record_label  # noqa: PLC0415

        label = record_label(kind, record)
        question = tr("Delete the {0} \u201c{1}\u201d? You can undo this with Ctrl+Z.").format(
            kind_named(kind).singular.lower(), label
        )
        if not dialogs.confirm(self, tr("Delete record"), question):
            return False
        try:
            commands.delete(self.undo_stack, self.bridge, kind, record_id)
        except StoreError as exc:
            dialogs.show_error(self, tr("Delete record"), str(exc))
            return False
        self._set_current(None, None)
        return True

    def new_case(self):
        return self.open_form(r.Case(slug="", title=""), creating=True)

    def edit_case(self):
        if self.tabs.case_id is None:
            return None
        return self.open_form(records.get(self.db, "case", self.tabs.case_id), creating=False)

    def delete_case(self) -> bool:
        case_id = self.tabs.case_id
        if case_id is None:
            return False
        case = records.get(self.db, "case", case_id)
        question = tr(
            "Delete the case \u201c{0}\u201d and every record in it? You can undo this with Ctrl+Z."
        ).format(case.title)
        if not dialogs.confirm(self, tr("Delete case"), question):
            return False
        commands.delete(self.undo_stack, self.bridge, "case", case_id)
        self.open_case(None)
        return True


def blank_record(kind_name: str, case_id: str):
    """A new, empty record of a kind for the form to fill."""
    from desk_app.domain.values import Count  # noqa: PLC0415

    cls = kind_named(kind_name).cls
    required = {"title": "", "witness_label": "", "label": "", "caption": "", "name": ""}
    kwargs = {k: v for k, v in required.items() if k in cls.__dataclass_fields__}
    if kind_name == "figure":
        kwargs["count"] = Count(0)
    return cls(case_id=case_id, **kwargs)
