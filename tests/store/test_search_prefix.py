"""The last word matches as a prefix while it is typed, unless its stem is too short."""

from __future__ import annotations

import re

import pytest

from desk_app.paths import db_dir
from desk_app.store.search import MIN_PREFIX, fts_query, search
from desk_app.store.tokens import TOKENIZER, index_terms


def test_the_scratch_tokenizer_is_the_index_tokenizer():
    schema = (db_dir() / "schema.sql").read_text(encoding="utf-8")
    declared = re.search(r"search_fts USING fts5\(.*?tokenize='([^']+)'", schema, re.S)
    assert declared and declared.group(1) == TOKENIZER


def test_index_terms_are_the_stores_own_terms(store):
    from desk_app.domain.records import Case
    from desk_app.store import records

    words = "Buses evacuation al-Waer الوعر shelled Zoghara"
    records.insert(store, Case(slug="w", title=words), actor="t")
    store.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search_fts, 'instance')")
    stored = [row[0] for row in store.execute("SELECT term FROM temp.v ORDER BY offset")]
    expected = [t for w in words.split() for t in index_terms(w)]
    assert expected == stored[: len(expected)]
    assert expected[:3] == ["buse", "evacu", "al"]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Zogh", '"Zogh"*'),  # a name half typed
        ("Rashid", '"Rashid"*'),
        ("evacuation", '"evacuation"*'),  # searched as evacu*: evacuated, evacuees
        ("al-Waer", '"al-Waer"*'),
        ("الوع", '"الوع"*'),
        ("bus", '("bus" OR "buses")'),  # stem bu: bu* would find burning and buildings
        ("gas", '("gas" OR "gases")'),
        ("Zo", '"Zo"'),
        ("is", '"is"'),
        ("war", '"war"*'),  # three letters of stem: a prefix
        ("convoy bus", '"convoy" AND ("bus" OR "buses")'),
    ],
)
def test_which_last_words_are_prefixes(text, query):
    assert fts_query(text) == query
    if query.endswith("*"):
        assert len(index_terms(text)[-1]) >= MIN_PREFIX


def test_typing_a_name_finds_it_and_a_short_stem_finds_no_unrelated_words(demo_store):
    assert {h.case_slug for h in search(demo_store, "Zogh")} == {"al-waer"}
    for hit in search(demo_store, "Zogh", limit=50):
        assert "[zoghara" in hit.snippet.lower(), hit.snippet
    found = search(demo_store, "bus", limit=50)
    marked = [hit.snippet.lower() for hit in found]
    assert any("[bus]" in s for s in marked) and any("[buses]" in s for s in marked)
    for snippet in marked:
        assert "[bus]" in snippet or "[buses]" in snippet, snippet  # no burning or buildings
    assert {h.record_id for h in search(demo_store, "buses", limit=50)} <= {
        h.record_id for h in found
    }
