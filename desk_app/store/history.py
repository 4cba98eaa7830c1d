"""A record's history in plain words, from the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from desk_app.i18n import tr
from desk_app.store import audit
from desk_app.store.audit import AuditEntry


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return tr("nothing")
    if isinstance(value, dict) and {"low", "qualifier"} <= set(value):
        from desk_app.domain.values import Count, Qualifier  # noqa: PLC0415

        return Count(value["low"], value.get("high"), Qualifier(value["qualifier"])).text()
    if isinstance(value, dict) and {"start", "end"} == set(value):
        return f"{value['start'] or tr('unknown')} \u2013 {value['end'] or tr('unknown')}"
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    text = str(value).replace("_", " ")
    return text if len(text) <= 80 else text[:77] + "\u2026"


def when(entry: AuditEntry) -> str:
    """'25 Nov 2026 09:14 UTC'."""
    return datetime.fromisoformat(entry.at).strftime("%-d %b %Y %H:%M UTC")


def describe(entry: AuditEntry) -> str:
    """One sentence for one entry: who did what, and for an edit, from what to what."""
    who = entry.actor
    if entry.action == "insert":
        return tr("{0} created this {1}").format(who, entry.record_kind)
    if entry.action == "delete":
        return tr("{0} deleted this {1}").format(who, entry.record_kind)
    if entry.action == "restore":
        return tr("{0} restored this {1} (undo of a deletion)").format(who, entry.record_kind)
    if entry.action == "import":
        if entry.record_kind == "case" and entry.record_id != entry.case_id:
            return tr("{0} imported this case from a bundle").format(who)
        return tr("{0} imported this from a case bundle").format(who)
    if entry.action == "update":
        parts = [
            tr("{0} from {1} to {2}").format(field.replace("_", " "), _value(old), _value(new))
            for field, (old, new) in entry.changes.items()
        ]
        return tr("{0} changed {1}").format(who, "; ".join(parts))
    return tr("{0}: {1}").format(who, entry.action)


def record_history(db: Database, record_id: str) -> list[tuple[str, str]]:
    """(when, what) for a record and its review status, oldest first."""
    entries = audit.history(db, record_id)
    if not any(e.action == "insert" for e in entries):
        # it came in with its case: a bundle import is logged once, for the case
        row = db.execute(
            "SELECT case_id FROM search_doc WHERE record_id = ?", [record_id]
        ).fetchone()
        if row and row[0] != record_id:
            entries += [e for e in audit.history(db, row[0]) if e.action in ("import", "synth")]
    review = db.execute("SELECT id FROM reviews WHERE record_id = ?", [record_id]).fetchone()
    if review:
        entries += audit.history(db, review[0])
    entries.sort(key=lambda e: e.seq)
    out = []
    for e in entries:
        if e.record_kind == "review":
            status = e.changes.get("status")
            new = status[1] if isinstance(status, list) else status
            out.append(
                (when(e), tr("{0} set the review status to {1}").format(e.actor, _value(new)))
            )
        else:
            out.append((when(e), describe(e)))
    return out
