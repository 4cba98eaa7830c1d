"""Create, read, update and delete any record; one transaction per write.

Each write is checked (types, references inside its case), made, and logged
in the audit chain inside one transaction, and returns a Change that says
what it did; the GUI turns a Change into a signal. Nothing here knows Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from desk_app.domain import records as r
from desk_app.domain.kinds import CASE_KIND, KINDS, Kind, kind_named, kind_of
from desk_app.domain.labels import LABEL_FIELDS, record_label
from desk_app.domain.serial import SerialError, from_dict, to_dict
from desk_app.i18n import tr
from desk_app.store import audit
from desk_app.store.codec import columns, diff, from_row, to_row
from desk_app.store.errors import InvalidRecord, NotFound


@dataclass(frozen=True, slots=True)
class Change:
    """What one write did: enough to refresh a view or to undo it."""

    action: str  # "insert", "update" or "delete"
    kind: str
    record_id: str
    case_id: str | None
    before: Any | None
    after: Any | None
    cascaded: tuple = ()  # records removed along with a deleted one, for restore()


def _select(kind: Kind) -> str:
    return f"SELECT {', '.join(columns(kind.cls))} FROM {kind.table}"


def _rows(db: Database, sql: str, params: list | dict = ()) -> list[dict[str, Any]]:
    cur = db.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def get(db: Database, kind_name: str, record_id: str) -> Any:
    """One record by kind and id; NotFound if it does not exist."""
    kind = kind_named(kind_name)
    rows = _rows(db, f"{_select(kind)} WHERE id = ?", [record_id])
    if not rows:
        raise NotFound(tr("no {0} with id {1}").format(kind.singular.lower(), record_id))
    return from_row(kind.cls, rows[0])


def find(db: Database, kind_name: str, record_id: str) -> Any | None:
    """One record by kind and id, or None."""
    try:
        return get(db, kind_name, record_id)
    except NotFound:
        return None


def list_for_case(
    db: Database, kind_name: str, case_id: str, *, offset: int = 0, limit: int | None = None
) -> list[Any]:
    """Records of one kind in one case, in the kind's natural order, paged."""
    kind = kind_named(kind_name)
    sql = f"{_select(kind)} WHERE case_id = ? ORDER BY {kind.order_by}, id"
    params: list[Any] = [case_id]
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [from_row(kind.cls, row) for row in _rows(db, sql, params)]


def ids_for_case(
    db: Database, kind_name: str, case_id: str, *, sort: str | None = None, descending: bool = False
) -> list[str]:
    """Ids of one kind in one case: cheap, for lazy models; sort names a column."""
    kind = kind_named(kind_name)
    order = kind.order_by
    if sort is not None:
        if sort not in columns(kind.cls):
            raise ValueError(f"cannot sort {kind.name} by {sort!r}")
        direction = "DESC" if descending else "ASC"
        order = f"{sort} IS NULL, {sort} {direction}, {kind.order_by}"
    cur = db.execute(
        f"SELECT id FROM {kind.table} WHERE case_id = ? ORDER BY {order}, id", [case_id]
    )
    return [row[0] for row in cur.fetchall()]


def rows_for_ids(db: Database, sql: str, ids: list[str]) -> list[tuple]:
    """Run sql (with one '{marks}' placeholder for an IN list) over ids, 500 at a time."""
    out: list[tuple] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        out += db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall()
    return out


def get_many(db: Database, kind_name: str, ids: list[str]) -> dict[str, Any]:
    """Records by id (for a page of a lazy model); missing ids are absent."""
    kind = kind_named(kind_name)
    names = columns(kind.cls)
    rows = rows_for_ids(db, _select(kind) + " WHERE id IN ({marks})", ids)
    return {row[0]: from_row(kind.cls, dict(zip(names, row, strict=True))) for row in rows}


def count_for_case(
    db: Database, kind_name: str, case_id: str, *, status: str | None = None, tag: str | None = None
) -> int:
    """How many records of a kind a case holds (narrowed by review status and tag)."""
    kind = kind_named(kind_name)
    narrow, params = review_filter(status, tag, f"{kind.table}.id")
    sql = f"SELECT count(*) FROM {kind.table} WHERE case_id = ?{narrow}"
    return db.execute(sql, [case_id, *params]).fetchone()[0]


