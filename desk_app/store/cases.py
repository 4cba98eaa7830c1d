"""Case-level reads and writes: listing, resolving, whole bundles in and out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desk_app.domain import records as r
from desk_app.domain.bundle import CaseBundle
from desk_app.domain.kinds import CASE_KIND, KINDS
from desk_app.domain.serial import to_dict
from desk_app.i18n import tr
from desk_app.store import audit
from desk_app.store.codec import diff, from_row, to_row
from desk_app.store.errors import NotFound
from desk_app.store.maintenance import merge_search_index
from desk_app.store.records import _rows, _select, get, get_many, list_for_case


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """A case with its record counts, for lists and trees."""

    case: r.Case
    counts: dict[str, int]
    places: list[str]


def list_cases(db: Database) -> list[r.Case]:
    """Every case, by title."""
    return [
        from_row(r.Case, row)
        for row in _rows(db, f"{_select(CASE_KIND)} ORDER BY title COLLATE NOCASE")
    ]


def case_ids(db: Database, order_by: str = "title") -> list[str]:
    """Case ids in order (cheap, for lazy trees)."""
    allowed = {"title", "governorate", "status", "period_start"}
    if order_by not in allowed:
        raise ValueError(f"cannot order cases by {order_by!r}")
    return [
        row[0]
        for row in db.execute(
            f"SELECT id FROM cases ORDER BY {order_by} COLLATE NOCASE, title COLLATE NOCASE, id"
        )
    ]


def summarize(db: Database, case: r.Case) -> CaseSummary:
    """Counts of each kind of record in a case, and its place names."""
    counts = {}
    for kind in KINDS:
        counts[kind.name] = db.execute(
            f"SELECT count(*) FROM {kind.table} WHERE case_id = ?", [case.id]
        ).fetchone()[0]
    places = [
        row[0]
        for row in db.execute("SELECT name FROM places WHERE case_id = ? ORDER BY name", [case.id])
    ]
    return CaseSummary(case, counts, places)


def resolve_case(db: Database, ref: str) -> r.Case:
    """A case by slug or id; NotFound with the known slugs otherwise."""
    rows = _rows(db, f"{_select(CASE_KIND)} WHERE slug = ? OR id = ?", [ref, ref])
    if rows:
        return from_row(r.Case, rows[0])
    known = ", ".join(row[0] for row in db.execute("SELECT slug FROM cases ORDER BY slug"))
    raise NotFound(
        tr("no case '{0}' (known: {1})").format(ref, known or tr("the store has no cases"))
    )


def load_bundle(db: Database, case_id: str, *, skip: tuple[str, ...] = ()) -> CaseBundle:
    """The whole case as plain objects (for the brief, export and show); skip kinds not needed."""
    bundle = CaseBundle(case=get(db, "case", case_id))
    for kind in KINDS:
        if kind.name not in skip:
            setattr(bundle, kind.bundle_key, list_for_case(db, kind.name, case_id))
    return bundle


@dataclass(slots=True)
class ImportReport:
    """What an import did or, on a dry run or a conflict, would have done."""

    created: dict[str, int] = field(default_factory=dict)
    new_cases: list[str] = field(default_factory=list)
    touched: set[tuple[str, str]] = field(default_factory=set)  # (case id, kind) given new records
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def total_created(self) -> int:
        return sum(self.created.values())


def _plan(db: Database, bundles: Iterable[CaseBundle], report: ImportReport) -> list:
    """Sort each record into new, unchanged or conflicting; return the new ones."""
    to_write: list[tuple[Any, list]] = []
    for bundle in bundles:
        groups = [(CASE_KIND, [bundle.case]), *bundle.records()]
        for kind, items in groups:
            found = get_many(db, kind.name, [item.id for item in items])
            fresh = []
            for item in items:
                old = found.get(item.id)
                if old is None:
                    fresh.append(item)
                elif diff(old, item):
                    fields = ", ".join(sorted(diff(old, item)))
                    report.conflicts.append(
                        tr("{0} {1} differs from the store in: {2}").format(
                            kind.name, item.id, fields
                        )
                    )
                else:
                    report.unchanged += 1
            if kind is CASE_KIND and fresh:
                slug_owner = db.execute(
                    "SELECT id FROM cases WHERE slug = ?", [bundle.case.slug]
                ).fetchone()
                if slug_owner:
                    report.conflicts.append(
                        tr("case slug '{0}' is used by another case").format(bundle.case.slug)
                    )
            if fresh:
                report.created[kind.name] = report.created.get(kind.name, 0) + len(fresh)
                to_write.append((kind, fresh))
                if kind is CASE_KIND:
                    report.new_cases.append(bundle.case.id)
                else:
                    report.touched.add((bundle.case.id, kind.name))
    return to_write


def import_bundles(
    db: Database,
    bundles: list[CaseBundle],
    *,
    actor: str,
    dry_run: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> ImportReport:
    """Add the bundles' records; all or nothing, and nothing at all on a conflict.

    progress(done, total, message) is called between kinds; if it raises, the
    whole import is rolled back.
    """
    report = ImportReport()
    with db.atomic():
        to_write = _plan(db, bundles, report)
        if report.conflicts or dry_run:
            return report
        total = sum(len(items) for _, items in to_write)
        done = 0
        for kind, items in to_write:
            if progress:
                progress(done, total, tr("Writing {0}…").format(kind.plural.lower()))
            db[kind.table].insert_all((to_row(item) for item in items), batch_size=1000)
            done += len(items)
        for bundle in bundles:
            audit.append(
                db,
                actor=actor,
                action="import",
                record_kind="case",
                record_id=bundle.case.id,
                case_id=bundle.case.id,
                changes={
                    "records": {k.name: len(items) for k, items in bundle.records()},
                    "bundle_sha256": bundle.source_sha256 or None,
                },
                new_values=(
                    {"bundle_sha256": bundle.source_sha256}
                    if bundle.source_sha256
                    else bundle_digest_source(bundle)
                ),
            )
        report.written = True
    merge_search_index(db)  # bounded: keeps the index from fragmenting import after import
    return report


def bundle_digest_source(bundle: CaseBundle) -> dict[str, Any]:
    """The bundle's content as one canonical value, hashed into the audit log."""
    out: dict[str, Any] = {"case": to_dict(bundle.case)}
    for kind, items in bundle.records():
        out[kind.bundle_key] = [to_dict(item) for item in items]
    return out


