"""Direct speech: the text between paired quotation marks, with the cue and speaker phrase
before it ("X said: “...”", "according to X, “...”") or after it ("“...,” he said"), or the
attribution of the quotation it continues. Short quoted words that are not speech go to the
terms (``extractor.quotations.terms``)."""

from __future__ import annotations

import re

from .attribution import Attribution
from .context import TERMINAL, SpeechContext
from .marks import QuotePair
from .sources import according_phrase
from .terms import is_term

# A press release's sign-off under a quotation: a line break, one or two dashes, a name
# ("“...”\n-- Jane Roe, chief executive").
_SIGN_OFF = re.compile(r"[ \t]*\n\s*[-\u2013\u2014]{1,2}[ \t]*(?=[A-Z])")
_SIGN_OFF_CHARS = 160

# What may precede the speaker's name after a closing mark: lower-case modifiers ("union
# leader X said") or an appositive role ("the mayor, X, said").
# The role may be long: "deputy minister of trade for carpet and textile affairs, X".
_POST_LEAD = re.compile(r"(?:[a-z][\w-]*\s+){1,3}|(?:(?:the|a|an|The)\s+)?(?:[\w'\u2019.-]+\s+){0,9}[\w'\u2019.-]+,\s*")


def direct_quotes(ctx: SpeechContext, min_quote_words: int) -> tuple[list[Attribution], list[tuple[int, int]]]:
    """The direct quotations of the document and the quoted terms (extents) that are no speech;
    an unattributed quotation shorter than ``min_quote_words`` words is a term."""
    out: list[Attribution] = []
    terms: list[tuple[int, int]] = []
    prev: Attribution | None = None
    prev_pair: QuotePair | None = None
    by_pair: dict[int, Attribution] = {}
    for pair in ctx.top:
        content = (pair.start, pair.end)
        if pair.end - pair.start < 1 or not ctx.text[pair.start:pair.end].strip():
            continue
        att = attribute_direct(ctx, pair, prev_pair)
        nwords = ctx.words(*content)
        inner = ctx.text[pair.start:pair.end].rstrip()
        terminal = bool(inner) and inner[-1] in TERMINAL + ",?!"
        if is_term(ctx, pair, att, nwords, terminal):
            terms.append(content)
            continue
        if pair.unopened and att is None:
            continue
        if att is None:
            src = continuation_source(ctx, pair, prev, prev_pair)
            if src is None and pair.close is None and pair.next is None:
                continue  # a mark never closed is speech only when attributed
            if src is None and nwords < min_quote_words:
                terms.append(content)
                continue
            att = Attribution(pair.start, pair.end, True, anchor=pair.start, source=src)
        out.append(att)
        by_pair[id(pair)] = att
        prev, prev_pair = att, pair
    share_across_paragraphs(ctx, by_pair)
    return out, terms


def share_across_paragraphs(ctx: SpeechContext, by_pair: dict[int, Attribution]) -> None:
    """A quotation that runs over paragraphs shares one attribution (``by_pair``: the
    attribution of each pair by ``id``)."""
    for pair in ctx.top:
        if pair.next is not None and id(pair) in by_pair and id(pair.next) in by_pair:
            a, b = by_pair[id(pair)], by_pair[id(pair.next)]
            if a.phrase is None and b.phrase is not None and a.source is None:
                a.source = b
            elif b.phrase is None and a.phrase is not None:
                b.source = a


def continuation_source(ctx: SpeechContext, pair: QuotePair, prev: Attribution | None,
                         prev_pair: QuotePair | None) -> Attribution | None:
    if prev is None or prev_pair is None or pair.open is None:
        return None
    if pair.prev is not None:
        return prev
    pi = ctx.layout.paragraph_index(pair.open)
    qi = ctx.layout.paragraph_index(prev_pair.start)
    if pi == qi:
        return prev
    if pi == qi + 1 and pair.open == ctx.layout.paragraphs[pi][0]:
        return prev
    return None


