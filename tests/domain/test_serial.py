from __future__ import annotations

import pytest

from desk_app.domain import records as r
from desk_app.domain.serial import SerialError, from_dict, to_dict
from desk_app.domain.values import Count, PartialDate, Qualifier


def _batch() -> dict:
    batch = r.EvacuationBatch(
        case_id="c",
        number=4,
        date=PartialDate(2017, 4, 8),
        people=Count(5000, None, Qualifier.ABOUT),
        destinations=["Idleb"],
    )
    return to_dict(batch)


def test_a_record_round_trips_through_plain_json_values():
    data = _batch()
    assert to_dict(from_dict(r.EvacuationBatch, data)) == data


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"date": "2017-02-30"}, "batches[3].date", "no day 30"),
        ({"date": 20170408}, "batches[3].date", "must be a date"),
        ({"people": {"low": -1}}, "batches[3].people", "0 or more"),
        ({"people": {"low": 10, "high": 5}}, "batches[3].people", "below the lower"),
        (
            {"people": {"low": 10, "qualifier": "roughly"}},
            "batches[3].people.qualifier",
            "not one of",
        ),
        ({"number": "four"}, "batches[3].number", "whole number"),
        ({"destinations": "Idleb"}, "batches[3].destinations", "must be a list"),
        ({"colour": "red"}, "batches[3].colour", "not a known field"),
        ({"id": "batch-4"}, "batches[3].id", "not a UUID"),
    ],
)
def test_bad_values_name_their_place(change, path, words):
    data = {**_batch(), **change}
    with pytest.raises(SerialError) as info:
        from_dict(r.EvacuationBatch, data, "batches[3]")
    assert info.value.path == path
    assert words in str(info.value)


def test_a_missing_required_field_is_named():
    data = to_dict(r.Testimony(case_id="c", witness_label="A nurse"))
    del data["witness_label"]
    with pytest.raises(SerialError) as info:
        from_dict(r.Testimony, data, "testimonies[0]")
    assert info.value.path == "testimonies[0].witness_label"
