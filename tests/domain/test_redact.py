from __future__ import annotations

from desk_app.domain import records as r
from desk_app.domain.bundle import CaseBundle
from desk_app.domain.enums import Consent, Sensitivity
from desk_app.domain.redact import Profile, redact, secrets_pattern


def _bundle() -> CaseBundle:
    case = r.Case(slug="x", title="X")
    t = r.Testimony(
        case_id=case.id,
        witness_label="A nurse",
        witness_name="Rana Sabbagh",
        witness_contact="rana@example.org",
        place="Street 4",
        text="Rana Sabbagh said the clinic closed.",
        consent=Consent.ANONYMOUS_PUBLICATION,
        sensitivity=Sensitivity.SENSITIVE,
    )
    a = r.Aftermath(
        case_id=case.id, title="Checked with RANA SABBAGH", description="see rana@example.org"
    )
    return CaseBundle(
        case=case,
        testimonies=[t],
        aftermath=[a],
        annotations=[
            r.Annotation(
                case_id=case.id,
                record_kind="case",
                record_id=case.id,
                author="me",
                created_at="2026-01-01",
                text="note",
            )
        ],
    )


def test_redaction_leaves_the_callers_bundle_untouched():
    bundle = _bundle()
    out = redact(bundle, Profile.PARTNER)
    assert out.testimonies[0].witness_name is None and out.annotations == []
    assert bundle.testimonies[0].witness_name == "Rana Sabbagh"
    assert bundle.aftermath[0].title == "Checked with RANA SABBAGH" and len(bundle.annotations) == 1


def test_names_and_contacts_are_scrubbed_everywhere_in_any_case():
    out = redact(_bundle(), Profile.PUBLIC)
    t, a = out.testimonies[0], out.aftermath[0]
    assert t.text == "[withheld] said the clinic closed." and t.place == "" and t.date is None
    assert a.title == "Checked with [withheld]" and a.description == "see [withheld]"
    assert secrets_pattern(["Rana"]).sub("[withheld]", "no secrets here") == "no secrets here"
    assert secrets_pattern([]) is None


def test_internal_keeps_everything_and_consent_limits_partner_and_public():
    bundle = _bundle()
    assert redact(bundle, Profile.INTERNAL).testimonies[0].witness_name == "Rana Sabbagh"
    bundle.testimonies[0].consent = Consent.NOT_RECORDED
    assert len(redact(bundle, Profile.PARTNER).testimonies) == 1
    assert redact(bundle, Profile.PUBLIC).testimonies == []
    bundle.testimonies[0].consent = Consent.INTERNAL_ONLY
    assert redact(bundle, Profile.PARTNER).testimonies == []
