"""The dateline that opens a news text, found once for every component.

Two shapes, tried at each paragraph start near the top of the text:

- a place with a dash: an all-caps place, optionally a region and a date after commas, an
  agency in brackets or a wire service in slashes, then a dash ("CAPE TOWN, March 3, 2021 --",
  "ANYTOWN, Texas, May 2 /PRNewswire/ --", "SOMEWHERE (XNA) -", "SOMEWHERE (Oct. 20, 2021) -",
  "(Anytown, Ore., May 2, 2021) -"), or a date with its agency ("Oct. 20 (XNA) --");
- a date line: a place or weekday, then a date, without a dash ("Friday, May 2, 2021" under a
  headline, "(Anytown, Ore., May 2, 2021)").

Month and weekday names come from the caller, so a date is told from a place by name.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..lexicon import alternation
from .model import Dateline, Range

WINDOW = 400  # a dateline ends within the first characters of the text

_CAPS_PLACE = r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}"
# A place in title case ("Cape Canaveral, Fla. --") is a dateline only with a region or a
# date after its comma: capitals alone do not tell it from the start of a sentence.
_TITLE_PLACE = r"[A-Z][a-z'’.]+(?:[ -][A-Z][A-Za-z'’.]+){0,3}"
# What follows the place after a comma: a region, a date or both ("Ore., May 2, 2021",
# "Nov.29").
_EXTRA = r"[A-Z][A-Za-z.]*(?:\d{1,2}(?!\d))?(?:,?[ \t][A-Za-z0-9.]+){0,4}"
# The dash that ends a dateline: with a space after it, or a double or long dash glued to the
# first word ("TEHRAN (XNA) --The"); a single hyphen glued to a word joins a name.
_DASH = r"[ \t]*(?:[-–—]+[ \t]+|(?:--|[–—])(?=[A-Z\"“]))"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
_YEAR = r"\d{4}(?!\d)"


class DatelineFinder:
    def __init__(self, months: Iterable[str], weekdays: Iterable[str]) -> None:
        month_forms = set()
        for m in months:
            month_forms |= {m, m.upper(), m + ".", m.upper() + "."}
        weekday_forms = {w for d in weekdays for w in (d, d.upper())}
        self._weekdays = frozenset(weekday_forms)
        month = rf"(?:{alternation(month_forms, space=None)})(?![^\W\d_])"  # "Nov.29"
        weekday = rf"(?:{alternation(weekday_forms, space=None)})(?!\w)"
        # Month first ("Jan. 9, 2022") or, in British and agency style, day first
        # ("9 January 2022").
        date = (rf"(?:{weekday},?[ \t]+)?(?:{month}[ \t]*{_DAY}(?:,[ \t]*{_YEAR})?"
                rf"|{_DAY}[ \t]+{month}(?:,?[ \t]*{_YEAR})?)")
        self._date = re.compile(date)
        # What follows a place's comma: a region and/or a date, or a day-first date alone.
        extra = rf"(?:{_EXTRA}|{_DAY}[ \t]+{month}(?:,?[ \t]*{_YEAR})?)"
        self._with_dash = re.compile(
            rf"(?:(?P<place>{_CAPS_PLACE})(?:,[ \t]*(?P<extra>{extra}))?"
            rf"|(?P<tplace>{_TITLE_PLACE}),[ \t]*(?P<textra>{extra})"
            rf"|\((?P<bplace>[A-Z][A-Za-z.'’ -]{{1,40}}?),[ \t]*(?P<bextra>[^()\n]{{1,50}})\)"
            rf"|(?P<ldate>{date}))"
            rf"[ \t]*(?:\((?P<agency>[A-Za-z][A-Za-z. &]{{0,30}})\)|\((?P<pdate>{date})\)"
            rf"|/(?P<wire>[A-Za-z][\w. &-]{{0,30}})/)?"
            + _DASH
        )
        self._date_line = re.compile(
            rf"\(?(?P<place>[A-Z][A-Za-z.'’ -]{{1,40}}?),[ \t]*(?:(?P<region>[A-Z][A-Za-z.]*),[ \t]*)?"
            rf"(?P<date>{date})"
        )

    def find(self, text: str, paragraphs: list[Range]) -> Dateline | None:
        """The first paragraph start near the top that opens with a dateline."""
        window = min(len(text), WINDOW)
        starts = [ps for ps, _ in paragraphs if ps < window]
        for ps in starts:
            m = self._with_dash.match(text, ps, window)
            # A date alone before the dash is a dateline only with its agency: "Oct. 20 (XNA) -".
            if m and not (m.group("ldate") and not (m.group("agency") or m.group("wire"))):
                dateline = self._dash_form(m)
                if not m.group("tplace") or _title_case_region(text, dateline):
                    return dateline
        for ps in starts:
            m = self._date_line.match(text, ps, window)
            if m:
                return self._line_form(m)
        return None

    def _dash_form(self, m: re.Match) -> Dateline:
        if m.group("ldate"):
            return Dateline(m.start(), m.end(), date=m.span("ldate"), agency=_span(m, "agency"),
                            wire=_span(m, "wire"))
        which = next(g for g in ("place", "tplace", "bplace") if m.group(g))
        extra = {"place": "extra", "tplace": "textra", "bplace": "bextra"}[which]
        region = date = None
        if m.group(extra):
            region, date = self._split_extra(m, extra)
        if m.group("pdate"):
            date = m.span("pdate")
        return Dateline(m.start(), m.end(), place=m.span(which), region=region, date=date,
                        agency=_span(m, "agency"), wire=_span(m, "wire"))

    def _split_extra(self, m: re.Match, group: str) -> tuple[Range | None, Range | None]:
        """ "Ore., May 2, 2021" -> the region "Ore." and the date "May 2, 2021"."""
        start, end = m.span(group)
        text = m.string
        d = self._date.search(text, start, end)
        if d is None:
            return (start, end), None
        region_end = d.start()
        while region_end > start and text[region_end - 1] in ", \t":
            region_end -= 1
        return ((start, region_end) if region_end > start else None), d.span()

    def _line_form(self, m: re.Match) -> Dateline:
        place: Range | None = m.span("place")
        date: Range = m.span("date")
        if m.group("place") in self._weekdays:  # "Friday, May 2, 2021": no place, a longer date
            place, date = None, (m.start("place"), m.end("date"))
        return Dateline(m.start(), m.end(), place=place, region=_span(m, "region"), date=date)


def _title_case_region(text: str, d: Dateline) -> bool:
    """After a title-case place, a date or a region in capitalised words ("Fla.", "Texas",
    "New Mexico"); "Tesh, Velk said --" is a sentence."""
    if d.region is None:
        return d.date is not None
    words = text[d.region[0] : d.region[1]].split()
    return len(words) <= 3 and all(w[:1].isupper() for w in words)


def _span(m: re.Match, group: str) -> Range | None:
    return m.span(group) if m.group(group) else None
