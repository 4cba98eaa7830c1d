from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.domain.values import Count, DateSpan, InvalidValue, PartialDate, Precision, Qualifier


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "printed"),
    [
        ("7,500", 7500, None, Qualifier.EXACT, "7,500"),
        ("an estimated 7,500", 7500, None, Qualifier.ESTIMATED, "an estimated 7,500"),
        ("70,000-100,000", 70000, 100000, Qualifier.EXACT, "70,000\u2013100,000"),
        (
            "estimated 250,000 to 275,000",
            250000,
            275000,
            Qualifier.ESTIMATED,
            "an estimated 250,000\u2013275,000",
        ),
        ("at least 125", 125, None, Qualifier.AT_LEAST, "at least 125"),
        ("more than 20,000", 20000, None, Qualifier.MORE_THAN, "more than 20,000"),
        ("about 20000", 20000, None, Qualifier.ABOUT, "about 20,000"),
        ("up to 4,000", 4000, None, Qualifier.UP_TO, "up to 4,000"),
    ],
)
def test_count_parses_and_prints_as_the_source_states_it(text, low, high, qualifier, printed):
    count = Count.parse(text)
    assert (count.low, count.high, count.qualifier) == (low, high, qualifier)
    assert count.text() == printed


@pytest.mark.parametrize("bad", ["", "many", "10-5", "1-2-3", "-4", "12.5", "about"])
def test_count_rejects_what_is_not_a_count(bad):
    with pytest.raises(InvalidValue):
        Count.parse(bad)


@given(st.integers(0, 10**7), st.integers(0, 10**7), st.sampled_from(list(Qualifier)))
def test_count_text_parses_back_to_the_same_count(a, b, qualifier):
    low, high = min(a, b), max(a, b)
    count = Count(low, high, qualifier)
    assert Count.parse(count.text().replace("\u2013", "-")) == Count(low, high, qualifier)


@pytest.mark.parametrize(
    ("iso", "precision", "printed"),
    [
        ("2012-11", Precision.MONTH, "November 2012"),
        ("2017-04-08", Precision.DAY, "8 April 2017"),
        ("2016", Precision.YEAR, "2016"),
    ],
)
def test_partial_date_keeps_its_precision(iso, precision, printed):
    date = PartialDate.parse(iso)
    assert date.precision is precision
    assert date.iso() == iso
    assert date.text() == printed


@pytest.mark.parametrize("bad", ["2017-02-30", "2017-13", "17-04-08", "8 April 2017", "", "1850"])
def test_partial_date_rejects_impossible_dates(bad):
    with pytest.raises(InvalidValue):
        PartialDate.parse(bad)


def test_date_span_prints_a_period_and_refuses_one_that_runs_backwards():
    span = DateSpan(PartialDate(2017, 3, 18), PartialDate(2017, 5, 21))
    assert span.text() == "18 March \u2013 21 May 2017"
    assert DateSpan(PartialDate(2013, 10), None).text() == "from October 2013"
    assert DateSpan(None, PartialDate(2016, 8)).text() == "unknown \u2013 August 2016"
    with pytest.raises(InvalidValue):
        DateSpan(PartialDate(2017, 5), PartialDate(2017, 3))
    # a month-precise end inside the start's month is not "before" it
    assert DateSpan(PartialDate(2016, 12, 13), PartialDate(2016, 12)).end.month == 12
