"""Brief speed: a demo case, and a large case against a bare ReportLab document with the same content."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from bench.common import Row, median_spread, timed
from desk_app.brief.render import render_pdf
from desk_app.brief.styles import styles
from desk_app.cli import load_demo
from desk_app.domain.redact import Profile
from desk_app.exchange.synth import Synth
from desk_app.store import open_store
from desk_app.store.cases import case_ids, load_bundle, resolve_case


def large_bundle(testimonies: int = 1000, batches: int = 300):
    db = open_store(":memory:")
    synth = Synth(seed=3)
    synth.case(1, testimonies, batches)
    synth.write(db)
    return load_bundle(db, case_ids(db)[0])


def bare_pdf(bundle) -> bytes:
    """The same words in a plain ReportLab document: the floor our brief is measured against.

    Same content as the brief (every line of text it prints), same font; none of
    our work: no redaction, shaping, page furniture, bookmarks, chart or cell fitting.
    """
    s = styles()
    p = lambda text, style="body": Paragraph(escape(text), s[style])  # noqa: E731
    story = [p(bundle.case.title, "title"), p(bundle.case.summary)]
    story.append(Table([[f.label, f.count.text()] for f in bundle.figures] or [[""]]))
    for siege in bundle.sieges:
        story += [
            p(siege.title, "h2"),
            p(siege.period.text()),
            p(siege.besieged),
            p(siege.description),
        ]
    for a in bundle.agreements:
        story += [p(a.title, "h2"), p(a.date.text() if a.date else "unknown")] + [
            p(t) for t in a.terms
        ]
    rows = [["Batch", "Date", "Origin", "Destinations", "People", "Buses"]]
    for b in bundle.batches:
        rows.append(
            [
                str(b.number),
                b.date.text() if b.date else "unknown",
                b.origin,
                "; ".join(b.destinations),
                b.people.text() if b.people else "unknown",
                b.buses.text() if b.buses else "unknown",
            ]
        )
    story.append(Table(rows, repeatRows=1))
    for i in bundle.incidents:
        story += [
            p(i.title, "h2"),
            p(f"{i.date.text() if i.date else 'unknown'} {i.place} {i.kind.label}"),
            p(i.attribution),
            p(f"killed {i.killed.text() if i.killed else ''}"),
            p(i.description),
        ]
    for t in bundle.testimonies:
        story += [
            p(t.witness_label, "h2"),
            p(f"{t.place} {t.date.text() if t.date else ''} {t.language}", "small"),
            p(t.text),
        ]
    for a in bundle.aftermath:
        story += [p(a.title, "h2"), p(a.kind.label, "small"), p(a.description)]
    story += [p(f"{src.publisher}, {src.title}") for src in bundle.sources]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def run(repeat: int = 5) -> list[Row]:
    rows = []
    db = open_store(":memory:")
    load_demo(db)
    for slug in ("al-waer", "four-towns"):
        bundle = load_bundle(db, resolve_case(db, slug).id)
        med, spread = median_spread(
            timed(
                lambda b=bundle: render_pdf(b, profile=Profile.INTERNAL, audit_head="0" * 64),
                repeat,
            )
        )
        rows.append(
            Row("brief of a demo case", slug, med, "ms", spread, target="< 500 ms", met=med < 500)
        )
    bundle = large_bundle()
    ours = timed(lambda: render_pdf(bundle, profile=Profile.PARTNER, audit_head="0" * 64), repeat)
    bare = timed(lambda: bare_pdf(bundle), repeat)
    med, spread = median_spread(ours)
    base, _ = median_spread(bare)
    pages = render_pdf(bundle, profile=Profile.PARTNER, audit_head="0" * 64)[1]
    rows.append(
        Row(
            "brief of a large case",
            f"1,000 testimonies, 300 batches ({pages} pages)",
            med,
            "ms",
            spread,
            baseline=base,
            target="< 3 s, <= 1.3x bare",
            met=med < 3000 and med / base <= 1.3,
        )
    )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
