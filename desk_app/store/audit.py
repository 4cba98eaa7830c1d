"""The audit log: an append-only hash chain of every user-visible write.

Each entry hashes a canonical form of itself together with the previous
entry's hash, so altering, removing or reordering an entry breaks the chain
from that point on. Triggers refuse UPDATE and DELETE. The limit: anyone who
holds the store (and its key) can rebuild a whole new chain; only a chain
head printed earlier (every brief prints it) detects that.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    record_kind: str
    record_id: str
    case_id: str | None
    changes: dict[str, Any]
    new_hash: str | None
    prev_hash: str
    hash: str


def _entry_hash(fields: dict[str, Any]) -> str:
    payload = {k: fields[k] for k in sorted(fields) if k != "hash"}
    return sha256(canonical(payload))


def head(db: Database) -> str:
    """The hash of the newest entry (the chain head), or the genesis hash."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def append(
    db: Database,
    *,
    actor: str,
    action: str,
    record_kind: str,
    record_id: str,
    case_id: str | None,
    changes: dict[str, Any],
    new_values: dict[str, Any] | None,
) -> AuditEntry:
    """Add one entry; call inside the transaction that makes the change."""
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    fields = {
        "seq": seq,
        "at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "record_kind": record_kind,
        "record_id": record_id,
        "case_id": case_id,
        "changes": canonical(changes),
        "new_hash": sha256(canonical(new_values)) if new_values is not None else None,
        "prev_hash": prev,
    }
    fields["hash"] = _entry_hash(fields)
    db.execute(
        "INSERT INTO audit_log (seq, at, actor, action, record_kind, record_id, case_id,"
        " changes, new_hash, prev_hash, hash) VALUES (:seq, :at, :actor, :action,"
        " :record_kind, :record_id, :case_id, :changes, :new_hash, :prev_hash, :hash)",
        fields,
    )
    return _entry(fields)


def _entry(fields: dict[str, Any]) -> AuditEntry:
    return AuditEntry(**{**fields, "changes": json.loads(fields["changes"])})


_COLUMNS = (
    "seq, at, actor, action, record_kind, record_id, case_id, changes, new_hash, prev_hash, hash"
)


def history(db: Database, record_id: str) -> list[AuditEntry]:
    """Every entry about one record, oldest first."""
    cur = db.execute(
        f"SELECT {_COLUMNS} FROM audit_log WHERE record_id = ? ORDER BY seq", [record_id]
    )
    names = [d[0] for d in cur.description]
    return [_entry(dict(zip(names, row, strict=True))) for row in cur.fetchall()]


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    head: str
    first_broken: int | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def verify(db: Database) -> ChainReport:
    """Walk the chain from the start; name the first entry that does not hold."""
    prev, count, expected_seq = GENESIS, 0, 1
    cur = db.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq")
    names = [d[0] for d in cur.description]
    for row in cur:
        fields = dict(zip(names, row, strict=True))
        seq = fields["seq"]
        if seq != expected_seq:
            return ChainReport(count, prev, expected_seq, "entry is missing")
        if fields["prev_hash"] != prev:
            return ChainReport(count, prev, seq, "does not follow the entry before it")
        if _entry_hash(fields) != fields["hash"]:
            return ChainReport(count, prev, seq, "its content was altered")
        prev, count, expected_seq = fields["hash"], count + 1, seq + 1
    return ChainReport(count, prev, None)
