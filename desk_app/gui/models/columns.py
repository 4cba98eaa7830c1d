"""What each record table shows: header, how to read the value, what SQL column sorts it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desk_app.domain.values import Count, PartialDate
from desk_app.i18n import tr

UNKNOWN = object()  # a value the source does not give: shown as "unknown", never as 0


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    read: Callable[[Any, dict[str, str]], Any]  # (record, party names by id) -> value
    sort: str | None = None
    numeric: bool = False


def _date(attr: str) -> Callable:
    return lambda r, _: getattr(r, attr) or UNKNOWN


def _count(attr: str) -> Callable:
    return lambda r, _: getattr(r, attr) or UNKNOWN


def _text(attr: str) -> Callable:
    return lambda r, _: getattr(r, attr)


def _label(attr: str) -> Callable:
    return lambda r, _: getattr(r, attr).label


def _parties(attr: str) -> Callable:
    return lambda r, names: ", ".join(names.get(i, tr("unknown party")) for i in getattr(r, attr))


def _yes_no(value: bool | None) -> str:
    return {True: tr("yes"), False: tr("no"), None: tr("unknown")}[value]


COLUMNS: dict[str, list[Column]] = {
    "batch": [
        Column("No.", lambda r, _: r.number if r.number is not None else "\u2014", "number", True),
        Column("Date", _date("date"), "date"),
        Column("Origin", _text("origin"), "origin"),
        Column("Destinations", lambda r, _: "; ".join(r.destinations) or UNKNOWN, "destinations"),
        Column("People", _count("people"), "people_low", True),
        Column("Buses", _count("buses"), "buses_low", True),
        Column("Notes", _text("notes"), "notes"),
    ],
    "testimony": [
        Column("Witness", _text("witness_label"), "witness_label"),
        Column("Date", _date("date"), "date"),
        Column("Place", _text("place"), "place"),
        Column("Language", _text("language"), "language"),
        Column("Sensitivity", _label("sensitivity"), "sensitivity"),
        Column("Consent", _label("consent"), "consent"),
    ],
    "incident": [
        Column("Date", _date("date"), "date"),
        Column("Incident", _text("title"), "title"),
        Column("Kind", _label("kind"), "kind"),
        Column("Phase", _label("phase"), "phase"),
        Column("Attributed to", _text("attribution"), "attribution"),
        Column("Killed", _count("killed"), "killed_low", True),
        Column("Injured", _count("injured"), "injured_low", True),
        Column(
            "Qualification",
            lambda r, _: ", ".join(q.label for q in r.legal_qualifications),
            "legal_qualifications",
        ),
    ],
    "aftermath": [
        Column("Title", _text("title"), "title"),
        Column("Kind", _label("kind"), "kind"),
        Column("Place", _text("place"), "place"),
        Column("Date", _date("date"), "date"),
        Column("People", lambda r, _: r.count or "", "count_low", True),
    ],
    "media": [
        Column("Kind", _label("kind"), "kind"),
        Column("Date", _date("date"), "date"),
        Column("Place", _text("place"), "place"),
        Column("Caption", _text("caption"), "caption"),
        Column("Credit", _text("credit"), "credit"),
    ],
    "siege": [
        Column("Siege", _text("title"), "title"),
        Column("Period", lambda r, _: r.period.text(), "period_start"),
        Column("Besieged by", _parties("besieging_party_ids"), "besieging_party_ids"),
        Column("Population", _count("population"), "population_low", True),
        Column(
            "Restrictions", lambda r, _: ", ".join(x.label for x in r.restrictions), "restrictions"
        ),
    ],
    "agreement": [
        Column("Agreement", _text("title"), "title"),
        Column("Date", _date("date"), "date"),
        Column("Sponsors", _parties("sponsor_party_ids"), "sponsor_party_ids"),
        Column(
            "Civilians ordered to leave",
            lambda r, _: _yes_no(r.civilians_ordered_to_leave),
            "civilians_ordered_to_leave",
        ),
    ],
    "figure": [
        Column("Key figure", _text("label"), "label"),
        Column("As stated", lambda r, _: r.count, "count_low", True),
    ],
    "place": [
        Column("Place", _text("name"), "name"),
        Column("Arabic", _text("name_ar"), "name_ar"),
        Column("Kind", _label("kind"), "kind"),
        Column("Governorate", _text("governorate"), "governorate"),
    ],
    "party": [
        Column("Party", _text("name"), "name"),
        Column("Type", _label("party_type"), "party_type"),
        Column("Notes", _text("notes"), "notes"),
    ],
    "source": [
        Column("Source", _text("title"), "title"),
        Column("Publisher", _text("publisher"), "publisher"),
        Column("Published", _date("published"), "published"),
    ],
}


def display(value: Any) -> str:
    """A cell value as text; unknowns say so."""
    if value is UNKNOWN:
        return tr("unknown")
    if isinstance(value, Count | PartialDate):
        return value.text()
    return "" if value is None else str(value)
