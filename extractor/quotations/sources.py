"""Sources that the phrase reader leaves to the quotation stages: the source after
"according to" ("according to the head of the customs office (X), ..."), a document as
the source ("the report", "X's complaint", "a letter from X") and a speaker noun with a
lower-case complement ("critics of the plan")."""

from __future__ import annotations

import re

from .context import SpeechContext
from .phrases import Phrase, Token

_PP_WORDS = frozenset({"of", "at", "for", "in", "with", "from", "by"})
_DETERMINERS_PP = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
_PHRASE_STOPS = frozenset({"that", "which", "who", "whom", "whose", "and", "or", "but", "as", "if",
                           "is", "are", "was", "were", "has", "have", "had", "will", "would"})
_PHRASE_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "at", "in", "on", "from", "to",
                           "de", "al", "bin", "van", "von", "&", "senior", "top", "former", "acting",
                           "deputy", "its", "his", "her", "their"})
_MAX_SOURCE_TOKENS = 40
# "according to him, ...": the object pronoun names the speaker its subject form would.
_OBJECT_PRONOUN = re.compile(r"\s*(him|her|them)\s*,\s*")
_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}


def according_phrase(ctx: SpeechContext, pos: int, limit: int) -> tuple[Phrase | None, int]:
    """The source after "according to" and where the reported clause starts."""
    text = ctx.text
    m = _OBJECT_PRONOUN.match(text, pos, limit)
    if m:
        return Phrase(m.start(1), m.end(1), "pronoun", head=_SUBJECT_FORM[m.group(1)]), m.end()
    out = _source_tokens(ctx, ctx.reader.tokens(text, pos, min(limit, pos + 320)))
    if out is None:
        return None, pos
    while out and (out[-1].text == "," or out[-1].low in ("and", "of", "the", "a")):
        out.pop()
    if not out:
        return None, pos
    if any(t.low in ctx.lex.data_sources and not t.cap for t in out) and not any(
            t.low in ctx.lex.roles or t.low in ctx.lex.generic for t in out):
        return None, pos
    phrase = ctx.reader.classify(text, out)
    if phrase is None or phrase.kind == "org" and document_of(ctx, out) is not None:
        phrase = document_of(ctx, out)
    if phrase is None:
        return None, pos
    return phrase, _clause_after_source(ctx, out[-1].end, limit)


def _clause_after_source(ctx: SpeechContext, after: int, limit: int) -> int:
    """Where the reported clause starts after a source ending at ``after``."""
    text = ctx.text
    m = re.compile(r"\s+(?:and|or)\s+(?:[\w-]+\s+){0,3}[\w-]+\s*,\s*").match(text, after, limit)
    if m and not ctx.cues_between(after, m.end()):
        return m.end()  # "according to Radio Nord and press agencies, ..."
    m = re.compile(r"\s*,?\s*").match(text, after)
    return m.end() if m else after


def _source_tokens(ctx: SpeechContext, toks: list[Token]) -> list[Token] | None:
    """The tokens of the source from the start of ``toks``, up to the punctuation or word
    that ends it; None when the source runs on too long to be one."""
    k = 0
    out: list[Token] = []
    while k < len(toks):
        t = toks[k]
        if t.text == ",":
            if not _comma_inside_source(ctx, toks, k, out):
                break
            out.append(t)
            k += 1
            continue
        if t.text in ";:\u2014\u2013\"\u201c\u201d":
            break
        if t.text == "(" and out:
            close = _parenthesis_end(toks, k)
            if close is None:
                break
            out.extend(toks[k:close + 1])
            k = close + 1
            continue
        j = _lowercase_object_at(ctx, toks, k, out)
        if j > k:
            # "according to head of the country's customs office (X)": the object of
            # a preposition in lower case, up to the punctuation that ends the source
            out.extend(toks[k:j])
            k = j
            continue
        if not _word_in_source(ctx, toks, k, out):
            break
        out.append(t)
        k += 1
        if len(out) > _MAX_SOURCE_TOKENS:
            return None
    return out


def _comma_inside_source(ctx: SpeechContext, toks: list[Token], k: int, out: list[Token]) -> bool:
    """Whether the comma at ``k`` continues the source: an organisation's list of names
    ("Ministry of Fisheries, Forests and Water") or an appositive ("X, the spokesman of Y,")."""
    rest = toks[k + 1:k + 6]
    if rest and rest[0].cap and any(u.low == "and" for u in rest) and all(
            u.cap or u.low in ("and", "of", "the") for u in rest[:rest.index(next(u for u in rest if u.low == "and")) + 2]
            if u is not None):
        return True
    return bool(out and toks[k + 1:k + 2] and (toks[k + 1].low in ("the", "a", "an") or toks[k + 1].low
                                               in ctx.lex.roles) and out[-1].low not in ctx.lex.roles
                and not _subject_of_verb(ctx, toks, k + 1))


def _subject_of_verb(ctx: SpeechContext, toks: list[Token], k: int) -> bool:
    """Whether the words from ``k`` to the next comma hold a finite reporting verb: "according
    to Reuters, the minister said ..." names a subject there, not an appositive."""
    for t in toks[k:k + _MAX_SOURCE_TOKENS]:
        if t.text == ",":
            return False
        cue = ctx.lex.cue(t.text) if t.text.islower() else None
        if cue is not None and cue.tense in ("s", "past"):
            return True
    return False


