"""Attribution planning for reported speech: for each cue of a sentence, where its speaker
phrase stands and where the clause it reports stands ("X said (that) CLAUSE", "CLAUSE, X
said.", "The plan, officials said, will ...", "..., adding that CLAUSE", "according to X,
CLAUSE"). Where a clause without "that" starts is read by ``extractor.quotations.clauses``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import bare_clause, bare_reported_clause, distant_that, that_clause_without_that
from .context import SpeechContext
from .cues import CueMatch
from .phrases import Phrase
from .sources import according_phrase, noun_subject, plural_head

_POSTPOSED_TAIL = re.compile(r"\s*(?:[.!?\u201d\"]|$|,\s*(?:[a-z]+ing|according)\b)|\s+(?:citing|quoting)\b")
_TOLD_OBJECT = re.compile(r"\s+(?:reporters|journalists|lawmakers|parliament|the\s+\w+|him|her|them|us|me|"
                          r"[A-Z][\w.&'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w.&'\u2019-]*){0,4})(?=\s|,\s)")
_RELAY_LEAD = re.compile(r"\s*,\s*(?=[A-Za-z])")
_CITING = re.compile(r"\s*,?\s*(?:citing|quoting)\s")  # "according to X, citing Y"
_LONG_SUBJECT_WORDS = 12  # an interrupted subject without commas may be this long
_PARTICIPLE = re.compile(r"\b[a-z]{2,}ing\b")
_ASIDE = re.compile(r"\s*,\s*(?=[Aa]ccording\s+to\s)")


@dataclass(frozen=True)
class Plan:
    """How a cue reports speech. ``kind`` "pre": the clause after the cue, from ``at``;
    "post": the clause before the comma at ``at``; "whole": the whole clause from ``at``;
    "participle": the clause after the participle, from ``at``, whose comma is ``comma``;
    "relay": no clause of its own, "according to" names the outlet that relays the
    attribution whose cue stands in ``at``..``comma`` (a comma that ends the clause of that
    attribution when ``ends_clause``)."""

    kind: str
    cue: CueMatch
    at: int
    phrase: Phrase
    comma: int | None = None
    ends_clause: bool = False

    @property
    def stop(self) -> int | None:
        """Where this plan ends a reported clause before it: its comma, if it has one."""
        if self.kind == "post":
            return self.at
        if self.kind == "participle" or self.ends_clause:
            return self.comma
        return None


def plan(ctx: SpeechContext, c: CueMatch, cs: int, floor: int, se: int) -> Plan | None:
    """How a cue reports speech in the sentence ending at ``se`` whose clause starts at
    ``cs`` (``floor``: where a subject may start); None when it reports nothing here."""
    if c.according:
        return plan_according(ctx, c, cs, se)
    if c.verb.tense == "ing":
        return plan_participle(ctx, c, cs, se)
    return plan_finite(ctx, c, cs, floor, se)


def plan_according(ctx: SpeechContext, c: CueMatch, cs: int, se: int) -> Plan | None:
    """"According to X, CLAUSE" (pre) or "CLAUSE, according to X." (post)."""
    text = ctx.text
    phrase, after = according_phrase(ctx, c.end, se)
    if phrase is None:
        return None
    lead = text[cs:c.start].strip()
    if lead == "" or lead.endswith(("\u2013", "\u2014", "-")):
        if attributed_clause(ctx, after, se):
            # "According to XNA, Rivera said that ...": the agency XNA relays Rivera's words
            return Plan("relay", c, after, phrase, se)
        return Plan("pre", c, after, phrase)
    if not lead.endswith(","):
        return None
    comma = text.rindex(",", cs, c.start)
    ends = text[after:se].strip(" .\n") == "" or bool(_CITING.match(text, after, se))
    if ctx.cues_between(cs, c.start):
        # "he said, according to Nordic Wire" / "he said, according to the agency, that ...":
        # the outlet relays the attribution before it
        return Plan("relay", c, cs, phrase, comma, ends_clause=ends)
    return Plan("post", c, comma, phrase) if ends else None


def plan_participle(ctx: SpeechContext, c: CueMatch, cs: int, se: int) -> Plan | None:
    """"..., adding that CLAUSE": the clause belongs to the main clause's speaker."""
    text = ctx.text
    lead = text[cs:c.start]
    if not lead.strip() or not lead.rstrip().endswith(","):
        return None
    m = re.compile(r"\s+that\s+").match(text, c.end)
    if not m and c.verb.frame == "bare":
        m = bare_clause(ctx, c.end, se)  # "..., saying the country had exported ..."
    if not m:
        return None
    phrase = ctx.main_subject(c.start, cs) or ctx.opening_subject(c.start, cs)
    if phrase is None:
        return None
    return Plan("participle", c, m.end(), phrase, text.rindex(",", cs, c.start))


