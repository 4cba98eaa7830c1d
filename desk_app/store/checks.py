"""`desk-app check`: is the store whole, consistent and its history intact?"""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.i18n import tr
from desk_app.store import audit
from desk_app.store.connection import DatabaseError
from desk_app.store.migrations import SEARCH_FIELDS, migrations


def check_store(db: Database) -> tuple[list[str], list[str]]:
    """(problems, report lines): SQLite integrity, foreign keys, audit chain, search index."""
    problems: list[str] = []
    lines: list[str] = []
    result = db.execute("PRAGMA integrity_check").fetchall()
    ok = result == [("ok",)]
    lines.append(tr("integrity: {0}").format("ok" if ok else result[0][0]))
    if not ok:
        problems.append(tr("the database file is damaged: {0}").format(result[0][0]))
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    lines.append(
        tr("foreign keys: {0}").format("ok" if not fk else tr("{0} broken").format(len(fk)))
    )
    if fk:
        problems.append(
            tr("{0} rows point at missing records (first in table {1})").format(len(fk), fk[0][0])
        )
    pending = migrations.pending(db)
    lines.append(
        tr("migrations: {0}").format(
            "up to date" if not pending else tr("{0} pending").format(len(pending))
        )
    )
    chain = audit.verify(db)
    if chain.ok:
        lines.append(
            tr("audit log: {0} entries, chain intact, head {1}").format(
                chain.entries, chain.head[:16]
            )
        )
    else:
        lines.append(
            tr("audit log: broken at entry {0}: {1}").format(chain.first_broken, chain.reason)
        )
        problems.append(
            tr("the audit log is broken at entry {0} ({1})").format(
                chain.first_broken, chain.reason
            )
        )
    problems += _check_search(db, lines)
    return problems, lines


def _check_search(db: Database, lines: list[str]) -> list[str]:
    try:
        db.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
    except DatabaseError as exc:
        lines.append(tr("search index: damaged"))
        return [tr("the search index does not match its documents ({0})").format(exc)]
    records = sum(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SEARCH_FIELDS)
    docs = db.execute("SELECT count(*) FROM search_doc").fetchone()[0]
    if records != docs:
        lines.append(tr("search index: {0} documents for {1} records").format(docs, records))
        return [
            tr("the search index is out of step: {0} documents for {1} records").format(
                docs, records
            )
        ]
    lines.append(tr("search index: ok ({0} documents)").format(docs))
    return []