def _parenthesis_end(toks: list[Token], k: int) -> int | None:
    """Index of the ")" closing the "(" at ``k`` within 14 tokens; None if there is none."""
    m = k + 1
    while m < len(toks) and toks[m].text != ")" and m - k < 14:
        m += 1
    return m if m < len(toks) and toks[m].text == ")" else None


def _lowercase_object_at(ctx: SpeechContext, toks: list[Token], k: int, out: list[Token]) -> int:
    """End of a lower-case object of a preposition (or a document word) starting at ``k``
    inside the source read so far (``out``); ``k`` when there is none."""
    t = toks[k]
    if t.text.islower() and out and (t.low in ctx.lex.documents or out[-1].low in _PP_WORDS or (
            out[-1].low in _DETERMINERS_PP and len(out) > 1 and out[-2].low in _PP_WORDS)):
        return lowercase_object_end(ctx, toks, k)
    return k


def _word_in_source(ctx: SpeechContext, toks: list[Token], k: int, out: list[Token]) -> bool:
    """Whether the word at ``k`` may stand in a source: a capitalised word, a connector, a
    role or source word, a kind of organisation after a determiner ("the agency"), or a
    lower-case modifier after "the" before one of those."""
    t = toks[k]
    if t.cap or t.text in "()" or t.low in _PHRASE_WORDS or t.low in ctx.lex.roles \
            or t.low in ctx.lex.generic or t.low in ctx.lex.data_sources:
        return True
    if not (out and out[0].low in ("the", "a", "an") and t.text.islower() and len(out) < 6):
        return False
    if t.low in ctx.lex.org_kinds:
        return True
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and (nxt.cap or nxt.low in ctx.lex.roles or nxt.low in ctx.lex.generic
                                or nxt.low in ctx.lex.org_kinds or nxt.low in ctx.lex.org_kind_words)


def lowercase_object_end(ctx: SpeechContext, toks: list[Token], k: int) -> int:
    """End index of a run of up to five lower-case words from ``k`` that reaches a comma, a
    parenthesis, a capitalised word or the end of the window; ``k`` if there is none."""
    j = k
    while j < len(toks) and j - k < 5:
        t = toks[j]
        word = t.text[:-2] if t.text[-2:] in ("'s", "\u2019s") else t.text
        if not (word.isalpha() and word.islower()) or t.low in _PHRASE_STOPS or (
                ctx.lex.cue(t.text) is not None and t.low not in ctx.lex.documents):
            break
        j += 1
    if j == k:
        return k
    if j == len(toks) or toks[j].text in ",(" or toks[j].cap:
        return j
    return k


def document_of(ctx: SpeechContext, toks: list[Token]) -> Phrase | None:
    """A document as the source ("the report", "the SEC's complaint", "a letter from X"):
    kind "document", ``name`` its owner when the phrase names one."""
    head = next((n for n, t in enumerate(toks) if t.low in ctx.lex.documents and t.text.islower()), None)
    if head is None or any(t.low in ctx.lex.roles or t.low in ctx.lex.generic for t in toks[:head]):
        return None
    owner = None
    before = toks[:head]
    poss = next((n for n in range(len(before) - 1, -1, -1)
                 if before[n].text[-2:] in ("'s", "\u2019s") and before[n].cap), None)
    if poss is not None:
        a = poss
        while a > 0 and before[a - 1].cap:
            a -= 1
        end = before[poss].end - 2
        owner = ctx.reader.classify(ctx.text, ctx.reader.tokens(ctx.text, before[a].start, end))
    elif head + 2 < len(toks) and toks[head + 1].low in ("by", "from", "of"):
        rest = [t for t in toks[head + 2:] if t.text not in ",;"]
        owner = ctx.reader.classify(ctx.text, rest) if rest and any(t.cap for t in rest) else None
    name = owner.name if owner is not None and owner.kind in ("name", "org") else None
    return Phrase(toks[0].start, toks[-1].end, "document", head=toks[head].low, name=name,
                  definite=toks[0].low not in ("a", "an"))


def noun_subject(ctx: SpeechContext, start: int, cue: int) -> Phrase | None:
    """A short subject the phrase reader leaves: a document ("The SEC's complaint
    alleges") or a speaker noun with a lower-case complement ("Critics of the plan said")."""
    toks = ctx.reader.tokens(ctx.text, start, cue)
    while toks and toks[-1].low in ctx.lex.auxiliary:
        toks.pop()
    if not toks or len(toks) > 9 or toks[-1].low in ctx.lex.passive:
        return None
    if toks[-1].low in ctx.lex.documents and toks[-1].text.islower():
        return document_of(ctx, toks)
    k = 1 if toks[0].low in _DETERMINERS_PP else 0
    if k + 2 < len(toks) and toks[k + 1].low in _PP_WORDS and all(
            t.text.islower() or t.cap or t.text[-2:] in ("'s", "\u2019s") for t in toks[k + 2:]):
        head = toks[k].low
        if head in ctx.lex.generic and (head not in ctx.lex.roles or head.endswith("s")):
            return Phrase(toks[0].start, toks[-1].end, "generic", head=head, definite=k == 1)
        if head in ctx.lex.roles:
            return Phrase(toks[0].start, toks[-1].end, "role", head=head,
                          definite=toks[0].low not in ("a", "an"))
    return None


def plural_head(ctx: SpeechContext, phrase: Phrase) -> bool:
    """"Reports by the agency say": a plural source noun heads the phrase."""
    return any(t.low in ctx.lex.generic and t.low.endswith("s") for t in
               ctx.reader.tokens(ctx.text, phrase.start, min(phrase.end, phrase.start + 60))[:4])
