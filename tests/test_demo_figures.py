"""Every figure of the report, checked against the demo store (table-driven).

Each row names a case, where the figure lives, how to find it, and the count
exactly as the report states it: low, high and qualifier.
"""

from __future__ import annotations

import pytest

from desk_app.domain.values import Count, PartialDate, Qualifier
from desk_app.store.cases import load_bundle, resolve_case

E, EST, ABOUT, AT_LEAST, MORE = (
    Qualifier.EXACT,
    Qualifier.ESTIMATED,
    Qualifier.ABOUT,
    Qualifier.AT_LEAST,
    Qualifier.MORE_THAN,
)

# (case, what, finder over the bundle, expected Count)
FIGURES = [
    (
        "al-waer",
        "residents under siege",
        lambda b: b.sieges[0].population,
        Count(70000, 100000, EST),
    ),
    (
        "al-waer",
        "evacuated in all",
        lambda b: _fig(b, "People evacuated"),
        Count(20000, None, ABOUT),
    ),
    ("al-waer", "batches", lambda b: _fig(b, "Evacuation batches"), Count(12)),
    (
        "al-waer",
        "Zoghara camp",
        lambda b: _aft(b, "Conditions in Zoghara").count,
        Count(7500, None, EST),
    ),
    (
        "al-waer",
        "asked to return",
        lambda b: _aft(b, "Requests to return").count,
        Count(600, None, EST),
    ),
    (
        "al-waer",
        "distance to Zoghara",
        lambda b: _fig(b, "Distance from al-Waer"),
        Count(250, None, ABOUT),
    ),
    (
        "four-towns",
        "14 April K&F people",
        lambda b: _batch(b, "2017-04-14", "Kefraya").people,
        Count(5000),
    ),
    (
        "four-towns",
        "14 April K&F buses",
        lambda b: _batch(b, "2017-04-14", "Kefraya").buses,
        Count(75),
    ),
    (
        "four-towns",
        "14 April Madaya people",
        lambda b: _batch(b, "2017-04-14", "Madaya").people,
        Count(2350),
    ),
    (
        "four-towns",
        "14 April Madaya buses",
        lambda b: _batch(b, "2017-04-14", "Madaya").buses,
        Count(60),
    ),
    (
        "four-towns",
        "19 April M&Z people",
        lambda b: _batch(b, "2017-04-19", "Madaya").people,
        Count(400),
    ),
    (
        "four-towns",
        "19 April K&F people",
        lambda b: _batch(b, "2017-04-19", "Kefraya").people,
        Count(3000),
    ),
    ("four-towns", "convoy killed", lambda b: _inc(b, "Car bomb").killed, Count(125)),
    (
        "four-towns",
        "convoy children killed",
        lambda b: _inc(b, "Car bomb").killed_children,
        Count(67),
    ),
    ("four-towns", "convoy wounded", lambda b: _inc(b, "Car bomb").injured, Count(413)),
    (
        "four-towns",
        "still besieged",
        lambda b: _aft(b, "still besieged").count,
        Count(8000, None, ABOUT),
    ),
    (
        "four-towns",
        "distance between pairs",
        lambda b: _fig(b, "Distance between"),
        Count(400, None, ABOUT),
    ),
    ("four-towns", "structures damaged", lambda b: _fig(b, "Structures damaged"), Count(72)),
    ("four-towns", "craters", lambda b: _fig(b, "Craters"), Count(100, None, MORE)),
    ("eastern-aleppo", "trapped", lambda b: b.sieges[0].population, Count(250000, 275000, EST)),
    (
        "eastern-aleppo",
        "residents at agreement",
        lambda b: _fig(b, "Residents still"),
        Count(37000, None, EST),
    ),
    (
        "eastern-aleppo",
        "convoy injured 15 Dec",
        lambda b: _inc(b, "Shooting at a convoy").injured,
        Count(3),
    ),
    (
        "eastern-aleppo",
        "damaged 18-25 Sep",
        lambda b: _fig(b, "Structures damaged"),
        Count(90, None, AT_LEAST),
    ),
    (
        "eastern-aleppo",
        "damaged 25 Sep-1 Oct",
        lambda b: _fig(b, "Further structures"),
        Count(20, None, MORE),
    ),
    ("eastern-aleppo", "analysis area", lambda b: _fig(b, "Area covered"), Count(65)),
    ("daraya", "besieged 2012", lambda b: b.sieges[0].population, Count(7000, None, EST)),
    ("daraya", "evacuated", lambda b: b.batches[0].people, Count(2500, 4000, EST)),
    ("daraya", "siege years", lambda b: _fig(b, "Length of the siege"), Count(4)),
    ("daraya", "UN convoys", lambda b: _fig(b, "UN aid convoys"), Count(2)),
    ("daraya", "damage area", lambda b: _fig(b, "Area of the damage"), Count(25)),
]

