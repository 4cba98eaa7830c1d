"""Value types that human-rights data needs and plain ints and dates get wrong.

A count in a report is often a range or an estimate ("an estimated 7,500",
"70,000-100,000 residents", "at least 125 killed"); a date often has only a
month or a year ("November 2012"). These types keep that precision from
entry to print.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from enum import StrEnum

from desk_app.i18n import tr


class InvalidValue(ValueError):
    """A value that cannot be parsed; the message is for the user."""


class Qualifier(StrEnum):
    """How a count was stated by its source."""

    EXACT = "exact"
    ABOUT = "about"
    ESTIMATED = "estimated"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    UP_TO = "up_to"


_QUALIFIER_PREFIX = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "about ",
    Qualifier.ESTIMATED: "an estimated ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.UP_TO: "up to ",
}

# Words a user may type before a number, in the order they are tried.
_QUALIFIER_WORDS = [
    (Qualifier.ESTIMATED, ("an estimated", "estimated", "est.", "est")),
    (Qualifier.AT_LEAST, ("at least", ">=")),
    (Qualifier.MORE_THAN, ("more than", "over", ">")),
    (Qualifier.UP_TO, ("up to", "at most", "<=")),
    (Qualifier.ABOUT, ("about", "around", "approximately", "approx.", "some", "~", "c.")),
]


def _int(text: str) -> int:
    cleaned = text.replace(",", "").replace("\u066c", "").replace(" ", "")
    if not cleaned.isdigit():
        raise InvalidValue(tr("'{0}' is not a whole number").format(text.strip()))
    return int(cleaned)


@dataclass(frozen=True, slots=True)
class Count:
    """A count as a source states it: low..high with a qualifier."""

    low: int
    high: int | None = None
    qualifier: Qualifier = Qualifier.EXACT

    def __post_init__(self) -> None:
        if isinstance(self.low, bool) or not isinstance(self.low, int) or self.low < 0:
            raise InvalidValue(tr("a count must be a whole number of 0 or more"))
        if self.high is not None:
            if isinstance(self.high, bool) or not isinstance(self.high, int):
                raise InvalidValue(tr("the upper value must be a whole number"))
            if self.high < self.low:
                raise InvalidValue(tr("the upper value is below the lower value"))
            if self.high == self.low:
                object.__setattr__(self, "high", None)  # one canonical form for a single value
        if not isinstance(self.qualifier, Qualifier):
            object.__setattr__(self, "qualifier", Qualifier(self.qualifier))

    @property
    def is_range(self) -> bool:
        return self.high is not None and self.high != self.low

    @property
    def upper(self) -> int:
        """The largest value the count admits (for sums and charts)."""
        return self.high if self.high is not None else self.low

    def text(self) -> str:
        """Print the count as the source states it: 'an estimated 7,500'."""
        number = f"{self.low:,}"
        if self.is_range:
            number = f"{self.low:,}\u2013{self.high:,}"
        return tr(_QUALIFIER_PREFIX[self.qualifier]) + number

    def __str__(self) -> str:
        return self.text()

    @classmethod
    def parse(cls, text: str) -> Count:
        """Read '70,000-100,000', 'an estimated 7,500', 'at least 125'."""
        raw = " ".join(text.strip().split())
        if not raw:
            raise InvalidValue(tr("a count is empty"))
        lowered = raw.lower()
        qualifier = Qualifier.EXACT
        for qual, words in _QUALIFIER_WORDS:
            hit = next((w for w in words if lowered.startswith(w)), None)
            if hit:
                qualifier, lowered = qual, lowered[len(hit) :].strip()
                break
        parts = re.split(r"\s*(?:-|\u2013|\u2014|\bto\b)\s*", lowered)
        if len(parts) == 1:
            return cls(_int(parts[0]), None, qualifier)
        if len(parts) == 2:
            return cls(_int(parts[0]), _int(parts[1]), qualifier)
        raise InvalidValue(tr("'{0}' is not a count such as 7,500 or 2,500-4,000").format(raw))


class Precision(StrEnum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day; ISO '2012', '2012-11', '2017-04-08'."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1900 <= self.year <= 2100:
            raise InvalidValue(tr("the year {0} is out of range").format(self.year))
        if self.month is None and self.day is not None:
            raise InvalidValue(tr("a day needs a month"))
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidValue(tr("there is no month {0}").format(self.month))
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidValue(
                    tr("{0} has no day {1}").format(
                        f"{calendar.month_name[self.month]} {self.year}", self.day
                    )
                )

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def iso(self) -> str:
        """'2017-04-08', '2012-11' or '2016': sorts as text, keeps the precision."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out

    def text(self) -> str:
        """'8 April 2017', 'November 2012' or '2016'."""
        if self.month is None:
            return str(self.year)
        month = tr(calendar.month_name[self.month])
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        return self.text()

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read an ISO partial date: '2017-04-08', '2012-11' or '2016'."""
        match = _ISO.match(text.strip())
        if not match:
            raise InvalidValue(
                tr("'{0}' is not a date: use 2017-04-08, 2017-04 or 2017").format(text.strip())
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        return cls(year, month, day)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A period: '18 March to 21 May 2017'; either end may be unknown."""

    start: PartialDate | None = None
    end: PartialDate | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.end.iso() < self.start.iso()[: len(self.end.iso())]:
            raise InvalidValue(tr("the period ends before it starts"))

    def text(self) -> str:
        """Print the span; an unknown end reads 'unknown'."""
        if self.start is None and self.end is None:
            return tr("unknown")
        if self.end is None:
            return tr("from {0}").format(self.start.text())
        start = self.start.text() if self.start else tr("unknown")
        if self.start == self.end:
            return start
        if self.start and self.start.year == self.end.year and self.start.day and self.end.day:
            start = f"{self.start.day} {tr(calendar.month_name[self.start.month])}"
        return f"{start} \u2013 {self.end.text()}"

    def __str__(self) -> str:
        return self.text()
