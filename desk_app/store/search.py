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


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for user text; None when it has no words."""
    text = _CONTROL.sub(
        " ", text
    )  # a NUL ends FTS5's query string early; controls are never searched
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
    status: str | None = None,
    tag: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    marks: tuple[str, str] = ("[", "]"),
) -> list[Hit]:
    """Ranked hits for user text, narrowed by filters; an empty list when nothing matches.

    status 'draft' also matches records never reviewed; dates compare by their
    ISO prefix, so 2016 to 2016 takes in every date within 2016.
    """
    query = fts_query(text)
    if query is None:
        return []
    where, params = ["search_fts MATCH ?"], [query]
    for clause, value in (
        ("d.case_id = ?", case_id),
        ("d.kind = ?", kind),
        (
            "coalesce((SELECT status FROM reviews WHERE record_id = d.record_id), 'draft') = ?",
            status,
        ),
        (
            "d.record_id IN (SELECT record_id FROM annotations WHERE tags LIKE ?)",
            f'%"{tag}"%' if tag else None,
        ),
        ("d.date >= ?", date_from),
        ("substr(d.date, 1, length(?)) <= ?", date_to),
    ):
        if value:
            where.append(clause)
            params += [value, value] if clause.count("?") == 2 else [value]
    sql = (
        "SELECT d.record_id, d.kind, d.case_id, c.slug,"
        " snippet(search_fts, 0, ?, ?, '\u2026', 12)"
        " FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid"
        " JOIN cases c ON c.id = d.case_id"
        f" WHERE {' AND '.join(where)} ORDER BY rank LIMIT ?"
    )
    rows = db.execute(sql, [marks[0], marks[1], *params, max(1, min(limit, 1000))]).fetchall()
    return [Hit(*row) for row in rows]