# (case, what, finder, expected date ISO)
DATES = [
    ("al-waer", "siege start", lambda b: b.sieges[0].period.start, "2013-10"),
    ("al-waer", "agreement", lambda b: b.agreements[0].date, "2017-03"),
    ("al-waer", "fourth batch", lambda b: _num(b, 4).date, "2017-04-08"),
    ("al-waer", "tenth batch", lambda b: _num(b, 10).date, "2017-05-15"),
    ("al-waer", "evacuation start", lambda b: b.case.period.end and _num(b, 1).date, "2017-03-18"),
    ("al-waer", "evacuation end", lambda b: _num(b, 12).date, "2017-05-21"),
    ("four-towns", "K&F siege", lambda b: _siege(b, "Kefraya").period.start, "2015-03"),
    ("four-towns", "M&Z siege", lambda b: _siege(b, "Madaya").period.start, "2015-07"),
    ("four-towns", "convoy bombing", lambda b: _inc(b, "Car bomb").date, "2017-04-15"),
    ("four-towns", "agreement", lambda b: b.agreements[0].date, "2017-03"),
    ("eastern-aleppo", "siege start", lambda b: b.sieges[0].period.start, "2016-07-07"),
    ("eastern-aleppo", "agreement", lambda b: b.agreements[0].date, "2016-12-13"),
    ("eastern-aleppo", "convoy shot", lambda b: _inc(b, "Shooting at a convoy").date, "2016-12-15"),
    ("eastern-aleppo", "men shot", lambda b: _inc(b, "Men taken off").date, "2016-12-16"),
    ("daraya", "siege start", lambda b: b.sieges[0].period.start, "2012-11"),
    ("daraya", "evacuation", lambda b: b.batches[0].date, "2016-08-26"),
]


def _fig(b, label):
    return _one([f for f in b.figures if f.label.startswith(label)]).count


def _aft(b, title):
    return _one([a for a in b.aftermath if title in a.title])


def _inc(b, title):
    return _one([i for i in b.incidents if i.title.startswith(title)])


def _siege(b, word):
    return _one([s for s in b.sieges if word in s.title])


def _num(b, n):
    return _one([x for x in b.batches if x.number == n])


def _batch(b, iso, origin):
    return _one(
        [x for x in b.batches if x.date == PartialDate.parse(iso) and x.origin.startswith(origin)]
    )


def _one(items):
    assert len(items) == 1, f"expected exactly one match, got {len(items)}"
    return items[0]


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    from desk_app.cli import load_demo
    from desk_app.store import open_store

    db = open_store(tmp_path_factory.mktemp("figures") / "demo.db")
    load_demo(db)
    return {
        slug: load_bundle(db, resolve_case(db, slug).id)
        for slug in ("al-waer", "four-towns", "eastern-aleppo", "daraya")
    }


@pytest.mark.parametrize(
    ("slug", "what", "find", "expected"), FIGURES, ids=[f"{f[0]}:{f[1]}" for f in FIGURES]
)
def test_report_figure(bundles, slug, what, find, expected):
    assert find(bundles[slug]) == expected


@pytest.mark.parametrize(
    ("slug", "what", "find", "expected"), DATES, ids=[f"{d[0]}:{d[1]}" for d in DATES]
)
def test_report_date(bundles, slug, what, find, expected):
    assert find(bundles[slug]).iso() == expected


def test_al_waer_has_twelve_batches_and_invents_no_numbers(bundles):
    b = bundles["al-waer"]
    assert sorted(x.number for x in b.batches) == list(range(1, 13))
    assert all(x.people is None for x in b.batches), "the report gives no per-batch counts"
    assert {d for x in b.batches for d in x.destinations} <= {
        "Northern Aleppo governorate",
        "Northern Homs governorate",
        "Idleb governorate",
    }
    dated = {x.number for x in b.batches if x.date}
    assert dated == {1, 4, 10, 12}


def test_every_record_cites_the_report(bundles):
    for b in bundles.values():
        for kind, items in b.records():
            for item in items:
                if hasattr(item, "sources") and kind.name not in ("annotation",):
                    assert item.sources, f"{b.case.slug} {kind.name} {item.id} cites nothing"