def _checked(record: Any) -> Any:
    """Round-trip through the codec so a malformed object never reaches SQL."""
    try:
        return from_dict(type(record), to_dict(record))
    except (SerialError, TypeError, ValueError) as exc:
        raise InvalidRecord(str(exc)) from None


def _check_references(db: Database, record: Any) -> None:
    if isinstance(record, r.Case):
        return
    if not db.execute("SELECT 1 FROM cases WHERE id = ?", [record.case_id]).fetchone():
        raise InvalidRecord(tr("no case with id {0}").format(record.case_id))
    wanted = [("sources", ref.source_id) for ref in getattr(record, "sources", ())]
    for attr in ("besieging_party_ids", "sponsor_party_ids", "party_ids"):
        wanted += [("parties", pid) for pid in getattr(record, attr, ())]
    wanted += [("parties", n.party_id) for n in getattr(record, "negotiators", ())]
    wanted += [("places", pid) for pid in getattr(record, "place_ids", ())]
    for table, ref in wanted:
        hit = db.execute(
            f"SELECT 1 FROM {table} WHERE id = ? AND case_id = ?", [ref, record.case_id]
        ).fetchone()
        if not hit:
            raise InvalidRecord(tr("{0} names a missing record {1}").format(table, ref))


def _case_id(record: Any) -> str:
    return record.id if isinstance(record, r.Case) else record.case_id


def insert(db: Database, record: Any, *, actor: str) -> Change:
    """Add a record, logged; InvalidRecord and nothing written if it breaks a rule."""
    record = _checked(record)
    kind = kind_of(record)
    with db.atomic():
        _check_references(db, record)
        if db.execute(f"SELECT 1 FROM {kind.table} WHERE id = ?", [record.id]).fetchone():
            raise InvalidRecord(tr("a {0} with this id exists").format(kind.singular.lower()))
        if isinstance(record, r.Case) and _slug_taken(db, record.slug, record.id):
            raise InvalidRecord(tr("the slug '{0}' is taken").format(record.slug))
        db[kind.table].insert(to_row(record))
        values = to_dict(record)
        audit.append(
            db,
            actor=actor,
            action="insert",
            record_kind=kind.name,
            record_id=record.id,
            case_id=_case_id(record),
            changes=values,
            new_values=values,
        )
    return Change("insert", kind.name, record.id, _case_id(record), None, record)


def _slug_taken(db: Database, slug: str, case_id: str) -> bool:
    return bool(
        db.execute("SELECT 1 FROM cases WHERE slug = ? AND id != ?", [slug, case_id]).fetchone()
    )


def update(db: Database, record: Any, *, actor: str) -> Change | None:
    """Replace a record's fields; None if nothing differs."""
    record = _checked(record)
    kind = kind_of(record)
    with db.atomic():
        before = get(db, kind.name, record.id)
        if _case_id(before) != _case_id(record):
            raise InvalidRecord(tr("a record cannot move to another case"))
        changes = diff(before, record)
        if not changes:
            return None
        _check_references(db, record)
        if isinstance(record, r.Case) and _slug_taken(db, record.slug, record.id):
            raise InvalidRecord(tr("the slug '{0}' is taken").format(record.slug))
        db[kind.table].update(record.id, to_row(record))
        audit.append(
            db,
            actor=actor,
            action="update",
            record_kind=kind.name,
            record_id=record.id,
            case_id=_case_id(record),
            changes=changes,
            new_values=to_dict(record),
        )
    return Change("update", kind.name, record.id, _case_id(record), before, record)


def delete(db: Database, kind_name: str, record_id: str, *, actor: str) -> Change:
    """Remove a record with its annotations (a case with all its records), logged."""
    kind = kind_named(kind_name)
    with db.atomic():
        before = get(db, kind.name, record_id)
        cascaded = _dependents(db, kind, record_id)
        changes: dict[str, Any] = to_dict(before)
        if kind is CASE_KIND:
            changes = {"case": changes, "records": _child_counts(db, record_id)}
        elif cascaded:
            for item in cascaded:
                db.execute(f"DELETE FROM {kind_of(item).table} WHERE id = ?", [item.id])
            changes = {**changes, "also_removed": [f"{kind_of(a).name} {a.id}" for a in cascaded]}
        db.execute(f"DELETE FROM {kind.table} WHERE id = ?", [record_id])
        audit.append(
            db,
            actor=actor,
            action="delete",
            record_kind=kind.name,
            record_id=record_id,
            case_id=_case_id(before),
            changes=changes,
            new_values=None,
        )
    return Change("delete", kind.name, record_id, _case_id(before), before, None, cascaded)


