"""Loading the date patterns: the lexicon read into name tables, the placeholders filled,
the trigger words of every pattern gathered for one scan.

Each step is a function of its own, so that a reader can run it alone:
``fill("{MONTH} {DAY}", placeholders(name_tables(load_lexicon())))``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..lexicon import alternation, as_dicts, load_json, load_rows, starts_with
from ..lexicon.rows import DatePattern, DatesLexicon, Month, Weekday
from ..normalize.numbers import number_words

PATTERNS = "dates/patterns.jsonl"
LEXICON = "dates/lexicon.json"
MONTHS = "shared/months.jsonl"
WEEKDAYS = "shared/weekdays.jsonl"

_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")
_PLAIN_WORD = re.compile(r"[A-Za-z]+\.?")


def literal(names: Iterable[str]) -> str:
    """Names matched exactly as written, spaces included (one builder for every list)."""
    return alternation(names, space=None)


# -- reading -----------------------------------------------------------------------------------

def load_patterns(name: str | Path = PATTERNS) -> list[dict[str, Any]]:
    """The pattern rows, validated, as the dicts the component keeps and saves."""
    return as_dicts(load_rows(name, DatePattern))


def load_lexicon(name: str | Path = LEXICON) -> dict[str, Any]:
    """The dates lexicon, validated; months and weekdays from ``shared/`` when it has none."""
    return complete_lexicon(load_json(name, DatesLexicon).model_dump(by_alias=True, exclude_unset=True))


def complete_lexicon(lexicon: dict[str, Any]) -> dict[str, Any]:
    """The lexicon with the shared month and weekday names filled in where missing."""
    lexicon = dict(lexicon)
    lexicon.setdefault("months", as_dicts(load_rows(MONTHS, Month)))
    lexicon.setdefault("weekdays", as_dicts(load_rows(WEEKDAYS, Weekday)))
    return lexicon


# -- name tables -------------------------------------------------------------------------------

@dataclass
class NameTables:
    """Every calendar name, by the number it stands for and as written in text."""

    month_names: dict[str, int] = field(default_factory=dict)  # lower-case name or abbr -> 1..12
    full: list[str] = field(default_factory=list)  # "March", "MARCH"
    abbr: list[str] = field(default_factory=list)  # "Mar.", "Mar", "MAR.", "MAR"
    ambiguous_months: set[str] = field(default_factory=set)
    weekday_names: dict[str, int] = field(default_factory=dict)
    weekdays: list[str] = field(default_factory=list)
    sh_names: dict[str, int] = field(default_factory=dict)
    sh_all: list[str] = field(default_factory=list)
    sh_ambiguous: set[str] = field(default_factory=set)
    holidays: dict[str, dict] = field(default_factory=dict)
    holiday_names: list[str] = field(default_factory=list)

    def by_placeholder(self) -> dict[str, list[str]]:
        """The names a trigger ``{MONTH}``, ``{WEEKDAY}``... stands for."""
        return {"MONTH": self.full + self.abbr, "WEEKDAY": self.weekdays, "SH_MONTH": self.sh_all,
                "HOLIDAY": self.holiday_names}


def name_tables(lex: dict[str, Any]) -> NameTables:
    names = NameTables()
    _read_months(lex["months"], names)
    for w in lex["weekdays"]:
        for n in w["names"]:
            names.weekday_names[n.lower()] = w["n"]
            names.weekdays += [n, n.upper()]
    for m in lex["solar_hijri_months"]:
        for n in m["names"]:
            names.sh_names[n.lower()] = m["n"]
            names.sh_all += [n, n.upper()]
            if m.get("ambiguous"):
                names.sh_ambiguous.add(n.lower())
    for h in lex["holidays"]:
        for n in h["names"]:
            names.holidays[n.lower()] = h
            names.holiday_names.append(n)
    return names


def _read_months(months: list[dict], names: NameTables) -> None:
    for m in months:
        for n in m["names"]:
            names.month_names[n.lower()] = m["n"]
            names.full += [n, n.upper()]
            if m.get("ambiguous"):
                names.ambiguous_months.add(n.lower())
        for a in m["abbr"]:
            names.month_names[a.lower()] = m["n"]
            names.abbr += [a + ".", a, a.upper() + ".", a.upper()]


# -- placeholders ------------------------------------------------------------------------------

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_EDGES = ("end", "beginning", "start", "middle", "close", "turn", "rest", "remainder", r"latter\s+part",
          r"early\s+part")
_MODS = ("early", "late", "mid", "middle")


def duration_units(lex: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The duration units in the singular and the plural ("century", "centuries")."""
    singular = list(lex["units"])
    plural = [u[:-1] + "ies" if u.endswith("y") and u[-2] not in "aeiou" else u + "s" for u in singular]
    return singular, plural


