"""A case bundle: one case with all its records, as plain objects.

The brief builder, the exchange format and the CLI's ``show --json`` all
take or give a bundle; none of them needs a database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from desk_app.domain import records as r
from desk_app.domain.kinds import KINDS, Kind
from desk_app.i18n import tr

FORMAT = "desk-app/case-bundle"
VERSION = 1


@dataclass(slots=True)
class CaseBundle:
    case: r.Case
    sources: list[r.Source] = field(default_factory=list)
    places: list[r.Place] = field(default_factory=list)
    parties: list[r.Party] = field(default_factory=list)
    figures: list[r.Figure] = field(default_factory=list)
    sieges: list[r.Siege] = field(default_factory=list)
    agreements: list[r.Agreement] = field(default_factory=list)
    batches: list[r.EvacuationBatch] = field(default_factory=list)
    incidents: list[r.Incident] = field(default_factory=list)
    testimonies: list[r.Testimony] = field(default_factory=list)
    aftermath: list[r.Aftermath] = field(default_factory=list)
    media: list[r.MediaItem] = field(default_factory=list)
    annotations: list[r.Annotation] = field(default_factory=list)
    reviews: list[r.Review] = field(default_factory=list)
    # SHA-256 of the file this bundle was read from ("" when built in memory);
    # the audit log records it for an import. Not part of the exchange format.
    source_sha256: str = ""

    def records(self) -> Iterator[tuple[Kind, list]]:
        """Each kind with its list, in dependency order (sources first)."""
        for kind in KINDS:
            yield kind, getattr(self, kind.bundle_key)

    def all_ids(self) -> set[str]:
        """Every record id in the bundle, the case's included."""
        ids = {self.case.id}
        for _, items in self.records():
            ids.update(item.id for item in items)
        return ids

    def party(self, party_id: str) -> r.Party | None:
        return next((p for p in self.parties if p.id == party_id), None)

    def party_names(self, ids: list[str]) -> list[str]:
        """Names for party ids, in order; an unknown id shows as such."""
        return [p.name if (p := self.party(i)) else tr("unknown party") for i in ids]

    def source_number(self, source_id: str) -> int | None:
        """1-based number of a source, for references in printed text."""
        for number, source in enumerate(self.sources, 1):
            if source.id == source_id:
                return number
        return None


def reference_problems(bundle: CaseBundle) -> list[tuple[str, str]]:
    """(path, message) for every broken id, duplicate or foreign case id."""
    problems: list[tuple[str, str]] = []
    seen: dict[str, str] = {bundle.case.id: "case.id"}
    party_ids = {p.id for p in bundle.parties}
    source_ids = {s.id for s in bundle.sources}
    place_ids = {p.id for p in bundle.places}
    for kind, items in bundle.records():
        for i, item in enumerate(items):
            path = f"{kind.bundle_key}[{i}]"
            if item.id in seen:
                problems.append((f"{path}.id", tr("repeats the id of {0}").format(seen[item.id])))
            seen.setdefault(item.id, f"{path}.id")
            if item.case_id != bundle.case.id:
                problems.append((f"{path}.case_id", tr("does not match case.id")))
            for j, ref in enumerate(getattr(item, "sources", ())):
                if ref.source_id not in source_ids:
                    problems.append((f"{path}.sources[{j}].source_id", tr("names no source")))
            for attr, known, what in (
                ("besieging_party_ids", party_ids, "party"),
                ("sponsor_party_ids", party_ids, "party"),
                ("party_ids", party_ids, "party"),
                ("place_ids", place_ids, "place"),
            ):
                for j, ref in enumerate(getattr(item, attr, ())):
                    if ref not in known:
                        problems.append((f"{path}.{attr}[{j}]", tr("names no {0}").format(what)))
            for j, neg in enumerate(getattr(item, "negotiators", ())):
                if neg.party_id not in party_ids:
                    problems.append((f"{path}.negotiators[{j}].party_id", tr("names no party")))
    all_ids = set(seen)
    for i, review in enumerate(bundle.reviews):
        if review.record_id not in all_ids:
            problems.append((f"reviews[{i}].record_id", tr("names no record in this case")))
    for i, note in enumerate(bundle.annotations):
        if note.record_id not in all_ids:
            problems.append((f"annotations[{i}].record_id", tr("names no record in this case")))
        if note.parent_id and note.parent_id not in all_ids:
            problems.append((f"annotations[{i}].parent_id", tr("names no annotation")))
    return problems
