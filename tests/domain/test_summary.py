from __future__ import annotations

from desk_app.domain.summary import sum_counts
from desk_app.domain.values import Count, Qualifier

E, EST = Qualifier.EXACT, Qualifier.ESTIMATED


def test_totals_keep_how_counts_were_stated():
    assert sum_counts([Count(2500, 4000, EST)]) == (Count(2500, 4000, EST), 0)
    assert sum_counts([Count(100, None, EST), Count(50, None, EST)]) == (Count(150, None, EST), 0)
    assert sum_counts([Count(5000), Count(2350)]) == (Count(7350), 0)
    assert sum_counts([Count(100), Count(50, None, EST)]) == (Count(150, None, Qualifier.ABOUT), 0)
    assert sum_counts([Count(75), None, None]) == (Count(75, None, Qualifier.AT_LEAST), 2)
    assert sum_counts([None, None]) == (None, 2)
