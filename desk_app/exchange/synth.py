"""Synthetic stores for benchmarks: realistic shapes, repeatable by seed, bulk-inserted.

Cases are built like the four demo cases (a siege, an agreement, batches,
incidents, testimonies, aftermath, annotations); testimony texts mix English
and Arabic with lengths like real digests. Everything goes in through one
transaction with executemany, the search index kept by its triggers.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from sqlite_utils import Database

from desk_app.domain import records as r
from desk_app.domain.enums import (
    AftermathKind,
    AnnotationKind,
    CaseStatus,
    Consent,
    IncidentKind,
    PartyType,
    Phase,
    PlaceKind,
    Restriction,
    Sensitivity,
)
from desk_app.domain.values import Count, DateSpan, PartialDate, Qualifier
from desk_app.exchange.synth_words import (
    AR_WORDS,
    DESTINATIONS,
    EN_WORDS,
    GOVERNORATES,
    ROLES,
    TOWNS,
    TOWNS_AR,
)
from desk_app.store import audit
from desk_app.store.codec import columns, to_row
from desk_app.store.maintenance import optimize


def _zipf(words: list[str], s: float = 1.05) -> list[float]:
    weights = [1 / (rank**s) for rank in range(1, len(words) + 1)]
    total, acc, out = sum(weights), 0.0, []
    for w in weights:
        acc += w / total
        out.append(acc)
    return out


_EN_CUM, _AR_CUM = _zipf(EN_WORDS), _zipf(AR_WORDS)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _date(rng: random.Random, start: date, days: int) -> PartialDate:
    d = start + timedelta(days=rng.randrange(max(days, 1)))
    precision = rng.random()
    if precision < 0.15:
        return PartialDate(d.year, d.month)
    if precision < 0.2:
        return PartialDate(d.year)
    return PartialDate(d.year, d.month, d.day)


def _count(rng: random.Random, low: int, high: int) -> Count | None:
    roll = rng.random()
    if roll < 0.25:
        return None  # unknowns are common in real data
    value = rng.randint(low, high)
    if roll < 0.45:
        return Count(value, value + rng.randint(1, max(1, value // 3)), Qualifier.ESTIMATED)
    if roll < 0.6:
        return Count(
            value, None, rng.choice([Qualifier.ABOUT, Qualifier.AT_LEAST, Qualifier.MORE_THAN])
        )
    return Count(value)


def testimony_text(rng: random.Random, arabic: bool) -> str:
    """A digest of 40 to 160 words, in Arabic or English, with a town name or two."""
    words, cum = (AR_WORDS, _AR_CUM) if arabic else (EN_WORDS, _EN_CUM)
    towns = TOWNS_AR if arabic else TOWNS
    n = rng.randint(40, 160)
    out = rng.choices(words, cum_weights=cum, k=n)
    for _ in range(rng.randint(1, 3)):
        out[rng.randrange(n)] = rng.choice(towns)
    sentences, i = [], 0
    while i < n:
        step = rng.randint(8, 18)
        sentences.append(" ".join(out[i : i + step]))
        i += step
    joiner = "، " if arabic else ". "
    return joiner.join(s[:1].upper() + s[1:] for s in sentences) + "."


class Synth:
    """Builds records for N cases; rows are written in bulk by write()."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.rows: dict[type, list[dict]] = {}

    def add(self, record) -> None:
        self.rows.setdefault(type(record), []).append(to_row(record))

    def case(self, n: int, testimonies: int, batches: int) -> None:
        rng = self.rng
        town = rng.choice(TOWNS)
        start = date(2011, 1, 1) + timedelta(days=rng.randrange(2000))
        end = start + timedelta(days=rng.randint(120, 1500))
        case = r.Case(
            id=_uuid(rng),
            slug=f"case-{n:06d}",
            title=f"{town} ({n})",
            governorate=rng.choice(GOVERNORATES),
            period=DateSpan(
                PartialDate(start.year, start.month), PartialDate(end.year, end.month, end.day)
            ),
            status=rng.choice(list(CaseStatus)),
            summary=testimony_text(rng, False)[:600],
        )
        self.add(case)
        cid = case.id
        source = r.Source(
            id=_uuid(rng), case_id=cid, title="Synthetic field report", publisher="Case Desk bench"
        )
        self.add(source)
        ref = [r.SourceRef(source.id, "synthetic")]
        gov = r.Party(
            id=_uuid(rng),
            case_id=cid,
            name="Government forces",
            party_type=PartyType.GOVERNMENT_FORCES,
            sources=ref,
        )
        committee = r.Party(
            id=_uuid(rng),
            case_id=cid,
            name=f"{town} committee",
            party_type=PartyType.CIVILIAN_COMMITTEE,
            sources=ref,
        )
        for party in (gov, committee):
            self.add(party)
        self.add(r.Place(id=_uuid(rng), case_id=cid, name=town, kind=PlaceKind.TOWN, sources=ref))
        self.add(
            r.Siege(
                id=_uuid(rng),
                case_id=cid,
                title=f"Siege of {town}",
                period=DateSpan(case.period.start, None),
                besieging_party_ids=[gov.id],
                population=_count(rng, 2000, 300000),
                restrictions=rng.sample(list(Restriction), 4),
                description=testimony_text(rng, False)[:400],
                sources=ref,
            )
        )
        self.add(
            r.Agreement(
                id=_uuid(rng),
                case_id=cid,
                title=f"{town} agreement",
                date=_date(rng, end - timedelta(days=30), 30),
                negotiators=[
                    r.Negotiator(gov.id, "For the government"),
                    r.Negotiator(committee.id, "For residents"),
                ],
                terms=["Evacuation of fighters and civilians."],
                civilians_ordered_to_leave=rng.choice([True, False, None]),
                sources=ref,
            )
        )
        for b in range(1, batches + 1):
            self.add(
                r.EvacuationBatch(
                    id=_uuid(rng),
                    case_id=cid,
                    number=b,
                    date=_date(rng, end - timedelta(days=60), 60) if rng.random() > 0.3 else None,
                    origin=town,
                    destinations=rng.sample(DESTINATIONS, rng.randint(1, 2)),
                    people=_count(rng, 100, 3000),
                    buses=_count(rng, 5, 80),
                    sources=ref,
                )
            )
        for _ in range(rng.randint(3, 12)):
            self.add(
                r.Incident(
                    id=_uuid(rng),
                    case_id=cid,
                    title=f"{rng.choice(list(IncidentKind)).label} in {town}",
                    date=_date(rng, start, (end - start).days),
                    place=town,
                    kind=rng.choice(list(IncidentKind)),
                    phase=rng.choice(list(Phase)),
                    party_ids=[gov.id],
                    killed=_count(rng, 1, 200),
                    injured=_count(rng, 1, 400),
                    description=testimony_text(rng, False)[:300],
                    sources=ref,
                )
            )
        for _ in range(testimonies):
            arabic = rng.random() < 0.35
            self.add(
                r.Testimony(
                    id=_uuid(rng),
                    case_id=cid,
                    witness_label=f"{rng.choice(ROLES).capitalize()} from {town}",
                    witness_name=None
                    if rng.random() < 0.7
                    else f"Witness {rng.randrange(10**6):06d}",
                    date=_date(rng, start, (end - start).days) if rng.random() > 0.2 else None,
                    place=town,
                    language="ar" if arabic else "en",
                    text=testimony_text(rng, arabic),
                    consent=rng.choice(list(Consent)),
                    sensitivity=rng.choice(list(Sensitivity)),
                    sources=ref,
                )
            )
        for _ in range(rng.randint(1, 4)):
            self.add(
                r.Aftermath(
                    id=_uuid(rng),
                    case_id=cid,
                    title=f"Conditions after {town}",
                    kind=rng.choice(list(AftermathKind)),
                    count=_count(rng, 50, 9000),
                    description=testimony_text(rng, False)[:300],
                    sources=ref,
                )
            )
        if rng.random() < 0.5:
            self.add(
                r.Annotation(
                    id=_uuid(rng),
                    case_id=cid,
                    record_kind="case",
                    record_id=cid,
                    author="bench",
                    created_at="2026-11-25T00:00:00+00:00",
                    kind=rng.choice(list(AnnotationKind)),
                    text="Check the figures against a second source.",
                    tags=["figures"],
                )
            )

    def write(self, db: Database, *, actor: str = "desk-app synth") -> dict[str, int]:
        """Insert every built row in one transaction; returns rows per table."""
        from desk_app.domain.kinds import BY_CLASS  # noqa: PLC0415

        counts = {}
        with db.atomic():
            for cls, rows in self.rows.items():
                kind = BY_CLASS[cls]
                cols = columns(cls)
                sql = f"INSERT INTO {kind.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
                db.conn.executemany(sql, ([row[c] for c in cols] for row in rows))
                counts[kind.table] = len(rows)
            audit.append(
                db,
                actor=actor,
                action="synth",
                record_kind="store",
                record_id="synth",
                case_id=None,
                changes=counts,
                new_values=counts,
            )
        self.rows.clear()
        return counts


def synthesize(
    db: Database,
    *,
    cases: int,
    testimonies: int,
    batches: int | None = None,
    seed: int = 1,
    progress: Callable[[int, int, str], None] | None = None,
    chunk_cases: int = 200,
) -> dict[str, int]:
    """Fill db with `cases` cases holding `testimonies` testimonies in all (spread evenly)."""
    rng = random.Random(seed)
    totals: dict[str, int] = {}
    synth = Synth(seed)
    with db.atomic():  # one transaction; each chunk is a savepoint inside it, to bound memory
        for n, count in enumerate(_spread(testimonies, cases), 1):
            synth.case(n, count, batches if batches is not None else rng.randint(1, 14))
            if n % chunk_cases == 0 or n == cases:
                for table, k in synth.write(db).items():
                    totals[table] = totals.get(table, 0) + k
                if progress:
                    progress(n, cases, f"{n} of {cases} cases")
    optimize(db)  # a benchmark store starts as a well-kept one: one merged index segment
    return totals


def _spread(total: int, parts: int) -> Iterator[int]:
    base, extra = divmod(total, parts)
    return (base + (1 if i < extra else 0) for i in range(parts))
