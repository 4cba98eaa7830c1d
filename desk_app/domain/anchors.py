"""Keeping a highlighted span attached to its words while the text is edited.

A span stores its offsets and the words it covered. If the words are still
at the offsets, nothing moved; if they are elsewhere (text was added or cut
before them), the nearest occurrence is taken; if they are gone, the span is
stale and the reviewer is told so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    stale: bool


def reanchor(text: str, start: int, end: int, quote: str) -> Anchor:
    """Where a span's words are in text now, or stale if they are gone."""
    if not quote:
        return Anchor(start, end, stale=not (0 <= start <= end <= len(text)))
    if text[start:end] == quote:
        return Anchor(start, end, stale=False)
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    if not found:
        return Anchor(start, end, stale=True)
    best = min(found, key=lambda pos: abs(pos - start))
    return Anchor(best, best + len(quote), stale=False)
