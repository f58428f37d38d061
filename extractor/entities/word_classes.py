"""What the entity passes ask of a word by itself, answered once per distinct word.

The passes scan every token for the few that can open their kind of name (a capitalised
word, a title, a reporting verb, a place head, an all-capital acronym) and ask each token
the same lexicon questions again and again. Those answers depend on the word alone, so they
are computed once per word per process and kept as bit flags: a news archive repeats most of
its words, and a token's question becomes one dict lookup and one bit test.

Invented example: "Minister" has ``CAPITAL | TITLE | TITLE_OR_ROLE``; "said" has
``CONTEXT`` (a reporting verb wakes the speaker pass).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from .gazetteer import Lexicon
from .vocabulary import CONTEXT_LOWER, CONTEXT_WORDS, NOT_NAMES, WEEKDAYS

CAPITAL = 1  # capitalised letter first (or "d'Ottavio"), and no word the list says never names ("I", "Monday")
TITLE = 2  # a title or honorific ("Minister", "Dr.")
TITLE_OR_ROLE = 4  # a title, or a role noun ("farmer") that may stand before a name
CONTEXT = 8  # a word the context pass starts on: reporting verbs, commas, place heads
UPPER = 16  # all capitals ("NWRC", "U.S.")
COMMON = 32  # a common word or stop word in any case

# Words met are kept up to this many; past it the table starts again, so memory stays
# bounded on an archive of any size.
_MAX_WORDS = 200_000


class WordClasses:
    """The flags of each word of one lexicon, computed on first sight."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.known: dict[str, int] = {}

    def classify(self, word: str) -> int:
        lex = self.lex
        head = word[:1]
        flags = 0
        # A weekday is never part of a name: "said Ana Velk Wednesday".
        if head.isupper() and head.isalpha() and word not in NOT_NAMES \
                and word.lower() not in WEEKDAYS:
            flags |= CAPITAL
        elif lex.people.is_elided_surname(word):
            flags |= CAPITAL  # "d'Ottavio": a surname after its elided particle
        if lex.is_title(word):
            flags |= TITLE
        if word in lex.titles or word in lex.people.roles:
            flags |= TITLE_OR_ROLE
        if word in CONTEXT_WORDS or word in lex.reporting or word.lower() in CONTEXT_LOWER:
            flags |= CONTEXT
        if word.isupper():
            flags |= UPPER
        if lex.is_common(word):
            flags |= COMMON
        if len(self.known) >= _MAX_WORDS:
            self.known.clear()
        self.known[word] = flags
        return flags

    def of(self, words: list[str]) -> list[int]:
        """The flags of each word, in order."""
        known = self.known
        flags = [known.get(w, -1) for w in words]
        for k, f in enumerate(flags):
            if f < 0:
                flags[k] = self.classify(words[k])
        return flags


_BY_LEXICON: WeakKeyDictionary[Lexicon, WordClasses] = WeakKeyDictionary()


def word_classes(lex: Lexicon) -> WordClasses:
    """The one table of ``lex``: shared by every document the lexicon reads."""
    table = _BY_LEXICON.get(lex)
    if table is None:
        table = _BY_LEXICON[lex] = WordClasses(lex)
    return table
