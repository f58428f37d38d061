"""Reading the words around a number: the stages of a quantity, one function each.

:meth:`Assembler.assemble` runs them in this order on a :class:`~.draft.Draft`:

1. ``read_accounting_negative``: "$(0.03)", a negative sum as accounts write it;
2. ``read_left``: sign, currency, "magnitude", qualifier and "between" before the number;
3. ``read_glued``: a scale, unit or code glued to the digits ("3bn", "7.62mm", "777F");
4. ``read_scale``: a scale word ("2.5 billion"), and the value scaled;
5. ``read_range``: the upper end of a range ("35 to 40", "$2-3 million");
6. ``read_unit``: a unit after the number or range ("40 percent", "5 km"), and
   ``read_power``: a length unit squared or cubed ("4 km^2", "3 m³", "2 km cubed"), and
   ``read_mixed_units``: a smaller unit after it ("5 feet 2 inches", "7 lb 4 oz");
7. ``read_money_scale``: a scale after a sum's currency word;
8. ``read_minor_amount``: the cents of a sum or the minutes of hours ("3 dollars 50 cents",
   "2 hours 30 minutes");
9. ``read_shared_unit``: the unit (and scale) of the next number in a coordination ("12 and
   19 percent", "20 and 25 million rials");
10. ``read_compound``: a compound modifier ("7-member");
11. ``read_mega_code``: a mega prefix glued to a currency code ("30 MUSD");
12. ``apply_unit_scale``: a unit that is a multiple of its base ("12 bcm");
13. ``read_multiplier``: "3.5 times higher";
14. ``read_ratio``: "4 out of 5", "3 in 10";
15. ``classify_kind``: the unit and kind the reading settles on (a time unit: ``duration``);
16. ``read_rate``: "US$68 a barrel", "80 million cubic meters per day", "$1 per share";
17. ``read_suffix_qualifier``: "or more", "-odd";
18. ``excluded``: what the whole phrase shows is no quantity (a ranking, a date, a name, a
    year in words);
19. ``read_direction``: the change it reports, and what a minus sign means.

The class is a mixin of :class:`~.component.QuantityRecognizer`, which loads the lexicons and
compiles the patterns the stages read (declared below).
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import alternation, load_words, shared
from ..normalize.numbers import NumberWords, parse_digits, tidy
from ..normalize.si import SIConverter
from ..normalize.units import UnitInfo, UnitLexicon
from .draft import Draft
from .patterns import CHANGE_NOUN_AFTER, DIGIT_RUN, OF_NP, TIMES_AFTER, TRAILING, WORD

_GLUED = re.compile(r"[^\W\d_]+\d?|[%°º℃℉\u066A" + r"$€£¥₹₽₩₪₿₡₾₭₦₴₱₫฿¢元円]")
_ORDINAL = frozenset({"st", "nd", "rd", "th"})
_MONTHS = shared.month_words()
_MONTH_BEFORE = re.compile(r"(?i)\b(?:" + alternation(_MONTHS) + r")(?:\.\s*|,?\s+)$")
_MONTH_AFTER = re.compile(r"(?i)(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + alternation(_MONTHS) + r")\b")
_YEAR_CONTEXT = frozenset(
    "in since by of year until till from to during before after early late mid end around "
    "fiscal calendar spring summer autumn fall winter".split()
)
# Words before a bare duration that make it a period of the calendar ("in 9 months", "the
# past five years"); "for two days" is a length of time, a quantity.
_PERIOD_WORDS = frozenset(
    "in within over during past last next first previous coming recent final "
    "following another".split()
)
# "3.5 times higher", "three times the size", "twice ... four times as much": a multiplier,
# unlike "passed three times" or "called 3 times already", which count occasions.
_MULTIPLIER_AFTER = re.compile(
    r"[ \t]+(?:(?:more|less|fewer|as|the|what)\b|(?!(?:"
    + alternation(load_words("quantities/not_comparatives.txt")) + r")\b)[a-z]{2,}er\b)", re.I)
_BY_BEFORE = re.compile(r"(?i)\bby\s+$")
_SUFFIX_QUAL = re.compile(
    r"\s+(?P<lower>or\s+more|and\s+above|and\s+over|or\s+above|plus)\b"
    r"|\s+(?P<upper>or\s+less|or\s+fewer|and\s+below|or\s+below)\b"
    r"|\s+(?P<approx>or\s+so)\b|-(?P<approx2>odd)\b|-(?P<lower2>plus)\b"
)
_COORDINATION = re.compile(r"(?:\s*,\s*|\s+(?:and|or)\s+)(?=\d|[a-z])")
_RANKING = re.compile(r"(?i)\b(?:first|second|third|fourth|fifth|top|\d+(?:st|nd|rd|th))\s+(?:to|through)\s+$")
_RATE_TIME_AFTER = re.compile(r"\s+(?:earlier|ago|later|before|after|previously)\b")
_MEGA_CODE = re.compile(r"\s?M(?P<c>[A-Z]{3})\b")
_POWER_AFTER = re.compile(r"(?:\^|\*\*)(?P<n>[23])(?!\d)|(?P<w>[²³])|\s(?P<w2>squared|cubed)\b")
_MIXED_NUMBER = re.compile(r"(?:\s*,?\s+and)?\s+(?P<n>\d{1,3}(?:\.\d+)?)(?=\s?[^\W\d_])")
_INCH_AFTER = re.compile(r"\s?in\b\.?(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)")
# "in" is an inch only where no preposition can be: before a size word ("2 in thick") or at
# the end of the sentence ("the pencil is 2 in.").
_INCH_AFTER_NUMBER = re.compile(
    r"\s?in(?=\s+(?:" + alternation(load_words("quantities/dimension_words.txt")) + r")\b"
    r"|\.?\s*$|\.\s+[A-Z\n])")
# The cents of a sum follow its currency, with or without "and", and end the clause or name
# their subunit.
_MINOR_GAP = re.compile(r"[ \t]+(?:and[ \t]+)?(?=\d|[a-z])", re.I)
_MINOR_UNITS = frozenset(("cent", "pence", "penny"))
# (how many make one, the written forms) of the smaller unit after a whole one.
_MONEY_SUBUNIT = (100, frozenset(("cent", "cents", "c", "pence", "p", "penny", "pennies")))
# Feet and inches, pounds and ounces are read_mixed_units' (through the unit table); hours
# and minutes are lengths of time, which it leaves alone.
_SUBUNITS = {
    "hour": (60, frozenset(("min", "mins", "minute", "minutes"))),
    "minute": (60, frozenset(("s", "sec", "secs", "second", "seconds"))),
}
_SUBUNIT_AFTER = re.compile(r"[ \t]?(?P<u>[^\W\d_]+|[\"″])(?![^\W\d_])")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]]|$)")
# A sum per anything ("$1.00 per share", "$5,000 per capita"): a price or a share of a
# total, the unit "USD per share". Only "per" says so: "$2 a share" stays a sum (a test
# pins that form), "US$68 a barrel" is a rate through the unit table.
_PER_NOUN = re.compile(r"\s+per\s+(?P<n>[a-z]{3,})\b(?![-'’])")
_NOT_PER_NOUNS = frozenset(("cent", "centum", "se", "the", "this", "that", "each", "every"))
_PER_NOUN_UNITS = {"annum": "year"}
_PARTITIVE_OF = re.compile(r"\s+of\b", re.I)
# "the only one of" names a member again.
_COUNTED_AGAINST = re.compile(r"\b(?:all\s+but|(?<!the )only|just|exactly|but)\s+$", re.I)
_RATIO = re.compile(r"\s+(?:out\s+of|in)\s+(?:every\s+)?(?=\d|[a-z])", re.I)


class Assembler:
    """The stages that turn a number into a quantity, given the recognizer's lexicons."""

    # What the stages read: set by QuantityRecognizer when it loads its tables.
    lexicon: UnitLexicon
    si: SIConverter
    numwords: NumberWords
    qualifiers: dict[str, dict[str, Any]]
    change: dict[str, str]
    name_heads: frozenset[str]
    stop_words: frozenset[str]
    scale_free: dict[str, Any]
    scale_glued: dict[str, tuple[Any, bool, bool]]
    symbols_after: dict[str, UnitInfo]
    _left_re: re.Pattern[str]
    _scale_re: re.Pattern[str]
    _unit_re: re.Pattern[str]
    _compound_re: re.Pattern[str]
    _rate_re: re.Pattern[str]
    _of_rate_re: re.Pattern[str]
    _prefix_re: re.Pattern[str]
    _range_re: re.Pattern[str]
    _words_re: re.Pattern[str]

    def assemble(self, text: str, s: int, e: int, value: Any, *, value_max: Any = None,
                 run: str = "", kind_hint: str | None = None,
                 words: list[str] | None = None) -> Draft | None:
        """The quantity whose number spans ``text[s:e]``, or None when it is none."""
        d = Draft(text, s, e, value, value_max, run, words, kind_hint)
        self.read_accounting_negative(d)
        self.read_left(d)
        if not self.read_glued(d):
            return None
        self.read_scale(d)
        self.read_range(d)
        self.read_unit(d)
        self.read_power(d)
        self.read_mixed_units(d)
        self.read_money_scale(d)
        self.read_minor_amount(d)
        self.read_shared_unit(d)
        self.read_compound(d)
        self.read_mega_code(d)
        self.apply_unit_scale(d)
        self.read_multiplier(d)
        # A written fraction ("3/4") is a ratio unless a unit or multiplier claimed it.
        d.kind_hint = d.kind_hint or ("fraction" if "/" in d.run else None)
        self.read_ratio(d)
        self.classify_kind(d)
        self.read_rate(d)
        self.read_suffix_qualifier(d)
        if self.excluded(d):
            return None
        self.read_direction(d)
        if d.accounting:
            d.value = -d.value
        d.scaled = d.scale != 1 or (d.value_max is not None and d.value >= 1000)
        return d

    # -- the stages, in order -------------------------------------------------------------

    def read_accounting_negative(self, d: Draft) -> None:
        """ "$(0.03)", "US$(1.2)": an amount in parentheses right after its currency sign is
        negative, as accounts write it."""
        text, s = d.text, d.num_start
        if s < 2 or text[s - 1] != "(" or text[d.num_end:d.num_end + 1] != ")" or d.words:
            return
        for length in range(min(4, s - 1), 0, -1):
            info = self.lexicon.prefixes.get(text[s - 1 - length:s - 1])
            if info is not None and not text[s - 1 - length].isalpha() \
                    or info is not None and (s - 1 - length == 0
                                             or not text[s - 2 - length].isalpha()):
                d.unit_info, d.accounting = info, True
                d.start, d.end = s - 1 - length, d.num_end + 1
                return

    def read_left(self, d: Draft) -> None:
        """Before the number, read right to left on the reversed text: sign, currency
        prefix, "magnitude", qualifier, "between" ("minus 3", "US$ 5", "nearly 40")."""
        s = d.num_start
        lm = self._left_re.match(d.text[max(0, s - 48):s][::-1])
        if not lm:
            return
        if lm.group("cur"):
            d.unit_info = self.lexicon.prefixes.get(lm.group("cur")[::-1])
            d.start = s - lm.end("cur")
        if lm.group("sign") and (lm.group("cur") is None or lm.end("sign") <= lm.start("cur")):
            d.sign = True
            d.start = min(d.start, s - lm.end("sign"))
        if lm.group("mag"):
            d.unit_info = self.lexicon.words.get("magnitude")
            d.start = s - lm.end("mag")
        if lm.group("qual") and not lm.group("a"):
            qual = self.qualifiers.get(" ".join(lm.group("qual")[::-1].lower().split()))
            if qual is not None:
                d.approximate = bool(qual.get("approximate"))
                d.bound = qual.get("bound")
                d.start = s - lm.end("qual")
        if lm.group("between") and not lm.group("a"):
            d.between = True
            d.start = s - lm.end("between")

    def read_glued(self, d: Draft) -> bool:
        """Letters glued after digits: a scale ("3bn"), a unit ("7.62mm", "5%"); False when
        they make an ordinal, a decade or a code ("3rd", "1990s", "777F")."""
        if d.words is not None:
            return True
        g = _GLUED.match(d.text, d.end)
        if not g:
            return True
        form = g.group(0)
        lex = self.lexicon
        sc = self.scale_glued.get(form) or self.scale_glued.get(form.lower())
        if sc and (not sc[1] or d.unit_info is not None or self._currency_after(d.text, g.end())):
            d.scale = sc[0]
            d.end = g.end()
        elif form in lex.symbols or form.lower() in lex.words or form in lex.prefixes:
            info = lex.symbols.get(form) or lex.words.get(form.lower()) or lex.prefixes.get(form)
            if d.unit_info is None or d.unit_info.kind != "money":
                d.unit_info = info
            d.end = g.end()
        elif form[-1:].isdigit() and (form[:-1] in lex.symbols):
            d.unit_info = lex.symbols[form[:-1]]
            d.end = g.end()
        elif form.lower() in _ORDINAL or form.lower() == "s" or form[:1].isalpha():
            return False
        return True

    def read_scale(self, d: Draft) -> None:
        """A scale word after the number ("2.5 billion", "46 mn"); the value takes the scale
        read here or glued to the digits."""
        if d.scale == 1:
            sm = self._scale_re.match(d.text, d.end)
            if sm and not (d.words and sm.group("s").lower() in self.numwords.value):
                d.scale = self.scale_free[sm.group("s").lower()]
                d.end = sm.end()
        if d.scale != 1:
            d.value = tidy(d.value * d.scale)

    def read_range(self, d: Draft) -> None:
        """Ranges: "35 to 40 percent", "$2-3 million", "between 5 and 10"."""
        if d.value_max is not None and d.scale != 1:
            d.value_max = tidy(d.value_max * d.scale)
        elif d.value_max is not None:
            sm = self._scale_re.match(d.text, d.end)
            if sm:
                sc = self.scale_free[sm.group("s").lower()]
                d.value, d.value_max, d.end = tidy(d.value * sc), tidy(d.value_max * sc), sm.end()
        if d.value_max is None:
            rng = self._second_of_range(d.text, d.end, d.value, d.scale, d.between, d.unit_info,
                                        d.start)
            if rng:
                d.value, d.value_max, d.end = rng

    def read_unit(self, d: Draft) -> None:
        """A unit after the number or range ("40 percent", "5 km"); a currency word agrees
        with a currency sign before it ("$5 million dollars")."""
        um = self._unit_re.match(d.text, d.end)
        if not um:
            im = _INCH_AFTER_NUMBER.match(d.text, d.end) if d.unit_info is None else None
            if im and self.lexicon.units.get("inch"):
                d.unit_info, d.end = self.lexicon.units["inch"], im.end()
            return
        form = um.group("u")
        info = self._unit_info(form)
        if info is not None and info.unit == "pound" and d.scale >= 1_000_000 \
                and not OF_NP.match(d.text, um.end()):
            info = self.lexicon.prefixes.get("£", info)  # "361 million pounds": sterling
        if info is None or (d.words and form.lower() in self.numwords.value):
            return
        current = d.unit_info
        if current is None or (current.kind == "money" and info.kind == "money"
                               and info.unit not in ("cent", "pence")):
            if current is None or info.unit == current.unit or current.unit == "USD":
                d.unit_info = info if current is None or info.unit != "USD" else current
            d.end = um.end()

    def read_power(self, d: Draft) -> None:
        """A length unit raised to a power is an area or a volume: "4km^2", "3 m³",
        "2 km cubed" (where the table names that unit: "square kilometer")."""
        info = d.unit_info
        if info is None or info.dimension != "length":
            return
        pm = _POWER_AFTER.match(d.text, d.end)
        if not pm:
            return
        power = pm.group("n") or pm.group("w") or pm.group("w2")
        name = ("square " if power in ("2", "²", "squared") else "cubic ") + info.unit
        squared = self.lexicon.units.get(name)
        if squared is not None:
            d.unit_info = squared
            d.end = pm.end()

    def read_mixed_units(self, d: Draft) -> None:
        """ "5 feet 2 inches", "6 ft 1 in", "7 pounds and 4 ounces": a measure written in two
        units of one dimension, the second the smaller, is one value in the first."""
        first = d.unit_info
        if first is None or first.kind != "measure" or first.duration or d.value_max is not None:
            return
        m = _MIXED_NUMBER.match(d.text, d.end)
        if not m:
            return
        if first.unit == "foot" and _INCH_AFTER.match(d.text, m.end()):
            um = _INCH_AFTER.match(d.text, m.end())  # "in", a preposition elsewhere
            second = self.lexicon.units.get("inch")
        else:
            um = self._unit_re.match(d.text, m.end())
            second = self._unit_info(um.group("u")) if um and not um.group("sep").strip() else None
        if um is None or second is None or second.dimension != first.dimension or second.duration:
            return
        ratio = self.si.ratio(second.unit, first.unit)
        if ratio is not None and ratio < 1:
            d.value = float(f"{d.value + float(m.group('n')) * ratio:.12g}")
            d.end = um.end()

    def read_money_scale(self, d: Draft) -> None:
        """A scale word after a sum whose currency was read with it and no scale yet."""
        if d.unit_info is None or d.unit_info.kind != "money" or d.scale != 1:
            return
        sm = self._scale_re.match(d.text, d.end)
        if sm:
            d.scale = self.scale_free[sm.group("s").lower()]
            d.value = tidy(d.value * d.scale)
            d.end = sm.end()

    def read_minor_amount(self, d: Draft) -> None:
        """The smaller unit written after a whole one: the cents of a sum ("3 dollars 50
        cents", "15 dollars and 50", "thirteen dollars forty-five" are 3.5, 15.5 and 13.45
        dollars) and the minutes of hours ("2 hours 30 minutes" is 2.5 hours), one amount in
        the larger unit."""
        info = d.unit_info
        if info is None or d.scale != 1 or d.value_max is not None or d.between \
                or not isinstance(d.value, int) or d.end == d.num_end and d.start == d.num_start:
            return
        subunits = _MONEY_SUBUNIT if info.kind == "money" else _SUBUNITS.get(info.unit)
        if subunits is None or info.unit in _MINOR_UNITS:
            return
        written = self._unit_re.match(d.text, d.num_end)
        if written and (self._unit_info(written.group("u")) or info).unit != info.unit:
            return  # "rmb 10 usd 20": two sums
        gap = _MINOR_GAP.match(d.text, d.end)
        if gap is None:
            return
        minor = self._number_at(d.text, gap.end())
        if minor is None or not isinstance(minor[0], int) or not 0 < minor[0] < subunits[0] \
                or minor[1] - gap.end() > 2 and d.text[gap.end():minor[1]].isdigit():
            return
        end = minor[1]
        sub = _SUBUNIT_AFTER.match(d.text, end)
        if sub and sub.group("u").lower() in subunits[1]:
            end = sub.end()
        elif info.kind != "money" or not _CLAUSE_END.match(d.text, end):
            return  # "$5 and 10 workers", "6 feet 3 rows": two quantities
        # Cents are exact to two places; twelfths of a foot or sixtieths of an hour are kept
        # to the float's precision, since what is written ("2 in") is exact too.
        d.value = tidy(d.value + minor[0] / subunits[0], 2 if info.kind == "money" else 15)
        d.end = end

    def read_shared_unit(self, d: Draft) -> None:
        """ "a 12 and 19 percent rise": the first number takes the unit of the next one."""
        if d.unit_info is not None or d.value_max is not None:
            return
        co = _COORDINATION.match(d.text, d.end)
        if not co:
            return
        nxt = self._number_at(d.text, co.end())
        if nxt is None:
            return
        after = nxt[1]
        # "20 and 25 million rials": the scale is shared with the unit, only beside it.
        sm = self._scale_re.match(d.text, after) if d.scale == 1 and d.words is None \
            and co.group(0).strip() == "and" else None
        um = self._unit_re.match(d.text, sm.end() if sm else after)
        if um and not um.group("sep").strip():
            info = self._unit_info(um.group("u"))
            if info is not None and not info.duration:
                d.unit_info = info
                if sm:
                    d.scale = self.scale_free[sm.group("s").lower()]
                    d.value = tidy(d.value * d.scale)

    def read_compound(self, d: Draft) -> None:
        """ "a 7-member jury": a number without a unit hyphenated to a word."""
        if d.unit_info is not None:
            return
        cm = self._compound_re.match(d.text, d.end)
        if cm and not self.numwords.is_number_word(cm.group("w")):
            d.end = cm.end()
            d.compound = True

    def read_mega_code(self, d: Draft) -> None:
        """ "30 MUSD": a mega prefix glued to a currency code."""
        if d.unit_info is not None:
            return
        mm = _MEGA_CODE.match(d.text, d.end)
        if mm and mm.group("c") in self.lexicon.prefixes:
            d.unit_info = self.lexicon.prefixes[mm.group("c")]
            d.value = tidy(d.value * 1_000_000)
            d.end = mm.end()

    @staticmethod
    def apply_unit_scale(d: Draft) -> None:
        """A unit that is itself a multiple ("30 mcm", "12 bcm") scales the value into its
        unit."""
        info = d.unit_info
        if info is None or info.scale == 1:
            return
        d.value = tidy(d.value * info.scale)
        if d.value_max is not None:
            d.value_max = tidy(d.value_max * info.scale)
        d.scale *= info.scale

    def read_multiplier(self, d: Draft) -> None:
        """Multipliers: "3.5 times higher", "increased by four times"."""
        if d.unit_info is not None or d.compound or d.kind_hint is not None:
            return
        text = d.text
        tm = TIMES_AFTER.match(text, d.end)
        if tm and (_MULTIPLIER_AFTER.match(text, tm.end())
                   or (_BY_BEFORE.search(text[max(0, d.start - 4):d.start])
                       and self._change(text, d.start, d.end, "ratio") is not None)):
            d.end = tm.end()
            d.kind_hint = "times"

    def read_ratio(self, d: Draft) -> None:
        """Ratios: "4 out of every 5", "3 in 10" become the fraction they state."""
        if d.unit_info is not None or d.value_max is not None or d.compound \
                or d.kind_hint is not None:
            return
        rm = _RATIO.match(d.text, d.end)
        if not rm:
            return
        denom = self._number_at(d.text, rm.end())
        if denom is None:
            return
        d_value, d_end = denom
        if isinstance(d_value, int) and 1 < d_value <= 1000 and d.value < d_value \
                and not self._year_like(d.text[rm.end():d_end]) \
                and not self._unit_re.match(d.text, d_end) \
                or (d_value in (10, 100, 1000) and d.value < d_value):
            d.value = tidy(d.value / d_value, 4)
            d.end = d_end
            d.kind_hint = "fraction"
            d.unit_info = None

    @staticmethod
    def classify_kind(d: Draft) -> None:
        """The unit and kind: a fraction or multiplier is a ratio, else the unit's kind, else
        a count."""
        d.unit = d.unit_info.unit if d.unit_info else None
        if d.kind_hint == "fraction" and d.unit_info is None:
            d.unit, d.kind = "fraction", "ratio"
        elif d.kind_hint == "times":
            d.unit, d.kind = "times", "ratio"
        elif d.unit_info is not None and d.unit_info.duration:
            d.kind = "duration"
        else:
            d.kind = d.unit_info.kind if d.unit_info else "count"

    def read_rate(self, d: Draft) -> None:
        """Rates: "US$68 a barrel", "80 million cubic meters per day", "20,000 rials to the
        dollar"; the unit becomes "<unit> per <unit>"."""
        if d.unit_info is None or d.kind not in ("money", "measure", "duration"):
            return
        text = d.text
        rt = self._rate_re.match(text, d.end)
        if rt:
            per = self._word_or_symbol(rt.group("u")) \
                or self.lexicon.units.get(" ".join(rt.group("u").lower().split()))
            if per is not None and per.unit != d.unit and per.kind in ("measure", "money") \
                    and not _RATE_TIME_AFTER.match(text, rt.end()):
                d.unit = self._per(d.unit, per)
                d.end = rt.end()
            return
        if d.kind in ("money", "measure", "duration"):
            pn = _PER_NOUN.match(text, d.end)
            noun = pn.group("n").lower() if pn else ""
            if pn and noun not in _NOT_PER_NOUNS and not self.numwords.is_number_word(noun):
                d.unit = f"{d.unit} per {_PER_NOUN_UNITS.get(noun, noun)}"
                d.end = pn.end()
                return
        # "840 million cubic metres of gas a day": the rate follows what is measured.
        # The span stays on the amount, so the "of" phrase is still what it counts.
        ot = self._of_rate_re.match(text, d.end)
        if ot:
            per = self._word_or_symbol(ot.group("u"))
            if per is not None and per.duration and per.unit != d.unit \
                    and not _RATE_TIME_AFTER.match(text, ot.end()):
                d.unit = self._per(d.unit, per)

    @staticmethod
    def read_suffix_qualifier(d: Draft) -> None:
        """Qualifiers after the number: "one or more", "50,000-odd", "18 and over"."""
        sq = _SUFFIX_QUAL.match(d.text, d.end)
        if not sq:
            return
        if sq.group("lower") or sq.group("lower2"):
            d.bound = d.bound or "lower"
        elif sq.group("upper"):
            d.bound = d.bound or "upper"
        else:
            d.approximate = True
        d.end = sq.end()

    def excluded(self, d: Draft) -> bool:
        """Whether the whole phrase shows the number is no quantity: a ranking ("first to
        five"), a serial number, a number in a name or a date, a spelled-out "one" with
        nothing to count, a duration that names a reporting period."""
        text, start = d.text, d.start
        if _RANKING.search(text[max(0, start - 20):start]):
            return True
        has_unit = d.unit_info is not None or d.kind_hint in ("fraction", "times")
        if not has_unit and self._year_in_words(d):
            return True
        if not has_unit and (d.approximate or d.bound) and self._year_like(d.run):
            before = WORD.findall(text[max(0, start - 16):start])
            if before and before[-1].lower() in _YEAR_CONTEXT:
                return True  # "since about 1900", "by around 2030": a year
        if not has_unit and not d.compound:
            if d.run.isdigit() and len(d.run) >= 6 and d.scale == 1:
                return True  # "serial 98234701": news writes large counts with separators
            if self._is_name_number(text, start, d.num_start, d.words):
                return True
            if self._is_date_number(text, d.num_start, d.num_end, d.run, d.value, d.approximate,
                                    d.bound):
                return True
        if d.words is not None and not self._word_number_ok(d, has_unit):
            return True
        return self._is_period(d)

    def read_direction(self, d: Draft) -> None:
        """The change the phrase reports; a minus sign is a decrease for money and
        percentages, a negative value for anything else."""
        change = self._change(d.text, d.start, d.end, d.kind)
        if d.sign:
            if d.kind in ("percent", "percentage_point", "money"):
                change = change or "decrease"
            else:
                d.value = -d.value if isinstance(d.value, (int, float)) else d.value
        d.change = change

    # -- what the stages consult ----------------------------------------------------------

    def _per(self, unit: str | None, per: UnitInfo) -> str:
        joined = f"{unit} per {per.unit}"
        return self.lexicon.canonical.get(joined.lower(), joined)

    def _is_period(self, d: Draft) -> bool:
        """A bare duration that reads as a reporting period or a time ("in 9 months", "over
        the past 3 years", "a year ago"): a date's job."""
        info = d.unit_info
        if info is None or not info.duration:
            return False
        text = d.text
        hyphenated = self._hyphenated(text, d.num_end, d.end)
        if self._year_like(d.run) and not hyphenated:
            return True  # "the 2018 day of action": a year before a noun
        if not d.compound and not d.approximate and not d.bound and d.value_max is None:
            if not hyphenated and self._period_context(text, d.start, d.end):
                return True
        if (d.approximate or d.bound) and not hyphenated:
            qual_words = WORD.findall(text[d.start:d.num_start])
            if qual_words and qual_words[0].lower() in ("past", "over") \
                    and self._period_context(text, d.start, d.end):
                return True
        if d.words and d.words[0].lower() in ("a", "an", "one") and not hyphenated \
                and not (d.approximate or d.bound) and not OF_NP.match(text, d.end):
            return True  # "a year", "one month": a time; "a week of rain" is an amount
        return False

    def _unit_info(self, form: str) -> UnitInfo | None:
        return self.lexicon.symbols.get(form) or self.symbols_after.get(form) \
            or self.lexicon.words.get(" ".join(form.lower().split()))

    def _currency_after(self, text: str, pos: int) -> bool:
        um = self._unit_re.match(text, pos)
        if not um:
            return False
        info = self._word_or_symbol(um.group("u"))
        return info is not None and info.kind == "money"

    def _number_at(self, text: str, pos: int) -> tuple[Any, int] | None:
        m = DIGIT_RUN.match(text, pos)
        if m:
            run = m.group(0).rstrip(TRAILING)
            v = parse_digits(run)
            return (v, pos + len(run)) if v is not None else None
        m = self._words_re.match(text, pos)
        if m:
            v = self.numwords.parse([w for w in re.split(r"[\s-]+", m.group(0)) if w])
            if v is not None:
                return v, m.end()
        return None

    def _word_or_symbol(self, form: str) -> UnitInfo | None:
        return self.lexicon.words.get(" ".join(form.lower().split())) or self.lexicon.symbols.get(form)

    def _second_of_range(self, text: str, e: int, value: Any, scale: Any, between: bool,
                         unit_info: UnitInfo | None, start: int) -> tuple[Any, Any, int] | None:
        """The upper end of a range starting with the number that ends at ``e``: (value
        rescaled, upper value, end); None when what follows is no range."""
        m = self._range_re.match(text, e)
        if not m:
            return None
        sep = m.group("sep").lower()
        if sep == "and" and not between:
            return None
        if sep in ("to", "through", "till"):
            before = WORD.findall(text[max(0, start - 16):start])
            if before and before[-1].lower() == "from":
                return None  # "from 5 to 10": two values
        pos = m.end()
        cur = None
        pm = self._prefix_re.match(text, pos)
        if pm:
            cur = pm.group(0)
            if unit_info is None or self.lexicon.prefixes[cur].unit != unit_info.unit:
                return None
            pos = pm.end()
            if text[pos:pos + 1] == " ":
                pos += 1
        num = self._number_at(text, pos)
        if num is None:
            return None
        v2, e2 = num
        if self._year_like(text[pos:e2]) and scale == 1:
            return None
        sm = self._scale_re.match(text, e2)
        if sm:
            sc2 = self.scale_free[sm.group("s").lower()]
            v2, e2 = tidy(v2 * sc2), sm.end()
            if scale == 1:
                value = tidy(value * sc2)
        elif scale != 1:
            v2 = tidy(v2 * scale)
        if not (isinstance(v2, (int, float)) and v2 > value):
            return None
        # A unit after the first number and a different one (or none) after the second: two
        # quantities, not a range ("rose 3.1% to $7.42 billion").
        if unit_info is not None and cur is None:
            um = self._unit_re.match(text, e2)
            if not um:
                return None
            info2 = self._word_or_symbol(um.group("u"))
            if info2 is None or info2.unit != unit_info.unit:
                return None
        return value, v2, e2

    def _hyphenated(self, text: str, num_end: int, e: int) -> bool:
        return "-" in text[num_end:e][:2]

    def _period_context(self, text: str, start: int, e: int) -> bool:
        """Whether a bare duration ("9 months") reads as a reporting period, a date's job."""
        before = WORD.findall(text[max(0, start - 24):start])
        if before and before[-1].lower() in _PERIOD_WORDS | {"the", "a"}:
            return True
        after = WORD.match(text, e + 1) if text[e:e + 1] == " " else None
        # "three years ago" dates the event from the time of writing; "four days later"
        # measures the time between two events, a quantity.
        if after and after.group(0).lower() == "ago":
            return True
        return bool(before) and before[-1].lower() in ("one",)

    def _is_name_number(self, text: str, start: int, num_start: int, words) -> bool:
        """A number naming something: "Article 5", "Group of 20", "Attribution 4.0"."""
        left = text[max(0, start - 30):start]
        if not left or left[-1:] not in (" ", "\u00a0"):
            return False
        m = re.search(r"([^\W\d_][\w.&'’-]*)(\s+of)?\s+$", left)
        if m is None:
            return False
        w = m.group(1)
        if w.endswith(("'s", "’s")) and not text[num_start:num_start + 1].isupper():
            return False  # "the agency's 212 clinics": an owner ("Marx's Four Theses" a title)
        if m.group(2):
            return w[:1].isupper() and not w.isupper() or w.isupper() and len(w) > 1
        if w.lower() in self.name_heads or w.lower().rstrip(".") in self.name_heads:
            return True
        if not w[:1].isupper():
            return False
        if w.lower() in self.qualifiers or w.lower() in self.stop_words or w.lower() in _MONTHS \
                or w.lower().rstrip(".") in _MONTHS or w.lower() in self.change:
            return False
        # A capitalised word that starts a sentence is not a name head.
        before = text[max(0, start - 30):start - len(m.group(0))].rstrip()
        if not before or before[-1:] in ".!?:;\"“”'‘’\n([-–—":
            return False
        return True

    def _is_date_number(self, text, s, e, run, value, approximate, bound) -> bool:
        if words_like_year := (len(run) == 4 and run.isdigit()):
            v = int(run)
            before = WORD.findall(text[max(0, s - 20):s])
            prev = before[-1].lower() if before else ""
            if 1900 <= v <= 2100 and not (approximate or bound):
                return True
            if 1300 <= v < 1900 and prev in _YEAR_CONTEXT:
                return True
        _ = words_like_year
        if run.isdigit() and len(run) <= 2 and 0 < int(run) <= 31:
            if _MONTH_BEFORE.search(text[max(0, s - 12):s]) or _MONTH_AFTER.match(text, e):
                return True
        if len(run) == 4 and run.isdigit() and _MONTH_BEFORE.search(text[max(0, s - 20):s]):
            return True
        return False

    @staticmethod
    def _year_in_words(d: Draft) -> bool:
        """ "twenty-fifty", "nineteen-eighty": two number words hyphenated, the second a
        round ten, read a year, not the range 20 to 50."""
        return d.words is not None and d.value_max is not None \
            and isinstance(d.value, int) and 11 <= d.value <= 99 \
            and d.value_max in (20, 30, 40, 50, 60, 70, 80, 90) \
            and d.text[d.num_end:d.num_end + 1] in ("-", "‐")

    @staticmethod
    def _word_number_ok(d: Draft, has_unit: bool) -> bool:
        lowered = [w.lower() for w in d.words or () if w.lower() not in ("a", "an", "and")]
        if not lowered:  # "about an hour", "a week of rain"
            return has_unit and (d.approximate or d.bound is not None
                                 or OF_NP.match(d.text, d.end) is not None)
        if lowered == ["one"] or lowered == ["zero"]:
            # "one of", "no one", "one day": a count only with a unit, a qualifier or
            # "or more". A partitive "one of the towns" names a member, not a number, unless
            # it is set against the rest: "all but one of", "only one of", "exactly one of".
            if has_unit and not d.compound:
                return True
            if _PARTITIVE_OF.match(d.text, d.end) \
                    and _COUNTED_AGAINST.search(d.text, max(0, d.start - 12), d.start):
                return True
            return d.approximate or d.bound is not None
        return True

    def _change(self, text: str, start: int, end: int, kind: str) -> str | None:
        am = CHANGE_NOUN_AFTER.match(text, end)
        if am and kind in ("percent", "percentage_point", "money", "measure", "duration"):
            return self.change.get(am.group("w").lower())
        before = WORD.findall(text[max(0, start - 40):start])
        if len(before) >= 2 and before[-1].lower() == "of" and before[-2].lower() in self.change \
                and before[-2].lower() not in ("up", "down", "higher", "lower"):
            return self.change[before[-2].lower()]  # "an increase of 5%", "a rise of"
        for w in reversed(before[-3:]):
            lw = w.lower().rstrip(".")
            if lw in ("to", "from", "at", "of", "than", "reach", "reached", "hit", "total", "totaled"):
                return None
            if lw in self.change:
                if kind == "count" and lw in ("up", "down", "lower", "higher"):
                    return None
                return self.change[lw]
            if lw not in ("by", "a", "an", "the", "some", "only", "just", "nearly", "about",
                          "around", "almost", "roughly", "approximately", "over", "more",
                          "than", "least", "at", "record", "further", "another", "sharp",
                          "sharply", "significant", "massive", "steep", "slight"):
                return None
        return None

    @staticmethod
    def _year_like(run: str) -> bool:
        return len(run) == 4 and run.isdigit() and 1800 <= int(run) <= 2100
