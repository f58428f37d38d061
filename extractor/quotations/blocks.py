"""Block quotes: a paragraph introduced by "X writes:" or "she said:" at the end of the
paragraph before it, when that paragraph is not already a quotation."""

from __future__ import annotations

import re

from .attribution import Attribution
from .context import QUOTE_CHARS, SpeechContext


def block_quotes(ctx: SpeechContext, direct: list[Attribution]) -> list[Attribution]:
    """The paragraphs quoted whole after a paragraph ending in a cue and a colon; ``direct``:
    the quotations found between marks, which a block quote never overlaps."""
    text = ctx.text
    out: list[Attribution] = []
    paras = ctx.layout.paragraphs
    covered = [(a.start, a.end) for a in direct]
    for k, (ps, pe) in enumerate(paras[:-1]):
        if text[pe - 1] != ":":
            continue
        cues = ctx.cues_between(max(ps, pe - 120), pe)
        if not cues:
            continue
        c = cues[-1]
        if not re.fullmatch(r"(?:\s*\[[^\]\n]{0,24}\])*\s*(?:\w+ly\s*)?(?:that\s*)?:", text[c.end:pe]):
            continue
        if c.according:
            continue
        phrase = ctx.main_subject(c.start, ps) if c.verb.tense == "ing" else ctx.subject(c, ps)
        if phrase is None:
            continue
        qs, qe = paras[k + 1]
        if text[qs] in QUOTE_CHARS or any(a < qe and qs < b for a, b in covered):
            continue
        out.append(Attribution(qs, qe, True, (c.start, c.end), phrase, anchor=c.start))
    return out
