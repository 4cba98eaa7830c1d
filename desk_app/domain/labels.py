"""One-line labels for records, from a record or from a few of its columns.

The lazy tree reads only these columns for thousands of records; the same
function labels a full record elsewhere, so the two always agree.
"""

from __future__ import annotations

from typing import Any

from desk_app.domain.values import PartialDate
from desk_app.i18n import tr

LABEL_FIELDS: dict[str, tuple[str, ...]] = {
    "case": ("title",),
    "source": ("title",),
    "place": ("name",),
    "party": ("name",),
    "figure": ("label",),
    "siege": ("title",),
    "agreement": ("title",),
    "batch": ("number", "date", "origin"),
    "incident": ("title", "date"),
    "testimony": ("witness_label", "date"),
    "aftermath": ("title",),
    "media": ("caption", "date"),
    "annotation": ("text",),
    "review": ("status",),
}


def _get(source: Any, name: str) -> Any:
    return source[name] if isinstance(source, dict) else getattr(source, name)


def _date_text(value: Any) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = PartialDate.parse(value)
    return value.text()


def record_label(kind: str, source: Any) -> str:
    """A short label for a record (or a dict of its LABEL_FIELDS columns)."""
    if kind == "batch":
        number = _get(source, "number")
        head = tr("Batch {0}").format(number) if number is not None else tr("Batch")
        parts = [head, _date_text(_get(source, "date")) or tr("date unknown")]
        origin = _get(source, "origin")
        if number is None and origin:
            parts.append(tr("from {0}").format(origin))
        return " \u00b7 ".join(parts)
    fields = LABEL_FIELDS[kind]
    first = str(_get(source, fields[0]) or "")
    if len(first) > 80:
        first = first[:77].rstrip() + "\u2026"
    if len(fields) > 1:
        date = _date_text(_get(source, fields[1]))
        return f"{first} \u00b7 {date}" if date else first
    return first
