"""``facts_quantities``: counts, percentages, money and measures, normalised.

The component scans ``doc.text`` from number to number (digit runs found by one regex, number
words found through the token array), reads the words around each number with anchored
regexes (qualifier and currency before it; scale, range, unit and rate after it) and writes
one span per quantity to ``doc.spans["facts_quantities"]`` with its payload on
``Span._.facts_quantity`` (a :class:`~extractor.payloads.QuantityPayload`). Work is
proportional to the length of the text: every regex is anchored at a number or runs once over
the text.

The package, in the order a number goes through it: this module loads the tables, scans for
numbers and reads each one (digits or words); :mod:`.assemble` reads the words around it, one
named stage each, on a :class:`~.draft.Draft`; :mod:`.counted` finds what it counts.

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
from spacy.tokens import Doc, Span

from ..extensions import BOILERPLATE, DATES, ENTITIES, QUANTITIES, doc_text, ensure_extensions
from ..lexicon import alternation, as_dicts, load_rows, load_words, reverse_alternation, shared
from ..lexicon.rows import ChangeWord, Currency, NumberWord, Qualifier, Row, Scale, Unit
from ..normalize.numbers import VULGAR_FRACTIONS, NumberWords, parse_digits, tidy
from ..normalize.si import SIConverter
from ..normalize.units import UnitLexicon
from ..payloads import QuantityPayload
from .assemble import Assembler
from .counted import AUX_BEFORE, LINK_WORDS_BEFORE, CountedReader
from .draft import Draft
from .patterns import DIGIT_RUN, OF_NP, TRAILING, VULGAR, WORD

META_SPANS = "facts_meta"

# name -> (default resource file, row model; None for a word list)
TABLES: dict[str, tuple[str, type[Row] | None]] = {
    "units": ("quantities/units.jsonl", Unit),
    "currencies": ("quantities/currencies.jsonl", Currency),
    "currency_exclusions": ("quantities/currency_exclusions.txt", None),
    "number_words": ("shared/number_words.jsonl", NumberWord),
    "scales": ("quantities/scales.jsonl", Scale),
    "qualifiers": ("quantities/qualifiers.jsonl", Qualifier),
    "change_words": ("quantities/change_words.jsonl", ChangeWord),
    "np_stop_words": ("quantities/np_stop_words.txt", None),
    "name_heads": ("quantities/name_heads.txt", None),
    "period_nouns": ("quantities/period_nouns.txt", None),
    "link_verbs": ("quantities/link_verbs.txt", None),
}

_SPACE_THOUSANDS = re.compile(r" (\d{3})(?![\d,.]?\d)")
_MIXED_FRACTION = re.compile(r" (\d{1,2}/\d{1,2})(?!\d)| ?([" + VULGAR + r"])(?!\d)")
# Scientific notation after the digits: "2.48×10−5", "5.5x10^-3", "3 × 10⁸", "4e14", "1e-3".
# A times sign and 10 need an exponent mark (^, **, a sign or superscripts): "4 x 10" alone
# is a size ("a 4 x 10 foot room").
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SCIENTIFIC = re.compile(
    r"(?:\s?[×xX·*]\s?10(?:\^|\*\*)\s?(?P<a>[-−–+]?\d{1,3})|\s?[×xX·*]\s?10(?P<b>[-−–]\d{1,3})"
    r"|\s?[×xX·*]\s?10(?P<c>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|e(?P<d>[-−+]?\d{1,3}))(?![\w.,]?\d)")
_TOLERANCE = re.compile(r"\s?(?:±|\+/-|\+-)\s?\d[\d,.]*(?:e[-−+]?\d{1,3})?")
_AGE_BEFORE = re.compile(r"\b(?:[Aa]ged|[Aa]ges? of)\s$")
# A first and last name before the comma, where no entity is at hand (the quantities
# component alone): "Dara Kim, 41,", not "Exports, 40,".
_FULL_NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z][\w'’-]*,\s$")
_FRACTION_OF_A = re.compile(r"\s+(?:of\s+)?an?(?=\s)")
_TIME_AFTER = re.compile(r"\s?(?:[aApP]\.?\s?[mM]\b\.?|o'clock\b|hrs\b|GMT\b|UTC\b)")
_SHARED_GAP = re.compile(
    r"(?P<same>\s*,\s*or\s+|\s*[(\[]\s*|\s*/\s*)|\s*,?\s+(?:worth|valued\s+at)\s+|\s*,?\s+(?:to|from)\s+|\s*,\s*(?:(?:up|down)\s+)?")
_PRONOUN_NUMBER_BEFORE = frozenset(
    "in into the these those all other both its his her their our my your by".split())
_BY_AFTER = re.compile(r"\s+by\s+(?i:one|two|three|four|five|six|seven|eight|nine|ten)\b")


# A word after a scaled number that is what it counts ("1.7 million veterans", capitalised
# or not), so the number is no sum of the money before it.
_CONTENT_AFTER = re.compile(r"[ \t]+(?!(?i:in|on|at|for|to|from|by|and|or|with|after|before|than|as|of|a|an|the|this|that|last|next|is|are|was|were)\b)[a-zA-Z]")
_CONTEXT_CHARS = 400
_NUMBER_WORD = re.compile(r"[^\s-]+")
# A word and a hyphen right before a number word ("twenty-" of "twenty-fifty").
_HYPHENATED_BEFORE = re.compile(r"([^\W\d_]+)-$")
# Between "1 USD" and what it buys: "1 USD = 42,000 rials", "one dollar is now traded at
# 2,200 tomans", "a euro buys 1.1 dollars".
_RATE_LINK = re.compile(
    r"\s*(?:=|equals?|(?:is|was)\s+(?:now\s+|currently\s+)?(?:worth|equal\s+to|"
    r"(?:traded|trading|sold|selling|exchanged)\s+(?:at|for))|buys|bought|fetche[sd]|"
    r"(?:trades|traded|sells|sold)\s+(?:at|for))\s*", re.I)
_CALENDAR_WORDS = frozenset(
    "past last next first previous coming recent final following".split())
_RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
                 "daily": "day", "hourly": "hour"}
_COUNT_RATE = re.compile(
    r"[ \t]+(?:(?:(?P<per>per)|a|an|each|every)[ \t]+(?P<u>[a-z]{3,})|(?P<adv>"
    + "|".join(_RATE_ADVERBS) + r"))\b(?![-'’])", re.I)
_RATE_TIME_AFTER_WORD = re.compile(r"\s+(?:earlier|ago|later|before|after|previously)\b")
_PAREN_GAP = re.compile(r"\s*\(\s*")
_TO_THE = re.compile(r"\s+(?:to|against)\s+(?:the|one|each|a)\s", re.I)
# How far back the currency of "... 20,000 to the dollar" is looked for (its sentence).
_RATE_BASE_CHARS = 160
# The last word of a date that is an offset from another event ("four days later"), not
# from the time of writing ("three years ago").
_OFFSET_WORDS = frozenset(("later", "earlier", "after", "afterwards", "before"))
# Time units read with the article before them ("about an hour", "less than a month").
_ARTICLE_UNITS = frozenset(("hour", "month", "year", "week", "day", "minute"))


# The look-behind starts a mail address only where its run of characters starts, so a long
# run without "@" is scanned once, not once per position.
_ADDRESS = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”]+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")
# Every address contains one of these; most texts contain none, and then the scan (which
# tries every position) is skipped.
_ADDRESS_MARKS = ("@", "://", "www.")


def _addresses(text: str) -> list[tuple[int, int]]:
    """Where the web and mail addresses are."""
    if not any(mark in text for mark in _ADDRESS_MARKS):
        return []
    return [m.span() for m in _ADDRESS.finditer(text)]


def _times_power_of_ten(value: int | float, match: re.Match[str]) -> int | float | None:
    """The value of a number in scientific notation, to 12 significant digits; None past
    the powers that measure anything (10^±60)."""
    exponent = next(g for g in match.groups() if g is not None)
    power = int(exponent.translate(_SUPERSCRIPTS).replace("−", "-").replace("–", "-"))
    if abs(power) > 60 or value > 1e30:
        return None
    result = float(f"{value * 10.0 ** power:.12g}")
    return int(result) if result.is_integer() and abs(result) < 1e15 else result


def _is_age(text: str, q: Draft, person_ends: set[int]) -> bool:
    """A person's age: "Tuan Lee, 57, said", "aged 34", "under the age of 12". After a comma
    the number follows a person's name (an entity, or a first and last name), not any
    capitalised word ("Exports, 40, rose")."""
    if not isinstance(q.value, int) or not 0 < q.value <= 120 or q.value_max is not None \
            or q.approximate or q.bound or q.start != q.num_start:
        return False
    before = text[max(0, q.start - 40):q.start]
    if _AGE_BEFORE.search(before):
        return True
    named = q.start - 2 in person_ends or _FULL_NAME_COMMA_BEFORE.search(before) is not None
    return named and text[q.start - 2:q.start] == ", " and text[q.end:q.end + 2] == ", "


class QuantityRecognizer(Assembler, CountedReader):
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
        model = TABLES[key][1]
        return as_dicts(load_rows(name, model)) if model else list(load_words(name))

    def _load(self, data: dict[str, Any]) -> None:
        self._data = data
        self.lexicon = UnitLexicon(data["units"], data["currencies"], data["currency_exclusions"])
        self.si = SIConverter(self.lexicon)
        self.numwords = NumberWords(data["number_words"])
        self.stop_words = frozenset(w.lower() for w in data["np_stop_words"])
        self.name_heads = frozenset(w.lower() for w in data["name_heads"])
        self.change = {r["word"].lower(): r["change"] for r in data["change_words"]}
        self.qualifiers = {r["phrase"].lower(): r for r in data["qualifiers"]}
        # Month names are periods too; they come from the shared month list.
        self.period_nouns = frozenset(w.lower() for w in data["period_nouns"]) | shared.month_names()
        links = [w.lower().split() for w in data["link_verbs"]]
        self.link_verbs = frozenset(w[-1] for w in links if len(w) == 1)
        self.link_aux = frozenset(w[-1] for w in links if len(w) == 2 and w[0] == "aux")
        self.before_words = tuple(sorted(set(self.change) | self.link_verbs | self.link_aux
                                         | set(AUX_BEFORE) | set(LINK_WORDS_BEFORE)))
        ascii_words = all(w.isascii() for w in self.before_words)
        self.before_longest = max(map(len, self.before_words)) if ascii_words else 200
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
        # After "per" a unit's own name is a unit even where it is no unit alone ("per second").
        per_words = set(lex.words) | {u.lower() for u in lex.units}
        self._rate_re = re.compile(
            r"(?:\s?/\s?|\s+(?:per|a|an|each|every)\s+|\s+(?:to|against)\s+(?:the|one|each|a)\s+)"
            r"(?P<u>(?i:" + alternation(per_words) + r")|(?:" + alternation(per_forms) + r"))"
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
            r"(?:\s?(?P<cur>" + reverse_alternation(prefixes) + r")(?![^\W\d_]))?"
            r"(?:\s*(?P<mag>(?i:(?:fo\s+)?edutingam))(?![^\W\d_]))?"
            r"(?:\s+(?P<a>(?i:na|a))(?![^\W\d_]))?"
            r"(?:\s*(?P<qual>(?i:" + reverse_alternation(quals) + r"))(?![^\W\d_]))?"
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
            + [self.strings.add(w) for w in _ARTICLE_UNITS])

    # -- the component ------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        try:
            found = list(self._find(doc))
        except RecursionError:  # pragma: no cover - defensive: never fail a document
            found = []
        spans = []
        # The payload goes where Span._ keeps it, in doc.user_data (from_doc reads it there):
        # a Span._ object per quantity cost more than the payload.
        user_data: dict[Any, Any] = doc.user_data
        for start, end, payload in found:
            span = doc.char_span(start, end) or doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            user_data[("._.", "facts_quantity", span.start_char, span.end_char)] = payload
            spans.append(span)
        doc.spans[QUANTITIES] = spans
        return doc

    def _blocked_intervals(self, doc: Doc) -> tuple[list[int], list[int], list[tuple[int, int]],
                                                    set[int]]:
        """Where numbers are not read (dates, names, boilerplate, addresses), in one pass over
        the span groups: also the dates that are lengths of time and where people's names end.

        A duration ("three years", "40 days") or the time between two events ("four days
        later") is a numeric fact too, so a number in one is read, and kept when it measures
        time."""
        ranges: list[tuple[int, int]] = []
        durations: list[tuple[int, int]] = []
        person_ends: set[int] = set()
        # The date payloads are where Span._ keeps them; reading them there spares an
        # Underscore object per date.
        user_data: dict[Any, Any] = doc.user_data
        for key in (DATES, ENTITIES, BOILERPLATE, META_SPANS):
            if key not in doc.spans:
                continue
            for span in doc.spans[key]:
                extent = (span.start_char, span.end_char)
                if key == DATES and self._length_of_time(span, user_data.get(
                        ("._.", "facts_date", extent[0], extent[1]))):
                    durations.append(extent)
                    continue
                if key == ENTITIES and span.label_ == "PERSON":
                    person_ends.add(extent[1])
                ranges.append(extent)
        # Numbers inside web addresses and e-mail addresses are parts of identifiers.
        ranges.extend(_addresses(doc_text(doc)))
        starts, ends = self._merged(ranges)
        return starts, ends, durations, person_ends

    @staticmethod
    def _length_of_time(span: Span, payload: Any) -> bool:
        """A DURATION date, or a date that is an offset from another event."""
        if payload is None:
            return False
        return payload.type == "DURATION" or payload.type == "DATE" \
            and span[-1].lower_ in _OFFSET_WORDS

    @staticmethod
    def _merged(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
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
        starts, ends, durations, person_ends = self._blocked_intervals(doc)
        duration_starts, duration_ends = self._merged(durations)
        # Doc.has_annotation walks Token objects; the array answers the same in C.
        parse = len(doc) > 0 and bool(doc.to_array([DEP]).any())
        consumed = 0
        recent: dict[str, Draft] = {}
        prev: tuple[int, tuple[int, int] | None, str | None] | None = None
        for s, e, how in self._anchors(doc, text):
            if s < consumed:
                continue
            # A number that starts inside a date, a name or boilerplate is blocked whatever is
            # read around it (the number read covers its first character), so it is not read:
            # about a third of the numbers of a news text are in dates and names. The one
            # exception is a time unit, which reads the article before it ("about an hour").
            if self._blocked(starts, ends, s, s + 1) \
                    and (how == "d" or text[s:e].lower() not in _ARTICLE_UNITS):
                continue
            q = self._read_digits(text, s, e) if how == "d" else self._read_words(doc, text, s, e)
            if q is None:
                continue
            if self._blocked(starts, ends, q.num_start, q.num_end):
                continue
            if q.kind != "duration" \
                    and self._blocked(duration_starts, duration_ends, q.num_start, q.num_end):
                continue  # "the past five years": a duration's number that measures no time
            consumed = q.end
            self._exchange_rate(text, q, recent.get("money"))
            self._from_context(text, q, recent)
            if q.unit is not None:
                recent[q.kind if q.unit != "magnitude" else "magnitude"] = q
            if self.counted_enabled:
                counted = self.read_counted(doc, text, q, parse)
            else:
                counted = None
            if how == "w" and counted is None and self._bare_word_number(text, q):
                continue
            if q.unit is None and q.kind == "count":
                if self._calendar_period(text, q, counted):
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
            if q.kind == "count" and q.unit is None:
                if _is_age(text, q, person_ends):
                    q.unit, q.kind, counted = "year of age", "measure", None
                else:
                    self._count_rate(text, q, counted)
            yield q.start, q.end, q.payload(counted, self.si)

    def _bare_word_number(self, text: str, q: Draft) -> bool:
        """A spelled-out number with nothing to count and no unit is a pronoun or an idiom
        ("split in two", "the two met", "one by one"), not a fact."""
        if q.unit is not None or q.approximate or q.bound or q.compound \
                or q.value_max is not None:
            return False
        before = WORD.findall(text[max(0, q.start - 16):q.start])
        prev = before[-1].lower() if before else ""
        return prev in _PRONOUN_NUMBER_BEFORE or _BY_AFTER.match(text, q.end) is not None

    def _calendar_period(self, text: str, q: Draft, counted: tuple[int, int] | None) -> bool:
        """ "the Past Five Fiscal Years", "the first three quarters": a count of periods after
        "past", "first"... names a stretch of the calendar, a date's job."""
        if counted is None or counted[0] < q.end:
            return False
        counted_words = WORD.findall(text[counted[0]:counted[1]])
        # "past" may have been read as a qualifier ("past 100"): look before the number.
        before = WORD.findall(text[max(0, q.num_start - 16):q.num_start])
        return bool(counted_words) and counted_words[-1].lower() in self.period_nouns \
            and bool(before) and before[-1].lower() in _CALENDAR_WORDS

    def _count_rate(self, text: str, q: Draft, counted: tuple[int, int] | None) -> None:
        """A count per period or per anything: "40 earthquakes per day", "3,200 annually",
        "27 points per game", "3 meals a day": the unit is "per day" (the news_dev
        convention), the count keeps what it counts."""
        pos = q.end
        if counted is not None and counted[0] >= q.end and not text[q.end:counted[0]].strip():
            pos = counted[1]
        m = _COUNT_RATE.match(text, pos)
        if m is None or _RATE_TIME_AFTER_WORD.match(text, m.end()):
            return
        if m.group("adv"):
            q.unit = "per " + _RATE_ADVERBS[m.group("adv").lower()]
            return
        word = m.group("u").lower()
        info = self.lexicon.words.get(word)
        if info is not None and info.duration:
            q.unit = "per " + info.unit
        elif m.group("per") and word not in ("cent", "centum", "se") \
                and not self.numwords.is_number_word(word):
            q.unit = "per " + word

    def _exchange_rate(self, text: str, q: Draft, prev: Draft | None) -> None:
        """Exchange rates, a rate with both currencies: "1 USD = 42,000 rials" and "one
        dollar is traded at 2,200 tomans (22,000 rials)" (toman, then IRR, per USD), "the
        rial traded at 20,000 to the dollar" (IRR per USD, the currency named before)."""
        if q.unit is None and q.kind == "count":
            rt = self._rate_re.match(text, q.end)
            per = self._word_or_symbol(rt.group("u")) if rt and _TO_THE.match(text, q.end) \
                else None
            if per is None or per.kind != "money":
                return
            sentence = text[max(0, q.start - _RATE_BASE_CHARS):q.start]
            sentence = re.split(r"[.!?;]\s", sentence)[-1]
            for word in reversed(WORD.findall(sentence)):
                base = self.lexicon.words.get(word.lower())
                if base is not None and base.kind == "money" and base.unit != per.unit \
                        and base.unit not in ("cent", "pence", "penny"):
                    q.unit, q.kind = f"{base.unit} per {per.unit}", "money"
                    return
            return
        if q.kind != "money" or q.unit is None or " per " in q.unit or prev is None \
                or prev.unit is None or prev.unit.split(" per ")[0] == q.unit:
            return
        gap = text[prev.end:q.start]
        if prev.value == 1 and " per " not in prev.unit and _RATE_LINK.fullmatch(gap):
            q.unit = f"{q.unit} per {prev.unit}"  # "1 USD = 42,000 rials"
        elif " per " in prev.unit and _PAREN_GAP.fullmatch(gap):
            q.unit = f"{q.unit} per {prev.unit.split(' per ', 1)[1]}"  # "(22,000 rials)"

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
            # "$1.00 per share ... $5 million": a total is no price per share.
            if money and money.unit and money.unit.startswith(q.unit + " per ") \
                    and not (q.scaled and not money.scaled):
                q.unit = money.unit

    # -- reading one number -------------------------------------------------------------------

    def _read_digits(self, text: str, s: int, e: int) -> Draft | None:
        """The quantity of the digit run at ``text[s:e]``; None when the run is no number
        (a code, a time, a list marker) or what is around it makes it no quantity."""
        run = text[s:e]
        if run in VULGAR_FRACTIONS:
            return self.assemble(text, s, e, VULGAR_FRACTIONS[run], kind_hint="fraction")
        run = run.rstrip(TRAILING)
        e = s + len(run)
        if not run or ":" in run:
            return None  # clock time, score, ratio or code
        if self._code_before(text, s) or text[s - 1:s] == "^":
            return None  # a code, or the exponent of "km^2"
        if run.count("-") + run.count("/") + run.count("‐") > 1:
            return None  # code, phone number or date ("12-72-34", "3/20/2019")
        read = self._digits_value(text, s, e, run)
        if read is None:
            return None
        value, value_max, e, run = read
        if self._list_marker(text, s, e, run) or _TIME_AFTER.match(text, e):
            return None
        return self.assemble(text, s, e, value, value_max=value_max, run=run)

    def _code_before(self, text: str, s: int) -> bool:
        """Whether what is glued before the digits at ``s`` makes them part of a code:
        letters ("A350", "CB12") other than a currency ("USD115"), "#", or a capitalised
        word and a hyphen ("COVID-19", "F-35", "EF-4")."""
        before = text[s - 1] if s else ""
        if before.isalpha():
            j = s - 1
            while j > 0 and text[j - 1].isalpha() and s - j < 8:
                j -= 1
            if text[j:s] not in self.lexicon.prefixes:
                return True
        if before and before in "#№":
            return True
        if before and before in "-‐" and s >= 2 and text[s - 2].isalpha():
            j = s - 2
            while j > 0 and text[j - 1].isalpha() and s - j < 16:
                j -= 1
            if any(c.isupper() for c in text[j:s - 1]):
                return True
        return False

    def _digits_value(self, text: str, s: int, e: int,
                      run: str) -> tuple[int | float, int | float | None, int, str] | None:
        """(value, upper value of a range, end, run) of the digits ``run`` at ``text[s:e]``:
        a range ("5-10"), a fraction ("3/4"), thousands set off by a space ("1 500"), a mixed
        number ("10 1/2"); None for a period, a phone number, a score, a date or a code."""
        value: int | float | None
        value_max: int | float | None = None
        if "-" in run:
            left, _, right = run.partition("-")
            a, b = parse_digits(left), parse_digits(right)
            if a is None or b is None:
                return None
            if self._year_like(left) or (len(left) == 3 and len(right) == 4):
                return None  # "2019-20" is a period, "555-1234" a phone number
            if not b > a:
                return None  # a score or a code
            if len(left) <= 2 and len(right) >= 3 and right.isdigit() and b % 5:
                return None  # "10-259", "12-347": a release number; range ends are round
            value, value_max = a, b
        elif "/" in run:
            num, _, den = run.partition("/")
            if not (len(num) <= 2 and len(den) <= 3 and num.isdigit() and den.isdigit()
                    and 0 < int(num) < int(den)):
                return None  # a date or a code
            value = parse_digits(run)
        else:
            if run.count(".") > 1:
                return None
            value = parse_digits(run)
            if value is None:
                return None
            sm = _SCIENTIFIC.match(text, e)
            scientific = _times_power_of_ten(value, sm) if sm else None
            if sm and scientific is not None:
                value, e = scientific, sm.end()
            tm = _TOLERANCE.match(text, e)
            if tm:  # "2.5 ± 0.1 kg": the margin is no second quantity; the unit after it is
                return value, None, tm.end(), run
            if sm and scientific is not None:
                return value, None, e, run
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
                frac = parse_digits(m.group(1) or m.group(2))
                if frac is not None and 0 < frac < 1:
                    value = tidy(value + frac, 4)
                    e = m.end()
        return value, value_max, e, run

    @staticmethod
    def _list_marker(text: str, s: int, e: int, run: str) -> bool:
        """List markers: "1. Economy", "2) Trade" at the start of a line, "(3)", "[4]"."""
        j = s
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if (j == 0 or text[j - 1] == "\n") and text[e:e + 1] in (".", ")") \
                and text[e + 1:e + 2] in (" ", "\t"):
            return True
        before = text[s - 1] if s else ""
        return bool(before) and before in "([" and bool(text[e:e + 1]) \
            and text[e:e + 1] in ")]" and "." not in run and len(run) <= 3

    def _read_words(self, doc: Doc, text: str, s: int, e: int) -> Draft | None:
        m = self._words_re.match(text, s)
        if m is None:
            tok_lower = text[s:e].lower()
            if tok_lower in _ARTICLE_UNITS:
                return self._read_article_unit(text, s, e)
            return None
        glued = _HYPHENATED_BEFORE.search(text, max(0, s - 12), s)
        if glued and self.numwords.is_number_word(glued.group(1)):
            return None  # "fifty" of "twenty-fifty": the whole was read, or rejected, already
        # a leading "a"/"an" belongs to the number only before a scale, fraction or dozen
        read = self._longest_number(m.group(0))
        if read is None:
            return None
        value, words, length = read
        e = s + length
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
            of_a = self._fraction_of_a_unit(text, e)
            if of_a is not None:  # "half a meter", "a quarter of a mile": that much of the unit
                return self.assemble(text, s, of_a, value, words=words)
            return self.assemble(text, s, e, value, kind_hint="fraction", words=words)
        return self.assemble(text, s, e, value, words=words)

    def _fraction_of_a_unit(self, text: str, e: int) -> int | None:
        """Where "a"/"of a" ends when a unit of measure follows a fraction word ("half a
        meter", "three quarters of a mile"); None otherwise (a time is a date's)."""
        fm = _FRACTION_OF_A.match(text, e)
        um = self._unit_re.match(text, fm.end()) if fm else None
        info = self._unit_info(um.group("u")) if um and um.group("sep") == " " else None
        if fm is None or info is None or info.kind != "measure" or info.duration:
            return None
        return fm.end()

    def _longest_number(self, phrase: str) -> tuple[Any, list[str], int] | None:
        """(value, words, length) of the longest run of words opening ``phrase`` that is one
        number: "twenty-five and thirty" -> 25, "two three" -> 2."""
        ends = [w.end() for w in _NUMBER_WORD.finditer(phrase)
                if w.group(0).lower() not in ("and", "a", "an")]
        for end in reversed(ends):
            words = _NUMBER_WORD.findall(phrase[:end])
            value = self.numwords.parse(words)
            if value is not None:
                return value, words, end
        return None

    def _read_article_unit(self, text: str, s: int, e: int) -> Draft | None:
        """ "about an hour", "less than a month", "a week of rain": "a"/"an" before a time
        unit, qualified or measuring what follows."""
        left = text[max(0, s - 40):s]
        m = self._left_re.match(left[::-1])
        if not m or not m.group("a") or not (m.group("qual") or OF_NP.match(text, e)):
            return None  # "a week of heavy rain" is an amount, "a week later" a time
        a_start = s - m.end("a")
        return self.assemble(text, a_start, a_start + len(m.group("a")), 1, words=["a"])

    # -- serialisation ------------------------------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for key, (default, model) in TABLES.items():
            target = path / Path(default).name
            if model:
                srsly.write_jsonl(target, self._data[key])
            else:
                target.write_text("\n".join(self._data[key]) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "QuantityRecognizer":
        path = Path(path)
        data = {}
        for key, (default, _model) in TABLES.items():
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
