"""What a quantity counts: the noun phrase after it, its "of" phrase, or the noun or subject
before it ("1700 idle fishing boats", "tons of goods", "a depth of 8 km", "Rail fares
increased 6.4 percent"). A trained parse, where there is one, gives the noun chunk; else
the words are read with the heuristics below.

The class is a mixin of :class:`~.component.QuantityRecognizer`, which loads the word lists
the readers consult (declared below).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from spacy.tokens import Doc

from ..lexicon import word_set
from ..normalize.numbers import NumberWords
from ..normalize.units import UnitLexicon
from .draft import Draft
from .patterns import CHANGE_NOUN_AFTER, OF_NP, TIMES_AFTER

_NP_WORD = re.compile(r"[ \t]*([^\W\d_][\w]*(?:['’]s)?(?:-[\w]+)*)")
_IN_NP = re.compile(r"\s+in\s+(?=[^\W\d_])")
_DIMENSIONS = word_set("quantities/dimension_words.txt")
_FOR_NP = re.compile(r"\s+for\s+(?=[^\W\d_])")
_OF_NUMBER = re.compile(r"\s+of\s+(?:the\s+)?(?=\d|[a-z])")
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
# Determiners and time adjectives opening the noun of a prepositional phrase.
_PP_FILLERS = _DETERMINERS | frozenset(
    "same first last past current previous next whole entire such".split())
# Prepositions inside a subject noun phrase ("trade turnover BETWEEN Russia and Iran").
_NP_PREPS = frozenset("of in to between for from on at among with during".split())
_IRREGULAR_PLURALS = word_set("quantities/irregular_plurals.txt")
# Nouns ending in "-ed" that are not past tenses.
_ED_NOUNS = word_set("quantities/ed_nouns.txt")


def _plural(lw: str) -> bool:
    """Whether a lower-case word looks like a plural noun (or a verb in the third person)."""
    return lw in _IRREGULAR_PLURALS or (
        len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s")))


def _past_tense(lw: str) -> bool:
    return len(lw) > 4 and lw.endswith("ed") and "-" not in lw and lw not in _ED_NOUNS


_NP_BACK = re.compile(r"[^\W\d_][\w'’-]*")
# Auxiliaries between a subject and a quantity: "Exports were up by 5%".
AUX_BEFORE = ("by", "were", "was", "is", "are", "has", "have", "had", "been")
# The word before a quantity that makes the words before it worth reading (besides the change
# and linking verbs): "a depth of 8 km", "raised its stake to 20 percent".
LINK_WORDS_BEFORE = ("of", "to")


class CountedReader:
    """Finds the noun phrase a quantity counts."""

    # What the readers consult: set by QuantityRecognizer when it loads its tables.
    lexicon: UnitLexicon
    numwords: NumberWords
    change: dict[str, str]
    stop_words: frozenset[str]
    period_nouns: frozenset[str]
    link_verbs: frozenset[str]
    link_aux: frozenset[str]
    before_words: tuple[str, ...]  # what _may_read_before looks for, and the longest's length
    before_longest: int
    _number_at: Callable[[str, int], tuple[Any, int] | None]

    def read_counted(self, doc: Doc, text: str, q: Draft, parse: bool) -> tuple[int, int] | None:
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
            return self._np_before(text, q.start)
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
            return self._np_before(text, q.start)
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
        return self._np_before(text, q.start, objects=True) or self._paren_np_before(text, q) \
            or after

    def _np_before(self, text: str, start: int, *, objects: bool = False) -> tuple[int, int] | None:
        """What the words before a quantity say it counts: the noun it gives the size of, the
        subject of a change or linking verb before it, and (with ``objects``) the object a
        verb brings to it."""
        if not self._may_read_before(text, start):
            return None
        words = self._words_before(text, start, 200)
        return self._noun_of_before(text, start, words) \
            or self._subject_before(text, start, words) \
            or (self._object_before(text, start, words) if objects else None)

    def _may_read_before(self, text: str, start: int) -> bool:
        """Whether the word just before ``start`` can open a reading of the words before: each
        reader needs that word on the same line, after spaces only, and it must be "of", "to"
        or a change, linking or auxiliary verb. Most numbers follow another word, and then
        listing the words before them would be wasted."""
        tail = text[max(0, start - 200):start]
        last = tail.rstrip()
        if "\n" in tail[len(last):]:
            return False
        # Lower-casing keeps the length of a word whose lower case is ASCII, so the last
        # ``before_longest`` characters hold it (the component reads the whole reach when a
        # word list is not ASCII).
        return last[-self.before_longest:].lower().endswith(self.before_words)

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
            elif lw not in self.link_aux and lw not in AUX_BEFORE:
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
                    return doc[i].idx, _end_within_line(doc, i, chunk.end)
            head = doc[i]
            while head.head.i != head.i and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
            if head.pos_ in ("NOUN", "PROPN"):
                return doc[i].idx, _end_within_line(doc, i, head.i + 1)
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
                break  # "... units North Province": a name after a common noun
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


def _end_within_line(doc: Doc, i: int, end: int) -> int:
    """The end of tokens ``i`` to ``end`` cut at the first line break: a parser may join a
    headline's last noun to the next paragraph's first ("grants\n\nProjects")."""
    k = i
    while k + 1 < end and "\n" not in doc[k + 1].text:
        k += 1
    return doc[k].idx + len(doc[k])