# The numerals a duration counts with: "three weeks", "ninety days"; larger ones are written
# in digits in news, and "a thousand years" is no date.
_NUMERAL_KINDS = ("digit", "teen", "ten")


def count_words(lex: dict[str, Any]) -> dict[str, int | None]:
    """Words that count a duration's units, with their values: the shared numerals from one
    to a hundred, and the lexicon's vague counts ("a few", "several": no value)."""
    numerals = number_words()
    counts: dict[str, int | None] = {
        w: int(v) for w, v in numerals.value.items()
        if (numerals.kind[w] in _NUMERAL_KINDS and v >= 1) or (numerals.kind[w] == "scale" and v == 100)}
    counts.update(lex["vague_counts"])
    return counts


def placeholders(names: NameTables, lex: dict[str, Any]) -> dict[str, str]:
    """The regex each ``{PLACEHOLDER}`` of a pattern stands for. The case-insensitive word
    alternations start with a look-ahead for their first letters (cheap where they fail)."""
    months = literal(names.full + names.abbr)
    singular, plural = duration_units(lex)
    seasons = list(lex["seasons"])
    counts = list(count_words(lex))
    year = r"(?P<y>\d{4})(?![\d%]|[.,]\d)"
    return {
        "MONTH": rf"(?-i:(?P<m>{months}))(?!\w)",
        "MONTH2": rf"(?-i:(?P<m2>{months}))(?!\w)",
        "MONTH_FULL": rf"(?-i:(?P<m>{literal(names.full)}))(?!\w)",
        "DAY": r"(?<![\w.,:/])(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])",
        "DAY2": r"(?<![\w.,:/-])(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])",
        "YEAR": year,
        "WEEKDAY": rf"(?-i:(?P<wd>{literal(names.weekdays)}))(?!\w)",
        "SH_MONTH": rf"(?-i:(?P<shm>{literal(names.sh_all)}))(?!\w)",
        "EDGE": starts_with(("the",) + _EDGES) + rf"(?:the\s+)?(?P<edge>{'|'.join(_EDGES)})\s+of\s+",
        "MOD": starts_with(_MODS) + rf"(?P<mod>{'|'.join(_MODS)})",
        "SEASON": starts_with(seasons) + rf"(?P<season>{'|'.join(seasons)})",
        "YREF": (rf"(?:{year}|(?:the\s+)?(?:(?P<rel>this|current|previous|last|past|next|coming)\s+)?"
                 r"(?:(?P<iran>Iranian|Persian)\s+)?(?:(?P<fiscal>fiscal|financial)\s+)?"
                 r"(?:calendar\s+year|calendar|year)(?![\w-]))"),
        "NUMBER": starts_with([*_TENS.split("|"), *counts], also=r"\d")
                  + rf"(?:\d+(?:\.\d+)?|(?:{_TENS})[\s-](?:{_ONES})|{alternation(counts)})",
        "UNITS": starts_with(plural + singular) + rf"(?:{alternation(plural + singular)})",
        "UNITS_PLURAL": starts_with(plural) + rf"(?:{alternation(plural)})",
        "HOLIDAY": rf"(?-i:(?P<hol>{literal(names.holiday_names)}))",
    }


def fill(pattern: str, places: dict[str, str]) -> str:
    """A pattern with its placeholders replaced by their regexes."""
    return _PLACEHOLDER.sub(lambda m: places[m.group(1)], pattern)


# -- triggers ----------------------------------------------------------------------------------

def trigger_words(spec: str, names: dict[str, list[str]]) -> set[str] | None:
    """The words a trigger spec stands for, when all are single words; else None."""
    if spec.startswith("re:"):
        return None
    if spec.startswith("{") and spec.endswith("}"):
        words = set(names[spec[1:-1]])
    else:
        words = {spec, spec.capitalize(), spec.upper()}
    return words if all(_PLAIN_WORD.fullmatch(w) for w in words) else None


def trigger_regex(spec: str, names: dict[str, list[str]]) -> str:
    """The regex of a trigger spec that is not a set of single words."""
    if spec.startswith("re:"):
        return spec[3:]
    if spec.startswith("{") and spec.endswith("}"):
        return literal(names[spec[1:-1]])
    return alternation({spec, spec.capitalize(), spec.upper()})


