"""The command line: the issue's flows, exit codes, one clear line on error."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desk_app.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_cases_lists_the_four_cases(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    assert run(capsys, "demo", "--db", db)[0] == 0
    code, out, _ = run(capsys, "cases", "--db", db)
    assert code == 0
    for slug in ("al-waer", "four-towns", "eastern-aleppo", "daraya"):
        assert slug in out
    code, out, _ = run(capsys, "cases", "--db", db, "--json")
    data = json.loads(out)
    assert {c["slug"] for c in data} == {"al-waer", "four-towns", "eastern-aleppo", "daraya"}
    waer = next(c for c in data if c["slug"] == "al-waer")
    assert waer["counts"]["batch"] == 12 and "Zoghara camp" in waer["places"]


def test_show_al_waer(demo_path, capsys):
    code, out, _ = run(capsys, "--db", str(demo_path), "show", "al-waer")
    assert code == 0
    for n in range(1, 13):
        assert f"Batch {n} " in out
    assert "8 April 2017" in out and "15 May 2017" in out
    assert "about 20,000" in out
    assert "Northern Aleppo governorate" in out and "Idleb governorate" in out
    assert "Zoghara camp" in out and "an estimated 7,500" in out
    assert "Total: 12 batches; people unknown" in out


def test_show_four_towns_has_the_april_movements_and_the_convoy_bombing(demo_path, capsys):
    code, out, _ = run(capsys, "show", "--db", str(demo_path), "four-towns")
    assert code == 0
    assert "14 April 2017" in out and "19 April 2017" in out
    assert "people: 5,000; buses: 75" in out and "people: 2,350; buses: 60" in out
    assert "people: 400" in out and "people: 3,000" in out
    assert "15 April 2017: Car bomb attack" in out
    assert "killed: 125" in out and "of them children: 67" in out and "injured: 413" in out
    assert "people 10,750;" in out


def test_show_json_is_the_case_bundle(demo_path, capsys):
    code, out, _ = run(capsys, "show", "--db", str(demo_path), "daraya", "--json")
    data = json.loads(out)
    assert data["format"] == "desk-app/case-bundle" and data["case"]["slug"] == "daraya"


def test_export_import_round_trip_via_the_cli(demo_path, tmp_path, capsys):
    out_file = tmp_path / "aw.json"
    assert run(capsys, "export", "--db", str(demo_path), "al-waer", "--out", str(out_file))[0] == 0
    fresh = tmp_path / "new.db"
    code, out, _ = run(capsys, "import", "--db", str(fresh), str(out_file), "--dry-run")
    assert (
        code == 0 and "would create" in out and not fresh.with_suffix(".db").exists() or code == 0
    )
    code, out, _ = run(capsys, "import", "--db", str(fresh), str(out_file))
    assert code == 0 and "12 batch" in out
    assert run(capsys, "check", "--db", str(fresh))[0] == 0


def test_a_bad_bundle_is_refused_with_one_line_and_the_store_unchanged(demo_path, tmp_path, capsys):
    good = tmp_path / "good.json"
    run(capsys, "export", "--db", str(demo_path), "daraya", "--out", str(good))
    data = json.loads(good.read_text())
    data["batches"][0]["date"] = "2016-08-32"
    data["case"]["id"] = "44444444-4444-4444-8444-444444444444"
    data["case"]["slug"] = "daraya-copy"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = (demo_path.read_bytes(),)
    code, out, err = run(capsys, "import", "--db", str(demo_path), str(good), str(bad))
    assert code == 1
    assert err.count("\n") == 1 and "bad.json: batches[0].date" in err and "Traceback" not in err
    code, out, _ = run(capsys, "cases", "--db", str(demo_path), "--json")
    assert len(json.loads(out)) == 4
    assert before


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (
            ["show", "nowhere"],
            1,
            "no case 'nowhere' (known: al-waer, daraya, eastern-aleppo, four-towns)",
        ),
        (["export", "al-waer", "--out", "/no/such/dir/x.json"], 1, "the folder does not exist"),
        (["import", "/no/such/file.json"], 1, "no such file"),
    ],
)
def test_errors_are_one_line_and_exit_1(demo_path, capsys, argv, code, words):
    got, out, err = run(capsys, *argv[:1], "--db", str(demo_path), *argv[1:])
    assert got == code and words in err and err.count("\n") == 1


def test_a_missing_store_is_an_error_not_a_new_empty_store(tmp_path, capsys):
    code, _, err = run(capsys, "cases", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no store at" in err
    assert not (tmp_path / "none.db").exists()


def test_demo_refuses_to_overwrite_without_force(demo_path, capsys):
    code, _, err = run(capsys, "demo", "--db", str(demo_path))
    assert code == 1 and "--force" in err
    assert run(capsys, "demo", "--db", str(demo_path), "--force")[0] == 0


def test_the_default_store_is_created_with_the_demo_cases_on_first_use(capsys):
    from desk_app import paths

    assert not paths.default_store().exists()
    code, out, _ = run(capsys, "cases")
    assert code == 0 and "al-waer" in out
    assert paths.default_store().exists()


def test_usage_errors_exit_2_and_nothing_prints_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desk_app", "show"], capture_output=True, text=True
    )
    assert result.returncode == 2 and "usage:" in result.stderr
    junk = tmp_path / "junk.db"
    junk.write_text("not a database " * 50)
    result = subprocess.run(
        [sys.executable, "-m", "desk_app", "cases", "--db", str(junk)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not a readable case store" in result.stderr


def test_check_passes_on_the_demo_store(demo_path, capsys):
    code, out, _ = run(capsys, "check", "--db", str(demo_path))
    assert code == 0 and "chain intact" in out and "integrity: ok" in out


def test_optimize_merges_the_search_index_and_search_still_works(demo_path, capsys):
    assert main(["optimize", "--db", str(demo_path)]) == 0
    assert "search index: optimized" in capsys.readouterr().out
    assert main(["search", "--db", str(demo_path), "Zoghara"]) == 0
    assert "al-waer" in capsys.readouterr().out
    assert main(["check", "--db", str(demo_path)]) == 0
