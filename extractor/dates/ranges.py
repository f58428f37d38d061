"""Ranges: neighbouring dates joined into one stretch of time, and the year one end lends
the other.

Invented examples: "from May 2 to June 9, 2021" is one range whose start takes 2021 from
its end; "Dec. 21 to Jan. 19, 2022" starts in 2021; "postponed from May to June" is two
dates, not a stretch; "the five months to late August" ends with the date and is
remembered as the period "the same period last year" refers back to.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping, NamedTuple

from ..normalize.timex import TimexResolver, shift_date
from .items import Item

_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|through|until|till|and|thru)\s*$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:(?P<dash>[-–—])|(?P<word>to|through|thru|until|till|and))\s*", re.I)
_RANGE_OPENER = re.compile(r"(?:(?P<before>[\w’']+)\s+)?(?P<opener>from|between)\s+\Z", re.I)
# Ends that can bound a range ("March 21-October 22", "from 2012 through 2017", "Q1 to Q3").
_RANGE_KINDS = frozenset(("date", "year", "numeric_date", "season", "quarter", "solar_hijri_month",
                          "holiday", "decade", "century", "month_relative"))
SPAN_TO = re.compile(r"\s+(?:to|through|until|ending(?:\s+in)?)\s+(?:the\s+)?", re.I)

Info = dict[str, Any]  # a resolved date, as :class:`TimexResolver` returns it


class Range(NamedTuple):
    """Two neighbouring items joined: their indices, and the characters framing the whole
    expression ("from"/"between" included)."""

    first: int
    second: int
    start: int
    end: int


def find_ranges(text: str, items: list[Item], change_words: set[str]) -> dict[int, Range]:
    """Neighbouring dates joined as one range, by the index of either end."""
    out: dict[int, Range] = {}
    for i in range(len(items) - 1):
        s1, e1, kind1, _g1 = items[i]
        s2, e2, kind2, _g2 = items[i + 1]
        if i in out or kind1 not in _RANGE_KINDS or kind2 not in _RANGE_KINDS or s2 - e1 > 12:
            continue
        join = _RANGE_JOIN.fullmatch(text, e1, s2)
        if not join:
            continue
        opener = _RANGE_OPENER.search(text, max(0, s1 - 30), s1)
        word = (join.group("word") or "").lower()
        said = opener.group("opener").lower() if opener else ""
        if word == "and" and said != "between" or word in ("until", "till") and said != "from":
            continue  # "in 2010 and 2015" lists two years; "between May to June" is garbled
        if said == "between" and word != "and" and not join.group("dash"):
            continue
        if opener and (opener.group("before") or "").lower() in change_words:
            continue  # "postponed from May to June": two dates, not a stretch of time
        start = opener.start("opener") if opener else s1
        out[i] = out[i + 1] = Range(i, i + 1, start, e2)
    return out


def month_of(groups: Mapping[str, str], month_names: Mapping[str, int], *keys: str) -> int | None:
    """The month number the first present group of ``keys`` names."""
    name = next((groups[k] for k in keys if groups.get(k)), "")
    return month_names.get(name.rstrip(".").lower())


def year_after(first: Info | None, groups: Mapping[str, str], month_names: Mapping[str, int]) -> int | None:
    """The year of a range's year-less end: the start's, or the next when its month is
    earlier ("Dec. 21 to Jan. 19")."""
    if not first or not first.get("interval") or first.get("calendar") != "gregorian":
        return None
    start = dt.date.fromisoformat(first["interval"][0])
    month = month_of(groups, month_names, "m", "m2")
    if month is None:
        return None
    return start.year + 1 if month < start.month else start.year


def partner_year(text: str, items: list[Item], i: int, month_names: Mapping[str, int]) -> int | None:
    """The year of the other end of a range: "May 3 to July 9, 2014"."""
    s, e, _kind, g = items[i]
    month = month_of(g, month_names, "m")
    for j in (i + 1, i - 1):
        if not 0 <= j < len(items):
            continue
        s2, e2, kind2, g2 = items[j]
        gap = text[e:s2] if j > i else text[e2:s]
        if kind2 != "date" or "y" not in g2 or len(gap) > 12 or not _RANGE_GAP.match(gap):
            continue
        year = int(g2["y"])
        m2 = month_of(g2, month_names, "m")
        if month and m2:
            if j > i and month > m2:
                year -= 1
            elif j < i and month < m2:
                year += 1
        return year
    return None


def close_range(resolver: TimexResolver, infos: dict[int, Info], rng: Range) -> None:
    """Both ends of a range given its whole extent and interval; the interval noted as the
    period last named, unless it only glosses the period just named."""
    first, second, start, end = rng
    a, b = infos[first].get("interval"), infos[second].get("interval")
    lo = hi = None
    if a and b and a[0] <= b[1]:
        lo, hi = a[0], b[1]
        interval = (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))
        named = resolver.period
        # "the first quarter of the Iranian year (March 21-June 21)": the range glosses
        # the period just named, which stays the one "the same period" refers back to.
        if not (named and abs((named[2][0] - interval[0]).days) <= 3
                and abs((named[2][1] - interval[1]).days) <= 3):
            resolver.note_period(start, "gregorian", interval)
    infos[first] = {**infos[first], "range": (start, end, lo, hi)}
    infos[second] = {**infos[second], "range": (start, end, lo, hi)}


def note_span_to(resolver: TimexResolver, duration: Item, end_info: Info) -> None:
    """ "the five months to late August": a stretch ending with the date, which "the
    same period last year" then refers back to."""
    interval = end_info.get("interval")
    g = duration.groups
    unit = g.get("unit", "").lower().rstrip("s")
    n = resolver.number(g.get("n"))
    if not interval or end_info.get("calendar") != "gregorian" or n is None or not float(n).is_integer() \
            or unit not in ("day", "week", "month", "year"):
        return
    end = dt.date.fromisoformat(interval[1])
    start = shift_date(end + dt.timedelta(days=1), -int(n), unit)
    if start is not None:
        resolver.note_period(duration.start, "gregorian", (start, end))
