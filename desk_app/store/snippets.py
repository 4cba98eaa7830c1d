"""Snippets for search hits: a window of words around the first match, matches marked.

The index stems with Porter, so a hit is marked where a word starts with the
query word's stem, as the index matched it; punctuation stays outside the mark.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from desk_app.store.normalize import normalize

_WORD = re.compile(r"\w", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


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
        if not folded:
            return False
        parts = (folded, *folded.split("-")[1:])  # al-Horjela matches horjela too
        return any(part.startswith(stem) for part in parts for stem in stems)

    first = next((i for i, w in enumerate(words) if hit(w)), 0)
    start = max(0, first - width // 3)
    end = min(len(words), start + width)
    shown = [_mark(w, marks) if hit(w) else w for w in words[start:end]]
    return ("\u2026" if start else "") + " ".join(shown) + ("\u2026" if end < len(words) else "")
