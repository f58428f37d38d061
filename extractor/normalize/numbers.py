"""Numbers as news writes them, turned into values.

Digits with any of the separators English and Persian texts use ("27,915", "1 500",
"12,34,567.89", "۱۴۰۰", "٣٫٥"), vulgar fractions ("1/2", "½", "10 1/2") and spelled-out
numbers ("twenty-five", "two thousand and ten", "a dozen", "two-thirds"). The word lexicon
is a data file (``resources/shared/number_words.jsonl``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from ..lexicon import as_dicts, load_rows
from ..lexicon.rows import NumberWord

# Longer digit strings are identifiers (account, phone or serial numbers), never amounts,
# and int() of a huge string is slow and capped by Python anyway.
MAX_DIGITS = 18

_THOUSANDS = ",\u066C\u060C'\u00A0\u202F\u2009 "  # comma, Arabic thousands sep., Arabic comma, ...
_DECIMAL = ".\u066B"  # point, Arabic decimal separator

# A well-formed digit numeral, once separators are known: Western groups of three, Indian
# lakh groups ("12,34,567"), or a plain run; an optional decimal part.
_GROUPED = re.compile(
    r"(?:\d{1,3}(?:(?P<sep>[,\u066C\u00A0\u202F\u2009 '])\d{3})(?:(?P=sep)\d{3})*"
    r"|\d{1,2}(?:,\d{2})+,\d{3}"
    r"|\d+)"
    r"(?:[.\u066B]\d+)?"
)

VULGAR_FRACTIONS = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
    "⅐": 1 / 7, "⅑": 1 / 9, "⅒": 0.1,
}


def tidy(value: float | int, places: int = 6) -> int | float:
    """An int when the value is integral, else a float rounded to ``places`` decimals."""
    if isinstance(value, int):
        return value
    if value != value or value in (float("inf"), float("-inf")):
        return value
    rounded = round(value, places)
    if rounded == int(rounded) and abs(rounded) < 1e18:
        return int(rounded)
    return rounded


def parse_digits(text: str) -> int | float | None:
    """The value of a digit numeral such as "27,915", "1 500", "2.5", "۱۴۰۰" or "1/2".

    Returns None for what is not one well-formed number ("1,1,1", "1.2.3", a 40-digit code).
    """
    text = text.strip()
    if not text:
        return None
    if text in VULGAR_FRACTIONS:
        return tidy(VULGAR_FRACTIONS[text], 4)
    if "/" in text:
        num, _, den = text.partition("/")
        a, b = parse_digits(num), parse_digits(den)
        if a is None or not b or "/" in den:
            return None
        return tidy(a / b, 4)
    if not _GROUPED.fullmatch(text):
        return None
    digits = []
    point = False
    for ch in text:
        if ch in _DECIMAL:
            digits.append(".")
            point = True
        elif ch in _THOUSANDS:
            continue
        else:
            d = unicodedata.digit(ch, None)
            if d is None:
                return None
            digits.append(str(d))
    plain = "".join(digits)
    if len(plain) - point > MAX_DIGITS:
        return None
    return tidy(float(plain)) if point else int(plain)


class NumberWords:
    """Spelled-out English cardinals and fractions, from the word lexicon."""

    def __init__(self, rows: Iterable[dict]) -> None:
        self.rows = list(rows)
        self.value = {r["word"]: r["value"] for r in self.rows}
        self.kind = {r["word"]: r["kind"] for r in self.rows}

    def is_number_word(self, word: str) -> bool:
        return word.lower() in self.value

    def words_of(self, kind: str) -> list[str]:
        return [w for w, k in self.kind.items() if k == kind]

    def parse(self, words: list[str]) -> int | float | None:
        """The value of a sequence of number words ("two", "hundred", "and", "five").

        Follows English cardinal grammar: units, teens and tens add up; "hundred" multiplies
        the group before it; a larger scale closes the group. Fractions divide
        ("two thirds", "a quarter", "half"), mixed numbers add ("two and a half"), and a scale
        after a fraction multiplies it ("half a million", "three quarters billion");
        "a dozen" is twelve.
        """
        total = 0.0
        group = 0.0
        seen = False
        joined = False  # an "and" since the last number word: "two and a half"
        last_kind = None
        for raw in words:
            w = raw.lower()
            if w == "and":
                joined = True
                continue
            if w in ("a", "an"):
                if not seen:
                    group, seen, last_kind = 1, True, "article"
                continue
            kind = self.kind.get(w)
            if kind is None:
                return None
            v = self.value[w]
            if kind in ("digit", "teen"):
                if last_kind in ("digit", "teen", "fraction"):
                    return None  # "two three" is two numbers
                group += v
            elif kind == "ten":
                if last_kind in ("digit", "teen", "ten", "fraction"):
                    return None
                group += v
            elif kind == "scale":
                group = group or 1
                if v == 100 and group < 100:
                    group *= 100
                else:
                    total += group * v
                    group = 0
            elif kind == "dozen":
                group = (group or 1) * 12
            elif kind == "fraction":
                if last_kind == "fraction":
                    return None
                if joined:
                    group += 1 / v  # the "a half" of "two and a half"
                elif last_kind is None:
                    group = 1 / v  # "half", "quarter million"
                else:
                    group = group / v  # "a third", "two thirds"
            seen = True
            last_kind = kind
            joined = False
        if not seen or last_kind == "article":
            return None
        return tidy(total + group, 4)


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    return NumberWords(as_dicts(load_rows("shared/number_words.jsonl", NumberWord)))


def words_to_number(words: list[str]) -> int | float | None:
    return number_words().parse(words)
