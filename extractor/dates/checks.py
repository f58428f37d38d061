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

from ..lexicon import word_set
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
                            "each", "every", "following"))
_SEASON_AFTER = frozenset(("offensive", "campaign", "months"))
_NOT_BEFORE_DURATION = frozenset(("per", "a", "an", "every", "each", "times", "once", "twice", "than"))
_SCALES = frozenset(("million", "billion", "thousand", "percent", "%"))
_CLOCK_BEFORE = frozenset(("at", "by", "until", "till", "from", "around", "before", "after", "since",
                           "about", "approximately", "to", "and", "between"))
_FIRST_NAME_MONTHS = frozenset(("april", "june", "august", "may"))
# "temperatures in the forties", "the mid-sixties degrees": decade words that count degrees.
_DEGREE_WORDS = frozenset(("temperature", "temperatures", "degrees", "degree", "highs", "lows", "high",
                           "low", "upper", "mercury", "thermometer", "fahrenheit", "celsius"))
_DECADE_WORD_CONTEXT = 40  # characters read before a decade word


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


def check_year(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    start, end = m.start(), year_end(m)
    year = int(m.group("y"))
    if not 1000 <= year <= 2100:
        return None
    prev, nxt = prev_word(text, start), next_word(text, end)
    if text[end:end + 1] in ("-", "–") and text[end + 1:end + 2].isdigit():
        return None  # a code or a numeric range, not a year
    if prev in words.approximators or prev.startswith(("$", "€", "£", "#")) or prev in ("no.", "no"):
        return None
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


def check_bare_month(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    name = m.group("m").lower()
    prev = prev_word(text, m.start())
    context = prev in words.month_before
    if name in words.ambiguous_months and (not context or prev == "the"):
        return None  # "the March to Versailles", "it may"
    if not context and next_word(text, m.end())[:1].isupper() and name in _FIRST_NAME_MONTHS:
        return None  # a first name: "June Carter"
    return m.span()


def check_bare_season(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if prev_word(text, m.start()) in _SEASON_BEFORE or next_word(text, m.end()).lower() in _SEASON_AFTER:
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
    return m.span()


def check_part_of_year(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if m.group("n").lower() in ("a", "an"):
        return None  # "barrels a day in 2005" is a rate followed by a year
    return m.span()


def check_offset(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if prev_word(text, m.start()) in words.approximators:
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
    if nxt in ("old", "of") and re.match(r"\s+(?:old|of\s+age)\b", text[end:end + 12]):
        return None  # an age
    return start, end


def check_clock(words: ContextWords, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    if m.group("ampm") or m.group("tz"):
        return m.span()
    if text[m.end("h"):m.start("mi")] != ":":
        return None
    return m.span() if prev_word(text, m.start()) in _CLOCK_BEFORE else None


CHECKS: dict[str, CheckRule] = {
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
