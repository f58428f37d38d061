"""The checks a pattern row names (``"check": "year"``): each looks at the words around a
match and keeps it, trims it, or turns it down.

Invented examples: "in 2019" is a year, "2019 workers" a count and "about 2019" an
approximate number; "in May" is a month, "it may" is not; "a Saturday edition" names no
day. A check returns the ``(start, end)`` to keep, or None.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Callable

from ..lexicon import load_rows, load_table, word_set
from ..lexicon.rows import Month, NameHead
from ..normalize.numbers import number_words
from ..normalize.units import default_lexicon
from .lexicon import ContextWords
from .neighbours import counted_after, next_word, prev_raw, prev_word

Check = Callable[[str, re.Match[str]], tuple[int, int] | None]  # text, match -> span to keep
CheckRule = Callable[[ContextWords, str, re.Match[str]], tuple[int, int] | None]

_WORD_EDGE = re.compile(r"\w")
# Words before a number that make it a length of time ("in 2 years", "nearly 10 months").
_BEFORE_A_DURATION = frozenset(
    "in for within over during after before by half nearly almost just only".split()
) | word_set("dates/duration_verbs.txt")
_SEASON_BEFORE = frozenset(("in", "during", "by", "until", "since", "through", "throughout", "over",
                            "early", "late", "mid", "that", "this", "last", "next", "before", "after",
                            "each", "every", "following", "same"))
_SEASON_AFTER = frozenset(("offensive", "campaign", "months"))
_SEASONS = r"(?:spring|summer|autumn|fall|winter)"
_SEASON_AND_BEFORE = re.compile(rf"\b{_SEASONS}\s+and\s+$", re.I)
_AND_SEASON_AFTER = re.compile(rf"\s+and\s+(?:the\s+)?{_SEASONS}\b", re.I)
_NOT_BEFORE_DURATION = frozenset(("per", "a", "an", "every", "each", "times", "once", "twice", "than"))
_SCALES = frozenset(("million", "billion", "thousand", "percent", "%"))
_CLOCK_BEFORE = frozenset(("at", "by", "until", "till", "from", "around", "before", "after", "since",
                           "about", "approximately", "to", "and", "between"))
_NUMERALS = frozenset(number_words().value)
MONTH_NAMES = frozenset(n for row in load_rows("shared/months.jsonl", Month) for n in row.names)
_FIRST_NAME_MONTHS = frozenset(("april", "june", "august", "may"))
# "temperatures in the forties", "the mid-sixties degrees": decade words that count degrees.
_DEGREE_WORDS = frozenset(("temperature", "temperatures", "degrees", "degree", "highs", "lows", "high",
                           "low", "upper", "mercury", "thermometer", "fahrenheit", "celsius"))
_DECADE_WORD_CONTEXT = 40  # characters read before a decade word
# Nouns whose "of" introduces an amount: "an average of 1500", "a total of 2000".
_AMOUNT_NOUNS = frozenset(("average", "total", "sum", "maximum", "minimum", "tally", "number", "count",
                           "estimated", "median", "peak", "record", "high", "low"))
_AMOUNT_OF = re.compile(r"\b([A-Za-z]+)\s+of\s*$")
_UNIT_WORDS = re.compile(r"[ \t]*([^\s,.;:!?()]+(?:[ \t]+[^\s,.;:!?()]+){0,2})")
# Capitalised words that head the name of a law, programme or event ("Act", "Program", "Summit").
_NAME_HEADS = frozenset(h.word for h in load_table("entities/heads.tsv", NameHead) if h.has("other") or h.has("law"))
# "the Clean Rivers Act for the 21st Century": the century tells the name's purpose, not a time.
_NAME_FOR = re.compile(r"([A-Z][a-z]+)[ \t]+for[ \t]+$")
_RATE_AFTER = re.compile(r"[ \t]+[a-z]+[ \t]+per[ \t]")  # "1200 parts per million", "1500 cases per week"
_NUMBER_BEFORE_LINK = re.compile(r"\d[\d,.]*\s*(?:-|–|to|and)\s*$")
_LINK_THEN_NUMBER = re.compile(r"\s*(?:-|–|to|and)\s*\d")


def unit_after(text: str, end: int) -> bool:
    """Whether a unit of measure or a currency follows a number ("1000 hp", "1520 sq m",
    "2000 euros"), by the quantities' unit table; time units make durations, not measures."""
    m = _UNIT_WORDS.match(text, end, min(len(text), end + 40))
    if not m:
        return False
    lexicon = default_lexicon()
    parts = m.group(1).split()
    for n in range(len(parts), 0, -1):
        form = " ".join(parts[:n])
        info = lexicon.symbols.get(form)
        if info is None and form.islower():
            info = lexicon.words.get(form)
        if info is not None and not info.duration:
            return True
    return False


