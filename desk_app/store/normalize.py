"""Text normalisation shared by the search index and search queries.

Arabic spellings vary in ways a searcher does not care about: alef forms,
taa marbuta, alef maqsura, short-vowel marks and tatweel. Folding them the
same way on both sides lets الوعر and a variant spelling find each other.
Latin case and accents are left to FTS5's unicode61 tokenizer.
"""

from __future__ import annotations

import re

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "\u0623": "\u0627",  # alef with hamza above
        "\u0625": "\u0627",  # alef with hamza below
        "\u0622": "\u0627",  # alef with madda
        "\u0671": "\u0627",  # alef wasla
        "\u0629": "\u0647",  # taa marbuta -> haa
        "\u0649": "\u064a",  # alef maqsura -> yaa
    }
)


def normalize(text: str | None) -> str:
    """Fold Arabic variants and strip diacritics and tatweel."""
    if not text:
        return ""
    return _DIACRITICS.sub("", text).translate(_FOLD)
