"""The per-document working state of the entity passes, and the mentions they find.

``EntityDoc`` holds the token texts and offsets, which tokens are capitalised name words
(``cap``), which are blocked (boilerplate, sign-offs) and which are taken by a ``Mention``.
In an invented "ORLAND - Mira Tesh said" the dateline place takes tokens 0-1 and the passes
can only fill the tokens still free; a title-case or all-capital line gives no capital
evidence.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from ..extensions import doc_text
from ..layout.component import layout_of
from .gazetteer import Lexicon
from .vocabulary import CALENDAR
from .word_classes import CAPITAL, word_classes

_OPENERS = {"“", '"', "‘", "'", "(", "[", "—", "–", "-", ":", ";", "•", "·"}
_DELETE_UPPER = str.maketrans("", "", string.ascii_uppercase)
_DELETE_LOWER = str.maketrans("", "", string.ascii_lowercase)
_LINE = re.compile(r"[^\n]+")
# Words before a month or weekday that make it a date: "in November Varga ordered", "on
# Friday Lena said" (the capital after the date opens the name).
_TIME_PREPOSITIONS = frozenset({"in", "on", "since", "until", "till", "by", "during", "from", "through",
                                "before", "after", "last", "next", "early", "late", "mid", "this",
                                "every", "each"})
_SENTENCE_INSIDE = re.compile(r"[.!?;][\s\"”]")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MINOR_WORDS = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "and", "or", "as",
                "with", "from", "vs", "vs.", "is", "are", "but", "over", "into", "after"}


def is_title_case(line: str) -> bool:
    """A headline in title case: three or more words, mostly capitalised, and no sentence."""
    line = line.strip()
    if not 8 <= len(line) <= 200 or line[-1] in ".!?:;,\"”’)" or _SENTENCE_INSIDE.search(line):
        return False
    found = _TITLE_WORD.findall(line)
    if found and found[-1].lower() in _MINOR_WORDS and found[-1].islower():
        return False  # "... Ana Velk issued the": a sentence wrapped onto the next line
    words = [w for w in found if w.lower() not in _MINOR_WORDS]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _shout_lines(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of all-capital lines (headlines, kickers, tables): they carry no
    capitalisation evidence."""
    starts: list[int] = []
    ends: list[int] = []
    for m in _LINE.finditer(text):
        line = m.group()
        # Letters counted by deleting them in C (str.translate), not by a regex's list.
        upper = len(line) - len(line.translate(_DELETE_UPPER))
        if upper >= 6 and upper >= 4 * (len(line) - len(line.translate(_DELETE_LOWER))):
            starts.append(m.start())
            ends.append(m.end())
    return starts, ends


@dataclass
class Mention:
    """Tokens ``start`` to ``end`` name an entity; mentions of one entity share ``key``
    ("PERSON:Ana Velk"); an empty key is filled once the passes are done."""

    start: int
    end: int
    label: str
    key: str
    roles: list[str] = field(default_factory=list)
    weak: bool = False  # a small town from the gazetteer: yields to evidence of a person
    dead: bool = False


