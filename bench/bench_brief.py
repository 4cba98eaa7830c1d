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
    """The same words in a plain ReportLab document: the floor our brief is measured against."""
    s = styles()
    story = [
        Paragraph(escape(bundle.case.title), s["title"]),
        Paragraph(escape(bundle.case.summary), s["body"]),
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
    for item in (*bundle.incidents, *bundle.aftermath):
        story += [
            Paragraph(escape(item.title), s["h2"]),
            Paragraph(escape(item.description), s["body"]),
        ]
    for t in bundle.testimonies:
        story += [Paragraph(escape(t.witness_label), s["h2"]), Paragraph(escape(t.text), s["body"])]
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
