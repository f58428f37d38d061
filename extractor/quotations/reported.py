"""Reported speech: "X said (that) ...", "..., X said", "according to X, ...", "..., adding
that ...". Each cue outside the direct quotations is planned (``extractor.quotations.plans``)
and its plan becomes a record with ``direct: false`` whose content has no "that" and no final
punctuation; an "according to X" that relays another attribution becomes a
:class:`~extractor.quotations.attribution.Relay` of the context instead."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .attribution import Attribution, Relay
from .context import MAX_CUES_PER_SENTENCE, SpeechContext
from .cues import CueMatch
from .plans import Plan, plan

_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas)\s|;\s")
_COMMA_BEFORE = re.compile(r"[,:]\s*$")
_FRAGMENT_WORDS = 5  # at most this many quoted words may be a fragment of a reported clause


def reported_speech(ctx: SpeechContext, direct: list[Attribution]
                    ) -> tuple[list[Attribution], dict[int, Attribution]]:
    """The reported clauses of the document, and the direct quotations (by ``id``) that are
    only a fragment of one of them."""
    out: list[Attribution] = []
    spans = DirectSpans(direct)
    by_start = sorted(direct, key=lambda d: d.start)
    starts = [d.start for d in by_start]
    embedded: dict[int, Attribution] = {}
    for (ss, se), cues in cues_by_sentence(ctx, direct).items():
        for a in reported_in_sentence(ctx, ss, se, cues):
            fragments = embedded_fragments(ctx, a, by_start, starts)
            if fragments:
                embedded.update((id(d), d) for d in fragments)
                out.append(a)
            elif keeps_clause(ctx, a, spans):
                out.append(a)
    return out, embedded


def cues_by_sentence(ctx: SpeechContext, direct: list[Attribution]
                     ) -> dict[tuple[int, int], list[CueMatch]]:
    """The cues that may report a clause, by sentence: none inside a direct quotation, none
    that attributes one. A cue standing apart from the marks it attributes ("said that while
    X, print “remained weak” and ...") also reports the clause around them."""
    used = {a.cue for a in direct if a.cue is not None and not a.partial}
    inside = sorted((a.start, a.end) for a in direct)
    istarts = [s for s, _ in inside]

    def in_quote(pos: int) -> bool:
        k = bisect_right(istarts, pos) - 1
        return k >= 0 and inside[k][0] <= pos < inside[k][1]

    by_sentence: dict[tuple[int, int], list[CueMatch]] = {}
    for c in ctx.cues:
        if (c.start, c.end) in used or in_quote(c.start):
            continue
        sent = ctx.layout.sentence(c.start)
        lst = by_sentence.setdefault(sent, [])
        if len(lst) < MAX_CUES_PER_SENTENCE:
            lst.append(c)
    return by_sentence


class DirectSpans:
    """The extents of the direct quotations, sorted, with the furthest end reached by those
    that start at or before each one: which of them start inside a clause, and whether one
    encloses it, by bisection."""

    def __init__(self, direct: list[Attribution]) -> None:
        self.spans = sorted((a.start, a.end) for a in direct)
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []
        for _, e in self.spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def starting_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self.spans[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def encloses(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and self.reach[k] >= end


def keeps_clause(ctx: SpeechContext, a: Attribution, spans: DirectSpans) -> bool:
    """Whether reported clause ``a`` stands beside the direct quotations (``spans``) and says
    enough to be a record."""
    if any(e >= a.end or 2 * (e - s) > a.end - a.start or ctx.words(e, a.end) < 3
           for s, e in spans.starting_in(a.start, a.end) if (s, e) != (a.start, a.end)):
        return False  # the reported clause ends in a direct quotation: keep that one
    # (a few quoted words inside a longer reported clause nest in it)
    if spans.encloses(a.start, a.end):
        return False
    return not (a.end - a.start < 2 or ctx.words(a.start, a.end) < 3)


def embedded_fragments(ctx: SpeechContext, a: Attribution, by_start: list[Attribution],
                       starts: list[int]) -> list[Attribution]:
    """Short quoted words inside reported clause ``a`` that have no attribution of their
    own ("said the outlook was “highly uncertain.”"), when the clause says more than they do.
    ``by_start``: the direct quotations in order of their start; ``starts``: their starts."""
    k = bisect_left(starts, a.start)
    inside = []
    quoted_words = 0
    for d in by_start[k:k + 8]:
        if d.start >= a.end:
            break
        if d.end > a.end + 3:
            return []  # the clause ends inside the quotation: the quotation is the speech
        if d.source is not None or not (d.cue is None or d.cue == a.cue):
            return []
        n = ctx.words(d.start, d.end)
        if n > _FRAGMENT_WORDS:
            return []
        quoted_words += n
        inside.append(d)
    if not inside or ctx.words(a.start, a.end) - quoted_words < max(4, quoted_words):
        return []
    return inside


def reported_in_sentence(ctx: SpeechContext, ss: int, se: int, cues: list[CueMatch]) -> list[Attribution]:
    """The reported clauses of the sentence ``ss``-``se`` whose cues are ``cues``."""
    cs = ctx.clause_start(ss, se)
    # Where a quotation closes inside the sentence, the clause before it is not reported.
    floor = cs
    close = ctx.last_close_between(cs, cues[0].start)
    if close is not None:
        floor = max(floor, close + 1)
    plans = [pl for pl in (plan(ctx, c, cs, floor, se) for c in cues if c.start >= cs) if pl is not None]
    stops = clause_stops(ctx, cs, se) + [pl.stop for pl in plans if pl.stop is not None]
    out = []
    for pl in plans:
        if pl.kind == "relay":
            ctx.relays.append(Relay(pl.at, pl.comma if pl.comma is not None else se, pl.phrase,
                                    pl.cue.start))
            continue
        a = clause_of_plan(ctx, pl, floor, se, stops)
        if a is not None:
            out.append(a)
    return out


def clause_stops(ctx: SpeechContext, cs: int, se: int) -> list[int]:
    """Where a reported clause of the sentence must end before the sentence does: at "; ",
    ", while", and where a participle or a quotation set off by a comma follows ("...,
    adding, “...”"); the quotation is its own (direct) record."""
    text = ctx.text
    stops: list[int] = [m.start() for m in _CLAUSE_BREAK.finditer(text, cs, se)]
    for c in ctx.cues_between(cs, se):
        if c.cue is not None and c.cue.tense == "ing":
            m = _COMMA_BEFORE.search(text, max(cs, c.start - 4), c.start)
            if m:
                stops.append(m.start())
    for p in ctx.opening_between(cs + 1, se):
        if p.open is not None and cs < p.open < se:
            m = _COMMA_BEFORE.search(text, max(cs, p.open - 4), p.open)
            if m:
                stops.append(m.start())
    return stops


def clause_of_plan(ctx: SpeechContext, p: Plan, floor: int, se: int, stops: list[int]
                   ) -> Attribution | None:
    """The reported clause a plan points at (``floor``: where a clause before its cue may
    start; ``se``: the sentence end; ``stops``: where clauses after a cue end)."""
    c = p.cue
    if p.kind == "post":
        start = floor
        end = ctx.trim_end(start, p.at)
        if has_open_quote(ctx, start, end):
            return None
        start = skip_stray_marks(ctx, start, end)
        return Attribution(start, end, False, (c.start, c.end), p.phrase, anchor=c.start)
    if p.kind == "whole":
        return Attribution(p.at, ctx.trim_end(p.at, se), False, (c.start, c.end), p.phrase,
                           anchor=c.start)
    end = ctx.content_end(p.at, se, stops)
    return Attribution(p.at, end, False, (c.start, c.end), p.phrase, anchor=c.start)


def skip_stray_marks(ctx: SpeechContext, start: int, end: int) -> int:
    """A clause never opens with the punctuation a broken quotation left behind."""
    text = ctx.text
    while start < end and (text[start].isspace() or text[start] in ",;:.!?)]\u201d\u2019\"'\u2014\u2013-"):
        start += 1
    return start


def has_open_quote(ctx: SpeechContext, start: int, end: int) -> bool:
    """Whether a quotation of more than four words opens between ``start`` and ``end``."""
    return any(not p.unopened for p in ctx.opening_between(start, end)
               if p.end - p.start > 0 and ctx.words(p.start, p.end) > 4)
