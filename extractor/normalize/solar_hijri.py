"""The Iranian (Solar Hijri) calendar mapped onto Gregorian dates, via ``jdatetime``.

Iranian years start at Nowruz (1 Farvardin, 20 or 21 March); months 1-6 have 31 days,
7-11 have 30 and Esfand 29 or 30. jdatetime holds the leap-year arithmetic, so nothing
here counts days by hand.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import jdatetime

MIN_YEAR, MAX_YEAR = 1, 3177  # jdatetime's supported range, roughly


# Conversions are cached: a text names the same few Iranian years and months again and
# again, and each ``jdatetime.date`` reads the process locale when it is made.
@lru_cache(maxsize=4096)
def to_gregorian(year: int, month: int = 1, day: int = 1) -> dt.date | None:
    """The Gregorian date of a Solar Hijri date, or None when it does not exist."""
    try:
        return jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError, TypeError):
        return None


@lru_cache(maxsize=4096)
def from_gregorian(date: dt.date) -> tuple[int, int, int]:
    """(year, month, day) in the Solar Hijri calendar of a Gregorian date."""
    j = jdatetime.date.fromgregorian(date=date)
    return j.year, j.month, j.day


def year_of(date: dt.date) -> int:
    """The Solar Hijri year a Gregorian date falls in."""
    return from_gregorian(date)[0]


def year_interval(year: int) -> tuple[dt.date, dt.date] | None:
    """Gregorian first and last day (inclusive) of Solar Hijri ``year``."""
    start = to_gregorian(year, 1, 1)
    nxt = to_gregorian(year + 1, 1, 1)
    if start is None or nxt is None:
        return None
    return start, nxt - dt.timedelta(days=1)


def month_interval(year: int, month: int, months: int = 1) -> tuple[dt.date, dt.date] | None:
    """Gregorian first and last day (inclusive) of ``months`` Solar Hijri months from ``month``."""
    if not 1 <= month <= 12 or months < 1:
        return None
    start = to_gregorian(year, month, 1)
    last_month = month + months - 1
    end_year, end_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    after = (to_gregorian(end_year + 1, 1, 1) if end_month == 12
             else to_gregorian(end_year, end_month + 1, 1))
    if start is None or after is None:
        return None
    return start, after - dt.timedelta(days=1)


def latest_month_start(month: int, ref: dt.date) -> int:
    """The Solar Hijri year of the most recent start of ``month`` on or before ``ref``."""
    year, ref_month, _ = from_gregorian(ref)
    return year if month <= ref_month else year - 1


def year_near(month: int, day: int, ref: dt.date) -> int:
    """The Solar Hijri year that puts a year-less day ("the 10th of Dey") between nine months
    before and three months after ``ref``, as news dates a Gregorian "June 21"; else ref's year."""
    year = year_of(ref)
    for candidate in (year, year - 1, year + 1):
        when = to_gregorian(candidate, month, day)
        if when is not None and -275 <= (when - ref).days <= 92:
            return candidate
    return year


def shift_years(date: dt.date, n: int) -> dt.date | None:
    """The Gregorian date of the same Solar Hijri day ``n`` years away (30 Esfand may become 29)."""
    try:
        year, month, day = from_gregorian(date)
    except (ValueError, OverflowError):
        return None
    return to_gregorian(year + n, month, day) or to_gregorian(year + n, month, day - 1)
