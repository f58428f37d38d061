"""Relays: an outlet that passes on someone's words is not their speaker.

"Head of the Guild says exports rose, the state broadcaster reported", "According to Reuters,
the minister said ...", "The minister said, according to the agency, that ...", "“...,” he
said, according to Delta Wire": the speaker is the one the relayed attribution names; the
outlet is kept apart, as the record's ``via``. Two shapes:

- a reported clause that holds an attribution of its own, reported by a relaying cue
  ("reported", "according to") or by an outlet ("the paper", "Harbour News"): the records
  it relays take the outlet as ``via``, and it stays the outlet's record of the whole
  (nested reported speech). Where the attribution it holds opens it but made no record (its
  clause is short: "Head of X says exports rose, the broadcaster reported"), that
  attribution gets its record here;
- "according to X" beside an attribution, planned as a
  :class:`~extractor.quotations.attribution.Relay`: the records of the attribution it
  covers take X as ``via``; so do those of "Y was quoted by X as saying".

A clause an outlet reports with no attribution inside ("Reuters reported that prices rose
sharply") is the outlet's own: it stays its speaker, with no ``via``.
"""

from __future__ import annotations

import re

from .attribution import Attribution, Relay
from .context import SpeechContext
from .phrases import Phrase
from .plans import after_adverbial

# The reporting verbs whose subject passes on what others said ("IRIB reported").
_RELAYING_LEMMAS = frozenset({"report"})
_SPEAKER_KINDS = ("name", "role", "pronoun", "org")
_THAT = re.compile(r"\s*that\s+")
_LOWER_WORD = re.compile(r"[a-z]+")
_QUOTED_BY = re.compile(r"quoted\s+by\s+(.+?)\s+as\s+\w+$")


def apply_relays(ctx: SpeechContext, found: list[Attribution]) -> list[Attribution]:
    """The records of ``found`` with every relay applied: ``via`` set on the records an
    outlet relays, and a record added for a relayed attribution that had none."""
    out = list(found)
    for r in [a for a in found if relays_speech(ctx, a)]:
        inner = relayed_records(r, out)
        if not inner:
            opened = opening_attribution(ctx, r)
            inner = [opened] if opened is not None else []
            out.extend(inner)
        for a in inner:
            if a.via is None:
                a.via = r.phrase
    for relay in ctx.relays:
        relay_beside(relay, out)
    for a in out:
        if a.via is None and a.cue is not None:
            a.via = quoting_outlet(ctx, a.cue)
    return out


def relays_speech(ctx: SpeechContext, a: Attribution) -> bool:
    """Whether reported clause ``a`` may relay another's speech: its cue is "according to"
    or a relaying verb, or its speaker phrase names an outlet."""
    if a.direct or a.phrase is None or a.cue is None:
        return False
    surface = ctx.text[a.cue[0]:a.cue[1]]
    if surface[:9].lower() == "according":
        return True
    cue = ctx.lex.cue(surface)
    return (cue is not None and cue.lemma in _RELAYING_LEMMAS) or names_outlet(ctx, a.phrase)


def names_outlet(ctx: SpeechContext, phrase: Phrase) -> bool:
    """A phrase with a word of a news outlet ("the state broadcaster", "Harbour News")."""
    words = _LOWER_WORD.findall(ctx.text[phrase.start:phrase.end].lower())
    return any(w in ctx.lex.outlet_words for w in words)


def relayed_records(r: Attribution, found: list[Attribution]) -> list[Attribution]:
    """The records inside ``r`` whose attribution is inside it too: what ``r`` relays."""
    return [a for a in found if a is not r and r.start <= a.start and a.end <= r.end
            and a.cue is not None and r.start <= a.cue[0] < r.end]


def opening_attribution(ctx: SpeechContext, r: Attribution) -> Attribution | None:
    """The record of the attribution that opens ``r``'s clause ("Head of X says exports
    rose"); None when no attribution opens it. Its clause may be shorter than a record's
    needs to be alone: the relay shows it is speech."""
    text = ctx.text
    for c in ctx.cues_between(r.start, r.end)[:3]:
        if c.cue is None or c.cue.tense not in ("s", "past"):
            continue
        phrase = ctx.reader.subject_before(text, r.start, c.start, r.start)
        if phrase is None or phrase.kind not in _SPEAKER_KINDS or text[r.start:phrase.start].strip():
            return None
        start = after_adverbial(ctx, c.end, r.end)
        m = _THAT.match(text, start, r.end)
        start = m.end() if m else start
        while start < r.end and text[start].isspace():
            start += 1
        if ctx.words(start, r.end) < 2:
            return None
        return Attribution(start, r.end, False, (c.start, c.end), phrase, anchor=c.start)
    return None


def quoting_outlet(ctx: SpeechContext, cue: tuple[int, int]) -> Phrase | None:
    """The outlet of a cue "was quoted by X as saying": X relays the words."""
    m = _QUOTED_BY.search(ctx.text, cue[0], cue[1])
    if m is None:
        return None
    return ctx.reader.classify(ctx.text, ctx.reader.tokens(ctx.text, m.start(1), m.end(1)))


def relay_beside(relay: Relay, found: list[Attribution]) -> None:
    """Give ``relay``'s outlet as ``via`` to the records of the attribution it covers: the
    one whose cue is nearest to it within its reach."""
    cues = {a.cue for a in found if a.cue is not None and relay.start <= a.cue[0] < relay.end}
    if not cues:
        return
    nearest = min(cues, key=lambda c: abs(c[0] - relay.anchor))
    for a in found:
        if a.cue == nearest and a.via is None:
            a.via = relay.phrase
