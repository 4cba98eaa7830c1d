"""PDF briefs, checked by what they say (pypdf) and how they look (QtPdf render)."""

from __future__ import annotations

import errno
import os
import re
import unicodedata

import pypdf
import pytest

from desk_app.brief.render import build_brief
from desk_app.cli import main
from desk_app.domain import records as r
from desk_app.domain.enums import Consent, Sensitivity
from desk_app.domain.redact import Profile
from desk_app.store import audit, records
from desk_app.store.cases import load_bundle, resolve_case

SLUGS = ["al-waer", "four-towns", "eastern-aleppo", "daraya"]
NAME, CONTACT = "Yara Haddad-Mourad", "+963 944 123 456"  # fictional


def pdf_text(path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def everything_in(path) -> tuple[str, list[bytes]]:
    """All strings in every object (metadata, outline, XMP) and every decoded stream."""
    reader = pypdf.PdfReader(path)
    strings, streams = [], []

    def walk(obj, seen):
        if isinstance(obj, pypdf.generic.IndirectObject):
            if obj.idnum in seen:
                return
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, pypdf.generic.StreamObject):
            streams.append(obj.get_data())
        if isinstance(obj, dict):
            for value in obj.values():
                walk(value, seen)
        elif isinstance(obj, list):
            for value in obj:
                walk(value, seen)
        elif isinstance(obj, str):
            strings.append(str(obj))

    seen: set = set()
    walk(reader.trailer, seen)
    for page in reader.pages:
        walk(page.indirect_reference, seen)
    return " ".join(strings), streams


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("profile", list(Profile))
@pytest.mark.parametrize("slug", SLUGS)
def test_every_demo_case_exports_under_every_profile(demo_store, tmp_path, slug, profile):
    bundle = load_bundle(demo_store, resolve_case(demo_store, slug).id)
    result = build_brief(
        bundle, tmp_path / "b.pdf", profile=profile, audit_head=audit.head(demo_store)
    )
    text = pdf_text(result.path)
    assert result.pages >= 3
    assert _flat(bundle.case.title) in text
    assert f"Page 1 of {result.pages}" in text and f"Page {result.pages} of {result.pages}" in text
    assert profile.marking.split(" \u2014")[0] in text
    assert audit.head(demo_store)[:16] in text
    for figure in bundle.figures:
        assert _flat(figure.count.text()) in text, f"{slug}: figure {figure.label!r} missing"
    for batch in bundle.batches:
        for count in (batch.people, batch.buses):
            if count is not None:
                assert count.text() in text
    for incident in bundle.incidents:
        for count in (incident.killed, incident.killed_children, incident.injured):
            if count is not None:
                assert count.text() in text
    if bundle.sieges and bundle.sieges[0].population:
        assert bundle.sieges[0].population.text() in text


def test_the_brief_has_bookmarks_a_title_and_no_author_or_machine_detail(demo_store, tmp_path):
    import getpass
    import socket

    bundle = load_bundle(demo_store, resolve_case(demo_store, "four-towns").id)
    path = build_brief(
        bundle, tmp_path / "b.pdf", profile=Profile.INTERNAL, audit_head="0" * 64
    ).path
    reader = pypdf.PdfReader(path)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:6] == ["Summary", "Siege", "Agreement", "Evacuation", "Incidents", "Testimonies"]
    assert "Appendix: reviewer annotations" in titles
    assert "Media item: Residents of besieged Madaya" in pdf_text(path), (
        "the appendix names the record"
    )
    meta = reader.metadata
    assert meta.title == bundle.case.title and not meta.author
    strings, _ = everything_in(path)
    for detail in {getpass.getuser(), socket.gethostname(), os.path.expanduser("~")} - {""}:
        assert detail not in re.sub(r"[^ -~]", " ", str(dict(meta))), detail
    assert str(tmp_path) not in strings


def _add_witness(db, slug: str, **extra) -> r.Testimony:
    case = resolve_case(db, slug)
    t = r.Testimony(
        case_id=case.id,
        witness_label="A pharmacist from al-Waer",
        witness_name=NAME,
        witness_contact=CONTACT,
        place="Bab Tadmor street",
        language="en",
        text="She describes the pharmacy running out of insulin in 2016.",
        consent=Consent.ANONYMOUS_PUBLICATION,
        sensitivity=Sensitivity.SENSITIVE,
        **extra,
    )
    records.insert(db, t, actor="t")
    # someone also typed the name into another record's free text: scrubbing must catch it
    after = records.list_for_case(db, "aftermath", case.id)[0]
    after.description += f" Confirmed by {NAME.upper()} by phone."
    records.update(db, after, actor="t")
    return t


