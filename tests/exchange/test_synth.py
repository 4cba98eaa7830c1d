from __future__ import annotations

from desk_app.cli import main
from desk_app.store import open_store
from desk_app.store.checks import check_store
from desk_app.store.search import search


def _ids(db):
    return [row[0] for row in db.execute("SELECT id FROM testimonies ORDER BY rowid")]


def test_synth_is_repeatable_by_seed_and_leaves_a_consistent_store(tmp_path, capsys):
    for name in ("a.db", "b.db"):
        assert (
            main(
                [
                    "synth",
                    "--db",
                    str(tmp_path / name),
                    "--cases",
                    "12",
                    "--testimonies",
                    "300",
                    "--batches",
                    "5",
                    "--seed",
                    "7",
                ]
            )
            == 0
        )
    a, b = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    assert _ids(a) == _ids(b) and len(_ids(a)) == 300
    assert a.execute("SELECT count(*) FROM batches").fetchone()[0] == 12 * 5
    assert a.execute("SELECT count(*) FROM cases").fetchone()[0] == 12
    problems, _ = check_store(a)
    assert problems == []
    arabic = a.execute("SELECT count(*) FROM testimonies WHERE language = 'ar'").fetchone()[0]
    assert 40 < arabic < 180, "a mix of English and Arabic"
    assert search(a, "the siege"), "the search index is filled"
    assert (
        main(["synth", "--db", str(tmp_path / "a.db"), "--cases", "1", "--testimonies", "1"]) == 1
    )
    assert "exists" in capsys.readouterr().err
