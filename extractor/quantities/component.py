"""``facts_quantities``: counts, percentages, money and measures, normalised.

The component scans ``doc.text`` from number to number (digit runs found by one regex, number
words found through the token array), reads the words around each number with anchored
regexes (qualifier and currency before it; scale, range, unit and rate after it) and writes
one span per quantity to ``doc.spans["facts_quantities"]`` with its payload on
``Span._.facts_quantity`` (see :mod:`extractor.extensions`). Work is proportional to the
length of the text: every regex is anchored at a number or runs once over the text.

Numbers that are not quantities are skipped: dates and years, clock times, ordinals, phone
numbers, version numbers and codes ("COVID-19", "A350", "12-72-34"), numbers in names
("Article 5", "Group of 20", "Attribution 4.0"), list markers, and anything inside a date
span, an entity mention or boilerplate.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any, Iterator

import srsly
from spacy.attrs import DEP, IDX, LENGTH, LOWER
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from .. import resources
from ..extensions import BOILERPLATE, DATES, ENTITIES, QUANTITIES, doc_text, ensure_extensions
from ..normalize.numbers import VULGAR_FRACTIONS, NumberWords, parse_digits, tidy
from ..normalize.units import UnitLexicon, alternation
from ..payloads import QuantityPayload
from .assemble import Assembler
from .draft import Draft
from .patterns import CHANGE_NOUN_AFTER, DIGIT_RUN, OF_NP, TIMES_AFTER, TRAILING, WORD

META_SPANS = "facts_meta"

# name -> (default resource file, format)
TABLES = {
    "units": ("quantities/units.jsonl", "jsonl"),
    "currencies": ("quantities/currencies.jsonl", "jsonl"),
    "currency_exclusions": ("quantities/currency_exclusions.txt", "txt"),
    "number_words": ("quantities/number_words.jsonl", "jsonl"),
    "scales": ("quantities/scales.jsonl", "jsonl"),
    "qualifiers": ("quantities/qualifiers.jsonl", "jsonl"),
    "change_words": ("quantities/change_words.jsonl", "jsonl"),
    "np_stop_words": ("quantities/np_stop_words.txt", "txt"),
    "name_heads": ("quantities/name_heads.txt", "txt"),
    "period_nouns": ("quantities/period_nouns.txt", "txt"),
    "link_verbs": ("quantities/link_verbs.txt", "txt"),
}

_VF = "".join(VULGAR_FRACTIONS)
_SPACE_THOUSANDS = re.compile(r" (\d{3})(?![\d,.]?\d)")
_MIXED_FRACTION = re.compile(r" (\d{1,2}/\d{1,2}|[" + _VF + r"])(?!\d)")
_TIME_AFTER = re.compile(r"\s?(?:[aApP]\.?\s?[mM]\b\.?|o'clock\b|hrs\b|GMT\b|UTC\b)")
_TIME_RUN = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_NP_WORD = re.compile(r"[ \t]*([^\W\d_][\w]*(?:['’]s)?(?:-[\w]+)*)")
_IN_NP = re.compile(r"\s+in\s+(?=[^\W\d_])")
_SHARED_GAP = re.compile(
    r"(?P<same>\s*,\s*or\s+|\s*[(\[]\s*|\s*/\s*)|\s*,?\s+(?:worth|valued\s+at)\s+|\s*,?\s+(?:to|from)\s+|\s*,\s*(?:(?:up|down)\s+)?")
_PRONOUN_NUMBER_BEFORE = frozenset(
    "in into the these those all other both its his her their our my your by".split())
_BY_AFTER = re.compile(r"\s+by\s+(?i:one|two|three|four|five|six|seven|eight|nine|ten)\b")
_DIMENSIONS = frozenset("high tall long wide deep thick old across away apart".split())
_FOR_NP = re.compile(r"\s+for\s+(?=[^\W\d_])")
_OF_NUMBER = re.compile(r"\s+of\s+(?:the\s+)?(?=\d|[a-z])")
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
# Determiners and time adjectives opening the noun of a prepositional phrase.
_PP_FILLERS = _DETERMINERS | frozenset(
    "same first last past current previous next whole entire such".split())
# Prepositions inside a subject noun phrase ("trade turnover BETWEEN Russia and Iran").
_NP_PREPS = frozenset("of in to between for from on at among with during".split())
_IRREGULAR_PLURALS = frozenset(
    "people men women children police personnel staff cattle feet teeth mice geese data "
    "media militants".split())
# Nouns ending in "-ed" that are not past tenses.
_ED_NOUNS = frozenset("speed breed greed creed steed hundred embed seabed sled".split())


def _plural(lw: str) -> bool:
    """Whether a lower-case word looks like a plural noun (or a verb in the third person)."""
    return lw in _IRREGULAR_PLURALS or (
        len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s")))


def _past_tense(lw: str) -> bool:
    return len(lw) > 4 and lw.endswith("ed") and "-" not in lw and lw not in _ED_NOUNS
_NP_BACK = re.compile(r"[^\W\d_][\w'’-]*")
_CONTENT_AFTER = re.compile(r"[ \t]+(?!(?:in|on|at|for|to|from|by|and|or|with|after|before|than|as|of|a|an|the|this|that|last|next|is|are|was|were)\b)[a-z]")
_CONTEXT_CHARS = 400


def _reverse_alternation(forms) -> str:
    return alternation(f[::-1] for f in forms)


# The look-behind starts a mail address only where its run of characters starts, so a long
# run without "@" is scanned once, not once per position.
_ADDRESS = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”]+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")


class QuantityRecognizer(Assembler):
    """Finds quantities in a Doc without a trained model (and better with one)."""

    def __init__(self, nlp: Language, name: str = "facts_quantities", *,
                 tables: dict[str, str] | None = None, counted: bool = True) -> None:
        self.name = name
        self.counted_enabled = counted
        self.table_files = {k: (tables or {}).get(k) or v[0] for k, v in TABLES.items()}
        self.strings = nlp.vocab.strings
        self._load({k: self._read_table(k, f) for k, f in self.table_files.items()})
        ensure_extensions()

    # -- data ---------------------------------------------------------------------------------

    @staticmethod
    def _read_table(key: str, name: str | Path) -> Any:
        fmt = TABLES[key][1]
        if fmt == "jsonl":
            return list(resources.read_jsonl(name))
        p = Path(name)
        if not p.is_absolute() and not p.exists():
            p = resources.path(str(name))
        return [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.lstrip().startswith("#")]

    def _load(self, data: dict[str, Any]) -> None:
        self._data = data
        self.lexicon = UnitLexicon(data["units"], data["currencies"], data["currency_exclusions"])
        self.numwords = NumberWords(data["number_words"])
        self.stop_words = frozenset(w.lower() for w in data["np_stop_words"])
        self.name_heads = frozenset(w.lower() for w in data["name_heads"])
        self.change = {r["word"].lower(): r["change"] for r in data["change_words"]}
        self.qualifiers = {r["phrase"].lower(): r for r in data["qualifiers"]}
        self.period_nouns = frozenset(w.lower() for w in data["period_nouns"])
        links = [w.lower().split() for w in data["link_verbs"]]
        self.link_verbs = frozenset(w[-1] for w in links if len(w) == 1)
        self.link_aux = frozenset(w[-1] for w in links if len(w) == 2 and w[0] == "aux")
        self._compile(data)

    def _compile(self, data: dict[str, Any]) -> None:
        lex = self.lexicon
        scales = data["scales"]
        self.scale_free = {s["form"].lower(): s["value"] for s in scales
                           if not s.get("attached_only")}
        self.scale_glued = {}
        for s in scales:
            key = s["form"] if s.get("case_sensitive") else s["form"].lower()
            self.scale_glued[key] = (s["value"], bool(s.get("money_only")),
                                     bool(s.get("case_sensitive")))
        self._scale_re = re.compile(
            r"(?:\s|-)?(?P<s>(?i:" + alternation(self.scale_free) + r"))(?![^\W\d_])"
        )
        # Units after a number: words in any case, symbols exactly (one-letter capitals glued
        # only: "5 V" is rarer than "Plan 5 V..." noise).
        spaced_symbols = [s for s in lex.symbols if not (len(s) == 1 and s.isalpha() and s.isupper())]
        # Currency signs also follow the amount in some styles ("10 €", "100 ₡").
        self.symbols_after = {p: i for p, i in lex.prefixes.items()
                              if not any(c.isalpha() for c in p) and p not in lex.symbols}
        spaced_symbols += list(self.symbols_after)
        unit_alt = (r"(?i:" + alternation(lex.words) + r")|(?:" + alternation(spaced_symbols) + ")")
        self._unit_re = re.compile(
            r"(?P<sep>\s?-\s?|\s|[ ]?(?P<open>[(\[{<])|)(?P<u>" + unit_alt + r")(?(open)(?P<close>[)\]}>]))"
            r"(?![^\W\d_])"
        )
        self._compound_re = re.compile(r"-(?P<w>[a-z][a-z]+)(?![\w-]*\d)")
        per_forms = [w for w, i in lex.words.items()] + list(lex.symbols)
        self._rate_re = re.compile(
            r"(?:\s?/\s?|\s+(?:per|a|an|each|every)\s+|\s+(?:to|against)\s+(?:the|one|each|a)\s+)"
            r"(?P<u>(?i:" + alternation(lex.words) + r")|(?:" + alternation(per_forms) + r"))"
            r"(?![^\W\d_])"
        )
        self._per_only_re = re.compile(r"(?:\s?/\s?|\s+per\s+)")
        durations = [w for w, i in lex.words.items() if i.duration]
        self._of_rate_re = re.compile(
            r"\s+of\s+(?:[^\W\d_][\w'’-]*[ \t]+){0,2}?[^\W\d_][\w'’-]*"
            r"(?:\s?/\s?|\s+(?:per|a|an|each|every)\s+)"
            r"(?P<u>(?i:" + alternation(durations) + r"))(?![^\W\d_])"
        )
        # Before a number, read right to left on the reversed text: sign, currency prefix,
        # "magnitude", qualifier, "between".
        prefixes = list(lex.prefixes)
        quals = [q for q, r in self.qualifiers.items() if not r.get("range")]
        self._left_re = re.compile(
            r"(?P<sign>[-−](?=\s|$|[(\[])|(?i:sunim|evitagen)\s+)?"
            r"(?:\s?(?P<cur>" + _reverse_alternation(prefixes) + r")(?![^\W\d_]))?"
            r"(?:\s*(?P<mag>(?i:(?:fo\s+)?edutingam))(?![^\W\d_]))?"
            r"(?:\s+(?P<a>(?i:na|a))(?![^\W\d_]))?"
            r"(?:\s*(?P<qual>(?i:" + _reverse_alternation(quals) + r"))(?![^\W\d_]))?"
            r"(?:\s+(?P<between>(?i:neewteb))(?![^\W\d_]))?"
        )
        self._prefix_re = re.compile("(?:" + alternation(prefixes) + r")(?=\s?\d)")
        self._range_re = re.compile(r"\s*(?P<sep>[-–—]|(?i:to|and|through|till))\s*")
        nw = self.numwords
        word_alt = alternation(nw.value)
        self._words_re = re.compile(
            r"(?i:(?:(?:a|an)[ \t]+(?=(?:" + word_alt + r")\b))?(?:" + word_alt + r")"
            r"(?:(?:[ \t]+and[ \t]+(?:a[ \t]+)?|[ \t]+|-|[ \t]+a[ \t]+(?=(?:" + alternation(nw.words_of("scale")) + r")\b))"
            r"(?:" + word_alt + r")){0,12})(?![^\W\d_])"
        )
        self._word_hash_set = frozenset(
            [self.strings.add(w) for w in nw.value]
            + [self.strings.add(w) for w in ("hour", "month", "year", "week", "day", "minute")])

    # -- the component ------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        try:
            found = list(self._find(doc))
        except RecursionError:  # pragma: no cover - defensive: never fail a document
            found = []
        spans = []
        for start, end, payload in found:
            span = doc.char_span(start, end) or doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            span._.facts_quantity = payload
            spans.append(span)
        doc.spans[QUANTITIES] = spans
        return doc

    def _blocked_intervals(self, doc: Doc) -> tuple[list[int], list[int]]:
        ranges: list[tuple[int, int]] = []
        for key in (DATES, ENTITIES, BOILERPLATE, META_SPANS):
            if key in doc.spans:
                ranges.extend((s.start_char, s.end_char) for s in doc.spans[key])
        # Numbers inside web addresses and e-mail addresses are parts of identifiers.
        ranges.extend(m.span() for m in _ADDRESS.finditer(doc_text(doc)))
        ranges.sort()
        starts: list[int] = []
        ends: list[int] = []
        for s, e in ranges:  # merge, so that a bisect finds the one that may contain a point
            if starts and s <= ends[-1]:
                ends[-1] = max(ends[-1], e)
            else:
                starts.append(s)
                ends.append(e)
        return starts, ends

    @staticmethod
    def _blocked(starts: list[int], ends: list[int], s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and ends[i] > s:
            return True
        j = bisect.bisect_left(starts, s)
        return j < len(starts) and starts[j] < e

    def _anchors(self, doc: Doc, text: str) -> list[tuple[int, int, str]]:
        anchors = [(m.start(), m.end(), "d") for m in DIGIT_RUN.finditer(text)]
        if len(doc):
            words = self._word_hash_set
            lowers = doc.to_array([LOWER]).tolist()
            hits = [i for i, h in enumerate(lowers) if h in words]
            if hits:
                table = doc.to_array([IDX, LENGTH])
                for start, length in table[hits].tolist():
                    anchors.append((start, start + length, "w"))
        anchors.sort()
        return anchors

    def _find(self, doc: Doc) -> Iterator[tuple[int, int, QuantityPayload]]:
        text = doc_text(doc)
        starts, ends = self._blocked_intervals(doc)
        # Doc.has_annotation walks Token objects; the array answers the same in C.
        parse = len(doc) > 0 and bool(doc.to_array([DEP]).any())
        consumed = 0
        recent: dict[str, Draft] = {}
        prev: tuple[int, tuple[int, int] | None, str | None] | None = None
        for s, e, how in self._anchors(doc, text):
            if s < consumed:
                continue
            q = self._read_digits(text, s, e) if how == "d" else self._read_words(doc, text, s, e)
            if q is None:
                continue
            if self._blocked(starts, ends, q.num_start, q.num_end):
                continue
            consumed = q.end
            self._from_context(text, q, recent)
            if q.unit is not None:
                recent[q.kind if q.unit != "magnitude" else "magnitude"] = q
            if self.counted_enabled:
                counted = self._counted(doc, text, q, parse)
            else:
                counted = None
            if how == "w" and counted is None and self._bare_word_number(text, q):
                continue
            if prev is not None:
                # "fell 81 cents, or 2.4%", "10 km (6 miles)", "5 tons of tea worth $9":
                # one fact in two figures shares what it counts and its direction.
                gap = _SHARED_GAP.fullmatch(text, prev[0], q.start)
                if gap:
                    counted = counted or prev[1]
                    if gap.group("same") is not None:
                        q.change = q.change or prev[2]
            prev = (max(q.end, counted[1] if counted else 0), counted, q.change)
            yield q.start, q.end, q.payload(counted)

    def _bare_word_number(self, text: str, q: Draft) -> bool:
        """A spelled-out number with nothing to count and no unit is a pronoun or an idiom
        ("split in two", "the two met", "one by one"), not a fact."""
        if q.unit is not None or q.approximate or q.bound or q.compound \
                or q.value_max is not None:
            return False
        before = WORD.findall(text[max(0, q.start - 16):q.start])
        prev = before[-1].lower() if before else ""
        return prev in _PRONOUN_NUMBER_BEFORE or _BY_AFTER.match(text, q.end) is not None

    @staticmethod
    def _from_context(text: str, q: Draft, recent: dict[str, Draft]) -> None:
        """Units news leaves to the context: "2.746 bln" after dollar figures, "$71.20" after
        "US$68 a barrel", "a 5.2 aftershock" after "magnitude 6.4"."""
        def near(kind: str, span: int = _CONTEXT_CHARS) -> Draft | None:
            prev = recent.get(kind)
            return prev if prev and q.start - prev.end <= span else None

        if q.unit is None and q.kind == "count":
            money = near("money")
            if money and q.scaled and not _CONTENT_AFTER.match(text, q.end):
                q.unit, q.kind = (money.unit or "").split(" per ")[0], "money"
                return
            quake = near("magnitude", 2 * _CONTEXT_CHARS)
            if quake and isinstance(q.value, float) and 0 < q.value < 10 \
                    and re.match(r"\s+(?:aftershock|quake|earthquake|tremor)", text[q.end:q.end + 20]):
                q.unit, q.kind = "magnitude", "measure"
            return
        if q.kind == "money" and q.unit and " per " not in q.unit:
            money = near("money")
            if money and money.unit and money.unit.startswith(q.unit + " per "):
                q.unit = money.unit

    # -- reading one number -------------------------------------------------------------------

    def _read_digits(self, text: str, s: int, e: int) -> Draft | None:
        run = text[s:e]
        if run in VULGAR_FRACTIONS:
            return self.assemble(text, s, e, VULGAR_FRACTIONS[run], kind_hint="fraction")
        stripped = run.rstrip(TRAILING)
        e = s + len(stripped)
        run = stripped
        if not run:
            return None
        if ":" in run:
            return None  # clock time, score, ratio or code
        before = text[s - 1] if s else ""
        # Letters glued before the digits make a code ("A350", "CB12"), unless they are a
        # currency written before the amount ("USD115").
        if before.isalpha():
            j = s - 1
            while j > 0 and text[j - 1].isalpha() and s - j < 8:
                j -= 1
            if text[j:s] not in self.lexicon.prefixes:
                return None
        if before and before in "#№":
            return None
        if before and before in "-‐" and s >= 2 and text[s - 2].isalpha():
            j = s - 2
            while j > 0 and text[j - 1].isalpha() and s - j < 16:
                j -= 1
            if any(c.isupper() for c in text[j:s - 1]):
                return None  # "COVID-19", "F-35", "EF-4"
        if run.count("-") + run.count("/") + run.count("‐") > 1:
            return None  # code, phone number or date ("12-72-34", "3/20/2019")
        value_max = None
        if "-" in run:
            left, _, right = run.partition("-")
            a, b = parse_digits(left), parse_digits(right)
            if a is None or b is None:
                return None
            if self._year_like(left) or (len(left) == 3 and len(right) == 4):
                return None  # "2019-20" is a period, "555-1234" a phone number
            if not b > a:
                return None  # a score or a code
            value, value_max = a, b
        elif "/" in run:
            num, _, den = run.partition("/")
            if not (len(num) <= 2 and len(den) <= 3 and num.isdigit() and den.isdigit()
                    and 0 < int(num) < int(den)):
                return None  # a date or a code
            value = parse_digits(run)
        else:
            if run.count(".") > 1 or (run.count(".") == 1 and "," not in run
                                      and re.search(r"\.\d{4,}$", run) is None
                                      and False):
                return None
            value = parse_digits(run)
            if value is None:
                return None
            m = _SPACE_THOUSANDS.match(text, e)
            if m and run.isdigit() and len(run) <= 3 and (s == 0 or not text[s - 1].isdigit()):
                value = int(run + m.group(1))
                e = m.end()
                run = text[s:e]
        if value is None:
            return None
        # A mixed number: "10 1/2 miles".
        if isinstance(value, int) and value_max is None:
            m = _MIXED_FRACTION.match(text, e)
            if m:
                frac = parse_digits(m.group(1))
                if frac is not None and 0 < frac < 1:
                    value = tidy(value + frac, 4)
                    e = m.end()
        # List markers: "1. Economy", "2) Trade", "(3)", "[4]".
        j = s
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if (j == 0 or text[j - 1] == "\n") and text[e:e + 1] in (".", ")") \
                and text[e + 1:e + 2] in (" ", "\t"):
            return None
        if before and before in "([" and text[e:e + 1] and text[e:e + 1] in ")]" and "." not in run and len(run) <= 3:
            return None
        if _TIME_AFTER.match(text, e):
            return None
        return self.assemble(text, s, e, value, value_max=value_max, run=run)

    def _read_words(self, doc: Doc, text: str, s: int, e: int) -> Draft | None:
        m = self._words_re.match(text, s)
        if m is None:
            tok_lower = text[s:e].lower()
            if tok_lower in ("hour", "month", "year", "week", "day", "minute"):
                return self._read_article_unit(text, s, e)
            return None
        words = [w for w in re.split(r"[\s-]+", m.group(0)) if w]
        # a leading "a"/"an" belongs to the number only before a scale, fraction or dozen
        value = self.numwords.parse(words)
        if value is None:
            # "two three" -> read just the first number
            first = words[0]
            value = self.numwords.parse([first])
            if value is None:
                return None
            e = s + len(first)
            words = [first]
        else:
            e = m.end()
        # A leading article ("a third", "a dozen", "a million") to the left.
        left = text[max(0, s - 4):s]
        am = re.search(r"(?i)\b(an?)\s+$", left)
        kinds = [self.numwords.kind.get(w.lower()) for w in words if w.lower() in self.numwords.kind]
        if am and kinds and kinds[0] in ("scale", "fraction", "dozen"):
            s = s - len(left) + am.start(1)
            words = ["a"] + words
            value = self.numwords.parse(words)
            if value is None:
                return None
        if kinds and kinds[0] in ("scale",) and words[0].lower() not in ("a", "an"):
            return None  # "million" alone: "millions of" is vague, and a bare scale is not a count
        if kinds and kinds[-1] == "fraction":
            lone = len([k for k in kinds if k]) == 1 and words[0].lower() not in ("a", "an")
            w0 = words[-1].lower()
            if lone and w0 != "half" and not w0.endswith("s"):
                return None  # "third", "fourth": ordinals
            before_words = WORD.findall(text[max(0, s - 20):s])
            prev = before_words[-1].lower() if before_words else ""
            if prev in ("first", "second", "third", "last", "latter", "former", "the", "other",
                        "this", "that", "each"):
                return None  # "the second half", "the first quarter"
            return self.assemble(text, s, e, value, kind_hint="fraction", words=words)
        return self.assemble(text, s, e, value, words=words)

    def _read_article_unit(self, text: str, s: int, e: int) -> Draft | None:
        """ "about an hour", "less than a month": a qualified "a"/"an" before a time unit."""
        left = text[max(0, s - 40):s]
        m = self._left_re.match(left[::-1])
        if not m or not m.group("a") or not m.group("qual"):
            return None
        a_start = s - m.end("a")
        return self.assemble(text, a_start, a_start + len(m.group("a")), 1, words=["a"])

    # -- around the number --------------------------------------------------------------------

    # -- what the number counts ---------------------------------------------------------------

    def _counted(self, doc: Doc, text: str, q: Draft, parse: bool) -> tuple[int, int] | None:
        """The noun phrase a quantity counts, found in this order: the noun after a count
        ("1700 idle fishing boats", "14 of 44 economists"); the "of" phrase of a
        measure, sum or share ("tons of goods", "18 percent of the farms"); what a sum is spent
        on ("$2 million in grants"); a noun the quantity modifies ("a 30% jump", "a $48
        million contract"); the noun it is the size of ("a depth of 8 km", "an increase of
        5%"); else the subject of a change or linking verb before it ("Rail fares increased
        6.4 percent", "Exports stood at 10 million tons")."""
        end = q.end
        kind = q.kind
        if q.unit == "times":  # "Prices were 3.5 times higher": what grew, not "higher"
            words = self._words_before(text, q.start, 200)
            return self._noun_of_before(text, q.start, words) \
                or self._subject_before(text, q.start, words)
        if kind == "count":
            if TIMES_AFTER.match(text, end):
                return None  # "six times higher": a multiplier
            # A count that is itself an item of a list ("two schools, two stations, roads
            # and homes") counts only its own noun; one that opens it may count the list.
            in_list = text[max(0, q.start - 3):q.start].rstrip().endswith(",")
            number = "singular" if q.value == 1 else "plural" if in_list else "plural list"
            after = self._np(doc, text, end, parse, number)
            if after is not None:
                return after
            m = _OF_NUMBER.match(text, end)
            if m:
                nxt = self._number_at(text, m.end())
                if nxt is not None:
                    return self._np(doc, text, nxt[1], parse, "plural")
            m = OF_NP.match(text, end)
            if m:
                return self._np(doc, text, m.end(), parse, None)
            words = self._words_before(text, q.start, 200)
            return self._noun_of_before(text, q.start, words) \
                or self._subject_before(text, q.start, words)
        m = OF_NP.match(text, end)
        if m:
            return self._np(doc, text, m.end(), parse, None)
        if kind in ("percent", "percentage_point"):
            am = CHANGE_NOUN_AFTER.match(text, end)
            if am:
                return am.start("w"), am.end("w")
        if kind == "money":
            m = _IN_NP.match(text, end) or _FOR_NP.match(text, end)
            if m:
                span = self._np(doc, text, m.end(), parse, None)
                if span is not None and self._spent_on(text, span):
                    return span
        after = self._np(doc, text, end, parse, "singular") if text[end:end + 1] == " " else None
        if after is not None and text[after[0]:after[1]].split()[0].lower() in _DIMENSIONS:
            after = None  # "a wave one foot high", "a dam 90 meters long"
        if after is not None and (q.compound or "-" in text[q.num_end:end][:2]
                                  or kind != "percent"):
            return after
        words = self._words_before(text, q.start, 200)
        return self._noun_of_before(text, q.start, words) \
            or self._subject_before(text, q.start, words) \
            or self._object_before(text, q.start, words) or self._paren_np_before(text, q) or after

    def _object_before(self, text: str, start: int, words) -> tuple[int, int] | None:
        """The object a verb brings to a quantity: "raised its stake to 20 percent",
        "bringing the total to $22 million"."""
        i = len(words) - 2
        if i < 1 or words[-1][2].lower() != "to" or not self._joined(text, words, i + 1, start) \
                or not self._joined(text, words, i, start):
            return None
        first = self._np_back(text, words, i, start)
        if first > i or first == 0 or words[first - 1][2].lower() not in _DETERMINERS - {"a", "an"} \
                or not self._joined(text, words, first - 1, start):
            return None
        return words[first][0], words[i][1]

    def _paren_np_before(self, text: str, q: Draft) -> tuple[int, int] | None:
        """A figure in brackets after a noun phrase: "higher prices for bread (9.6 percent)"."""
        start = q.start
        if text[start - 1:start] != "(" or text[q.end:q.end + 1] != ")":
            return None
        words = self._words_before(text, start - 1, 100)
        if not words or text[words[-1][1]:start - 1].strip():
            return None
        i = len(words) - 1
        first = self._np_back(text, words, i, start - 1)
        if first > i or words[i][2].lower() in self.period_nouns \
                or text[max(0, words[first][0] - 2):words[first][0]].strip()[-1:].isdigit():
            return None  # "5 miles (8 km)", "last year (3 tons)": a figure restated
        while first >= 2 and words[first - 1][2].lower() in _NP_PREPS \
                and self._joined(text, words, first - 1, start) \
                and self._joined(text, words, first - 2, start):
            head = self._np_back(text, words, first - 2, start)
            if head > first - 2:
                break
            first = head
        return words[first][0], words[i][1]

    def _spent_on(self, text: str, span: tuple[int, int]) -> bool:
        """Whether the "in" phrase after a sum names what it is made of ("$2 million in
        grants", "$5 in Mitigation funds") rather than a time or a place ("$33 in afternoon
        trading", "$10 in New York")."""
        words = [w.lower() for w in _NP_BACK.findall(text, span[0], span[1])]
        if not words or any(w in self.period_nouns for w in words):
            return False
        last = _NP_BACK.findall(text, span[0], span[1])[-1]
        return not last[:1].isupper()

    def _np_word(self, w: str) -> bool:
        lw = w.lower()
        return not (lw in self.stop_words or lw in self.change
                    or lw in ("and", "or")
                    or self.numwords.is_number_word(lw) and lw not in self.period_nouns)

    def _words_before(self, text: str, start: int, reach: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0))
                for m in _NP_BACK.finditer(text, max(0, start - reach), start)]

    @staticmethod
    def _joined(text: str, words, i: int, end: int) -> bool:
        """Whether only spaces separate word i from what follows it (word i+1 or ``end``)."""
        nxt = words[i + 1][0] if i + 1 < len(words) else end
        gap = text[words[i][1]:nxt]
        return not gap.strip() and "\n" not in gap

    def _np_back(self, text: str, words, i: int, end: int, head_change: bool = False) -> int:
        """Index of the first word of the noun phrase whose last word is words[i]; i + 1 when
        there is none. Coordinated nouns stay together ("Russia and Iran"); ``head_change``
        lets the last word be a change noun ("an increase of ...")."""
        j = i
        while j >= 0 and self._joined(text, words, j, end):
            w = words[j][2]
            lw = w.lower()
            if lw in ("and", "or", "&"):
                if j == i or j == 0 or not self._np_word(words[j - 1][2]):
                    break
            elif not (self._np_word(w) or head_change and j == i and lw in self.change
                      and lw not in self.stop_words):
                break
            if j > 0 and text[words[j][0] - 1:words[j][0]] == "-" and j < i:
                break  # "52-week range": the number's own compound
            j -= 1
        while j + 1 <= i and words[j + 1][2].lower() in ("and", "or", "&"):
            j += 1
        return j + 1

    def _noun_of_before(self, text: str, start: int, words) -> tuple[int, int] | None:
        """The noun a quantity gives the size of: "a depth of 10 km", "an increase of 5%"."""
        if len(words) < 2 or words[-1][2].lower() != "of" or not self._joined(text, words, len(words) - 1, start):
            return None
        i = len(words) - 2
        if not self._joined(text, words, i, start):
            return None
        first = self._np_back(text, words, i, start, head_change=True)
        if first > i or text[words[first][0] - 1:words[first][0]] == "-" \
                and text[words[first][0] - 2:words[first][0] - 1].isdigit():
            return None
        return words[first][0], words[i][1]

    def _subject_before(self, text: str, start: int, words) -> tuple[int, int] | None:
        """The subject of a change or linking verb before a quantity: "Rail fares increased
        6.4 percent", "Trade between the two countries amounted to $2 bln", with its
        prepositional phrases but without a phrase of time ("Exports in the same period
        stood at ...")."""
        i = len(words) - 1
        verb = False
        while i >= 0 and self._joined(text, words, i, start):
            lw = words[i][2].lower()
            if lw in self.change or lw in self.link_verbs:
                verb = True
            elif lw not in self.link_aux and lw not in ("by", "were", "was", "is", "are", "has",
                                                        "have", "had", "been"):
                break
            i -= 1
        if not verb or i < 0 or i == len(words) - 1 or not self._joined(text, words, i, start):
            return None
        first = self._np_back(text, words, i, start)
        if first > i:
            return None
        segments = [(first, i)]  # noun phrase, then each prepositional phrase after it
        j = first - 1
        while j >= 1:
            k = j
            while k >= 1 and words[k][2].lower() in _PP_FILLERS and self._joined(text, words, k, start):
                k -= 1
            if k < 1 or words[k][2].lower() not in _NP_PREPS \
                    or not self._joined(text, words, k, start):
                break
            head_end = k - 1
            head_first = self._np_back(text, words, head_end, start)
            if head_first > head_end:
                break
            segments.insert(0, (head_first, k - 1))
            segments[1] = (k, segments[1][1])
            j = head_first - 1
        while len(segments) > 1 and any(
                words[n][2].lower() in self.period_nouns
                for n in range(segments[-1][0], segments[-1][1] + 1)):
            segments.pop()
        if words[segments[-1][1]][2].lower() in self.period_nouns:
            return None  # "the two-month period stood at ...": a time, not what is measured
        return words[segments[0][0]][0], words[segments[-1][1]][1]

    def _np(self, doc: Doc, text: str, pos: int, parse: bool,
            number: str | None = None) -> tuple[int, int] | None:
        if parse:
            span = self._np_from_parse(doc, pos)
            if span is not None:
                return span
        return self._np_heuristic(text, pos, number)

    @staticmethod
    def _np_from_parse(doc: Doc, pos: int) -> tuple[int, int] | None:
        tok_span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if tok_span is None:
            return None
        # the first token after pos
        i = tok_span.start
        while i < len(doc) and doc[i].idx < pos:
            i += 1
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i >= len(doc) or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ", "VERB", "NUM", "X"):
            return None
        try:
            for chunk in doc[i:min(len(doc), i + 12)].noun_chunks:
                if chunk.start <= i < chunk.end:
                    return doc[i].idx, chunk.end_char
            head = doc[i]
            while head.head.i != head.i and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
            if head.pos_ in ("NOUN", "PROPN"):
                return doc[i].idx, head.idx + len(head)
        except (ValueError, NotImplementedError):
            return None
        return None

    def _np_heuristic(self, text: str, pos: int, number: str | None = None) -> tuple[int, int] | None:
        """The noun phrase starting at ``pos``, without a parser. ``number`` is "plural" after
        a count above one (the phrase ends at its first plural noun: "two schools, two
        stations"; "Two professionals plead ..."; "plural list" lets a comma list follow:
        "5,000 traders, buyers and brokers"), "singular" after "one" or a sum or
        measure used as a modifier (a plural-looking word after the first is a verb: "a
        magnitude 5 quake strikes ..."), None when unknown (an "of" phrase)."""
        words: list[tuple[int, int, str]] = []
        committed = 0  # number of words accepted for sure
        pending_list = False
        p = pos
        if text[p:p + 1] == "-":  # "7-member jury": the compound then its noun
            return None
        for _ in range(14):
            m = _NP_WORD.match(text, p)
            if m is None:
                # a comma continues a list only if an "and"/"or" closes it later
                if text.startswith(", ", p) and words and len(words) < 10 \
                        and number in (None, "plural list"):
                    pending_list = True
                    if not pending_list or committed < len(words):
                        committed = len(words)
                    p += 1
                    continue
                break
            w = m.group(1)
            lw = w.lower()
            if lw in ("and", "or", "&"):
                nxt = _NP_WORD.match(text, m.end())
                if not words or nxt is None or nxt.group(1).lower() in self.stop_words \
                        or self.numwords.is_number_word(nxt.group(1).split("-")[0]):
                    break
                if words[0][2][:1].isupper() and not nxt.group(1)[:1].isupper() \
                        and nxt.group(1).lower() not in self.stop_words:
                    pass
                pending_list = False
                words.append((m.start(1), m.end(1), w))
                p = m.end()
                continue
            if lw in self.stop_words or self.numwords.is_number_word(w) \
                    or lw in self.lexicon.words and not words:
                break
            if words and _past_tense(lw) and not words[-1][2].endswith("ly"):
                break  # "two agents pleaded guilty": a verb after the noun
            if number == "singular" and words and _plural(lw):
                break  # "a 5.3 earthquake strikes": a verb in the present
            if lw.endswith(("ing", "ed")) and "-" not in lw and (words or lw.endswith("ed")):
                nxt = _NP_WORD.match(text, m.end())
                if nxt is not None and nxt.group(1).lower() in self.stop_words \
                        or nxt is None and lw.endswith("ed"):
                    break  # "people working in ...", "planes joined.": a verb, not a modifier
            if words and words[-1][2][:1].isupper() != w[:1].isupper() and words[-1][2].lower() not in ("and", "or", "&") \
                    and w[:1].isupper():
                break  # "... units East Azarbaijan": a name after a common noun
            words.append((m.start(1), m.end(1), w))
            p = m.end()
            if not pending_list:
                committed = len(words)
            if number in ("plural", "plural list") and _plural(lw) \
                    and not (number == "plural list" and text.startswith(", ", p)):
                nxt = _NP_WORD.match(text, p)
                if nxt is None or not (nxt.group(1).lower() in ("and", "or", "&")
                                       or _plural(nxt.group(1).lower())
                                       and nxt.group(1)[:1].isupper() == w[:1].isupper()):
                    break  # the head noun: "two schools, two power stations"
        if pending_list:
            words = words[:committed]
        while words and words[-1][2].lower() in ("and", "or", "&"):
            words.pop()
        if not words:
            return None
        return words[0][0], words[-1][1]

    # -- serialisation ------------------------------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for key, (default, fmt) in TABLES.items():
            target = path / Path(default).name
            if fmt == "jsonl":
                srsly.write_jsonl(target, self._data[key])
            else:
                target.write_text("\n".join(self._data[key]) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "QuantityRecognizer":
        path = ensure_path(path)
        data = {}
        for key, (default, fmt) in TABLES.items():
            source = path / Path(default).name
            data[key] = self._read_table(key, source) if source.exists() else self._data[key]
        self._load(data)
        return self


@Language.factory(
    "facts_quantities",
    requires=["doc.spans"],
    assigns=["doc.spans", "span._.facts_quantity"],
    default_config={"tables": {}, "counted": True},
)
def make_quantities_component(nlp: Language, name: str, *, tables: dict[str, str],
                              counted: bool) -> QuantityRecognizer:
    """Quantities with their unit, qualifiers and counted noun phrase.

    ``tables`` overrides lexicon files by name (keys of ``TABLES``: "units", "currencies",
    "number_words", "scales", "qualifiers", "change_words", "np_stop_words", "name_heads",
    "period_nouns", "link_verbs",
    "currency_exclusions"); ``counted`` turns the noun-phrase search off.
    """
    return QuantityRecognizer(nlp, name, tables=tables, counted=counted)