@pytest.mark.parametrize("profile", [Profile.PARTNER, Profile.PUBLIC])
def test_witness_identity_never_reaches_a_partner_or_public_brief(demo_store, tmp_path, profile):
    _add_witness(demo_store, "al-waer")
    bundle = load_bundle(demo_store, resolve_case(demo_store, "al-waer").id)
    internal = build_brief(
        bundle, tmp_path / "internal.pdf", profile=Profile.INTERNAL, audit_head="0" * 64
    ).path
    assert NAME in pdf_text(internal) and CONTACT in pdf_text(internal), (
        "control: internal shows identities"
    )
    path = build_brief(
        bundle, tmp_path / f"{profile}.pdf", profile=profile, audit_head="0" * 64
    ).path
    text = pdf_text(path)
    strings, streams = everything_in(path)
    for secret in (NAME, CONTACT, "Yara", "Mourad", "944 123"):
        assert secret.lower() not in text.lower()
        assert secret.lower() not in strings.lower()
        for data in streams:
            for encoding in ("utf-8", "utf-16-be", "latin-1"):
                assert secret.encode(encoding) not in data
    assert "A pharmacist from al-Waer" in text, "witness appears by label"
    assert "Bab Tadmor" not in text, "a sensitive testimony's place is an identifying detail"
    assert "[withheld]" in text
    assert "Appendix: reviewer annotations" not in text


def test_public_leaves_out_what_is_not_for_publication_and_internal_only_consent(
    demo_store, tmp_path
):
    case = resolve_case(demo_store, "daraya")
    secret_incident = records.list_for_case(demo_store, "incident", case.id)[0]
    secret_incident.not_for_publication = True
    records.update(demo_store, secret_incident, actor="t")
    records.insert(
        demo_store,
        r.Testimony(
            case_id=case.id,
            witness_label="A nurse (internal only)",
            text="x",
            consent=Consent.INTERNAL_ONLY,
        ),
        actor="t",
    )
    bundle = load_bundle(demo_store, case.id)
    public = pdf_text(
        build_brief(bundle, tmp_path / "p.pdf", profile=Profile.PUBLIC, audit_head="0" * 64).path
    )
    partner = pdf_text(
        build_brief(bundle, tmp_path / "q.pdf", profile=Profile.PARTNER, audit_head="0" * 64).path
    )
    assert secret_incident.title not in public and secret_incident.title in partner
    assert "A nurse (internal only)" not in public and "A nurse (internal only)" not in partner


ARABIC_TEXT = (
    "قال المعلم إن الجوع أنهك التلاميذ في داريا، وإن أصعب ما رآه كان نحول الأولاد الصغار وضعفهم. "
    "وتمنى أحدهم أن يموت مثل أبيه كي يأكل أخيراً في الجنة."
)


def test_an_arabic_testimony_renders_joined_and_right_to_left(demo_store, tmp_path, qapp):
    case = resolve_case(demo_store, "daraya")
    records.insert(
        demo_store,
        r.Testimony(
            case_id=case.id,
            witness_label="معلم من داريا",
            language="ar",
            text=ARABIC_TEXT,
            consent=Consent.ANONYMOUS_PUBLICATION,
        ),
        actor="t",
    )
    path = build_brief(
        load_bundle(demo_store, case.id),
        tmp_path / "ar.pdf",
        profile=Profile.PUBLIC,
        audit_head="0" * 64,
    ).path
    raw = pdf_text(path)
    assert any("\ufe70" <= ch <= "\ufeff" for ch in raw), (
        "letters are drawn as joined presentation forms"
    )
    # Read back in logical order, the whole testimony comes out word for word across its wrapped
    # lines: shaping, per-line reordering and line order are all right.
    assert _bare(ARABIC_TEXT) in _bare(unicodedata.normalize("NFKC", raw))
    assert _bare("معلم من داريا") in _bare(unicodedata.normalize("NFKC", raw))
    _assert_right_aligned_ink(path, marker="التلاميذ", qapp=qapp)


def _bare(text: str) -> str:
    """Without spaces, harakat and tatweel, for comparing Arabic text."""
    return re.sub(r"[\s\u064b-\u065f\u0640]", "", text)