def plan_finite(ctx: SpeechContext, c: CueMatch, cs: int, floor: int, se: int) -> Plan | None:
    """A finite reporting verb: its subject, then where the reported clause stands."""
    text, cue = ctx.text, c.verb
    verb_end = pos = after_relay_aside(ctx, after_adverbial(ctx, c.end, se), se)
    told = cue.lemma == "tell" and _TOLD_OBJECT.match(text, pos, se)
    if told:
        pos = told.end()  # "told Reuters the talks had collapsed": a clause after the object
    if not told and not may_report_clause(ctx, c, cs, pos, se):
        return None  # no clause this verb could report: spare the phrase reading
    phrase = finite_subject(ctx, c, cs, floor)
    if phrase is None:
        return plan_inverted(ctx, c, cs, se)
    placed = plan_postposed(ctx, c, cs, verb_end, pos, se, phrase)
    if placed is not None:
        return placed
    pre_comma = text[cs:phrase.start].rstrip()
    if phrase.start > cs and not pre_comma.endswith((",", ";", ":")) and not subject_ok(phrase):
        return None
    return plan_preposed(ctx, c, pos, se, phrase, bool(told))


def after_adverbial(ctx: SpeechContext, pos: int, se: int) -> int:
    m = ctx.lex.adverbial_re.match(ctx.text, pos, se)
    return m.end() if m else pos


def after_relay_aside(ctx: SpeechContext, pos: int, se: int) -> int:
    """After ", according to X," between a reporting verb and its clause ("said, according
    to the agency, that ..."): the outlet is a relay (planned from its own cue), the clause
    follows it."""
    m = _ASIDE.match(ctx.text, pos, se)
    if not m:
        return pos
    cue = next(iter(ctx.cues_between(m.end(), m.end() + 1)), None)
    if cue is None or not cue.according:
        return pos
    phrase, after = according_phrase(ctx, cue.end, se)
    if phrase is None or "," not in ctx.text[phrase.end:after] or not ctx.text[after:se].strip(" .\n"):
        return pos
    return after


def may_report_clause(ctx: SpeechContext, c: CueMatch, cs: int, pos: int, se: int) -> bool:
    """Whether a clause this verb could report may follow or precede it (cheap test)."""
    text, lead, rest = ctx.text, ctx.text[cs:c.start], ctx.text[pos:se]
    return c.verb.frame == "bare" or " that " in text[pos - 1:min(se, pos + 200)] \
        or lead.rstrip().endswith(",") or bool(_POSTPOSED_TAIL.match(rest)) or rest.lstrip().startswith(",") \
        or (c.verb.frame == "that" and that_clause_without_that(ctx, pos, se) is not None)


def finite_subject(ctx: SpeechContext, c: CueMatch, cs: int, floor: int) -> Phrase | None:
    """The subject before a finite cue; None when there is none or the verb form is a noun
    ("the payroll report that showed")."""
    phrase = ctx.reader.subject_before(ctx.text, max(floor, cs), c.start, cs)
    if phrase is None and floor <= cs:
        phrase = noun_subject(ctx, cs, c.start)
    if phrase is not None and c.verb.tense == "base" and not (
            phrase.kind == "generic" or (phrase.kind == "pronoun" and phrase.head in ("they", "we", "i"))
            or plural_head(ctx, phrase)):
        return None
    return phrase


def plan_inverted(ctx: SpeechContext, c: CueMatch, cs: int, se: int) -> Plan | None:
    """"CLAUSE, said the minister.": the speaker after the verb."""
    text, cue = ctx.text, c.verb
    lead = text[cs:c.start]
    if (cue.tense == "past" or (cue.tense == "s" and cue.frame == "bare")) and \
            lead.rstrip().endswith(",") and lead.strip() != ",":
        after = ctx.reader.phrase_after(text, c.end, se)
        if after is not None and text[after.end:se].strip(" .,\n\u201d\"") == "":
            return Plan("post", c, text.rindex(",", cs, c.start), after)
    return None