def amount_context(text: str, start: int, end: int) -> bool:
    """A number inside an amount: "an average of 1500", "1000+", or either end of a range
    of counts ("from 1000 to 2000 hires")."""
    if text[end:end + 1] == "+" or text[end:end + 2] == " +" or _RATE_AFTER.match(text, end):
        return True
    before = _AMOUNT_OF.search(text, max(0, start - 30), start)
    if before and before.group(1).lower() in _AMOUNT_NOUNS:
        return True
    ranged = _NUMBER_BEFORE_LINK.search(text, max(0, start - 20), start)
    if ranged and counted_after(text, end):
        return True
    following = _LINK_THEN_NUMBER.match(text, end)
    if following:
        m = re.match(r"\s*(?:-|–|to|and)\s*\d[\d,.]*", text[end:end + 20])
        return m is not None and counted_after(text, end + m.end())
    return False


def year_end(m: re.Match[str]) -> int:
    """Where a year match ends: its second year dropped unless it reads as a range
    ("1915-17" and "2015 to 2017" stay; "2015 17" ends after 2015)."""
    end = m.end()
    y2 = m.group("y2")
    if y2:
        year = int(m.group("y"))
        dash = m.group("rng").strip() in ("-", "–")
        full = int(y2) if len(y2) == 4 else year // 100 * 100 + int(y2)
        if not (dash or len(y2) == 4) or not year < full <= year + 100:
            end = m.end("y")
    return end


def titled_year(text: str, start: int, end: int, year: int, prev: str) -> bool:
    """A name's year: "the Global Report 2020 said", "a $2 billion 2021 budget"."""
    return (1900 <= year <= 2100 and text[start - 1:start] == " "
            and (prev in ("million", "billion", "trillion")
                 or bool(_WORD_EDGE.match(text[start - 2:start - 1] or " "))
                 and prev_raw(text, start)[:1].isupper()
                 and not counted_after(text, end)))


_YEAR_BEFORE_APPROXIMATOR = frozenset(("since", "until", "till", "before", "after", "by"))


def approximate_year(text: str, start: int, end: int, approximator: str) -> bool:
    """An approximate year after a preposition of time: "since about 1900", "by around 2030"
    (not "by about 2000 workers")."""
    window = max(0, start - 40)
    at = text[window:start].lower().rfind(approximator)
    before = prev_word(text, window + at) if at >= 0 else ""
    return before in _YEAR_BEFORE_APPROXIMATOR and not counted_after(text, end) and not unit_after(text, end)


