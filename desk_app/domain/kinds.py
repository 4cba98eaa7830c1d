"""The kinds of record a case holds, and the one place their names live.

A kind's name is what the audit log, the search index, annotations and the
GUI tree use; its bundle key is the list it fills in a case bundle; its
table is where the store keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.domain import records as r
from desk_app.i18n import tr


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    cls: type
    table: str
    bundle_key: str
    singular: str
    plural: str
    order_by: str


KINDS: tuple[Kind, ...] = (
    Kind("source", r.Source, "sources", "sources", "Source", "Sources", "title"),
    Kind("place", r.Place, "places", "places", "Place", "Places", "name"),
    Kind("party", r.Party, "parties", "parties", "Party", "Parties", "name"),
    Kind("figure", r.Figure, "figures", "figures", "Key figure", "Key figures", "position"),
    Kind("siege", r.Siege, "sieges", "sieges", "Siege", "Sieges", "period_start"),
    Kind(
        "agreement",
        r.Agreement,
        "agreements",
        "agreements",
        "Agreement",
        "Agreements",
        "date IS NULL, date",
    ),
    Kind(
        "batch",
        r.EvacuationBatch,
        "batches",
        "batches",
        "Evacuation batch",
        "Evacuation batches",
        "number, date",
    ),
    Kind(
        "incident",
        r.Incident,
        "incidents",
        "incidents",
        "Incident",
        "Incidents",
        "date IS NULL, date",
    ),
    Kind(
        "testimony",
        r.Testimony,
        "testimonies",
        "testimonies",
        "Testimony",
        "Testimonies",
        "date, witness_label",
    ),
    Kind(
        "aftermath",
        r.Aftermath,
        "aftermath",
        "aftermath",
        "Aftermath",
        "Aftermath",
        "date IS NULL, date",
    ),
    Kind("media", r.MediaItem, "media", "media", "Media item", "Media", "date IS NULL, date"),
    Kind(
        "annotation",
        r.Annotation,
        "annotations",
        "annotations",
        "Annotation",
        "Annotations",
        "created_at",
    ),
    Kind("review", r.Review, "reviews", "reviews", "Review", "Reviews", "set_at"),
)

CASE_KIND = Kind("case", r.Case, "cases", "case", "Case", "Cases", "title")

BY_NAME: dict[str, Kind] = {k.name: k for k in (CASE_KIND, *KINDS)}
BY_CLASS: dict[type, Kind] = {k.cls: k for k in (CASE_KIND, *KINDS)}


def kind_of(record: object) -> Kind:
    """The Kind of a record object."""
    return BY_CLASS[type(record)]


def kind_named(name: str) -> Kind:
    """The Kind called name; KeyError with a clear message otherwise."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(tr("unknown record kind '{0}'").format(name)) from None
