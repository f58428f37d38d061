"""TIMEX3-style values for temporal expressions, resolved against a reference time.

The recogniser hands over the named parts of each match (year, month, day, relative word,
unit, ...) in text order; :class:`TimexResolver` turns them into the ``facts_date`` payload.

Two reference times are kept apart:

- the *publication date* anchors deictic words ("today", "last year", "on Sunday",
  "two weeks ago");
- the *narrative anchor* is the last date the text itself mentioned; it anchors anaphoric
  words ("the previous year", "that day", "twelve days later") and year-less dates in
  narrative text ("On June 10, ..." after "May 1940").

In news (a publication date and mostly recent years) a year-less date takes the year that
puts it in a window from nine months before to three months after publication, unless a
date with a year was mentioned just before. In narrative text (no publication date, or
years mostly long before it) the narrative anchor rules.

Iranian calendar periods ("the current Iranian year", "Bahman", "1399", "this year" in an
Iranian news item) have no Gregorian TIMEX value: their ``value`` is None, ``calendar`` is
"solar_hijri" and ``interval`` gives the Gregorian days they cover.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..lexicon import load_json
from ..lexicon.rows import DatesLexicon
from . import solar_hijri

# Granularities, coarse to fine.
YEAR, MONTH, DAY = 1, 2, 3

# Duration units, seasons and quarter ordinals come from the dates lexicon, the same words
# the date patterns are built from.
_TIME_WORDS = load_json("dates/lexicon.json", DatesLexicon)
UNIT_CODES: dict[str, str] = dict(_TIME_WORDS.units)
SEASON_CODES: dict[str, str] = dict(_TIME_WORDS.seasons)
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
ANAPHORIC_REL = {"previous", "preceding", "prior", "following", "same", "that"}
REL_OFFSET = {"this": 0, "current": 0, "same": 0, "that": 0, "last": -1, "past": -1,
              "previous": -1, "preceding": -1, "prior": -1, "most recent": -1, "latest": -1,
              "next": 1, "coming": 1, "following": 1}
QUARTER_ORDINALS: dict[str, int] = dict(_TIME_WORDS.quarter_ordinals)
TZ_OFFSETS = {"GMT": "Z", "UTC": "Z", "EST": "-05", "EDT": "-04", "CST": "-06", "CDT": "-05",
              "MST": "-07", "MDT": "-06", "PST": "-08", "PDT": "-07", "CET": "+01",
              "CEST": "+02", "IRST": "+0330", "IRDT": "+0430"}

_WS = re.compile(r"\s+")
# Values that news annotation leaves null (news_dev's convention: "iso null for ... weeks,
# decades"; centuries with them): a week ("2021-W09", "2021-W09-WE"), a decade ("196") or a
# century ("19"); the interval still says which days. History keeps them (WikiWars annotates
# "the 1870s" as 187). Seasons keep their TIMEX value ("2021-WI") in news too.
NEWS_UNDATED = re.compile(r"\d{4}-W\d\d(?:-WE)?|\d{2,3}")

Groups = Mapping[str, Any]  # the named parts of a match: "m" (month), "d", "y", "rel", ...
Info = dict[str, Any]  # a resolved date: value, type, calendar, interval (see :func:`payload`)


def payload(value: str | None, type_: str = "DATE", calendar: str = "gregorian",
            interval: tuple[dt.date, dt.date] | None = None) -> dict[str, Any]:
    return {
        "value": value,
        "type": type_,
        "calendar": calendar,
        "interval": (interval[0].isoformat(), interval[1].isoformat()) if interval else None,
    }


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def shift_date(date: dt.date, n: int, unit: str) -> dt.date | None:
    """``date`` moved by ``n`` units (day, week, month, year, decade, century)."""
    try:
        if unit == "day":
            return date + dt.timedelta(days=n)
        if unit in ("week", "fortnight"):
            return date + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
        months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
        if months is None:
            return None
        y, m = add_months(date.year, date.month, n * months)
        return dt.date(y, m, min(date.day, _calendar.monthrange(y, m)[1]))
    except (OverflowError, ValueError):
        return None


def shift_gregorian_years(date: dt.date, n: int) -> dt.date | None:
    """The same day ``n`` years away; 29 February becomes the 28th."""
    try:
        return date.replace(year=date.year + n)
    except ValueError:
        try:
            return date.replace(year=date.year + n, day=28)
        except ValueError:
            return None
    except OverflowError:  # pragma: no cover - year out of range
        return None


def shift_interval_years(interval: tuple[dt.date, dt.date], n: int,
                         calendar: str = "gregorian") -> tuple[dt.date, dt.date] | None:
    """An interval moved ``n`` years in its own calendar, keeping whole months whole:
    the end is moved as "the day after it", so 1-31 July stays 1-31 July and the first
    three Solar Hijri months stay exactly those months."""
    shift = solar_hijri.shift_years if calendar == "solar_hijri" else shift_gregorian_years
    try:
        start = shift(interval[0], n)
        after = shift(interval[1] + dt.timedelta(days=1), n)
    except OverflowError:
        return None
    if start is None or after is None:
        return None
    end = after - dt.timedelta(days=1)
    return (start, end) if start <= end else None


def season_interval(year: int, code: str) -> tuple[dt.date, dt.date] | None:
    """Meteorological seasons of the northern hemisphere; winter YYYY runs from December
    YYYY to the end of February of the year after."""
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}.get(code)
    if first is None or not 1 <= year <= 9998:
        return None
    last_y, last_m = add_months(year, first, 2)
    return dt.date(year, first, 1), month_end(last_y, last_m)


def format_year(year: int) -> str:
    return f"BC{-year + 1:04d}" if year <= 0 else f"{year:04d}"


def date_value(year: int, month: int | None = None, day: int | None = None) -> str:
    out = format_year(year)
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out


def date_interval(year: int, month: int | None = None,
                  day: int | None = None) -> tuple[dt.date, dt.date] | None:
    if not 1 <= year <= 9999:
        return None
    try:
        if day and month:
            d = dt.date(year, month, day)
            return d, d
        if month:
            return dt.date(year, month, 1), month_end(year, month)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February stays valid
        return True
    except ValueError:
        return False


def year_in_window(month: int, day: int | None, ref: dt.date) -> int:
    """The year that puts a month (and day) between 9 months before and 3 months after ref."""
    for year in (ref.year, ref.year - 1, ref.year + 1):
        try:
            when = dt.date(year, month, min(day or 1, _calendar.monthrange(year, month)[1]))
        except ValueError:
            continue
        delta = (when - ref).days
        if -275 <= delta <= 92:
            return year
    return ref.year


DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
CENTURY_WORDS = {"eighteen": 18, "nineteen": 19, "twenty": 20}


def decade_of_word(word: str, century: str | None) -> int:
    """ "sixties" -> 196 (the 1900s unless "eighteen" or "twenty" says otherwise)."""
    return CENTURY_WORDS.get((century or "nineteen").lower(), 19) * 10 + DECADE_WORDS.index(word.lower()) + 2


def fiscal_year_number(digits: str, after: int | None) -> int:
    """ "2019" -> 2019; two digits ("FY20", "2019-20") name the year of the century that
    ``after`` (the range's first year) or the 2000s give."""
    if len(digits) >= 4:
        return int(digits)
    century = after // 100 * 100 if after else 2000
    year = century + int(digits)
    return year + 100 if after and year < after else year


FEDERAL_FISCAL_END = 9  # U.S. federal fiscal years end on 30 September (31 U.S.C. 1102)


def fiscal_interval(first: int, last: int, end_month: int) -> tuple[dt.date, dt.date]:
    """Fiscal years ``first`` to ``last`` that end in ``end_month``, each named by the year it
    ends in (FY2020 of the U.S. government: 1 October 2019 to 30 September 2020)."""
    start_year, start_month = add_months(first, end_month, -11)
    return dt.date(start_year, start_month, 1), month_end(last, end_month)


def duration_value(n: float | None, unit: str) -> str:
    code = UNIT_CODES.get(unit, "X")
    if unit == "fortnight" and n is not None:
        n, code = n * 2, "W"
    if n is None:
        amount = "X"
    else:
        amount = f"{n:g}"
    if code in ("H", "S"):
        return f"PT{amount}{code}"
    if code == "MIN":
        return f"PT{amount}M"
    return f"P{amount}{code}"


@dataclass
class Anchor:
    year: int
    month: int | None = None
    day: int | None = None
    pos: int = 0
    # A whole Solar Hijri year (its Gregorian start year is ``year``): 1 January of that
    # year lies in the Iranian year before, so arithmetic on it starts at Nowruz instead.
    solar: int | None = None
    explicit: bool = False  # the text wrote the year out ("in 2015", "1400")
    at: int | None = None  # where it was named when ``pos`` is kept out of sentence checks

    def date(self) -> dt.date:
        if self.solar and not self.month:
            start = solar_hijri.to_gregorian(self.solar, 1, 1)
            if start:
                return start
        return dt.date(self.year, self.month or 1, self.day or 1)


class TimexResolver:
    """Resolves one document's matches in text order; keeps the narrative anchor."""

    def __init__(self, published: dt.date | None, *, narrative: bool, iranian: bool,
                 number_words: Mapping[str, int | None],
                 sentence_of: Callable[[int], int] = lambda pos: 0) -> None:
        self.published = published
        self.sentence_of = sentence_of
        self.narrative = narrative
        self.iranian = iranian
        self.numbers = number_words
        self.anchor: Anchor | None = None
        # The last stretch longer than a day the text named: (pos, calendar, interval, value).
        # "the same period last year" is that stretch a year earlier.
        self.period: tuple[int, str, tuple[dt.date, dt.date], str | None] | None = None

    # -- helpers ---------------------------------------------------------------------------

    def number(self, text: str | None) -> float | None:
        if not text:
            return None
        t = _WS.sub(" ", text.lower().replace("-", " ")).strip()
        if t.replace(".", "", 1).isdigit():
            return float(t)
        if t in self.numbers:
            return self.numbers[t]
        total = 0
        for part in t.split():
            v = self.numbers.get(part)
            if v is None:
                return None
            total += v
        return total

    def deictic_ref(self) -> dt.date | None:
        """What "today" means: the publication date, or in narrative text the anchor."""
        if self.narrative:
            return self.anchor.date() if self.anchor and self.anchor.month else None
        return self.published

    def current_ref(self, rel: str = "") -> dt.date | None:
        """The publication date, else the narrative anchor ("the previous Iranian year").
        "The current Iranian year" is the publication's even in a text that looks back."""
        if self.published and (not self.narrative or rel in ("this", "current")):
            return self.published
        a = self.anaphoric_ref()
        return a.date() if a else None

    def recent(self, pos: int) -> bool:
        """Whether the anchor was mentioned in the same sentence as ``pos``."""
        return (self.anchor is not None and self.anchor.pos >= 0
                and self.sentence_of(self.anchor.pos) == self.sentence_of(pos))

    def named_in_sentence(self, pos: int) -> bool:
        """Whether the anchor, whole years included, was named in the sentence of ``pos``."""
        a = self.anchor
        if a is None:
            return False
        at = a.at if a.at is not None else a.pos
        return at >= 0 and self.sentence_of(at) == self.sentence_of(pos)

    def anaphoric_ref(self) -> Anchor | None:
        if self.anchor:
            return self.anchor
        if self.published:
            p = self.published
            return Anchor(p.year, p.month, p.day)
        return None

    def remember(self, pos: int, year: int, month: int | None = None, day: int | None = None,
                 *, explicit: bool = False, solar: int | None = None, at: int | None = None) -> None:
        if 1 <= year <= 9999:
            self.anchor = Anchor(year, month, day, pos, solar, explicit, at)

    def year_for(self, month: int, day: int | None, pos: int, tense: str | None = None) -> int | None:
        """The year of a year-less date.

        In news a verb's tense picks the occurrence ("ended on March 20": the last one,
        "ends on March 20": the next one); a bare month without one is the latest begun by
        publication, since news reports what happened; a day without one is the nearest.
        """
        a = self.anchor
        if a and (self.narrative or self.recent(pos)):
            if tense == "future" and not self.narrative and a.month and month < a.month:
                return a.year + 1  # "in November, ... in January" of plans: the January after
            return a.year
        if self.published and not self.narrative:
            p = self.published
            if tense in ("past", "future"):
                try:
                    when = dt.date(p.year, month, min(day or 1, _calendar.monthrange(p.year, month)[1]))
                except ValueError:
                    return year_in_window(month, day, p)
                if tense == "past":
                    return p.year if (when <= p if day else month <= p.month) else p.year - 1
                return p.year if (when >= p if day else month >= p.month) else p.year + 1
            if day is None:
                return p.year if month <= p.month else p.year - 1
            return year_in_window(month, day, p)
        return None

    # -- entry point -------------------------------------------------------------------------

    def resolve(self, kind: str, g: Groups, start: int,
                partner_year: int | None = None) -> dict[str, Any]:
        handler = getattr(self, f"_{kind}", None)
        if handler is None:
            return payload(None)
        try:
            out = handler(g, start, partner_year)
        except (ValueError, OverflowError, KeyError, TypeError):
            return payload(None)
        if kind != "same_period" and out["interval"] and out["type"] in ("DATE", "DURATION"):
            first, last = out["interval"]
            if first != last:
                self.note_period(start, out["calendar"],
                                 (dt.date.fromisoformat(first), dt.date.fromisoformat(last)),
                                 out["value"])
        if out["value"] and self.published and not self.narrative and NEWS_UNDATED.fullmatch(out["value"]):
            out["value"] = None  # the interval still says which days
        return out

    def note_period(self, pos: int, calendar: str, interval: tuple[dt.date, dt.date],
                    value: str | None = None) -> None:
        """Remember a stretch of time named at ``pos`` (a range's interval, say)."""
        self.period = (pos, calendar, interval, value)

    # -- kinds -------------------------------------------------------------------------------

    def _date(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        month = self.month_number(g.get("m") or g.get("m2")) or (int(g["mn"]) if g.get("mn") else None)
        if month is None:
            return payload(None)
        day = g.get("d") or g.get("d2")
        day = int(day) if day else None
        year = int(g["y"]) if g.get("y") else None
        if g.get("that"):
            a = self.anaphoric_ref()
            ref_rel = _WS.sub(" ", g["that"].lower())
            year = a.year + {"the previous": -1, "the following": 1, "the next": 1}.get(ref_rel, 0) if a else None
        if day and not valid_day(year, month, day):
            return payload(None)
        explicit = year is not None and not g.get("that")
        if year is None:
            year = partner_year or self.year_for(month, day, pos, g.get("tense"))
        if year is None:
            value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return payload(value)
        self.remember(pos, year, month, day, explicit=explicit)
        value = date_value(year, month, day)
        if g.get("pod"):
            value += "T" + PART_OF_DAY[g["pod"].lower()]
            return payload(value, "TIME", interval=date_interval(year, month, day))
        return payload(value, interval=date_interval(year, month, day))

    def _numeric_date(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
        # Day/month rule: a part above 12 can only be the day; otherwise "/" is read
        # month-first (US usage) and "." day-first (European usage).
        if a > 12:
            day, month = a, b
        elif b > 12 or g.get("sep") == "/":
            month, day = a, b
        else:
            day, month = a, b
        if not 1 <= month <= 12 or not valid_day(year, month, day):
            return payload(None)
        self.remember(pos, year, month, day, explicit=True)
        return payload(date_value(year, month, day), interval=date_interval(year, month, day))

    def _numeric_ymd(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        """ "2019/11/04"; a year from 1300 to 1499 is Solar Hijri ("1398/08/13", as Iranian
        documents write dates): no Gregorian text of today writes such years this way."""
        year, month, day = int(g["y"]), int(g["mn"]), int(g["d"])
        if 1300 <= year <= 1499:
            return self._solar_hijri_month({"shm_n": str(month), "d": str(day), "shy": str(year)}, pos, None)
        if not valid_day(year, month, day):
            return payload(None)
        self.remember(pos, year, month, day, explicit=True)
        return payload(date_value(year, month, day), interval=date_interval(year, month, day))

    def _month_relative(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        month = self.month_number(g["m"])
        if month is None:  # never for a name the patterns matched
            return payload(None)
        rel = g["rel"].lower()
        if rel in ANAPHORIC_REL:
            a = self.anaphoric_ref()
            if a is None:
                return payload(None)
            y = a.year
            if rel == "previous" and (not a.month or month >= a.month):
                y -= 1
            elif rel in ("following",) and a.month and month <= a.month:
                y += 1
        else:
            ref = self.deictic_ref()
            if ref is None:
                return payload(None)
            y = ref.year
            if rel in ("last", "past") and month >= ref.month:
                y -= 1
            elif rel in ("next", "coming") and month <= ref.month:
                y += 1
        self.remember(pos, y, month)
        return payload(date_value(y, month), interval=date_interval(y, month))

    def _weekday(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        wd = self.weekday_number(g["wd"])
        rel = (g.get("rel") or "").lower()
        ref = self.deictic_ref()
        if ref is None:
            a = self.anchor
            if a and a.day:
                ref = a.date()
            else:
                return payload(None)  # no date to count from: news leaves it null (news_dev2)
        back = (ref.isoweekday() - wd) % 7
        if rel in ("next", "coming"):
            day = ref + dt.timedelta(days=(wd - ref.isoweekday()) % 7 or 7)
        elif g.get("tense") == "future" and self.published and not self.narrative:
            day = ref + dt.timedelta(days=(wd - ref.isoweekday()) % 7)  # "will land on Sunday"
        elif rel in ("last", "past"):
            day = ref - dt.timedelta(days=back or 7)
        else:
            day = ref - dt.timedelta(days=back)
        self.remember(pos, day.year, day.month, day.day)
        value = day.isoformat()
        if g.get("pod"):
            return payload(value + "T" + PART_OF_DAY[g["pod"].lower()], "TIME", interval=(day, day))
        return payload(value, interval=(day, day))

    def _year(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        if g.get("yy"):
            yy = int(g["yy"])
            pivot = (self.published.year % 100 + 5) if self.published else 30
            year = (2000 if yy <= pivot else 1900) + yy
        else:
            year = int(g["y"])
        era = (g.get("era") or "").replace(".", "").upper()
        if era in ("BC", "BCE"):
            return payload(format_year(1 - year))
        if not era and self.iranian and 1300 <= year <= 1499:
            return self._solar_year(year, pos=pos, explicit=True)
        self.remember(pos, year, explicit=not g.get("yy"))
        return payload(date_value(year), interval=date_interval(year))

    def _decade(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        dec = int(g["dec"]) if g.get("dec") else decade_of_word(g["dec_word"], g.get("cent_word"))
        return payload(f"{dec:03d}", interval=(dt.date(dec * 10, 1, 1), dt.date(dec * 10 + 9, 12, 31)))

    def _day_of_month(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        """ "on the 20th": that day of the month the text is in."""
        a = self.anaphoric_ref()
        day = int(g["d"])
        if a is None or not a.month or a.solar or not valid_day(a.year, a.month, day):
            return payload(f"XXXX-XX-{day:02d}")
        self.remember(pos, a.year, a.month, day)
        return payload(date_value(a.year, a.month, day), interval=date_interval(a.year, a.month, day))

    def _era_decade(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        """ "the 380s BC": TIMEX's BC038."""
        return payload(f"BC{int(g['dec']):03d}")

    def _century(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        c = int(g["cent"])
        if not 1 <= c <= 99:
            return payload(None)
        return payload(f"{c - 1:02d}", interval=(dt.date(max(1, (c - 1) * 100), 1, 1),
                                                 dt.date(c * 100 - 1, 12, 31)))

    def _season(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        code = SEASON_CODES[g["season"].lower()]
        year: int | None
        if g.get("y"):
            year = int(g["y"])
            self.remember(pos, year)
            return payload(f"{year:04d}-{code}", interval=season_interval(year, code))
        rel = (g.get("rel") or "").lower()
        if rel:
            if rel in ANAPHORIC_REL:
                a = self.anaphoric_ref()
                year = a.year + REL_OFFSET[rel] if a else None
            else:
                ref = self.deictic_ref()
                year = ref.year + REL_OFFSET.get(rel, 0) if ref else None
        else:
            a = self.anchor
            year = a.year if a and (self.narrative or self.recent(pos)) else None
        if not year or not 1 <= year <= 9999:
            return payload(f"XXXX-{code}")
        return payload(f"{year:04d}-{code}", interval=season_interval(year, code))

    def _year_ref(self, g: Groups, pos: int) -> tuple[str, int | None]:
        """Which year a "... of <year reference>" phrase names: (calendar, year)."""
        if g.get("y"):
            return "gregorian", (None if self._is_fiscal(g) else int(g["y"]))
        rel = (g.get("rel") or "this").lower()
        offset = REL_OFFSET.get(rel, 0)
        solar = bool(g.get("iran")) or (self.iranian and not g.get("y"))
        ref = self.current_ref((g.get("rel") or "").lower())
        if ref is None or (self._is_fiscal(g) and not solar):
            # A company's or a government's fiscal year is no calendar unit outside Iran,
            # where it is the Solar Hijri year.
            return ("solar_hijri" if solar else "gregorian"), None
        if solar:
            return "solar_hijri", solar_hijri.year_of(ref) + offset
        return "gregorian", ref.year + offset

    @staticmethod
    def _is_fiscal(g: Groups) -> bool:
        return bool(g.get("fiscal") or g.get("fq") or g.get("fq2"))

    def _solar_year(self, year: int, g: Groups | None = None, *, pos: int | None = None,
                    explicit: bool = False) -> dict[str, Any]:
        interval = solar_hijri.year_interval(year)
        if interval:
            # A whole year: no sentence check may lend its Gregorian start year to a
            # year-less date ("the current Iranian year (ends on March 20)").
            self.remember(-10**9, interval[0].year, solar=year, at=pos, explicit=explicit)
        return payload(None, calendar="solar_hijri", interval=interval)

    def _sub_year(self, cal: str, year: int | None, first_month: int, months: int,
                  value: str | None, pos: int) -> dict[str, Any]:
        if year is None:
            return payload(value if cal == "gregorian" else None, calendar=cal)
        if cal == "solar_hijri":
            interval = solar_hijri.month_interval(year, first_month, months)
            if interval:
                self.remember(pos, interval[0].year, interval[0].month)
            return payload(None, calendar=cal, interval=interval)
        last_y, last_m = add_months(year, first_month, months - 1)
        self.remember(pos, year, first_month)
        return payload(value, interval=(dt.date(year, first_month, 1), month_end(last_y, last_m)))

    def _quarter(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        q = int(g["q"]) if g.get("q") else QUARTER_ORDINALS[g["ord"].lower()]
        if g.get("y") or g.get("rel") or g.get("iran") or self._is_fiscal(g):
            cal, year = self._year_ref(g, pos)
        else:
            ref = self.deictic_ref()
            a = self.anchor
            if self.narrative and a:
                cal, year = "gregorian", a.year
            elif ref:
                cal, year = "gregorian", ref.year if (ref.month - 1) // 3 + 1 >= q else ref.year - 1
            else:
                return payload(f"XXXX-Q{q}")
        value = f"{year:04d}-Q{q}" if year and cal == "gregorian" else None
        return self._sub_year(cal, year, 3 * (q - 1) + 1, 3, value, pos)

    def _half(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        h = 1 if g["half"].lower() == "first" else 2
        cal, year = self._year_ref(g, pos)
        value = f"{year:04d}-H{h}" if year and cal == "gregorian" else None
        return self._sub_year(cal, year, 6 * (h - 1) + 1, 6, value, pos)

    def _part_of_year(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        n = self.number(g.get("n"))
        unit = g["unit"].lower().rstrip("s")
        cal, year = self._year_ref(g, pos)
        if n is None or unit not in ("month", "quarter") or not 1 <= n <= 12:
            return payload(None, calendar=cal)
        months = int(n) * (3 if unit == "quarter" else 1)
        if months > 12:
            return payload(None, calendar=cal)
        first = 13 - months if (g.get("ord") or "").lower() in ("last", "final") else 1
        return self._sub_year(cal, year, first, months, None, pos)

    def _same_period(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        """ "the same period last year", "last year's corresponding month": the stretch the
        text named just before, a year earlier; without one, the whole of last year."""
        unit = (g.get("unit") or g.get("unit2") or g.get("unit3") or "period").lower()
        explicit = int(g["y"]) if g.get("y") else None
        p = self.period
        if p and self.sentence_of(p[0]) < self.sentence_of(pos) - 1:
            p = None  # named too far back to be what "the same period" points at
        if p and unit in ("month", "quarter", "week", "day"):
            days = (p[2][1] - p[2][0]).days + 1
            fits = {"month": (28, 31), "quarter": (89, 92), "week": (7, 7), "day": (1, 1)}[unit]
            if not fits[0] <= days <= fits[1]:
                p = None
        if p is None and unit in ("month", "quarter", "week", "day"):
            return self._same_unit_last_year(unit, explicit, pos)
        if p is None:
            return self._last_year_whole(explicit)
        _pos, cal, interval, value = p
        n = explicit - interval[0].year if explicit else -1
        moved = shift_interval_years(interval, n, cal)
        if moved is None:
            return payload(None, calendar=cal)
        if value and cal == "gregorian" and re.fullmatch(r"\d{4}(?:-[\dA-Z]+)*", value):
            value = format_year(int(value[:4]) + n) + value[4:]
        else:
            value = None
        return payload(value, calendar=cal, interval=moved)

    def _same_unit_last_year(self, unit: str, explicit: int | None, pos: int) -> dict[str, Any]:
        """ "the same month last year" with no month named just before: the anchor's month."""
        a = self.anchor if self.anchor and self.recent(pos) else None
        if a is None and self.published and not self.narrative:
            p = self.published
            a = Anchor(p.year, p.month, p.day)
        if a is None or not a.month or unit in ("week", "day") and not a.day:
            return payload(None)
        year = explicit if explicit else a.year - 1
        if unit == "month":
            return payload(date_value(year, a.month), interval=date_interval(year, a.month))
        if unit == "quarter":
            q = (a.month - 1) // 3 + 1
            return payload(f"{format_year(year)}-Q{q}",
                           interval=(dt.date(year, 3 * q - 2, 1), month_end(year, 3 * q)))
        day = shift_gregorian_years(a.date(), year - a.year)
        if day is None:
            return payload(None)
        return self._at_granularity(day, unit, pos, remember=False)

    def _last_year_whole(self, explicit: int | None) -> dict[str, Any]:
        if explicit:
            return payload(None, interval=date_interval(explicit))
        ref = self.deictic_ref()
        if ref is None:
            return payload(None, calendar="solar_hijri" if self.iranian else "gregorian")
        if self.iranian:
            year = solar_hijri.year_of(ref) - 1
            return payload(None, calendar="solar_hijri", interval=solar_hijri.year_interval(year))
        return payload(None, interval=date_interval(ref.year - 1))

    def _fiscal(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        """ "fiscal year 2019", "FY2020", "fiscal years 2015 through 2019": no calendar value
        (news convention), but the days they cover where the text tells whose years they are:
        Solar Hijri years in Iranian text, October to September for the U.S. government."""
        first = fiscal_year_number(g["y"], None)
        last = fiscal_year_number(g["y2"], first) if g.get("y2") else first
        if last < first:
            return payload(None)
        if self.iranian and 1300 <= first <= 1499:
            start, end = solar_hijri.year_interval(first), solar_hijri.year_interval(last)
            interval = (start[0], end[1]) if start and end else None
            return payload(None, calendar="solar_hijri", interval=interval)
        if last == first + 1 and not g.get("plural"):
            first = last  # "fiscal year 2019-20", "FY 2019/20": one year, named by both its ends
        if self.fiscal_end_month and 1800 <= first <= 9999:
            return payload(None, interval=fiscal_interval(first, last, self.fiscal_end_month))
        return payload(None)

    def _fiscal_relative(self, offset: int) -> Info:
        """ "the current fiscal year", "the next fiscal year" where the text tells when its
        fiscal years end: the fiscal year of publication, moved."""
        ref = self.deictic_ref()
        end_month = self.fiscal_end_month
        if ref is None or not end_month:
            return payload(None)
        year = (ref.year + 1 if ref.month > end_month else ref.year) + offset
        return payload(None, interval=fiscal_interval(year, year, end_month))

    def _iranian_year(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        if g.get("shy"):
            return self._solar_year(int(g["shy"]), pos=pos, explicit=True)
        rel = (g.get("rel") or "this").lower()
        ref = self.current_ref((g.get("rel") or "").lower())
        if ref is None:
            return payload(None, calendar="solar_hijri")
        return self._solar_year(solar_hijri.year_of(ref) + REL_OFFSET.get(rel, 0), pos=pos)

    def _solar_hijri_month(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        month = int(g["shm_n"]) if g.get("shm_n") else self.sh_month_number(g["shm"])
        day = int(g["d"]) if g.get("d") else None
        if g.get("shy"):
            year = int(g["shy"])
        else:
            rel = (g.get("rel") or "").lower()
            ref = self.current_ref((g.get("rel") or "").lower())
            if ref is None:
                return payload(None, calendar="solar_hijri")
            if rel:
                year = solar_hijri.year_of(ref) + REL_OFFSET.get(rel, 0)
            elif day:
                year = solar_hijri.year_near(month, day, ref)
            else:
                year = solar_hijri.latest_month_start(month, ref)
        if day:
            d = solar_hijri.to_gregorian(year, month, day)
            if d is None:
                return payload(None, calendar="solar_hijri")
            self.remember(pos, d.year, d.month, d.day)
            return payload(d.isoformat(), calendar="solar_hijri", interval=(d, d))
        interval = solar_hijri.month_interval(year, month)
        if interval:
            self.remember(pos, interval[0].year, interval[0].month)
        return payload(None, calendar="solar_hijri", interval=interval)

    def _deictic(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        word = _WS.sub(" ", g["deictic"].lower())
        ref = self.published
        if ref is None:
            return payload(None)
        offset = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}.get(word, 0)
        day = ref + dt.timedelta(days=offset)
        if not self.narrative:
            self.remember(pos, day.year, day.month, day.day)
        if word == "tonight":
            return payload(day.isoformat() + "TNI", "TIME", interval=(day, day))
        return payload(day.isoformat(), interval=(day, day))

    def _relative(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        rel = _WS.sub(" ", (g.get("rel") or "this").lower())
        gran = (g.get("gran") or "year").lower()
        if g.get("fiscal"):
            if not self.iranian:
                return self._fiscal_relative(REL_OFFSET.get(rel, 0))
            gran = "year"
        if g.get("dir"):  # "the day before", "the week after"
            a = self.anaphoric_ref()
            if a is None or not a.day and gran == "day":
                return payload(None)
            rel = "previous" if g["dir"].lower() == "before" else "following"
        if gran in PART_OF_DAY:
            a = self.anaphoric_ref() if rel in ANAPHORIC_REL or rel == "that" else None
            ref = a.date() if a and a.day else (self.deictic_ref() if a is None else None)
            if ref is None:
                return payload(None, "TIME")
            day = ref + dt.timedelta(days=REL_OFFSET.get(rel, 0))
            return payload(day.isoformat() + "T" + PART_OF_DAY[gran], "TIME", interval=(day, day))
        offset = REL_OFFSET.get(rel, 0)
        anaphoric = rel in ANAPHORIC_REL or (self.narrative and rel not in ("this", "current"))
        if anaphoric and offset < 0 and gran == "year" and self.published and not self.narrative:
            # News compares with "the previous year" as with last year, unless it has
            # just written a year out or named one in the same sentence.
            a = self.anchor
            if a is None or not (a.explicit or self.named_in_sentence(pos)):
                anaphoric = False
        if rel == "past" and not g.get("edge") and gran in ("year", "month", "week", "decade", "century", "day"):
            return self._rolling(1, gran, -1, pos, type_hint=True)
        if self.iranian and gran == "year" and not anaphoric:
            ref = self.deictic_ref()
            if ref is None:
                return payload(None, calendar="solar_hijri")
            return self._solar_year(solar_hijri.year_of(ref) + offset, pos=pos)
        if anaphoric:
            a = self.anaphoric_ref()
            if a is None:
                return payload(None)
            if gran == "day" and not a.day or gran in ("month", "week") and not a.month:
                return payload(None)
            base = a.date()
        else:
            ref = self.deictic_ref()
            if ref is None:
                return payload(None)
            base = ref
        if self.iranian and gran == "year":
            return self._solar_year(solar_hijri.year_of(base) + offset, pos=pos)
        if gran == "weekend":
            gran, weekend = "week", True
        else:
            weekend = False
        moved = shift_date(base, offset, gran)
        if moved is None:
            return payload(None)
        return self._at_granularity(moved, gran, pos, weekend=weekend, remember=anaphoric or not self.narrative)

    def _at_granularity(self, d: dt.date, gran: str, pos: int, *, weekend: bool = False,
                        remember: bool = True) -> dict[str, Any]:
        if gran == "year":
            if remember:
                self.remember(pos, d.year)
            return payload(date_value(d.year), interval=date_interval(d.year))
        if gran == "month":
            if remember:
                self.remember(pos, d.year, d.month)
            return payload(date_value(d.year, d.month), interval=date_interval(d.year, d.month))
        if gran == "day":
            if remember:
                self.remember(pos, d.year, d.month, d.day)
            return payload(d.isoformat(), interval=(d, d))
        if gran in ("week", "fortnight"):
            iso = d.isocalendar()
            monday = d - dt.timedelta(days=d.isoweekday() - 1)
            # News leaves weeks unvalued (news_dev's convention); the interval still says which.
            week = f"{iso[0]:04d}-W{iso[1]:02d}" if self.narrative else None
            if weekend:
                sat = monday + dt.timedelta(days=5)
                return payload(week and week + "-WE", interval=(sat, sat + dt.timedelta(days=1)))
            return payload(week, interval=(monday, monday + dt.timedelta(days=6)))
        if gran == "quarter":
            q = (d.month - 1) // 3 + 1
            return payload(f"{d.year:04d}-Q{q}", interval=(dt.date(d.year, 3 * q - 2, 1), month_end(d.year, 3 * q)))
        if gran == "decade":
            dec = d.year // 10
            return payload(f"{dec:03d}", interval=(dt.date(dec * 10, 1, 1), dt.date(dec * 10 + 9, 12, 31)))
        if gran == "century":
            return payload(f"{d.year // 100:02d}")
        return payload(None)

    def _rolling(self, n: float | None, unit: str, direction: int, pos: int,
                 type_hint: bool = False) -> dict[str, Any]:
        """A period reaching back (or forward) from the reference time: "the past ten months".

        Anchored to a publication date it is a definite stretch of days: the interval says
        which, and the value stays null (a TIMEX duration would drop the anchoring).
        Unanchored it is just a length: "P10M".
        """
        ref = self.deictic_ref() if not self.narrative else None
        if ref and n is not None and float(n).is_integer():
            other = shift_date(ref, direction * int(n), unit)
            if other:
                interval = (other, ref) if direction < 0 else (ref, other)
                return payload(None, "DURATION", interval=interval)
            # "the next 48 hours": anchored, but no day bounds it.
            return payload(None, "DURATION")
        return payload(duration_value(n, unit), "DURATION")

    def _period(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        rel = g["rel"].lower()
        unit = g["unit"].lower()
        unit = "century" if unit == "centuries" else unit.rstrip("s")
        n = self.number(g.get("n")) if g.get("n") else None
        if rel in ("first", "final"):
            # "the first two months" of some stretch the sentence names elsewhere, not the
            # two months before publication.
            return payload(duration_value(n, unit), "DURATION")
        if n is None and not self.narrative:
            # "recent months", "the coming weeks": news gives no length to such a stretch and
            # no day it starts on; history text keeps the vague length ("PXM").
            return payload(None, "DURATION")
        direction = 1 if rel in ("next", "coming", "following", "ahead") else -1
        return self._rolling(n, unit, direction, pos)

    def _offset(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        n = self.number(g.get("n")) if g.get("n") else None
        unit = g["unit"].lower()
        unit = "century" if unit == "centuries" else unit.rstrip("s")
        direction = _WS.sub(" ", g["dir"].lower())
        sign = 1 if direction in ("later", "after", "hence", "from now") else -1
        if n is None or not float(n).is_integer() or unit not in (
                "day", "week", "fortnight", "month", "quarter", "year", "decade", "century"):
            return payload(None)
        if direction in ("ago", "hence", "from now"):
            base = self.deictic_ref()
        else:
            a = self.anaphoric_ref()
            base = a.date() if a and (a.day or unit not in ("day", "week")) else None
        if base is None:
            return payload(None)
        moved = shift_date(base, sign * int(n), unit)
        if moved is None:
            return payload(None)
        gran = {"fortnight": "day", "week": "day"}.get(unit, unit)
        if gran == "quarter":
            gran = "month"
        return self._at_granularity(moved, gran, pos)

    def _duration(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        unit = g["unit"].lower()
        unit = "century" if unit == "centuries" else unit.rstrip("s")
        if g.get("within") and not self.narrative:
            # "exports rose 30% in four months": news names an unplaced stretch, not a length.
            return payload(None, "DURATION")
        return payload(duration_value(self.number(g["n"]), unit), "DURATION")

    def _set(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        if g.get("wd"):
            return payload(f"XXXX-WXX-{self.weekday_number(g['wd'])}", "SET")
        unit = (g.get("unit") or "").lower()
        if unit in PART_OF_DAY:
            return payload(f"XXXX-XX-XXT{PART_OF_DAY[unit]}", "SET")
        if unit == "weekend":
            return payload("XXXX-WXX-WE", "SET")
        n = self.number(g.get("n")) if g.get("n") else 1
        return payload(duration_value(n, unit), "SET")

    def _time(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        named = (g.get("named") or "").lower()
        if named:
            hh, mm = (24, 0) if named == "midnight" else (12, 0)
        else:
            hh, mm = int(g["h"]), int(g.get("mi") or 0)
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and hh < 12:
                hh += 12
            elif ampm == "am" and hh == 12:
                hh = 0
        clock = f"T{hh:02d}:{mm:02d}"
        tz = (g.get("tz") or "").upper()
        clock += TZ_OFFSETS.get(tz, "")
        a = self.anchor
        if a and a.day and (self.narrative or self.recent(pos)):
            return payload(a.date().isoformat() + clock, "TIME")
        if self.published and not self.narrative:
            return payload(self.published.isoformat() + clock, "TIME")
        return payload("XXXX-XX-XX" + clock, "TIME")

    def _holiday(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        info = g["holiday_info"]
        if info.get("solar_hijri_month"):
            return self._solar_hijri_month(
                {"shm_n": info["solar_hijri_month"], "d": str(info.get("day", 1)), "shm": None, **{
                    k: v for k, v in g.items() if k == "shy"}}, pos, partner_year)
        return self._date({"mn": str(info["month"]), "d": str(info["day"]), "y": g.get("y")},
                          pos, partner_year)

    def _present(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        return payload("PRESENT_REF")

    def _duration_adjective(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        """ "a three-year war": the length the adjective names."""
        return self._duration(g, pos, partner_year)

    def _part_of_day(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        """ "sailed only at night": a part of any day."""
        return payload("XXXX-XX-XXT" + PART_OF_DAY[g["pod"].lower()], "TIME")

    def _future_ref(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        """ "the near future": FUTURE_REF in history; news leaves such a time unvalued."""
        return payload("FUTURE_REF" if self.narrative else None)

    def _vague(self, g: Groups, pos: int, partner_year: int | None) -> Info:
        return payload(None)

    # -- lexicon lookups, filled in by the component -----------------------------------------

    month_names: Mapping[str, int] = {}
    # The month the text's fiscal years end in: stated ("its fiscal year ends in June"), or
    # September for the U.S. government's; None when the text does not tell.
    fiscal_end_month: int | None = None
    weekday_names: Mapping[str, int] = {}
    sh_month_names: Mapping[str, int] = {}

    def month_number(self, name: str | None) -> int | None:
        if not name:
            return None
        return self.month_names.get(name.rstrip(".").lower())

    def weekday_number(self, name: str) -> int:
        return self.weekday_names[name.lower()]

    def sh_month_number(self, name: str) -> int:
        return self.sh_month_names[name.lower()]
