"""A case as plain text, for `desk-app show` and for terminals without a display."""

from __future__ import annotations

from desk_app.domain import records as r
from desk_app.domain.bundle import CaseBundle
from desk_app.domain.summary import batch_label, batch_totals, count_text, total_text
from desk_app.i18n import tr


def _date(value) -> str:
    return value.text() if value is not None else tr("date unknown")


def _heading(title: str, n: int | None = None) -> list[str]:
    text = title if n is None else f"{title} ({n})"
    return ["", text, "-" * len(text)]


def render_case(bundle: CaseBundle, *, show_identities: bool = True) -> str:
    """Every record of a case as readable text."""
    c = bundle.case
    out = [c.title, "=" * len(c.title)]
    out.append(
        tr("Slug: {0}   Status: {1}   Governorate: {2}").format(
            c.slug, c.status.label, c.governorate
        )
    )
    out.append(tr("Period: {0}").format(c.period.text()))
    out.append(tr("Places: {0}").format(", ".join(p.name for p in bundle.places) or tr("none")))
    if c.summary:
        out += ["", c.summary]
    if bundle.figures:
        out += _heading(tr("Key figures"))
        out += [f"  {f.label}: {f.count.text()}" for f in bundle.figures]
    for siege in bundle.sieges:
        out += _heading(tr("Siege: {0}").format(siege.title))
        out.append(tr("  Period: {0}").format(siege.period.text()))
        out.append(
            tr("  Besieged by: {0}").format(
                ", ".join(bundle.party_names(siege.besieging_party_ids))
            )
        )
        out.append(tr("  Besieged: {0}").format(siege.besieged))
        out.append(tr("  Population: {0}").format(count_text(siege.population)))
        out.append(tr("  Restrictions: {0}").format(", ".join(x.label for x in siege.restrictions)))
        if siege.description:
            out.append("  " + siege.description)
    for ag in bundle.agreements:
        out += _heading(tr("Agreement: {0}").format(ag.title))
        out.append(tr("  Date: {0}").format(_date(ag.date)))
        out.append(
            tr("  Sponsors: {0}").format(
                ", ".join(bundle.party_names(ag.sponsor_party_ids)) or tr("none named")
            )
        )
        for neg in ag.negotiators:
            out.append(f"  - {bundle.party_names([neg.party_id])[0]}: {neg.role}")
        out += [f"  * {term}" for term in ag.terms]
        ordered = {True: tr("yes"), False: tr("no"), None: tr("unknown")}[
            ag.civilians_ordered_to_leave
        ]
        out.append(tr("  Civilians ordered to leave: {0}").format(ordered))
        if ag.implementation:
            out.append(tr("  Implementation: {0}").format(ag.implementation))
    if bundle.batches:
        out += _heading(tr("Evacuation batches"), len(bundle.batches))
        for b in bundle.batches:
            dests = ", ".join(b.destinations) or tr("destination unknown")
            out.append(
                f"  {batch_label(b) if b.number is not None else '-':<10} {_date(b.date):<16} "
                f"{b.origin} -> {dests}; "
                + tr("people: {0}; buses: {1}").format(count_text(b.people), count_text(b.buses))
            )
        totals = batch_totals(bundle.batches)
        out.append(
            (
                tr("  Total: {0} batch; people {1}; buses {2}")
                if totals.batches == 1
                else tr("  Total: {0} batches; people {1}; buses {2}")
            ).format(
                totals.batches,
                total_text(totals.people, totals.people_unknown),
                total_text(totals.buses, totals.buses_unknown),
            )
        )
    if bundle.incidents:
        out += _heading(tr("Incidents"), len(bundle.incidents))
        for i in bundle.incidents:
            out.append(f"  {_date(i.date)}: {i.title} [{i.kind.label}; {i.phase.label}]")
            out.append(tr("    Attributed to: {0}").format(i.attribution or tr("not attributed")))
            for label, value in (
                (tr("killed"), i.killed),
                (tr("of them children"), i.killed_children),
                (tr("injured"), i.injured),
                (tr("missing"), i.missing),
            ):
                if value is not None:
                    out.append(f"    {label}: {value.text()}")
            if i.legal_qualifications:
                quals = ", ".join(q.label for q in i.legal_qualifications)
                out.append(tr("    Qualification: {0}. {1}").format(quals, i.legal_reasoning))
    if bundle.testimonies:
        out += _heading(tr("Testimonies"), len(bundle.testimonies))
        for t in bundle.testimonies:
            who = t.witness_label
            if show_identities and t.witness_name:
                who += f" [{t.witness_name}]"
            out.append(f"  {who} ({t.place or tr('place unknown')}, {_date(t.date)}, {t.language})")
            out.append(f"    {t.text}")
    if bundle.aftermath:
        out += _heading(tr("Aftermath"), len(bundle.aftermath))
        for a in bundle.aftermath:
            count = f" ({a.count.text()})" if a.count else ""
            out.append(f"  {a.title}{count}: {a.description}")
    if bundle.media:
        out += _heading(tr("Media"), len(bundle.media))
        out += [
            f"  [{m.kind.label}] {_date(m.date)}: {m.caption} {_credit(m)}" for m in bundle.media
        ]
    if bundle.sources:
        out += _heading(tr("Sources"))
        out += [f"  [{n}] {s.publisher}, {s.title}" for n, s in enumerate(bundle.sources, 1)]
    return "\n".join(out) + "\n"


def _credit(item: r.MediaItem) -> str:
    return f"({item.credit})" if item.credit else ""
