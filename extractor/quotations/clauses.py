"""Where a reported clause starts when no "that" stands right after the reporting verb:
after a "that" a few words on ("pointed out to X in a meeting that ..."), right after the
verb ("said the plant was closed", "said, the plant ...") or after a participle ("adding
the plant was closed")."""

from __future__ import annotations

import re

from ..lexicon import shared, word_set
from .context import QUOTE_CHARS, WORD, SpeechContext
from .cues import CueMatch

# A clause cannot start with these right after a bare "said": "said in", "said to".
_NOT_CLAUSE = frozenset({"to", "by", "in", "on", "at", "with", "for", "of", "and", "or", "but",
                         "as", "so", "from", "than", "about", "after", "before", "during",
                         "nothing", "something", "anything", "hello", "goodbye", "yes", "no",
                         "thanks", "sorry", "amen", "otherwise", "earlier", "later", "so."})
# A finite verb somewhere early in a bare reported clause ("added the plant was closed").
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|"
                     r"did|does|do|shall|\w{3,}ed)\b")
# Verbs that take a person before the that-clause ("told reporters that", "warned investors that").
_OBJECT_THAT = word_set("quotations/object_that_verbs.txt")
# Words that open an adjunct between a reporting verb and its "that" ("said in a statement that").
_ADJUNCT_OPENERS = frozenset({"to", "in", "on", "at", "during", "after", "before", "for", "with", "from",
                              "via", "through", "over", "earlier", "later", "last", "this", "yesterday",
                              "today", "tonight", "again", "also", "while", "when", "under", "amid",
                              "following", "since", "within", "among", "without", "by", "that", "as",
                              "once", "then", "further", "recently", "previously", "here", "there",
                              "separately", "too", "instead", "however", "both", "not"}) | shared.weekday_words()
_THAT_REACH = 16  # words a reporting verb may stand from its "that" ("pointed out to X ... that")


def distant_that(ctx: SpeechContext, c: CueMatch, pos: int, se: int) -> int | None:
    """Start of the clause after a "that" a few words on ("pointed out to central bank
    governor X in a meeting this week that ..."), when only an adjunct or the hearer
    stands between the verb and "that"."""
    text = ctx.text
    first = WORD.search(text, pos, min(se, pos + 40))
    if first is not None and c.verb.lemma not in _OBJECT_THAT and not (
            first.group().lower() in _ADJUNCT_OPENERS or first.group().endswith("ly")):
        # "reported quarterly profit that missed estimates": an object with a relative
        # clause, not a that-clause (only an adjunct may stand between verb and "that").
        return None
    words = 0
    for w in WORD.finditer(text, pos, min(se, pos + 200)):
        words += 1
        if words > _THAT_REACH:
            break
        if text[pos:w.start()].count(",") or any(ch in text[pos:w.start()] for ch in ";:\"\u201c"):
            break
        if w.group() == "that" and words > 1:
            return w.end() + (1 if w.end() < se and text[w.end()].isspace() else 0)
    return None


def bare_reported_clause(ctx: SpeechContext, c: CueMatch, pos: int, se: int, told: bool) -> int | None:
    """Start of a clause right after the verb without "that" ("said, the plant ...",
    "said the plant was closed"); None when what follows is no clause."""
    text = ctx.text
    m = re.compile(r"\s*,\s*").match(text, pos, se)
    if m:
        w = WORD.match(text, m.end())
        if w and w.group().lower() not in _NOT_CLAUSE and ctx.lex.cue(w.group()) is None \
                and w.group().lower() != "according" and text[m.end()] not in QUOTE_CHARS:
            return m.end()
        return None
    m = re.compile(r"\s+").match(text, pos, se)
    if not m:
        return None
    w = WORD.match(text, m.end())
    if not w or text[m.end()] in QUOTE_CHARS:
        return None
    first = w.group().lower()
    if first in _NOT_CLAUSE and not re.match(r"in order|as (?:many|much|few|little|well|long|high|low|of)\b",
                                              text[m.end():m.end() + 12]):
        return None
    if ctx.lex.cue(w.group()) is not None:
        return None
    if (c.verb.lemma != "say" or told) and not _FINITE.search(text, m.end(), min(se, m.end() + 120)):
        return None  # "shares added 2 percent": an object, not a reported clause
    return m.end()


def bare_clause(ctx: SpeechContext, pos: int, se: int) -> re.Match[str] | None:
    """A clause right after a participle without "that": it opens with a word that can
    start a clause and has a finite verb soon ("adding the plant was closed")."""
    m = re.compile(r"\s+").match(ctx.text, pos, se)
    if not m or m.end() >= se or ctx.text[m.end()] in QUOTE_CHARS:
        return None
    w = WORD.match(ctx.text, m.end())
    if not w or w.group().lower() in _NOT_CLAUSE or w.group().lower() in _ADJUNCT_OPENERS \
            or ctx.lex.cue(w.group()) is not None:
        return None
    if not _FINITE.search(ctx.text, w.end(), min(se, w.end() + 120)):
        return None
    return m


# A that-clause without "that" after a verb that usually takes one ("stated the bridge was
# unsafe", "admitted she had not read it"): a short subject right before an auxiliary or
# "be". Only this shape counts, so an object ("announced a plan to ...", "estimated the cost
# at ...") never reads as a clause.
_SUBJECT_AUX = re.compile(
    r"\s+(?:(?:he|she|it|they|we|I|you|there)"
    r"|(?:the|a|an|its|his|her|their|our|this|these|those|[A-Z][\w'\u2019-]*)"
    r"(?:\s+(?!(?:to|that|which|who|whom|whose|and|or|of|at|in|on|for|with|by|from|as)\b)"
    r"[\w'\u2019-]+){0,3})"
    r"\s+(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|"
    r"did|does|do|shall)\b")


def that_clause_without_that(ctx: SpeechContext, pos: int, se: int) -> int | None:
    """Start of a clause right after a verb of the "that" frame when it has a subject and an
    auxiliary at once ("noted the factory had reopened"); None otherwise."""
    m = _SUBJECT_AUX.match(ctx.text, pos, se)
    if m is None:
        return None
    start = m.start() + len(m.group()) - len(m.group().lstrip())
    w = WORD.match(ctx.text, start)
    if w is None or ctx.lex.cue(w.group()) is not None:
        return None
    return start
