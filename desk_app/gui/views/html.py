"""Records and cases as small HTML documents for QTextBrowser panes.

Generic over the dataclasses: every field of a record is shown, with counts
and dates as stated, unknowns as 'unknown' and ids as names. Links of the
form desk://record/<kind>/<id> open a record in its tab.
"""

from __future__ import annotations

import dataclasses
import enum
from html import escape
from typing import Any

from desk_app.domain import records as r
from desk_app.domain.bundle import CaseBundle
from desk_app.domain.kinds import kind_of
from desk_app.domain.labels import record_label
from desk_app.domain.summary import batch_totals, timeline, total_text
from desk_app.domain.values import Count, DateSpan, PartialDate
from desk_app.i18n import tr

HIDDEN = {"id", "case_id"}
LONG = {
    "summary",
    "description",
    "text",
    "notes",
    "implementation",
    "legal_reasoning",
    "caption",
    "besieged",
}
NAMES = {
    "besieging_party_ids": "Besieged by",
    "sponsor_party_ids": "Sponsors",
    "party_ids": "Attributed parties",
    "place_ids": "Places",
    "killed_children": "Children killed",
    "civilians_ordered_to_leave": "Civilians ordered to leave",
    "witness_name": "Witness name (confidential)",
    "witness_contact": "Witness contact (confidential)",
    "not_for_publication": "Not for publication",
    "name_ar": "Name in Arabic",
}


def field_title(name: str) -> str:
    return tr(NAMES.get(name, name.replace("_", " ").capitalize()))


def _unknown() -> str:
    return f"<i style='color:palette(placeholder-text)'>{escape(tr('unknown'))}</i>"


def value_html(name: str, value: Any, names: dict[str, str]) -> str:
    """One field's value as HTML."""
    if value is None or value == "":
        return _unknown() if name not in ("notes", "url", "reference") else ""
    if isinstance(value, bool):
        return escape(tr("yes") if value else tr("no"))
    if isinstance(value, Count | PartialDate | DateSpan):
        return escape(value.text())
    if isinstance(value, enum.Enum):
        return escape(getattr(value, "label", value.value))
    if isinstance(value, list):
        if not value:
            return _unknown() if name == "destinations" else ""
        if name.endswith("_ids"):
            return escape(", ".join(names.get(i, tr("unknown")) for i in value))
        if isinstance(value[0], r.Negotiator):
            return "<br>".join(
                f"{escape(names.get(n.party_id, '?'))}: {escape(n.role)}" for n in value
            )
        if isinstance(value[0], r.SourceRef):
            return "<br>".join(
                f"{escape(names.get(s.source_id, '?'))} \u2014 {escape(s.locator)}" for s in value
            )
        if isinstance(value[0], enum.Enum):
            return escape(", ".join(getattr(v, "label", v.value) for v in value))
        return "<br>".join(f"\u2022 {escape(str(v))}" for v in value)
    return escape(str(value)).replace("\n", "<br>")


def record_html(record: Any, names: dict[str, str]) -> str:
    """Every field of a record, labelled, as an HTML fragment."""
    kind = kind_of(record)
    rows, long_parts = [], []
    for f in dataclasses.fields(record):
        if f.name in HIDDEN:
            continue
        value = getattr(record, f.name)
        if f.name in LONG and isinstance(value, str) and value:
            long_parts.append(
                f"<h4>{escape(field_title(f.name))}</h4><p>{value_html(f.name, value, names)}</p>"
            )
        else:
            rows.append(
                f"<tr><th align='left' valign='top'>{escape(field_title(f.name))}</th>"
                f"<td>{value_html(f.name, value, names)}</td></tr>"
            )
    head = f"<h3>{escape(kind.singular)}: {escape(record_label(kind.name, record))}</h3>"
    return head + "<table cellspacing='4'>" + "".join(rows) + "</table>" + "".join(long_parts)


def names_for(bundle: CaseBundle) -> dict[str, str]:
    """Display names for the ids a case's records point at."""
    names = {p.id: p.name for p in bundle.parties}
    names.update({p.id: p.name for p in bundle.places})
    names.update({s.id: f"[{n}] {s.title}" for n, s in enumerate(bundle.sources, 1)})
    return names


def overview_html(bundle: CaseBundle) -> str:
    """The Overview tab: the case at a glance, its key figures and its timeline."""
    c = bundle.case
    out = [
        f"<h2>{escape(c.title)}</h2>",
        f"<p><b>{escape(tr('Status'))}:</b> {escape(c.status.label)} &nbsp; "
        f"<b>{escape(tr('Period'))}:</b> {escape(c.period.text())} &nbsp; "
        f"<b>{escape(tr('Governorate'))}:</b> {escape(c.governorate)}</p>",
    ]
    if bundle.places:
        places = ", ".join(
            f"{escape(p.name)}"
            + (f" (<span dir='rtl'>{escape(p.name_ar)}</span>)" if p.name_ar else "")
            for p in bundle.places
        )
        out.append(f"<p><b>{escape(tr('Places'))}:</b> {places}</p>")
    if c.summary:
        out.append(f"<p>{escape(c.summary)}</p>")
    if bundle.figures:
        out.append(f"<h3>{escape(tr('Key figures'))}</h3><table cellspacing='3'>")
        for f in bundle.figures:
            out.append(
                f"<tr><td>{escape(f.label)}</td><td align='right'><b>{escape(f.count.text())}</b></td></tr>"
            )
        out.append("</table>")
    if bundle.batches:
        totals = batch_totals(bundle.batches)
        out.append(
            f"<p><b>{escape(tr('Evacuation batches'))}:</b> {totals.batches}; "
            f"{escape(tr('people'))} {escape(total_text(totals.people, totals.people_unknown))}</p>"
        )
    events = timeline(bundle)
    if events:
        out.append(f"<h3>{escape(tr('Timeline'))}</h3><table cellspacing='3'>")
        for e in events:
            link = f"desk://record/{e.kind}/{e.record_id}"
            out.append(
                f"<tr><td valign='top' style='white-space:nowrap'>{escape(e.date.text())}</td>"
                f"<td><a href='{link}'>{escape(e.label)}</a></td></tr>"
            )
        out.append("</table>")
    return "".join(out)
