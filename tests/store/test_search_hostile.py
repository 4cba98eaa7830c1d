"""Whatever a user types into search never raises: 200+ hostile strings, and generated text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.cli import main
from desk_app.store.search import fts_query, search

FRAGMENTS = [
    '"',
    '""',
    "'",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(a b, 2)",
    "-siege",
    "+siege",
    "col:x",
    "body:siege",
    "' OR 1=1",
    "'; DROP TABLE cases; --",
    "*",
    "**",
    "^",
    "(",
    ")",
    "()",
    "{",
    "}",
    "[",
    "]",
    ":",
    ";",
    "\\",
    "/",
    "%",
    "_",
    "\x00",
    "\t",
    "\n",
    "الوعر",
    "ال*",
    "Zoghara",
    "zoghara*",
    "é",
    "Ⅻ",
    "😀",
    "ﷺ",
    "NEAR",
    "near(",
    "a:b:c",
    "-",
    "--",
    "@",
    "#",
    "$",
    "&",
    "|",
    "~",
    "`",
    "<script>",
    "NULL",
    "rowid",
    "search_fts",
    "MATCH",
    "rank",
    "bm25(",
    "1e309",
    "-1",
    "0x41",
    "\u202e",
    "\u200f",
]


def hostile() -> list[str]:
    pairs = [" ".join(p) for p in itertools.combinations(FRAGMENTS[:40], 2)][:200]
    return ["", " ", *FRAGMENTS, *pairs]


STRINGS = hostile()


def test_there_are_at_least_200_hostile_strings():
    assert len(set(STRINGS)) >= 250


def test_no_hostile_string_raises_and_words_still_match(demo_store):
    for text in STRINGS:
        hits = search(demo_store, text, limit=5)
        assert isinstance(hits, list), text
    assert (
        search(demo_store, '"Zoghara')
        and search(demo_store, "Zoghara AND")
        and search(demo_store, "-Rashidin")
    )
    assert search(demo_store, "") == [] and search(demo_store, "*") == [] and fts_query("*") is None
    assert search(demo_store, "Zoghara\x00camp"), "a NUL inside a word found by hypothesis"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=40))
def test_generated_text_never_raises(demo_store_session, text):
    assert isinstance(search(demo_store_session, text, limit=3), list)


@pytest.fixture(scope="module")
def demo_store_session(tmp_path_factory):
    from desk_app.cli import load_demo
    from desk_app.store import open_store

    db = open_store(tmp_path_factory.mktemp("hostile") / "demo.db")
    load_demo(db)
    return db


@pytest.mark.parametrize("text", ['NEAR( "-siege', "col:x", "' OR 1=1", "*", "", "الوعر"])
def test_the_cli_answers_results_or_nothing_found(demo_path, capsys, text):
    assert main(["search", "--db", str(demo_path), text]) == 0
    out = capsys.readouterr().out
    assert out.strip(), "always prints results or 'nothing found'"
    if text == "الوعر":
        assert "al-waer" in out


def test_english_matching_ignores_case_and_accents_and_stems(demo_store):
    assert search(demo_store, "ZOGHÁRA") == search(demo_store, "zoghara") != []
    stemmed = {h.record_id for h in search(demo_store, "shelled", limit=50)}
    plain = {h.record_id for h in search(demo_store, "shelling", limit=50)}
    assert stemmed and stemmed == plain, (
        "porter stemming: shelled and shelling find the same records"
    )


def test_arabic_variant_spellings_find_the_same_records(demo_store):
    plain = {h.record_id for h in search(demo_store, "الوعر")}
    assert plain
    assert {h.record_id for h in search(demo_store, "الوَعر")} == plain, "short vowels are ignored"
    assert {h.record_id for h in search(demo_store, "الوعـــر")} == plain, "tatweel is ignored"
    assert {h.record_id for h in search(demo_store, "إدلب")} == {
        h.record_id for h in search(demo_store, "ادلب")
    }


def test_snippets_mark_matches_around_the_first_one():
    from desk_app.store.snippets import make_snippet, query_terms

    body = (
        "The bakery closed. Later the shelling of Zoghara camp, and more shelled roads near Zoghara, went on "
        * 2
    )
    snippet = make_snippet(body, query_terms("Zoghara shelled"), ("[", "]"))
    assert snippet.startswith("\u2026") or snippet.startswith("The")
    assert "[Zoghara] camp," in snippet and "[shelling]" in snippet and "[shelled]" in snippet
    assert "[Zoghara]," in snippet, "punctuation stays outside the mark"
    assert snippet.endswith("\u2026")
    assert make_snippet("", ["x"], ("[", "]")) == ""
    listed = "Daraya \u00b7 Idleb governorate, al-Horjela centre \u00b7 ran"
    assert "<al-Horjela> centre" in make_snippet(listed, query_terms("Horjela"), "<>")
    assert "<al-Waer>" in make_snippet("from al-Waer, Homs", query_terms("al-Waer"), "<>")
    assert (
        make_snippet("مخيم زوغرة في الوعر", query_terms("الوعر"), ("[", "]"))
        == "مخيم زوغرة في [الوعر]"
    )
