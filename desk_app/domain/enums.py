"""Controlled vocabularies, after HURIDOCS Events Standard Formats and ACLED."""

from __future__ import annotations

from enum import StrEnum

from desk_app.i18n import tr


class Labelled(StrEnum):
    """A StrEnum whose members print as words for people."""

    @property
    def label(self) -> str:
        special = _LABELS.get(self.value)
        return tr(special or self.value.replace("_", " ").capitalize())


# Labels the generic rule (underscores to spaces, capitalised) would get wrong.
_LABELS = {
    "ihl_violation": "Violation of international humanitarian law",
    "human_rights_violation": "Human rights violation",
    "needs_review": "Needs review",
}


class CaseStatus(Labelled):
    OPEN = "open"
    UNDER_REVIEW = "under_review"
    CLOSED = "closed"


class PlaceKind(Labelled):
    CITY = "city"
    TOWN = "town"
    NEIGHBOURHOOD = "neighbourhood"
    CAMP = "camp"
    TRANSIT_AREA = "transit_area"
    GOVERNORATE = "governorate"
    REGION = "region"
    SHELTER = "shelter"


class PartyType(Labelled):
    GOVERNMENT_FORCES = "government_forces"
    GOVERNMENT_OFFICIALS = "government_officials"
    ALLIED_MILITIA = "allied_militia"
    ARMED_OPPOSITION = "armed_opposition"
    FOREIGN_STATE = "foreign_state"
    HUMANITARIAN = "humanitarian"
    CIVILIAN_COMMITTEE = "civilian_committee"
    OTHER = "other"


class Restriction(Labelled):
    FOOD = "food"
    MEDICINE = "medicine"
    FUEL = "fuel"
    WATER = "water"
    ELECTRICITY = "electricity"
    COMMUNICATIONS = "communications"
    MOVEMENT = "movement"
    AID_ACCESS = "aid_access"
    AGRICULTURE = "agriculture"


class IncidentKind(Labelled):
    UNLAWFUL_SIEGE = "unlawful_siege"
    INDISCRIMINATE_ATTACK = "indiscriminate_attack"
    DIRECT_ATTACK_ON_CIVILIANS = "direct_attack_on_civilians"
    ATTACK_ON_MEDICAL_FACILITY = "attack_on_medical_facility"
    STARVATION = "starvation"
    SNIPING = "sniping"
    DESTRUCTION_OF_CROPS = "destruction_of_crops"
    FORCED_DISPLACEMENT = "forced_displacement"
    ATTACK_ON_CONVOY = "attack_on_convoy"
    UNLAWFUL_KILLING = "unlawful_killing"
    LOOTING = "looting"
    ARBITRARY_ARREST = "arbitrary_arrest"
    HARASSMENT_AT_CHECKPOINTS = "harassment_at_checkpoints"
    PROPERTY_SEIZURE = "property_seizure"


class Phase(Labelled):
    SIEGE = "siege"
    EVACUATION = "evacuation"
    AFTERMATH = "aftermath"


class LegalQualification(Labelled):
    WAR_CRIME = "war_crime"
    CRIME_AGAINST_HUMANITY = "crime_against_humanity"
    IHL_VIOLATION = "ihl_violation"
    HUMAN_RIGHTS_VIOLATION = "human_rights_violation"


class Consent(Labelled):
    """What the witness agreed their account may be used for."""

    NOT_RECORDED = "not_recorded"
    INTERNAL_ONLY = "internal_only"
    ANONYMOUS_PUBLICATION = "anonymous_publication"
    NAMED_PUBLICATION = "named_publication"


class Sensitivity(Labelled):
    NORMAL = "normal"
    SENSITIVE = "sensitive"
    HIGHLY_SENSITIVE = "highly_sensitive"


class AftermathKind(Labelled):
    LIVING_CONDITIONS = "living_conditions"
    PROPERTY_SEIZED = "property_seized"
    LOOTING = "looting"
    RETURN = "return"
    ASSISTANCE = "assistance"
    ARREST = "arrest"
    RECONSTRUCTION = "reconstruction"
    CONTINUED_SIEGE = "continued_siege"


class MediaKind(Labelled):
    PHOTO = "photo"
    SATELLITE_IMAGE = "satellite_image"
    VIDEO = "video"
    DOCUMENT = "document"


class AnnotationKind(Labelled):
    NOTE = "note"
    QUESTION = "question"
    CORRECTION = "correction"
    CORROBORATION = "corroboration"


class ReviewStatus(Labelled):
    DRAFT = "draft"
    NEEDS_REVIEW = "needs_review"
    REVIEWED = "reviewed"
    VERIFIED = "verified"
    DISPUTED = "disputed"