def attribute_direct(ctx: SpeechContext, pair: QuotePair, prev_pair: QuotePair | None) -> Attribution | None:
    """The attribution of a quotation before or after its marks; the one after wins when the
    quotation ends in a comma or a dash ("“...,” she said") or the one before stands apart."""
    post = post_attribution(ctx, pair, pair.close) if pair.close is not None else None
    pre = pre_attribution(ctx, pair, pair.open, prev_pair) if pair.open is not None else None
    inner = ctx.text[pair.start:pair.end].rstrip()
    if post is not None and (pre is None or (inner and inner[-1] in ",?!\u2014-")
                             or pre.partial):
        return post
    return pre or post or sign_off_attribution(ctx, pair)


def sign_off_attribution(ctx: SpeechContext, pair: QuotePair) -> Attribution | None:
    """"“We are proud of the team.”\n-- Jane Roe, chief executive": a quotation that ends
    its paragraph, signed on the next line by a dash and the speaker's name or role."""
    text = ctx.text
    after = pair.close + 1 if pair.close is not None else pair.end
    m = _SIGN_OFF.match(text, after)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    if line_end - m.end() > _SIGN_OFF_CHARS:
        return None
    phrase = ctx.reader.phrase_after(text, m.end(), line_end)
    if phrase is None or phrase.kind not in ("name", "role"):
        return None
    return Attribution(pair.start, pair.end, True, None, phrase, anchor=m.end())


def post_attribution(ctx: SpeechContext, pair: QuotePair, close: int) -> Attribution | None:
    """"“...,” X said" / "“...,” said X": the cue after the closing mark ``close``."""
    text = ctx.text
    pos = close + 1
    _, se = ctx.layout.sentence(close)
    if se <= pos:
        return None
    limit = min(se, pos + 240)
    opening = ctx.next_opening(pos)
    if opening is not None and opening < limit:
        limit = opening
    m = re.compile(r"[\s,.!?\u2014\u2013-]*").match(text, pos, limit)
    start = m.end() if m else pos
    for c in ctx.cues_between(start, limit)[:3]:
        if c.according or not c.verb.quotes:
            continue
        if text[start:c.start].strip() == "":
            # "..." said X  (inverted)
            phrase = ctx.reader.phrase_after(text, c.end, se)
            if phrase is None:
                return None
            return Attribution(pair.start, pair.end, True, (c.start, c.end), phrase, anchor=c.start)
        phrase = ctx.reader.subject_before(text, start, c.start, start)
        lead = text[start:phrase.start] if phrase is not None else ""
        if phrase is not None and (len(lead) <= 2 or _POST_LEAD.fullmatch(lead)):
            return Attribution(pair.start, pair.end, True, (c.start, c.end), phrase, anchor=c.start)
        return None
    return None


def pre_attribution(ctx: SpeechContext, pair: QuotePair, opening: int,
                    prev_pair: QuotePair | None) -> Attribution | None:
    """"X said: “...”", "according to X, “...”": the cue before the opening mark ``opening``,
    after the previous quotation of the sentence."""
    text = ctx.text
    ss, _ = ctx.layout.sentence(opening)
    floor = ss
    if prev_pair is not None and prev_pair.close is not None and prev_pair.close < opening:
        floor = max(floor, prev_pair.close + 1)
    floor = max(floor, opening - 400)
    cues = [c for c in ctx.cues_between(floor, opening) if c.according or c.verb.quotes]
    for c in reversed(cues):
        gap = text[c.end:opening]
        adjacent = ctx.lex.adjacent_gap_re.fullmatch(gap) is not None
        if c.according:
            phrase, after = according_phrase(ctx, c.end, opening)
            if phrase is None:
                continue
            att = Attribution(pair.start, pair.end, True, (c.start, c.end), phrase, anchor=c.start)
            att.partial = not adjacent and text[after:opening].strip() not in ("", ",")
            return att
        if c.verb.tense == "ing":
            phrase = ctx.main_subject(c.start, floor)
        else:
            phrase = ctx.subject(c, floor)
            if phrase is None:
                # "..., said X: “...”"
                following = ctx.reader.phrase_after(text, c.end, opening)
                if following is not None and adjacent is False and re.search(r"[,:]\s*$", gap):
                    phrase = following
        if phrase is None:
            continue
        att = Attribution(pair.start, pair.end, True, (c.start, c.end), phrase, anchor=c.start)
        att.partial = not adjacent
        return att
    return None
