"""Review status, annotations and the tag vocabulary: the store side of reviewing."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime

from sqlite_utils import Database

from desk_app.domain import records as r
from desk_app.domain.enums import ReviewStatus
from desk_app.domain.kinds import KINDS, kind_named
from desk_app.i18n import tr
from desk_app.store import audit
from desk_app.store.codec import from_row
from desk_app.store.errors import InvalidRecord
from desk_app.store.records import Change, _rows, _select, get, insert, rows_for_ids, update

REVIEWABLE = [k.name for k in KINDS if k.name not in ("annotation", "review", "source")] + ["case"]


def now() -> str:
    """The time for new annotations and reviews, in UTC."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def review_of(db: Database, record_id: str) -> r.Review | None:
    rows = _rows(db, f"{_select(kind_named('review'))} WHERE record_id = ?", [record_id])
    return from_row(r.Review, rows[0]) if rows else None


def set_status(
    db: Database, kind_name: str, record_id: str, status: ReviewStatus, *, actor: str
) -> Change | None:
    """Set a record's review status (one logged write); None if it already had it."""
    if kind_name not in REVIEWABLE:
        raise InvalidRecord(tr("a {0} has no review status").format(kind_name))
    record = get(db, kind_name, record_id)
    case_id = record.id if kind_name == "case" else record.case_id
    existing = review_of(db, record_id)
    if existing is not None and existing.status is status:
        return None
    review = r.Review(
        case_id=case_id,
        record_kind=kind_name,
        record_id=record_id,
        status=status,
        set_by=actor,
        set_at=now(),
    )
    if existing is None:
        return insert(db, review, actor=actor)
    review.id = existing.id  # one review per record: this replaces it, logged as an update
    return update(db, review, actor=actor)


def statuses(db: Database, record_ids: list[str]) -> dict[str, ReviewStatus]:
    """Review status by record id; records never reviewed are absent (draft)."""
    rows = rows_for_ids(
        db, "SELECT record_id, status FROM reviews WHERE record_id IN ({marks})", record_ids
    )
    return {rid: ReviewStatus(status) for rid, status in rows}


def status_counts(db: Database, case_id: str) -> dict[ReviewStatus, int]:
    """How many of a case's reviewable records stand at each status (unreviewed count as draft)."""
    counts = Counter(
        {
            ReviewStatus(s): n
            for s, n in db.execute(
                "SELECT status, count(*) FROM reviews WHERE case_id = ? GROUP BY status", [case_id]
            )
        }
    )
    total = 1 + sum(
        db.execute(
            f"SELECT count(*) FROM {kind_named(k).table} WHERE case_id = ?", [case_id]
        ).fetchone()[0]
        for k in REVIEWABLE
        if k != "case"
    )
    counts[ReviewStatus.DRAFT] += total - sum(counts.values())
    return {status: counts.get(status, 0) for status in ReviewStatus}


def thread(db: Database, record_id: str) -> list[r.Annotation]:
    """A record's annotations with their replies, oldest first (replies after their parent)."""
    rows = _rows(
        db,
        f"{_select(kind_named('annotation'))} WHERE record_id = ? ORDER BY created_at, id",
        [record_id],
    )
    notes = [from_row(r.Annotation, row) for row in rows]
    replies = _rows(
        db,
        f"{_select(kind_named('annotation'))} WHERE parent_id IN "
        f"(SELECT id FROM annotations WHERE record_id = ?) AND record_id != ? ORDER BY created_at, id",
        [record_id, record_id],
    )
    by_parent: dict[str, list] = {}
    for row in replies:
        by_parent.setdefault(row["parent_id"], []).append(from_row(r.Annotation, row))
    out = []
    for note in notes:
        out.append(note)
        out.extend(by_parent.get(note.id, []))
    return out


def open_counts(db: Database, record_ids: list[str]) -> dict[str, int]:
    """Unresolved annotations per record id (records with none are absent)."""
    sql = (
        "SELECT record_id, count(*) FROM annotations WHERE resolved = 0 AND parent_id IS NULL"
        " AND record_id IN ({marks}) GROUP BY record_id"
    )
    return dict(rows_for_ids(db, sql, record_ids))


def vocabulary(db: Database) -> list[str]:
    """The controlled tags, then every free tag in use."""
    controlled = [row[0] for row in db.execute("SELECT name FROM tag_vocabulary ORDER BY name")]
    used = set()
    for (tags,) in db.execute("SELECT DISTINCT tags FROM annotations WHERE tags != '[]'"):
        used.update(json.loads(tags))
    return controlled + sorted(used - set(controlled))


def add_tag(db: Database, name: str, *, actor: str) -> bool:
    """Extend the controlled tag list (logged); False if it is already there."""
    name = name.strip().lower()
    if not name or "," in name:
        raise InvalidRecord(tr("a tag is one word or phrase without commas"))
    with db.atomic():
        if db.execute("SELECT 1 FROM tag_vocabulary WHERE name = ?", [name]).fetchone():
            return False
        db.execute("INSERT INTO tag_vocabulary (name) VALUES (?)", [name])
        audit.append(
            db,
            actor=actor,
            action="insert",
            record_kind="tag",
            record_id=name,
            case_id=None,
            changes={"name": name},
            new_values={"name": name},
        )
    return True