def _dependents(db: Database, kind: Kind, record_id: str) -> tuple:
    """What goes with a record: a case's records, or a record's annotation thread."""
    if kind is CASE_KIND:
        return tuple(item for k in KINDS for item in list_for_case(db, k.name, record_id))
    review = _rows(db, f"{_select(kind_named('review'))} WHERE record_id = ?", [record_id])
    thread, frontier = [from_row(r.Review, row) for row in review], [record_id]
    while frontier:
        marks = ",".join("?" * len(frontier))
        rows = _rows(
            db,
            f"{_select(kind_named('annotation'))} WHERE record_id IN ({marks})"
            f" OR parent_id IN ({marks}) ORDER BY created_at",
            frontier + frontier,
        )
        found = [
            from_row(r.Annotation, row) for row in rows if row["id"] not in {a.id for a in thread}
        ]
        thread += found
        frontier = [a.id for a in found]
    return tuple(thread)


def restore(db: Database, change: Change, *, actor: str) -> Change:
    """Undo a delete: put the record and what went with it back, same ids, logged."""
    if change.action != "delete":
        raise InvalidRecord(tr("only a deletion can be restored"))
    record = _checked(change.before)
    kind = kind_of(record)
    with db.atomic():
        if db.execute(f"SELECT 1 FROM {kind.table} WHERE id = ?", [record.id]).fetchone():
            raise InvalidRecord(tr("the record is already in the store"))
        if not isinstance(record, r.Case):
            _check_references(db, record)
        db[kind.table].insert(to_row(record))
        for item in change.cascaded:
            db[kind_of(item).table].insert(to_row(item))
        audit.append(
            db,
            actor=actor,
            action="restore",
            record_kind=kind.name,
            record_id=record.id,
            case_id=_case_id(record),
            changes={"restored": 1 + len(change.cascaded)},
            new_values=to_dict(record),
        )
    return Change("insert", kind.name, record.id, _case_id(record), None, record, change.cascaded)


def _child_counts(db: Database, case_id: str) -> dict[str, int]:
    return {k.name: count_for_case(db, k.name, case_id) for k in KINDS}


def review_filter(status: str | None, tag: str | None, id_col: str) -> tuple[str, list]:
    """SQL narrowing records to a review status ('draft' takes in the never reviewed) and a tag.

    id_col must be qualified (table.id): inside the subqueries a bare id is the review's own.
    """
    clauses, params = [], []
    if status:
        clauses.append(
            f"coalesce((SELECT status FROM reviews WHERE record_id = {id_col}), 'draft') = ?"
        )
        params.append(status)
    if tag:
        clauses.append(f"{id_col} IN (SELECT record_id FROM annotations WHERE tags LIKE ?)")
        params.append(f'%"{tag}"%')
    return (" AND " + " AND ".join(clauses) if clauses else ""), params


def labels(
    db: Database,
    kind_name: str,
    case_id: str,
    *,
    offset: int = 0,
    limit: int = 500,
    status: str | None = None,
    tag: str | None = None,
) -> list[tuple[str, str]]:
    """(id, label) for a page of one kind in a case: only the label's columns are read."""
    kind = kind_named(kind_name)
    fields = ", ".join(LABEL_FIELDS[kind.name])
    narrow, params = review_filter(status, tag, f"{kind.table}.id")
    rows = _rows(
        db,
        f"SELECT id, {fields} FROM {kind.table} WHERE case_id = ?{narrow}"
        f" ORDER BY {kind.order_by}, id LIMIT ? OFFSET ?",
        [case_id, *params, limit, offset],
    )
    return [(row["id"], record_label(kind.name, row)) for row in rows]


def position(db: Database, kind_name: str, case_id: str, record_id: str) -> int | None:
    """The 0-based place of a record in its kind's natural order, or None."""
    ids = ids_for_case(db, kind_name, case_id)
    try:
        return ids.index(record_id)
    except ValueError:
        return None
