"""The brief's content: a (redacted) case bundle in, a list of flowables out.

Pure: no file, no database, no Qt. Every count is printed as stored, with
its qualifier, and every unknown as 'unknown'. Facts cite their sources as
[n], numbered in the Sources section.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desk_app.brief.arabic import RTLParagraph, has_arabic, inline_markup, is_rtl
from desk_app.brief.charts import chart_data, people_chart
from desk_app.brief.styles import BOX, INK, RULE, styles
from desk_app.domain.bundle import CaseBundle
from desk_app.domain.labels import record_label
from desk_app.domain.redact import Profile
from desk_app.domain.summary import batch_label, batch_totals, count_text, flows, total_text
from desk_app.domain.values import PartialDate
from desk_app.i18n import tr

CONTENT_WIDTH = 170 * mm
LANGUAGES = {"en": "English", "ar": "Arabic", "fr": "French", "ku": "Kurdish", "tr": "Turkish"}


@dataclass(frozen=True, slots=True)
class BriefMeta:
    profile: Profile
    made_at: str  # e.g. "25 November 2026"
    audit_head: str


class Heading(Paragraph):
    """A section heading that becomes a PDF bookmark."""

    def __init__(self, text: str, level: int = 0) -> None:
        style = styles()["h1" if level == 0 else "h2"]
        if is_rtl(text):
            style = ParagraphStyle(f"{style.name}_rtl", parent=style, alignment=TA_RIGHT)
        super().__init__(inline_markup(text), style)
        self.outline_text, self.outline_level = text, level


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(inline_markup(text), styles()[style])


def rich(markup: str, style: str = "body") -> Paragraph:
    """A paragraph of trusted markup (bold labels); callers escape the data."""
    return Paragraph(markup, styles()[style])


def text_block(text: str, language: str = "") -> Paragraph | RTLParagraph:
    """A paragraph of free text in its own direction."""
    if is_rtl(text, language):
        return RTLParagraph(text, styles()["rtl"])
    return para(text)


def _date(value: PartialDate | None) -> str:
    return value.text() if value else tr("unknown")


def _cite(bundle: CaseBundle, record) -> str:
    numbers = sorted(
        {n for ref in getattr(record, "sources", ()) if (n := bundle.source_number(ref.source_id))}
    )
    return (" " + "".join(f"[{n}]" for n in numbers)) if numbers else ""


def _labelled(label: str, value: str) -> Paragraph:
    return rich(f"<b>{escape(label)}:</b> {inline_markup(value)}")


def _cell(text: str, style, width: float):
    """A plain string when it fits its column (cheap to draw), else a wrapping Paragraph."""
    if (
        not has_arabic(text)
        and "\n" not in text
        and stringWidth(text, style.fontName, style.fontSize) <= width
    ):
        return text
    return Paragraph(inline_markup(text), style)


def _table(
    rows: list[list], widths: list[float], *, header: bool = True, total: bool = False
) -> Table:
    s = styles()
    data = []
    for i, row in enumerate(rows):
        style = s["cell_bold" if header and i == 0 else "cell"]
        data.append(
            [
                _cell(c, style, w - 12) if isinstance(c, str) else c
                for c, w in zip(row, widths, strict=True)
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("FONT", (0, 0), (-1, -1), s["cell"].fontName, s["cell"].fontSize, s["cell"].leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), BOX),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            (
                "FONT",
                (0, 0),
                (-1, 0),
                s["cell_bold"].fontName,
                s["cell"].fontSize,
                s["cell"].leading,
            ),
        ]
    if total:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)]
    table.setStyle(TableStyle(commands))
    return table


def cover(bundle: CaseBundle, meta: BriefMeta) -> list:
    c = bundle.case
    places = ", ".join(p.name for p in bundle.places) or tr("none recorded")
    return [
        Spacer(1, 30 * mm),
        para(meta.profile.marking, "marking"),
        Spacer(1, 6 * mm),
        para(c.title, "title"),
        para(tr("Case brief"), "subtitle"),
        Spacer(1, 10 * mm),
        _labelled(tr("Places"), places),
        _labelled(tr("Period"), c.period.text()),
        _labelled(tr("Governorate"), c.governorate or tr("unknown")),
        _labelled(tr("Status"), c.status.label),
        _labelled(tr("Edition"), meta.profile.value),
        _labelled(tr("Made"), meta.made_at),
        _labelled(tr("Record state (audit-log head)"), meta.audit_head[:16]),
        Spacer(1, 8 * mm),
        para(
            tr(
                "The audit-log head identifies the state of the case store this brief was made from. "
                "Keep it: a later check of the store's history against it shows whether any record "
                "was changed since."
            ),
            "small",
        ),
        PageBreak(),
    ]


def summary(bundle: CaseBundle) -> list:
    out: list = [Heading(tr("Summary"))]
    if bundle.case.summary:
        out.append(text_block(bundle.case.summary))
    if bundle.figures:
        rows = [[tr("Key figure"), tr("As stated"), tr("Source")]]
        for f in bundle.figures:
            rows.append([f.label, f.count.text(), _cite(bundle, f).strip() or "\u2014"])
        out += [Spacer(1, 3 * mm), _table(rows, [100 * mm, 50 * mm, 20 * mm])]
    return out


def sieges(bundle: CaseBundle) -> list:
    if not bundle.sieges:
        return []
    out: list = [Heading(tr("Siege"))]
    attacks = [i for i in bundle.incidents if i.phase.value == "siege"]
    for s in bundle.sieges:
        out += [
            Heading(s.title, 1),
            _labelled(tr("Period"), s.period.text()),
            _labelled(
                tr("Besieged by"),
                ", ".join(bundle.party_names(s.besieging_party_ids)) or tr("unknown"),
            ),
            _labelled(tr("Besieged"), s.besieged or tr("unknown")),
            _labelled(tr("Population inside"), count_text(s.population)),
            _labelled(
                tr("Restrictions"),
                ", ".join(x.label.lower() for x in s.restrictions) or tr("none recorded"),
            ),
        ]
        if s.description:
            out.append(para(s.description + _cite(bundle, s)))
    if attacks:
        out.append(Heading(tr("Attacks and violations during the siege"), 1))
        out += [
            para(
                f"\u2022 {i.title} ({i.date.text() if i.date else tr('date unknown')}; "
                f"{i.attribution or tr('not attributed')})"
            )
            for i in attacks
        ]
    return out


def agreements(bundle: CaseBundle) -> list:
    if not bundle.agreements:
        return []
    out: list = [Heading(tr("Agreement"))]
    for a in bundle.agreements:
        ordered = {True: tr("yes"), False: tr("no"), None: tr("unknown")}[
            a.civilians_ordered_to_leave
        ]
        out += [
            Heading(a.title, 1),
            _labelled(tr("Date"), _date(a.date)),
            _labelled(
                tr("Sponsors or guarantors"),
                ", ".join(bundle.party_names(a.sponsor_party_ids)) or tr("none named"),
            ),
            _labelled(tr("Civilians ordered to leave"), ordered),
        ]
        if a.negotiators:
            rows = [[tr("Negotiating party"), tr("Type"), tr("Role")]]
            for n in a.negotiators:
                party = bundle.party(n.party_id)
                rows.append(
                    [
                        party.name if party else tr("unknown"),
                        party.party_type.label if party else "",
                        n.role,
                    ]
                )
            out += [Spacer(1, 2 * mm), _table(rows, [65 * mm, 40 * mm, 65 * mm]), Spacer(1, 2 * mm)]
        if a.terms:
            out.append(rich(f"<b>{escape(tr('Terms'))}:</b>"))
            out += [para(f"\u2022 {t}") for t in a.terms]
        for label, value in (
            (tr("Implementation"), a.implementation),
            (tr("Assessment"), a.summary),
        ):
            if value:
                out.append(
                    rich(f"<b>{escape(label)}:</b> {inline_markup(value)}{_cite(bundle, a)}")
                )
    return out


def evacuation(bundle: CaseBundle) -> list:
    if not bundle.batches:
        return []
    out: list = [Heading(tr("Evacuation"))]
    rows = [[tr("Batch"), tr("Date"), tr("Origin"), tr("Destinations"), tr("People"), tr("Buses")]]
    for b in bundle.batches:
        rows.append(
            [
                str(b.number) if b.number is not None else "\u2014",
                _date(b.date),
                b.origin or tr("unknown"),
                "; ".join(b.destinations) or tr("unknown"),
                count_text(b.people),
                count_text(b.buses),
            ]
        )
    t = batch_totals(bundle.batches)
    rows.append(
        [
            tr("Total"),
            "",
            "",
            (tr("{0} batch") if t.batches == 1 else tr("{0} batches")).format(t.batches),
            total_text(t.people, t.people_unknown),
            total_text(t.buses, t.buses_unknown),
        ]
    )
    out.append(_table(rows, [14 * mm, 26 * mm, 30 * mm, 50 * mm, 27 * mm, 23 * mm], total=True))
    notes = [b for b in bundle.batches if b.notes]
    if notes:
        out.append(Spacer(1, 2 * mm))
        out += [para(f"{batch_label(b)}: {b.notes}{_cite(bundle, b)}", "small") for b in notes]
    drawing = people_chart(bundle.batches, CONTENT_WIDTH)
    _, unknown = chart_data(bundle.batches)
    if drawing is not None:
        out += [CondPageBreak(70 * mm), Spacer(1, 3 * mm), drawing]
        if unknown:
            out.append(
                para(
                    tr("{0} of {1} batches have no known count and are not drawn.").format(
                        unknown, len(bundle.batches)
                    ),
                    "small",
                )
            )
    else:
        out.append(
            para(tr("No batch has a known number of people, so no chart is drawn."), "small")
        )
    flow_rows = [[tr("From"), tr("To"), tr("Batches"), tr("People")]]
    for origin, dest, n, people in flows(bundle.batches):
        flow_rows.append([origin, dest, str(n), count_text(people)])
    out += [
        Heading(tr("Where people went"), 1),
        _table(flow_rows, [45 * mm, 75 * mm, 20 * mm, 30 * mm]),
    ]
    return out


def incidents(bundle: CaseBundle) -> list:
    if not bundle.incidents:
        return []
    out: list = [Heading(tr("Incidents"))]
    for i in bundle.incidents:
        block = [
            Heading(i.title, 1),
            rich(
                f"<b>{escape(tr('Date'))}:</b> {inline_markup(_date(i.date))} &nbsp; "
                f"<b>{escape(tr('Place'))}:</b> {inline_markup(i.place or tr('unknown'))} &nbsp; "
                f"<b>{escape(tr('Kind'))}:</b> {escape(i.kind.label)} ({escape(i.phase.label.lower())})"
            ),
            _labelled(tr("Attributed to"), i.attribution or tr("not attributed")),
        ]
        casualties = [
            (tr("killed"), i.killed),
            (tr("of them children"), i.killed_children),
            (tr("injured"), i.injured),
            (tr("missing"), i.missing),
        ]
        stated = [f"{label} {value.text()}" for label, value in casualties if value is not None]
        block.append(
            _labelled(tr("Casualties"), "; ".join(stated) if stated else tr("no figure given"))
        )
        if i.description:
            block.append(para(i.description + _cite(bundle, i)))
        if i.legal_qualifications:
            quals = ", ".join(q.label.lower() for q in i.legal_qualifications)
            block.append(
                rich(
                    f"<b>{escape(tr('Legal qualification'))}:</b> {escape(quals)}. {inline_markup(i.legal_reasoning)}"
                )
            )
        out.append(KeepTogether(block))
    return out


def testimonies(bundle: CaseBundle, meta: BriefMeta) -> list:
    if not bundle.testimonies:
        return []
    out: list = [Heading(tr("Testimonies"))]
    if meta.profile is not Profile.INTERNAL:
        out.append(
            para(
                tr(
                    "Witnesses appear by label only. Accounts are digests of what each witness said."
                ),
                "small",
            )
        )
    for t in bundle.testimonies:
        who = t.witness_label
        if meta.profile is Profile.INTERNAL and t.witness_name:
            who += f" \u2014 {t.witness_name}" + (
                f" ({t.witness_contact})" if t.witness_contact else ""
            )
        where = ", ".join(x for x in (t.place, _date(t.date) if t.date else "") if x) or tr(
            "place and date not given"
        )
        language = LANGUAGES.get(t.language, t.language)
        out += [
            Heading(who, 1),
            para(f"{where} \u00b7 {language}{_cite(bundle, t)}", "small"),
            text_block(t.text, t.language),
        ]
    return out


def aftermath(bundle: CaseBundle) -> list:
    if not bundle.aftermath:
        return []
    out: list = [Heading(tr("Aftermath"))]
    for a in bundle.aftermath:
        bits = [a.kind.label] + [x for x in (a.place, a.date.text() if a.date else "") if x]
        if a.count is not None:
            bits.append(tr("people: {0}").format(a.count.text()))
        out += [
            Heading(a.title, 1),
            para(" \u00b7 ".join(bits), "small"),
            para(a.description + _cite(bundle, a)),
        ]
    return out


def media(bundle: CaseBundle) -> list:
    if not bundle.media:
        return []
    out: list = [Heading(tr("Photographs and imagery"))]
    rows = [[tr("Kind"), tr("Date"), tr("Place"), tr("Description and credit")]]
    for m in bundle.media:
        credit = f" \u00a9 {m.credit}" if m.credit else ""
        rows.append(
            [
                m.kind.label,
                _date(m.date),
                m.place or tr("unknown"),
                f"{m.caption}{credit}{_cite(bundle, m)}",
            ]
        )
    out.append(_table(rows, [24 * mm, 26 * mm, 30 * mm, 90 * mm]))
    out.append(
        para(
            tr("Files are not attached to this brief; the store keeps the described items."),
            "small",
        )
    )
    return out


def annotations(bundle: CaseBundle, meta: BriefMeta) -> list:
    if meta.profile is not Profile.INTERNAL or not bundle.annotations:
        return []
    labels = _record_labels(bundle)
    out: list = [PageBreak(), Heading(tr("Appendix: reviewer annotations"))]
    rows = [[tr("On"), tr("By, when"), tr("Kind"), tr("Note")]]
    for a in bundle.annotations:
        status = tr("resolved") if a.resolved else tr("open")
        kind, label = labels.get(a.record_id, (a.record_kind, a.record_id))
        on = f"{tr(kind)}: {label}" + (f" \u2014 \u201c{a.quote}\u201d" if a.quote else "")
        rows.append(
            [
                on,
                f"{a.author}, {a.created_at[:10]}",
                f"{a.kind.label} ({status})",
                a.text + (f" [{', '.join(a.tags)}]" if a.tags else ""),
            ]
        )
    out.append(_table(rows, [52 * mm, 30 * mm, 24 * mm, 64 * mm]))
    return out


def _record_labels(bundle: CaseBundle) -> dict[str, tuple[str, str]]:
    """(kind, label) of every record by id, so appendices name what they refer to."""
    labels = {bundle.case.id: ("Case", bundle.case.title)}
    for kind, items in bundle.records():
        for item in items:
            labels[item.id] = (kind.singular, record_label(kind.name, item))
    return labels


def reviews(bundle: CaseBundle, meta: BriefMeta) -> list:
    """Internal only: which records reviewers have marked, by whom and when."""
    if meta.profile is not Profile.INTERNAL:
        return []
    labels = _record_labels(bundle)
    rows = [[tr("Record"), tr("Status"), tr("Set by, when")]]
    for review in sorted(bundle.reviews, key=lambda v: v.set_at):
        kind, label = labels.get(review.record_id, (review.record_kind, review.record_id))
        rows.append(
            [f"{tr(kind)}: {label}", review.status.label, f"{review.set_by}, {review.set_at[:10]}"]
        )
    unreviewed = tr("Records not listed here are drafts: no reviewer has marked them yet.")
    if len(rows) == 1:
        return [Heading(tr("Appendix: review status")), para(unreviewed, "small")]
    return [
        Heading(tr("Appendix: review status")),
        _table(rows, [95 * mm, 30 * mm, 45 * mm]),
        para(unreviewed, "small"),
    ]


def sources(bundle: CaseBundle) -> list:
    if not bundle.sources:
        return []
    out: list = [Heading(tr("Sources"))]
    for n, s in enumerate(bundle.sources, 1):
        bits = [
            s.publisher,
            f"\u201c{s.title}\u201d",
            s.published.text() if s.published else "",
            s.reference,
            s.url,
        ]
        out.append(para(f"[{n}] " + ", ".join(b for b in bits if b)))
    return out


def build_story(bundle: CaseBundle, meta: BriefMeta) -> list:
    """Every section of the brief, in order."""
    return [
        *cover(bundle, meta),
        *summary(bundle),
        *sieges(bundle),
        *agreements(bundle),
        *evacuation(bundle),
        *incidents(bundle),
        *testimonies(bundle, meta),
        *aftermath(bundle),
        *media(bundle),
        *sources(bundle),
        *annotations(bundle, meta),
        *reviews(bundle, meta),
        Spacer(1, 6 * mm),
        para(tr("End of brief."), "center"),
    ]
