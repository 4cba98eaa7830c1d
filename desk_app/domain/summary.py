"""Figures derived from a case's records: totals, flows, a timeline.

Pure functions over domain objects, shared by the command line, the brief
and the window so that all three print the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desk_app.domain import records as r
from desk_app.domain.bundle import CaseBundle
from desk_app.domain.values import Count, PartialDate, Qualifier
from desk_app.i18n import tr


def sum_counts(counts: Iterable[Count | None]) -> tuple[Count | None, int]:
    """(total, unknown): the sum of the known counts and how many were unknown.

    With any unknown the total is 'at least' the known sum; estimates and
    ranges make it 'about' low-high; exact counts stay exact.
    """
    counts = list(counts)
    known = [c for c in counts if c is not None]
    unknown = len(counts) - len(known)
    if not known:
        return None, unknown
    low = sum(c.low for c in known)
    high = sum(c.upper for c in known)
    if unknown:
        return Count(low, None, Qualifier.AT_LEAST), unknown
    if all(c.qualifier is Qualifier.EXACT and not c.is_range for c in known):
        return Count(low), 0
    qualifiers = {c.qualifier for c in known}
    # counts stated the same way keep that way ("an estimated" + "an estimated"); mixed ones are "about"
    qualifier = qualifiers.pop() if len(qualifiers) == 1 else Qualifier.ABOUT
    return Count(low, high if high != low else None, qualifier), 0


@dataclass(frozen=True, slots=True)
class BatchTotals:
    batches: int
    people: Count | None
    people_unknown: int
    buses: Count | None
    buses_unknown: int


def batch_totals(batches: list[r.EvacuationBatch]) -> BatchTotals:
    """Totals of people and buses over batches, with how many are unknown."""
    people, people_unknown = sum_counts([b.people for b in batches])
    buses, buses_unknown = sum_counts([b.buses for b in batches])
    return BatchTotals(len(batches), people, people_unknown, buses, buses_unknown)


def count_text(count: Count | None) -> str:
    """A count as stated, or 'unknown' (never zero)."""
    return count.text() if count is not None else tr("unknown")


def total_text(count: Count | None, unknown: int) -> str:
    """A total, saying how many parts of it are unknown."""
    if count is None:
        return tr("unknown")
    text = count.text()
    if unknown:
        text += " " + tr("({0} unknown)").format(unknown)
    return text


def flows(batches: list[r.EvacuationBatch]) -> list[tuple[str, str, int, Count | None]]:
    """(origin, destination, batches, people) pairs; people only where one batch had one destination."""
    table: dict[tuple[str, str], list] = {}
    for batch in batches:
        dests = batch.destinations or [tr("unknown destination")]
        for dest in dests:
            key = (batch.origin or tr("unknown origin"), dest)
            entry = table.setdefault(key, [0, []])
            entry[0] += 1
            entry[1].append(batch.people if len(dests) == 1 else None)
    out = []
    for (origin, dest), (n, people) in table.items():
        total, _ = sum_counts(people)
        out.append((origin, dest, n, total))
    return sorted(out, key=lambda row: (row[0], row[1]))


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: PartialDate | None
    label: str
    kind: str
    record_id: str


def timeline(bundle: CaseBundle) -> list[TimelineEvent]:
    """Dated events of a case in order: sieges, incidents, agreements, batches, aftermath."""
    events: list[TimelineEvent] = []
    for siege in bundle.sieges:
        if siege.period.start:
            events.append(
                TimelineEvent(
                    siege.period.start,
                    tr("Siege begins: {0}").format(siege.title),
                    "siege",
                    siege.id,
                )
            )
    for incident in bundle.incidents:
        if incident.date:
            events.append(TimelineEvent(incident.date, incident.title, "incident", incident.id))
    for agreement in bundle.agreements:
        if agreement.date:
            events.append(TimelineEvent(agreement.date, agreement.title, "agreement", agreement.id))
    for batch in bundle.batches:
        if batch.date:
            events.append(TimelineEvent(batch.date, batch_label(batch), "batch", batch.id))
    for item in bundle.aftermath:
        if item.date:
            events.append(TimelineEvent(item.date, item.title, "aftermath", item.id))
    return sorted(events, key=lambda e: (e.date.iso(), e.kind))


def batch_label(batch: r.EvacuationBatch) -> str:
    """'Batch 4' or 'Evacuation from Madaya' where the source gives no number."""
    if batch.number is not None:
        return tr("Batch {0}").format(batch.number)
    return tr("Evacuation from {0}").format(batch.origin or tr("unknown origin"))
