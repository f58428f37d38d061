"""One document's working state for the quotation stages: its text, layout, quotation marks
and cues, and the small readings every stage shares (words between two offsets, where a
clause starts and ends, the subject of a cue)."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..layout.model import Layout
from .attribution import Relay
from .cues import CueMatch
from .lexicon import SpeechLexicon
from .marks import QuotePair
from .phrases import PASSING_PREPOSITIONS, Phrase, PhraseReader

TERMINAL = ".!?\u2026"
WORD = re.compile(r"[\w\u00c0-\u024f][\w\u00c0-\u024f'\u2019.-]*")
QUOTE_CHARS = "\"\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb'"
MAX_CUES_PER_SENTENCE = 24
# Words inside a subject phrase, not the verb after it ("Head of the agency", "X and Y").
_PHRASE_JOINERS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "a", "an"})
_OPENING_KINDS = ("role", "org")
_DEFINITE = frozenset({"the", "its", "their"})


def _opening(p: QuotePair) -> int:
    return p.open if p.open is not None else p.start


class SpeechContext:
    """One document's working state."""

    def __init__(self, lex: SpeechLexicon, reader: PhraseReader, text: str, layout: Layout,
                 pairs: list[QuotePair], cues: list[CueMatch]) -> None:
        self.lex, self.reader = lex, reader
        self.text, self.layout = text, layout
        self.pairs = pairs
        self.top = [p for p in pairs if p.depth == 0]
        # Indexes for the questions the stages ask of every sentence, answered by bisection
        # so that a document's cost does not grow with its sentences times its quotations.
        by_opening = sorted(self.top, key=_opening)
        self._openings = [_opening(p) for p in by_opening]
        self._by_opening = by_opening
        self._closes = sorted(p.close for p in self.top if p.close is not None)
        self.cues = cues
        self._cue_starts = [c.start for c in cues]
        # "according to X" beside an attribution: found while planning reported speech,
        # applied to the records once all are found (``extractor.quotations.relays``).
        self.relays: list[Relay] = []

    def cues_between(self, start: int, end: int) -> list[CueMatch]:
        k = bisect_left(self._cue_starts, start)
        out: list[CueMatch] = []
        while k < len(self.cues) and self.cues[k].start < end:
            out.append(self.cues[k])
            k += 1
            if len(out) >= MAX_CUES_PER_SENTENCE:
                break
        return out

    def next_opening(self, pos: int) -> int | None:
        """Where the first top-level quotation opening at or after ``pos`` opens."""
        k = bisect_left(self._openings, pos)
        return self._openings[k] if k < len(self._openings) else None

    def opening_between(self, lo: int, hi: int) -> list[QuotePair]:
        """The top-level quotations whose opening (the mark, or the content start of one
        with no opener) lies in ``lo``..``hi`` (end excluded)."""
        return self._by_opening[bisect_left(self._openings, lo):bisect_left(self._openings, hi)]

    def last_close_between(self, lo: int, hi: int) -> int | None:
        """The last closing mark of a top-level quotation in ``lo``..``hi`` (end excluded)."""
        k = bisect_left(self._closes, hi) - 1
        return self._closes[k] if k >= 0 and self._closes[k] >= lo else None

    def words(self, start: int, end: int) -> int:
        return len(WORD.findall(self.text, start, end))

    def clause_start(self, sentence_start: int, limit: int) -> int:
        """Where a sentence's own words begin: after a dateline and leading space."""
        text = self.text
        pos = sentence_start
        dateline = self.layout.dateline
        if dateline is not None and dateline.start == pos and dateline.end <= limit:
            pos = dateline.end
        while pos < limit and text[pos].isspace():
            pos += 1
        return pos

    def subject(self, cue: CueMatch, floor: int) -> Phrase | None:
        ss, _ = self.layout.sentence(cue.start)
        cs = self.clause_start(ss, cue.start)
        # The dateline is no part of the subject: "PLACE (date) - The agency announced".
        return self.reader.subject_before(self.text, max(floor, cs), cue.start, cs)

    def main_subject(self, before: int, floor: int) -> Phrase | None:
        """The speaker of the clause a participle ("adding", "noting") hangs on."""
        ss, _ = self.layout.sentence(before)
        floor = max(ss, floor)
        toks = self.reader.tokens(self.text, floor, before)
        n = 0
        while n < min(4, len(toks)) and toks[-1 - n].cap and toks[-1 - n].text.isalpha():
            n += 1
        if n and len(toks) > n and toks[-1 - n].low == "with":
            # "..., with Okafor stating: ...": the participle has its own subject
            p = self.reader.classify(self.text, toks[-n:])
            if p is not None and p.kind == "name":
                return p
        for c in reversed(self.cues_between(floor, before)):
            if c.cue is not None and c.cue.tense != "ing":
                p = self.subject(c, floor)
                if p is not None:
                    return p
        toks = toks[:40]
        k = 0
        while k < len(toks):
            t = toks[k]
            if t.low in ("he", "she", "they") and len(t.text) <= 4:
                return self.reader.pronoun(t)
            if t.cap and k > 0 and t.text.isalpha():
                run = [t]
                for u in toks[k + 1:k + 5]:
                    if u.cap:
                        run.append(u)
                    else:
                        break
                # "After meeting with Governor X, he said": a name in a prepositional
                # phrase is not the subject (one opening the sentence, "For X, ...", may be)
                passing = k > 1 and toks[k - 1].low in PASSING_PREPOSITIONS
                p = None if passing else self.reader.classify(self.text, run)
                if p is not None and p.kind == "name":
                    return p
                k += len(run) if passing else 1
                continue
            k += 1
        return None

    def opening_subject(self, before: int, floor: int) -> Phrase | None:
        """The subject that opens the clause of a participle when no reporting verb or name
        stands before it ("The council closed the road, saying it was unsafe"): a definite
        speaker phrase that starts the sentence and ends before its first lower-case verb."""
        ss, _ = self.layout.sentence(before)
        toks = self.reader.tokens(self.text, max(ss, floor), before)
        if not toks or toks[0].low not in _DEFINITE:
            return None
        start = toks[0].start
        for t in toks[1:6]:
            if t.cap or not t.text.isalpha() or t.low in _PHRASE_JOINERS:
                continue
            p = self.reader.subject_before(self.text, start, t.start, start)
            if p is not None and p.start == start and p.kind in _OPENING_KINDS:
                return p
        return None

    def content_end(self, start: int, sentence_end: int, stops: list[int]) -> int:
        """End of a reported clause: the sentence end, a participle or a later attribution."""
        end = sentence_end
        for s in stops:
            if start < s < end:
                end = s
        return self.trim_end(start, end)

    def trim_end(self, start: int, end: int) -> int:
        text = self.text
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if end > start and text[end - 1] in "\u201d\"":
            # a stray closing mark at the end of a paragraph with no opener
            end -= 1
        while end > start and text[end - 1] in TERMINAL:
            end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return end
