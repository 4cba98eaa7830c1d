"""Full-text search over every case, safe for anything a user types.

User text is never FTS5 syntax: each token is normalised (Arabic variants
folded the same way as the index) and quoted as a phrase, so '"', AND,
NEAR(, -siege and col:x are searched for as words. The last token also
matches as a prefix, so results come while a word is still being typed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from desk_app.store.normalize import normalize

_WORD = re.compile(r"\w", re.UNICODE)
MARK_START, MARK_END = "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class Hit:
    record_id: str
    kind: str
    case_id: str
    case_slug: str
    snippet: str

    def as_json(self) -> dict:
        return asdict(self)


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for user text; None when it has no words."""
    tokens = [normalize(t) for t in text.split()]
    tokens = [t.replace('"', '""') for t in tokens if _WORD.search(t)]
    if not tokens:
        return None
    parts = [f'"{t}"' for t in tokens]
    if len(tokens[-1]) >= 2:
        parts[-1] += "*"
    return " ".join(parts)


def search(
    db: Database,
    text: str,
    *,
    limit: int = 20,
    case_id: str | None = None,
    kind: str | None = None,
    marks: tuple[str, str] = ("[", "]"),
) -> list[Hit]:
    """Ranked hits for user text; an empty list when nothing matches."""
    query = fts_query(text)
    if query is None:
        return []
    where, params = ["search_fts MATCH ?"], [query]
    if case_id:
        where.append("d.case_id = ?")
        params.append(case_id)
    if kind:
        where.append("d.kind = ?")
        params.append(kind)
    sql = (
        "SELECT d.record_id, d.kind, d.case_id, c.slug,"
        " snippet(search_fts, 0, ?, ?, '\u2026', 12)"
        " FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid"
        " JOIN cases c ON c.id = d.case_id"
        f" WHERE {' AND '.join(where)} ORDER BY rank LIMIT ?"
    )
    rows = db.execute(sql, [marks[0], marks[1], *params, max(1, limit)]).fetchall()
    return [Hit(*row) for row in rows]
