"""The records of a case file: plain dataclasses, no Qt, no SQL.

Every record has a UUID (records move between laptops) and belongs to one
case. Evidence records also carry their sources and a flag that keeps them
out of public briefs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from desk_app.domain.enums import (
    AftermathKind,
    AnnotationKind,
    CaseStatus,
    Consent,
    IncidentKind,
    LegalQualification,
    MediaKind,
    PartyType,
    Phase,
    PlaceKind,
    Restriction,
    ReviewStatus,
    Sensitivity,
)
from desk_app.domain.values import Count, DateSpan, PartialDate


def new_id() -> str:
    """A fresh record id."""
    return str(uuid.uuid4())


@dataclass(slots=True)
class SourceRef:
    """A pointer from a fact to a source, with the page or section."""

    source_id: str
    locator: str = ""


@dataclass(slots=True)
class Negotiator:
    """A party at the table and the role it played."""

    party_id: str
    role: str = ""


@dataclass(kw_only=True, slots=True)
class Case:
    id: str = field(default_factory=new_id)
    slug: str
    title: str
    governorate: str = ""
    period: DateSpan = field(default_factory=DateSpan)
    status: CaseStatus = CaseStatus.OPEN
    summary: str = ""


@dataclass(kw_only=True, slots=True)
class Record:
    """What every record inside a case has."""

    id: str = field(default_factory=new_id)
    case_id: str


@dataclass(kw_only=True, slots=True)
class Evidence(Record):
    """A record that states facts: it cites sources and may be unpublishable."""

    sources: list[SourceRef] = field(default_factory=list)
    not_for_publication: bool = False


@dataclass(kw_only=True, slots=True)
class Source(Record):
    title: str
    publisher: str = ""
    published: PartialDate | None = None
    reference: str = ""
    url: str = ""


@dataclass(kw_only=True, slots=True)
class Place(Evidence):
    name: str
    name_ar: str = ""
    kind: PlaceKind = PlaceKind.CITY
    governorate: str = ""
    latitude: float | None = None
    longitude: float | None = None
    notes: str = ""


@dataclass(kw_only=True, slots=True)
class Party(Evidence):
    name: str
    party_type: PartyType = PartyType.OTHER
    notes: str = ""


@dataclass(kw_only=True, slots=True)
class Siege(Evidence):
    title: str
    period: DateSpan = field(default_factory=DateSpan)
    besieging_party_ids: list[str] = field(default_factory=list)
    besieged: str = ""
    place_ids: list[str] = field(default_factory=list)
    population: Count | None = None
    restrictions: list[Restriction] = field(default_factory=list)
    description: str = ""


@dataclass(kw_only=True, slots=True)
class Agreement(Evidence):
    title: str
    date: PartialDate | None = None
    sponsor_party_ids: list[str] = field(default_factory=list)
    negotiators: list[Negotiator] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    civilians_ordered_to_leave: bool | None = None
    implementation: str = ""
    summary: str = ""


@dataclass(kw_only=True, slots=True)
class EvacuationBatch(Evidence):
    number: int | None = None
    date: PartialDate | None = None
    origin: str = ""
    destinations: list[str] = field(default_factory=list)
    people: Count | None = None
    buses: Count | None = None
    notes: str = ""


@dataclass(kw_only=True, slots=True)
class Incident(Evidence):
    title: str
    date: PartialDate | None = None
    place: str = ""
    kind: IncidentKind = IncidentKind.INDISCRIMINATE_ATTACK
    phase: Phase = Phase.SIEGE
    party_ids: list[str] = field(default_factory=list)
    attribution: str = ""
    killed: Count | None = None
    killed_children: Count | None = None
    injured: Count | None = None
    missing: Count | None = None
    legal_qualifications: list[LegalQualification] = field(default_factory=list)
    legal_reasoning: str = ""
    description: str = ""


@dataclass(kw_only=True, slots=True)
class Testimony(Evidence):
    witness_label: str
    witness_name: str | None = None
    witness_contact: str | None = None
    date: PartialDate | None = None
    place: str = ""
    language: str = "en"
    text: str = ""
    consent: Consent = Consent.NOT_RECORDED
    sensitivity: Sensitivity = Sensitivity.NORMAL


@dataclass(kw_only=True, slots=True)
class Aftermath(Evidence):
    title: str
    kind: AftermathKind = AftermathKind.LIVING_CONDITIONS
    place: str = ""
    date: PartialDate | None = None
    count: Count | None = None
    description: str = ""


@dataclass(kw_only=True, slots=True)
class Figure(Evidence):
    """A key figure of the case, as the source states it."""

    label: str
    count: Count
    position: int = 0


@dataclass(kw_only=True, slots=True)
class MediaItem(Evidence):
    kind: MediaKind = MediaKind.PHOTO
    caption: str
    credit: str = ""
    date: PartialDate | None = None
    place: str = ""
    file_name: str | None = None
    sha256: str | None = None


@dataclass(kw_only=True, slots=True)
class Annotation(Record):
    record_kind: str
    record_id: str
    author: str
    created_at: str
    kind: AnnotationKind = AnnotationKind.NOTE
    text: str
    tags: list[str] = field(default_factory=list)
    resolved: bool = False
    parent_id: str | None = None
    span_start: int | None = None  # a span of a testimony's text, by character offsets
    span_end: int | None = None
    quote: str = ""  # the words the span covered, to re-find them after edits


@dataclass(kw_only=True, slots=True)
class Review(Record):
    """The review status of one record, with who set it and when."""

    record_kind: str
    record_id: str
    status: ReviewStatus = ReviewStatus.DRAFT
    set_by: str
    set_at: str