class EntityDoc:
    """Per-document view: token texts, offsets, line and sentence facts, taken tokens."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc_text(doc)
        # Offsets from the Doc's arrays and texts by slicing: no Token objects per token.
        text = self.text
        idx = doc.to_array(IDX).tolist() if len(doc) else []
        lengths = doc.to_array(LENGTH).tolist() if len(doc) else []
        self.idx = idx
        self.words = [text[a : a + n] for a, n in zip(idx, lengths, strict=True)]
        self.n = len(self.words)
        self.classes = word_classes(lex).of(self.words)  # per-word flags (word_classes.py)
        self.taken: list[Mention | None] = [None] * self.n
        self._mentions: list[Mention] = []
        self.rekey: dict[str, str] = {}  # a key merged into another one
        self.blocked = bytearray(self.n)
        self.found_names: set[tuple[str, ...]] | None = None  # names of passes A-C, for pass D
        self.shout_starts, self.shout_ends = _shout_lines(self.text)
        self.layout = layout_of(doc)
        for start, end in self.layout.sign_offs:
            self.block_chars(start, end)
        # The first token of each of the layout's sentences.
        self.sentence_starts = [bisect_left(idx, s) for s, _e in self.layout.sentences]
        self.starts_sentence = bytearray(self.n + 1)
        for k in self.sentence_starts:
            self.starts_sentence[k] = 1
        self.title_lines = [(m.start(), m.end()) for m in _LINE.finditer(self.text)
                            if is_title_case(m.group())]
        self.cap = self._capitals()

    def _capitals(self) -> list[bool]:
        """Capitalised name-like words, computed once. Lines in capitals do not count; in a
        title-case headline a capital shows a name only on a word that is no common word."""
        cap = [bool(c & CAPITAL) for c in self.classes]
        for a, b in zip(self.shout_starts, self.shout_ends, strict=True):
            for i in self.tokens_between(a, b):
                cap[i] = False
        for i in range(1, self.n):
            if cap[i] and self.words[i].lower() in CALENDAR \
                    and self.words[i - 1].lower() in _TIME_PREPOSITIONS:
                cap[i] = False  # "in June", "on Friday": a date, never part of a name
        for line_start, line_end in self.title_lines:
            for i in self.tokens_between(line_start, line_end):
                if cap[i] and self.lex.is_common(self.words[i]) and not self.starts_known(i):
                    cap[i] = False
        return cap

    def tokens_between(self, start: int, end: int) -> range:
        """The tokens that start at a character offset in ``start`` to ``end``."""
        return range(bisect_left(self.idx, start), bisect_left(self.idx, end))

    def starts_known(self, i: int) -> bool:
        """A gazetteer name (place, nationality, known organisation) begins at token ``i``."""
        return self.lex.longest_at(self.words, i) is not None

    # -- token facts ---------------------------------------------------------------------
    def block_chars(self, start: int, end: int) -> None:
        for i in self.tokens_between(start, end):
            self.blocked[i] = 1

    def shout(self, i: int) -> bool:
        k = bisect_right(self.shout_starts, self.idx[i]) - 1
        return k >= 0 and self.idx[i] < self.shout_ends[k]

    def namey(self, i: int) -> bool:
        """A capitalised word that can be part of a name."""
        return 0 <= i < self.n and self.cap[i] and not self.blocked[i]

    def glued(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` without a space."""
        return i > 0 and self.idx[i - 1] + len(self.words[i - 1]) == self.idx[i]

    def sent_start(self, i: int) -> bool:
        """Token ``i`` opens a sentence, a line or a clause after an opening mark or dash:
        a place where a capital is no evidence of a name."""
        if i <= 0 or self.starts_sentence[i]:
            return True
        prev = self.words[i - 1]
        if prev.isspace():
            return True
        if prev in _OPENERS:
            return not (prev == "-" and self.glued(i))  # "Wilkes-Barre" is one name
        gap = self.text[self.idx[i - 1] + len(prev) : self.idx[i]]
        return "\n" in gap

    def free(self, start: int, end: int) -> bool:
        return 0 <= start < end <= self.n and all(
            self.taken[k] is None and not self.blocked[k] for k in range(start, end))

    def add(self, m: Mention) -> bool:
        if not self.free(m.start, m.end):
            return False
        for k in range(m.start, m.end):
            self.taken[k] = m
        self._mentions.append(m)
        return True

    def force(self, m: Mention) -> None:
        """Add ``m`` even over blocked tokens: another component vouches for it."""
        for k in range(m.start, m.end):
            self.blocked[k] = 0
        self.add(m)

    def remove(self, m: Mention) -> None:
        for k in range(m.start, m.end):
            if self.taken[k] is m:
                self.taken[k] = None
        m.dead = True  # dropped lazily: removal stays O(1)

    @property
    def mentions(self) -> list[Mention]:
        return [m for m in self._mentions if not m.dead]

    def key_of(self, key: str) -> str:
        seen = 0
        while key in self.rekey and seen < 50:
            key, seen = self.rekey[key], seen + 1
        return key

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.words[end - 1])]

    def held_in(self, start: int, end: int) -> list[Mention]:
        """The distinct mentions holding tokens ``start`` to ``end``, in token order."""
        held: dict[int, Mention] = {}
        for k in range(start, end):
            m = self.taken[k]
            if m is not None:
                held.setdefault(id(m), m)
        return list(held.values())

    def mention_at(self, i: int) -> Mention | None:
        return self.taken[i] if 0 <= i < self.n else None
