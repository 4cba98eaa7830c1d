"""Full-text search over every case, safe for anything a user types.

User text is never FTS5 syntax: each token is normalised (Arabic variants
folded the same way as the index) and quoted as a phrase, so '"', AND,
NEAR(, -siege and col:x are searched for as words. The last token also
matches as a prefix, so results come while a word is still being typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
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
    # Rank bare rowids (joining the documents only to filter), then read the shown rows'
    # details and make their snippets: FTS5's snippet() and any joined column would be
    # computed for every match before the sort (12,000 per query at 1M testimonies).
    join = " JOIN search_doc d ON d.rowid = search_fts.rowid" if len(where) > 1 else ""
    top = [
        row[0]
        for row in db.execute(
            f"SELECT search_fts.rowid FROM search_fts{join} WHERE {' AND '.join(where)} ORDER BY rank LIMIT ?",
            [*params, max(1, min(limit, 1000))],
        )
    ]
    if not top:
        return []
    details = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT d.rowid, d.record_id, d.kind, d.case_id, c.slug, d.body FROM search_doc d"
            f" JOIN cases c ON c.id = d.case_id WHERE d.rowid IN ({','.join('?' * len(top))})",
            top,
        )
    }
    terms = query_terms(text)
    hits = []
    for rowid in top:
        if rowid in details:
            rid, kind, cid, slug, body = details[rowid]
            hits.append(Hit(rid, kind, cid, slug, make_snippet(body, terms, marks)))
    return hits


def query_terms(text: str) -> list[str]:
    """The user's words as the index sees them (normalised, folded)."""
    return [_fold(t) for t in _CONTROL.sub(" ", text).split() if _WORD.search(t) and _fold(t)]


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", normalize(word).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip(_PUNCT)


_PUNCT = "\"'.,;:!?()[]{}\u2018\u2019\u201c\u201d\u060c\u061b"


def _mark(word: str, marks: tuple[str, str]) -> str:
    core = word.rstrip(_PUNCT)
    return f"{marks[0]}{core}{marks[1]}{word[len(core) :]}"


def make_snippet(body: str, terms: list[str], marks: tuple[str, str], width: int = 14) -> str:
    """A window of words around the first match, matches marked (prefix-matched, as the stemmer would)."""
    words = body.split()
    if not words:
        return ""
    stems = [t if len(t) <= 4 else t[: max(4, len(t) - 2)] for t in terms]

    def hit(word: str) -> bool:
        folded = _fold(word)
        return bool(folded) and any(folded.startswith(stem) for stem in stems)

    first = next((i for i, w in enumerate(words) if hit(w)), 0)
    start = max(0, first - width // 3)
    end = min(len(words), start + width)
    shown = [_mark(w, marks) if hit(w) else w for w in words[start:end]]
    return ("\u2026" if start else "") + " ".join(shown) + ("\u2026" if end < len(words) else "")
