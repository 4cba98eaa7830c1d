"""What each brief profile may show, applied to a bundle before anything is drawn.

Redaction happens on the data, not on the page: what a profile leaves out
never reaches the PDF builder, so it cannot surface in the text layer, the
metadata or any stream. As a second line of defence every withheld name and
contact is also scrubbed from every remaining text field, in case someone
typed it into a description or a note.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from enum import StrEnum

from desk_app.domain import records as r
from desk_app.domain.bundle import CaseBundle
from desk_app.domain.enums import Consent, Sensitivity
from desk_app.i18n import tr

WITHHELD = "[withheld]"


class Profile(StrEnum):
    INTERNAL = "internal"
    PARTNER = "partner"
    PUBLIC = "public"

    @property
    def marking(self) -> str:
        """The line printed at the top of every page."""
        return {
            Profile.INTERNAL: tr("Confidential: internal \u2014 contains witness identities"),
            Profile.PARTNER: tr(
                "Restricted: for partner organisations \u2014 witnesses by label only"
            ),
            Profile.PUBLIC: tr("Public"),
        }[self]


_PUBLIC_CONSENT = {Consent.ANONYMOUS_PUBLICATION, Consent.NAMED_PUBLICATION}


def secrets_of(bundle: CaseBundle) -> list[str]:
    """Every witness name and contact in the bundle: what partner and public briefs must never hold."""
    found = set()
    for t in bundle.testimonies:
        for value in (t.witness_name, t.witness_contact):
            if value and value.strip():
                found.add(value.strip())
    return sorted(found, key=len, reverse=True)


def secrets_pattern(secrets: list[str]) -> re.Pattern | None:
    """One case-insensitive pattern for all secrets, longest first (one pass per text)."""
    if not secrets:
        return None
    return re.compile(
        "|".join(re.escape(s) for s in sorted(secrets, key=len, reverse=True)), re.IGNORECASE
    )


def _scrub_record(record, pattern: re.Pattern | None):
    if pattern is None:
        return record
    changes = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if type(value) is str and value:  # enums are str subclasses: leave them be
            clean = pattern.sub(WITHHELD, value)
            if clean != value:
                changes[f.name] = clean
        elif isinstance(value, list) and value and type(value[0]) is str:
            cleaned = [pattern.sub(WITHHELD, v) for v in value]
            if cleaned != value:
                changes[f.name] = cleaned
    return dataclasses.replace(record, **changes) if changes else record


def _testimony_for(t: r.Testimony, profile: Profile) -> r.Testimony | None:
    if t.consent is Consent.INTERNAL_ONLY:
        return None
    if profile is Profile.PUBLIC and t.consent not in _PUBLIC_CONSENT:
        return None
    t = dataclasses.replace(t, witness_name=None, witness_contact=None)
    if t.sensitivity is not Sensitivity.NORMAL:
        t = dataclasses.replace(t, place="", date=None)  # where and when can identify a witness
    if t.sensitivity is Sensitivity.HIGHLY_SENSITIVE:
        t = dataclasses.replace(t, text=tr("Account withheld from this edition: highly sensitive."))
    return t


def redact(bundle: CaseBundle, profile: Profile) -> CaseBundle:
    """A copy of the bundle holding only what the profile may show.

    Records are never changed in place (changes go through dataclasses.replace),
    so copying the lists is enough to leave the caller's bundle untouched.
    """
    out = copy.copy(bundle)
    for kind, items in bundle.records():
        setattr(out, kind.bundle_key, list(items))
    if profile is Profile.INTERNAL:
        return out
    pattern = secrets_pattern(secrets_of(bundle))
    out.annotations = []
    out.reviews = []
    out.testimonies = [
        t for t in (_testimony_for(t, profile) for t in out.testimonies) if t is not None
    ]
    if profile is Profile.PUBLIC:
        for kind, items in out.records():
            kept = [item for item in items if not getattr(item, "not_for_publication", False)]
            setattr(out, kind.bundle_key, kept)
    out.case = _scrub_record(out.case, pattern)
    for kind, items in out.records():
        setattr(out, kind.bundle_key, [_scrub_record(item, pattern) for item in items])
    return out
