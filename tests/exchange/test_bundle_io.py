"""Export then import reproduces a case exactly; bad bundles change nothing."""

from __future__ import annotations

import json

import pytest

from desk_app.exchange.bundle_json import BundleError, bundle_to_json, read_bundle, write_bundle
from desk_app.store import open_store
from desk_app.store.cases import import_bundles, load_bundle, resolve_case


def _export(db, slug, path):
    bundle = load_bundle(db, resolve_case(db, slug).id)
    write_bundle(bundle, path)
    return bundle


@pytest.mark.parametrize("slug", ["al-waer", "four-towns", "eastern-aleppo", "daraya"])
def test_export_then_import_into_an_empty_store_reproduces_the_case(demo_store, tmp_path, slug):
    original = _export(demo_store, slug, tmp_path / "case.json")
    fresh = open_store(tmp_path / "fresh.db")
    report = import_bundles(fresh, [read_bundle(tmp_path / "case.json")], actor="t")
    assert report.written and not report.conflicts
    again = load_bundle(fresh, original.case.id)
    assert bundle_to_json(again) == bundle_to_json(original)


def test_importing_the_same_bundle_twice_changes_nothing(demo_store, tmp_path):
    _export(demo_store, "daraya", tmp_path / "d.json")
    before = demo_store.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    report = import_bundles(demo_store, [read_bundle(tmp_path / "d.json")], actor="t")
    assert report.total_created == 0 and report.unchanged > 30 and not report.conflicts
    assert demo_store.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before + 1


def test_a_conflicting_bundle_changes_nothing_and_lists_the_conflicts(demo_store, tmp_path):
    data = bundle_to_json(_export(demo_store, "al-waer", tmp_path / "w.json"))
    data["batches"][3]["notes"] = "edited on another laptop"
    data["batches"].append(
        {**data["batches"][0], "id": "11111111-1111-4111-8111-111111111111", "number": 13}
    )
    (tmp_path / "w.json").write_text(json.dumps(data), encoding="utf-8")
    before = demo_store.execute("SELECT count(*) FROM batches").fetchone()[0]
    report = import_bundles(demo_store, [read_bundle(tmp_path / "w.json")], actor="t")
    assert not report.written
    assert len(report.conflicts) == 1 and "notes" in report.conflicts[0]
    assert demo_store.execute("SELECT count(*) FROM batches").fetchone()[0] == before


def _bad(tmp_path, demo_store, mutate):
    data = bundle_to_json(_export(demo_store, "al-waer", tmp_path / "src.json"))
    mutate(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "place"),
    [
        (lambda d: d.update(format="something-else"), "format"),
        (lambda d: d.update(version=2), "version"),
        (lambda d: d["batches"][3].update(date="2017-04-31"), "batches[3].date"),
        (lambda d: d["batches"][3].update(people={"low": "many"}), "batches[3].people.low"),
        (lambda d: d["testimonies"][0].pop("witness_label"), "testimonies[0].witness_label"),
        (
            lambda d: d["sieges"][0].update(
                besieging_party_ids=["22222222-2222-4222-8222-222222222222"]
            ),
            "sieges[0].besieging_party_ids[0]",
        ),
        (lambda d: d["batches"][1].update(id=d["batches"][0]["id"]), "batches[1].id"),
        (
            lambda d: d["incidents"][0].update(case_id="33333333-3333-4333-8333-333333333333"),
            "incidents[0].case_id",
        ),
    ],
)
def test_a_bad_bundle_names_the_file_and_the_place(tmp_path, demo_store, mutate, place):
    path = _bad(tmp_path, demo_store, mutate)
    with pytest.raises(BundleError) as info:
        read_bundle(path)
    assert str(path) in str(info.value)
    assert f"{place}:" in str(info.value) or str(info.value).endswith(place)


def test_malformed_json_names_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "desk-app/case-bundle",\n "version": 1,,}', encoding="utf-8")
    with pytest.raises(BundleError, match=r"broken.json: not valid JSON at line 2, column 15"):
        read_bundle(path)
