"""Reporting cues in a text: the verbs of the lexicon ("said", "adding"), "according to" and
"was quoted by X as saying", without verb forms that are nouns here ("the reports")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Cue, SpeechLexicon

_PREV_WORD = re.compile(r"(?<![\w'\u2019-])([A-Za-z][\w'\u2019-]*)\s+$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b")
_NOUN_FOLLOWERS = frozenset({"by", "of", "from", "about"})


@dataclass
class CueMatch:
    start: int
    end: int
    cue: Cue | None  # None for "according to"

    @property
    def according(self) -> bool:
        return self.cue is None

    @property
    def verb(self) -> Cue:
        """The reporting verb; only asked of a cue that is not "according to"."""
        if self.cue is None:
            raise ValueError("an 'according to' cue has no reporting verb")
        return self.cue


def find_cues(lex: SpeechLexicon, text: str, skipped: list[tuple[int, int]]) -> list[CueMatch]:
    """Every cue of ``text`` in order, none inside the ``skipped`` extents (boilerplate)."""
    def kept(pos: int) -> bool:
        return not any(a <= pos < b for a, b in skipped)

    cues = [CueMatch(m.start(), m.end(), None if m.group("according") else lex.cue(m.group()))
            for m in lex.cue_re.finditer(text) if kept(m.start())]
    cues = [c for c in cues if c.cue is None or not noun_use(lex, text, c)]
    return with_quoted_by(cues, [CueMatch(m.start(), m.end(), lex.quoted_by_cue)
                                 for m in lex.quoted_by_re.finditer(text) if kept(m.start())])


def noun_use(lex: SpeechLexicon, text: str, c: CueMatch) -> bool:
    """A verb form that is a noun here: "Preliminary reports by X say", "the claims"."""
    if c.verb.tense not in ("s", "base"):
        return False
    before = _PREV_WORD.search(text, max(0, c.start - 24), c.start)
    if before and before.group(1).lower() in lex.noun_modifiers:
        return True
    after = _NEXT_WORD.match(text, c.end)
    if after:
        word = after.group(1)
        if word in _NOUN_FOLLOWERS:
            return True
        nxt = lex.cue(word)
        if nxt is not None and nxt.tense in ("s", "past", "base") and word.islower():
            return True  # "reports say", "claims suggest"
    return False


def with_quoted_by(cues: list[CueMatch], quoted_by: list[CueMatch]) -> list[CueMatch]:
    """Merge the "was quoted by X as saying" cues in, dropping the cues they contain."""
    if not quoted_by:
        return cues
    out, k = [], 0
    for c in cues:
        while k < len(quoted_by) and quoted_by[k].end <= c.start:
            out.append(quoted_by[k])
            k += 1
        if k < len(quoted_by) and quoted_by[k].start <= c.start < quoted_by[k].end:
            continue
        out.append(c)
    out.extend(quoted_by[k:])
    return out