def _assert_right_aligned_ink(path, marker: str, qapp) -> None:
    """Render the page holding the Arabic text; its lines must end at the right margin."""
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    reader = pypdf.PdfReader(path)
    page_no = next(
        i
        for i, p in enumerate(reader.pages)
        if marker in unicodedata.normalize("NFKC", p.extract_text())
    )
    doc = QPdfDocument()
    doc.load(str(path))
    rendered = doc.render(page_no, QSize(595 * 2, 842 * 2))
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)  # QtPdf renders onto a transparent page
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    image.save(str(path.with_suffix(".png")))
    width, height = image.width(), image.height()
    rows = []
    for y in range(int(height * 0.08), int(height * 0.92), 2):  # skip the page furniture
        dark = [x for x in range(0, width, 2) if image.pixelColor(x, y).lightness() < 110]
        if dark:
            rows.append((min(dark), max(dark)))
    right_edge = max(hi for _, hi in rows)
    # Right-to-left text is set flush right: rows that end at the frame's right edge yet start
    # far from the left margin exist only where a short line is right-aligned (the Arabic).
    flush_right_short = [lo for lo, hi in rows if hi >= right_edge - 8 and lo > width * 0.4]
    assert len(flush_right_short) >= 4, "Arabic lines should be set flush right"


def test_cli_brief_one_case_all_cases_and_errors(demo_path, tmp_path, capsys):
    out = tmp_path / "aw.pdf"
    assert (
        main(
            ["brief", "--db", str(demo_path), "al-waer", "--out", str(out), "--profile", "partner"]
        )
        == 0
    )
    assert out.exists() and "Restricted" in pdf_text(out)
    folder = tmp_path / "all"
    folder.mkdir()
    assert main(["brief", "--db", str(demo_path), "--all", "--out", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [f"{s}-partner.pdf" for s in sorted(SLUGS)]
    assert all("internal" not in pdf_text(p).lower() for p in folder.iterdir()), (
        "without --profile the command line makes the partner edition, as the window does"
    )
    capsys.readouterr()
    assert main(["brief", "--db", str(demo_path), "nowhere", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "no case 'nowhere'" in capsys.readouterr().err
    assert main(["brief", "--db", str(demo_path), "daraya", "--out", "/no/such/dir/x.pdf"]) == 1
    assert "folder does not exist" in capsys.readouterr().err


def test_a_full_disk_leaves_no_file_and_no_half_written_brief(
    demo_store, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "brief.pdf"
    target.write_bytes(b"the previous brief")
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    bundle = load_bundle(demo_store, resolve_case(demo_store, "al-waer").id)
    from desk_app.files import WriteError

    with pytest.raises(WriteError, match="No space left on device"):
        build_brief(bundle, target, profile=Profile.INTERNAL, audit_head="0" * 64)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert target.read_bytes() == b"the previous brief"
    assert sorted(p.name for p in out.iterdir()) == ["brief.pdf"], "no temporary file left behind"


def test_internal_brief_lists_review_status_and_others_do_not(demo_store, tmp_path):
    from desk_app.domain.enums import ReviewStatus
    from desk_app.store.review import set_status

    case = resolve_case(demo_store, "four-towns")
    incident = next(
        i
        for i in records.list_for_case(demo_store, "incident", case.id)
        if i.title.startswith("Car bomb")
    )
    set_status(demo_store, "incident", incident.id, ReviewStatus.VERIFIED, actor="Mona Reviewer")
    bundle = load_bundle(demo_store, case.id)
    internal = pdf_text(
        build_brief(bundle, tmp_path / "i.pdf", profile=Profile.INTERNAL, audit_head="0" * 64).path
    )
    assert "Appendix: review status" in internal
    assert (
        "Incident: Car bomb attack on the evacuation convoy at Rashidin \u00b7 15 April 2017 Verified Mona Reviewer"
        in internal
    )
    partner = pdf_text(
        build_brief(bundle, tmp_path / "p.pdf", profile=Profile.PARTNER, audit_head="0" * 64).path
    )
    assert "review status" not in partner and "Mona Reviewer" not in partner


def test_the_brief_reads_as_prose_not_as_codes(demo_store, tmp_path):
    bundle = load_bundle(demo_store, resolve_case(demo_store, "eastern-aleppo").id)
    text = pdf_text(
        build_brief(bundle, tmp_path / "ea.pdf", profile=Profile.PUBLIC, audit_head="0" * 64).path
    )
    assert (
        "Air attacks on populated neighbourhoods (date unknown; Syrian and Russian government forces)"
        in text
    )
    assert "violation of international humanitarian law" in text and "ihl" not in text.lower()
    assert "Total 1 batch " in text and "1 batches" not in text