def plan_postposed(ctx: SpeechContext, c: CueMatch, cs: int, verb_end: int, pos: int, se: int,
                   phrase: Phrase) -> Plan | None:
    """"CLAUSE, X said (on Sunday)." (post) or "The plan, officials said, will cost $2
    billion" (whole: the whole sentence is reported). ``verb_end``: after the verb and its
    adverbials; ``pos``: after the hearer of "told" too."""
    text = ctx.text
    tail = text[verb_end:se].strip()
    pre_comma = text[cs:phrase.start].rstrip()
    if not pre_comma.endswith(",") or phrase.start <= cs:
        return None
    if tail in ("", ".", "!", "?") or re.match(r"^[.,]?\s*(?:[a-z]+ing\b|according\s+to\b)", tail) \
            and participle_or_according(ctx, tail) or relay_after(ctx, pos, se):
        return Plan("post", c, text.rindex(",", cs, phrase.start), phrase)
    if text[pos:se].lstrip().startswith(",") and interrupted_subject(ctx, cs, phrase.start) \
            and ctx.words(pos, se) >= 3:
        # the hearer of "told" stays inside the interruption ("The fund, she told
        # reporters, is empty")
        return Plan("whole", c, cs, phrase)
    return None


def interrupted_subject(ctx: SpeechContext, cs: int, speaker_start: int) -> bool:
    """Whether the words before ``speaker_start`` may be the subject that a mid-sentence
    attribution interrupts: short, or a longer noun phrase with no comma of its own ("The
    new bridge over the northern river, the minister said, will open")."""
    n = ctx.words(cs, speaker_start)
    if n <= 6:
        return True
    lead = ctx.text[cs:speaker_start].rstrip().removesuffix(",")
    # a participle makes the lead a clause of its own ("With its forces now benefiting from
    # aid from A, B and other states, ..."), not a subject
    return n <= _LONG_SUBJECT_WORDS and not any(ch in lead for ch in ",;:\"\u201c\u201d") \
        and not _PARTICIPLE.search(lead)


def plan_preposed(ctx: SpeechContext, c: CueMatch, pos: int, se: int, phrase: Phrase,
                  told: bool) -> Plan | None:
    """"X said (that) CLAUSE": the clause after the verb, after "that" or bare."""
    text, cue = ctx.text, c.verb
    m = re.compile(r"\s*that\s+").match(text, pos, se)
    if m:
        return Plan("pre", c, m.end(), phrase)
    if cue.frame in ("that", "bare") or cue.lemma == "tell":
        start = distant_that(ctx, c, pos, se)
        if start is not None:
            return Plan("pre", c, start, phrase)
    if cue.frame == "that" and not told:
        start = that_clause_without_that(ctx, pos, se)
        return None if start is None else Plan("pre", c, start, phrase)
    if cue.frame != "bare" and not told:
        return None
    start = bare_reported_clause(ctx, c, pos, se, told)
    return None if start is None else Plan("pre", c, start, phrase)


def relay_after(ctx: SpeechContext, pos: int, se: int) -> bool:
    """", XNA reported." / ", the paper quoted him as saying.": a source that relays what
    the attribution before it reports, ending the sentence."""
    m = _RELAY_LEAD.match(ctx.text, pos, se)
    if not m:
        return False
    for c in ctx.cues_between(m.end(), se)[:3]:
        if c.cue is None or c.cue.tense not in ("s", "past") or ctx.words(m.end(), c.start) > 6:
            continue
        if ctx.text[c.end:se].strip(" .,\n\u201d\"") == "" or \
                re.fullmatch(r"\s*(?:him|her|them|it)?\s*(?:as\s+saying)?[\s.]*", ctx.text[c.end:se]):
            ph = ctx.reader.subject_before(ctx.text, m.end(), c.start, m.end())
            return ph is not None and ph.kind in ("name", "org", "generic", "role")
    return False


def attributed_clause(ctx: SpeechContext, start: int, se: int) -> bool:
    """Whether a clause opens with its own speaker and reporting verb ("X said that")."""
    for c in ctx.cues_between(start, min(se, start + 160)):
        if c.cue is None or c.cue.tense not in ("s", "past") or ctx.words(start, c.start) > 10:
            continue
        ph = ctx.reader.subject_before(ctx.text, start, c.start, start)
        if ph is not None and ph.kind in ("name", "pronoun", "role", "org"):
            return True
    return False


def participle_or_according(ctx: SpeechContext, tail: str) -> bool:
    m = re.match(r"^[.,]?\s*([a-z]+)", tail)
    if not m:
        return False
    word = m.group(1)
    if word in ("according", "citing", "quoting"):
        return True  # "..., Delta Wire reports citing Harbour News."
    cue = ctx.lex.cue(word)
    return cue is not None and cue.tense == "ing"


def subject_ok(phrase: Phrase) -> bool:
    """A subject that does not open its clause must be a plain name or pronoun."""
    return phrase.kind in ("pronoun", "name", "org", "role", "generic")