@dataclass
class Triggers:
    """What wakes each pattern: one scan for all single-word triggers, one regex for the rest."""

    index: dict[tuple, int] = field(default_factory=dict)  # a pattern's trigger specs -> trigger no.
    literals: list[set[str]] = field(default_factory=list)  # trigger no. -> its single words
    rest: list[re.Pattern | None] = field(default_factory=list)  # trigger no. -> the other specs

    def add(self, key: tuple, names: dict[str, list[str]]) -> int | None:
        """The number of a pattern's trigger (None when it has none), added on first sight."""
        if not key:
            return None
        if key not in self.index:
            self.index[key] = len(self.literals)
            words: set[str] = set()
            rest = []
            for spec in key:
                found = trigger_words(spec, names)
                if found is None:
                    rest.append(trigger_regex(spec, names))
                else:
                    words |= found
            self.literals.append(words)
            self.rest.append(re.compile("|".join(rest)) if rest else None)
        return self.index[key]

    def woken_by(self) -> dict[str, tuple[int, ...]]:
        """Each word found wakes every trigger one of whose words begins it ("Jan" in "January")."""
        every = set().union(*self.literals) if self.literals else set()
        return {w: tuple(t for t, ws in enumerate(self.literals) if any(w.startswith(x) for x in ws))
                for w in every}

    def scan(self) -> re.Pattern | None:
        """One regex finding every single trigger word; the look-ahead lets the engine skip
        non-letters fast ("1,1,1,..." stays cheap)."""
        every = set().union(*self.literals) if self.literals else set()
        return re.compile(rf"(?=[A-Za-z])(?<![^\W\d_])(?:{literal(every)})") if every else None


# -- context words -----------------------------------------------------------------------------

def lowered(lex: dict[str, Any], key: str) -> set[str]:
    """A word list of the lexicon, lower-cased (absent lists are empty)."""
    return {w.lower() for w in lex.get(key, ())}


@dataclass(frozen=True)
class ContextWords:
    """The words the stages read around a candidate, lower-cased."""

    year_before: set[str]  # "in 2015", "since 1999"
    month_before: set[str]  # "in March", "early May"
    quantity_after: set[str]  # "2000 workers" is a count
    approximators: set[str]  # "about 2000", "nearly a year"
    change_words: set[str]  # "postponed from May to June": two dates, not a range
    future_words: set[str]  # "will end in March"
    past_words: set[str]  # "ended in March"
    future_after: set[str]  # "wheat for March delivery"
    ambiguous_months: set[str]  # "may", "march": months only in context
    sh_ambiguous: set[str]  # Solar Hijri month names that are also common words
    iran_phrases: list[str]  # phrases that make a text Iranian
    iran_places: set[str]  # dateline places in Iran
    sh_safe: re.Pattern[str]  # the Solar Hijri month names no other word looks like
    federal: re.Pattern[str] | None = None  # what names the U.S. federal government


def context_words(lex: dict[str, Any], names: NameTables) -> ContextWords:
    """The context words of the lexicon, with the ambiguous names of ``names``."""
    ctx = lex["iranian_context"]
    safe_sh = [n for n in names.sh_all if n.lower() not in names.sh_ambiguous]
    return ContextWords(
        year_before=lowered(lex, "year_before_words"),
        month_before=lowered(lex, "bare_month_before_words"),
        quantity_after=lowered(lex, "quantity_after_words"),
        approximators=lowered(lex, "approximators"),
        change_words=lowered(lex, "range_change_words"),
        future_words=lowered(lex, "tense_future_words"),
        past_words=lowered(lex, "tense_past_words"),
        future_after=lowered(lex, "future_month_after_words"),
        ambiguous_months=names.ambiguous_months,
        sh_ambiguous=names.sh_ambiguous,
        iran_phrases=list(ctx["phrases"]),
        iran_places=set(ctx["dateline_places"]),
        sh_safe=re.compile(rf"(?<!\w)(?:{literal(safe_sh)})(?!\w)"),
        federal=federal_regex(lex.get("federal_context")),
    )


def federal_regex(ctx: dict[str, Any] | None) -> re.Pattern[str] | None:
    """Whole-word federal phrases, or "U.S." / "United States" before up to four capitalised
    words and an agency head noun ("U.S. Department of Agriculture", "U.S. Census Bureau")."""
    if not ctx:
        return None
    heads = literal(ctx["agency_heads"])
    agency = rf"(?:U\.S\.|United\s+States)\s+(?:(?:[A-Z][\w&'’-]*|of|and|for|the)\s+){{0,4}}(?:{heads})"
    return re.compile(rf"(?<!\w)(?:{literal(ctx['phrases'])}|{agency})(?!\w)")