GROUPINGS = {
    "governorate": "coalesce(nullif(governorate, ''), '')",
    "status": "status",
    "year": "coalesce(substr(period_start, 1, 4), '')",
}


def _case_filter(text: str, status: str | None = None, tag: str | None = None) -> tuple[str, list]:
    """SQL for cases whose title, slug or governorate match (or any of whose records do),
    holding a record at a review status and one with a tag."""
    review_sql, review_params = "", []
    if status and status != "draft":  # every case has drafts: only other statuses narrow the cases
        review_sql += " AND id IN (SELECT case_id FROM reviews WHERE status = ?)"
        review_params.append(status)
    if tag:
        review_sql += " AND id IN (SELECT case_id FROM annotations WHERE tags LIKE ?)"
        review_params.append(f'%"{tag}"%')
    where, params = _text_filter(text)
    return where + review_sql, params + review_params


def _text_filter(text: str) -> tuple[str, list]:
    from desk_app.store.search import fts_query  # noqa: PLC0415 - small module, avoids a cycle

    text = text.strip()
    if not text:
        return "1", []
    like = f"%{text.replace('%', '').replace('_', '')}%"
    clause = "(title LIKE ? OR slug LIKE ? OR governorate LIKE ?"
    params: list[Any] = [like, like, like]
    query = fts_query(text)
    if query:
        clause += (
            " OR id IN (SELECT d.case_id FROM search_fts JOIN search_doc d"
            " ON d.rowid = search_fts.rowid WHERE search_fts MATCH ?)"
        )
        params.append(query)
    return clause + ")", params


def case_groups(
    db: Database, by: str, text: str = "", *, status: str | None = None, tag: str | None = None
) -> list[tuple[str, int]]:
    """(group value, number of cases) for the tree's top level, filtered."""
    expr = GROUPINGS[by]
    where, params = _case_filter(text, status, tag)
    sql = f"SELECT {expr} AS g, count(*) FROM cases WHERE {where} GROUP BY g ORDER BY g COLLATE NOCASE"
    return [(row[0], row[1]) for row in db.execute(sql, params)]


def case_page(
    db: Database,
    by: str,
    value: str,
    text: str = "",
    *,
    offset: int = 0,
    limit: int = 500,
    status: str | None = None,
    tag: str | None = None,
) -> list[tuple[str, str]]:
    """(id, title) of the cases in one group, a page at a time."""
    where, params = _case_filter(text, status, tag)
    sql = (
        f"SELECT id, title FROM cases WHERE {GROUPINGS[by]} = ? AND {where}"
        " ORDER BY title COLLATE NOCASE, id LIMIT ? OFFSET ?"
    )
    return [(row[0], row[1]) for row in db.execute(sql, [value, *params, limit, offset])]


def group_of(db: Database, by: str, case_id: str) -> str | None:
    """The group value a case falls under."""
    row = db.execute(f"SELECT {GROUPINGS[by]} FROM cases WHERE id = ?", [case_id]).fetchone()
    return row[0] if row else None


def store_counts(db: Database) -> dict[str, int]:
    """Number of records of each kind in the whole store (for the status bar)."""
    out = {"case": db.execute("SELECT count(*) FROM cases").fetchone()[0]}
    for kind in KINDS:
        out[kind.name] = db.execute(f"SELECT count(*) FROM {kind.table}").fetchone()[0]
    return out


def case_titles(db: Database) -> list[tuple[str, str]]:
    """(id, title) of every case, by title: light, for pickers."""
    return [
        (row[0], row[1])
        for row in db.execute("SELECT id, title FROM cases ORDER BY title COLLATE NOCASE, id")
    ]


def case_position(
    db: Database,
    by: str,
    case_id: str,
    text: str = "",
    *,
    status: str | None = None,
    tag: str | None = None,
) -> tuple[str, int] | None:
    """(group value, row within the group) of a case under the tree's filters, or None if filtered out."""
    where, params = _case_filter(text, status, tag)
    row = db.execute(
        f"SELECT {GROUPINGS[by]}, title FROM cases WHERE id = ? AND {where}", [case_id, *params]
    ).fetchone()
    if row is None:
        return None
    value, title = row
    before = db.execute(
        f"SELECT count(*) FROM cases WHERE {GROUPINGS[by]} = ? AND {where} AND"
        " (title COLLATE NOCASE < ? COLLATE NOCASE OR (title COLLATE NOCASE = ? COLLATE NOCASE AND id < ?))",
        [value, *params, title, title, case_id],
    ).fetchone()[0]
    return value, before