def check_year(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    start, end = m.start(), year_end(m)
    year = int(m.group("y"))
    if not 1000 <= year <= 2100:
        return None
    prev, nxt = prev_word(text, start), next_word(text, end)
    if text[end:end + 1] in ("-", "–") and text[end + 1:end + 2].isdigit():
        return None  # a code or a numeric range, not a year
    if prev in words.approximators and not approximate_year(text, start, end, prev):
        return None
    if prev.startswith(("$", "€", "£", "#")) or prev in ("no.", "no"):
        return None
    if unit_after(text, end) or amount_context(text, start, end):
        return None  # a measure or an amount: "1000 hp", "an average of 1500"
    before = text[max(0, start - 3):start].rstrip(" \t")
    strong = (prev in words.year_before or end > m.end("y") or start == 0
              or titled_year(text, start, end, year, prev)
              or before[-1:] in ("\n", "(", "[", ".", "!", "?", ""))
    if nxt and nxt[0].islower():
        if nxt.lower() in words.quantity_after or not strong:
            return None
    elif nxt.lower() in words.quantity_after:
        return None
    if not strong and not 1800 <= year <= 2100:
        return None
    return start, end


def check_year_apostrophe(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    prev = prev_word(text, m.start())
    return m.span() if prev in words.year_before and prev != "the" else None


_MONTH_PAIR_AFTER = re.compile(r"[-–]\s?[A-Z][a-z]+")
_MONTH_PAIR_BEFORE = re.compile(r"[A-Z][a-z]+\s?[-–]$")


def month_pair(text: str, m: re.Match[str]) -> bool:
    """A month joined by a dash to another month: "(April-October)", "May–June"."""
    after = _MONTH_PAIR_AFTER.match(text, m.end())
    before = _MONTH_PAIR_BEFORE.search(text, max(0, m.start() - 12), m.start())
    found = after.group() if after else before.group() if before else ""
    name = found.strip("-– ")
    return name in MONTH_NAMES


def check_bare_month(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    name = m.group("m").lower()
    prev = prev_word(text, m.start())
    context = prev in words.month_before
    if name in words.ambiguous_months and (not context or prev == "the") and not month_pair(text, m):
        return None  # "the March to Versailles", "it may"
    if not context and next_word(text, m.end())[:1].isupper() and name in _FIRST_NAME_MONTHS:
        return None  # a first name: "June Carter"
    return m.span()


def check_bare_season(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    prev = prev_word(text, m.start())
    if prev in _SEASON_BEFORE or next_word(text, m.end()).lower() in _SEASON_AFTER:
        return m.span()
    # One of two seasons named together: "the spring and autumn", "spring and summer 1919".
    if prev == "and" and _SEASON_AND_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return m.span()
    if _AND_SEASON_AFTER.match(text, m.end()):
        return m.span()
    return None


def check_solar_hijri_month(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if m.group("shm").lower() not in words.sh_ambiguous:
        return m.span()
    g = m.groupdict()  # the month-day row ("Aban 13, 1398") has no "month of" or year words
    if g.get("mo") or g.get("d") or g.get("shy") or g.get("iran2"):
        return m.span()
    return None


def check_decade_word(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """ "the sixties" is a decade unless the words around it count degrees."""
    before = re.findall(r"[a-z]+", text[max(0, m.start() - _DECADE_WORD_CONTEXT):m.start()].lower())
    if _DEGREE_WORDS.intersection(before[-5:]) or next_word(text, m.end()).lower() in _DEGREE_WORDS:
        return None
    return m.span()


def check_weekday(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if m.group("rel"):
        return m.span()
    prev = prev_word(text, m.start())
    if prev in ("a", "an"):
        return None  # "a Saturday edition", "an extra Monday shift"
    if prev == "the" and next_word(text, m.end())[:1].isupper():
        return None  # a title: "the Sunday Times"
    return m.span()


def check_century(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    # "21st Century Fox", "20th Century Studios": a capitalised name runs on.
    if text[m.end() - 7:m.end()] == "Century" and re.match(r"[ \t]+[A-Z]", text[m.end():m.end() + 2]):
        return None
    named = _NAME_FOR.search(text, max(0, m.start() - 30), m.start())
    if named and named.group(1) in _NAME_HEADS and text[m.end() - 7:m.end()] == "Century":
        return None  # part of a name: "the Harbor Jobs Program for the 21st Century"
    return m.span()


def check_part_of_year(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if m.group("n").lower() in ("a", "an"):
        return None  # "barrels a day in 2005" is a rate followed by a year
    return m.span()


def check_offset(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    # "almost two years ago" is still a time ago (the approximator stays outside the span), but
    # "more than a year later" compares lengths.
    if prev_word(text, m.start()) in words.approximators and m.group("dir").lower() != "ago":
        return None
    if not m.group("n") and not m.group("unit").lower().endswith("s"):
        return None
    return m.span()


def check_duration(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    start, end = m.span()
    prev = prev_word(text, start)
    n = m.group("n").lower()
    unit = m.group("unit").lower()
    if n in ("a", "an") and unit == "second" or unit.startswith("quarter") and next_word(text, end) == "of":
        return None  # "a second attack", "three quarters of the troops"
    if n in ("some", "many") or prev in words.approximators:
        return None  # "about an hour", "less than a month": measures, left to quantities
    if prev in _NOT_BEFORE_DURATION:
        return None
    if n in ("a", "an") and prev not in _BEFORE_A_DURATION:
        return None  # "barrels a day" is a rate
    if prev[:1].isdigit() or prev[-1:].isdigit() or prev in _SCALES:
        return None  # a rate: "$5 billion a year"
    nxt = next_word(text, end).lower()
    if not unit.endswith("s") and (nxt[:1].isdigit() or nxt in _NUMERALS) and \
            not next_word(text, text.index(nxt, end) + len(nxt)):
        return None  # a label: "Open 2030 day three:", not "for one year 12 times"
    if nxt in ("old", "of") and re.match(r"\s+(?:old|of\s+age)\b", text[end:end + 12]) or \
            re.search(r"\bage\s+of\s+$", text[max(0, start - 10):start], re.I):
        return None  # an age: "45 years old", "at the age of six months"
    if not unit.endswith("s") and n not in ("a", "an", "one", "1") and not unit.startswith("centur"):
        return None  # a modifier, measured as a quantity: "a 48 hour strike", "that three year wait"
    return start, end


def check_clock(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if m.group("ampm") or m.group("tz"):
        return m.span()
    if text[m.end("h"):m.start("mi")] != ":":
        return None
    return m.span() if prev_word(text, m.start()) in _CLOCK_BEFORE else None


# Prepositions that make "the time", "this period" a time of the story: "during this period",
# "at the same time", "by this time".
_TIME_PREPOSITIONS = frozenset(("during", "throughout", "in", "at", "by", "from", "around", "until", "till", "to",
                                "before", "after", "since", "on"))


def check_after_preposition(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    return m.span() if prev_word(text, m.start()) in _TIME_PREPOSITIONS else None


def check_length_modifier(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """ "the nine day operation": a length as a modifier (a date only in history text)."""
    if m.group("n").lower() in ("a", "an", "one", "1") or m.group("n").lower() in words.approximators:
        return None
    if re.search(r"\bage\s+of\s+$", text[max(0, m.start() - 10):m.start()], re.I):
        return None
    return m.span()


CHECKS: dict[str, CheckRule] = {
    "length_modifier": check_length_modifier,
    "after_preposition": check_after_preposition,
    "year": check_year,
    "year_apostrophe": check_year_apostrophe,
    "bare_month": check_bare_month,
    "bare_season": check_bare_season,
    "solar_hijri_month": check_solar_hijri_month,
    "weekday": check_weekday,
    "decade_word": check_decade_word,
    "century": check_century,
    "part_of_year": check_part_of_year,
    "offset": check_offset,
    "duration": check_duration,
    "clock": check_clock,
}


def named_check(name: str, words: ContextWords) -> Check:
    """The check a pattern row names, bound to the context words."""
    if name not in CHECKS:
        raise ValueError(f"unknown date check {name!r}; known: {', '.join(sorted(CHECKS))}")
    return partial(CHECKS[name], words)
