"""Quoted terms: short quoted words that are not speech (mottos, scare quotes, titles) and
quoted fragments that belong to a longer reported clause. They go to
``doc.spans["facts_terms"]``."""

from __future__ import annotations

from .attribution import Attribution
from .context import WORD, SpeechContext
from .marks import QuotePair


def is_term(ctx: SpeechContext, pair: QuotePair, att: Attribution | None, nwords: int,
            terminal: bool) -> bool:
    """Whether the quoted words of ``pair`` (``nwords`` words, ``terminal`` when they end in
    a sentence or clause mark; ``att`` their attribution if any) are a term, not speech.
    Only a pair with an opening mark can be a term."""
    if pair.open is None:
        return False
    text = ctx.text
    if ctx.lex.term_cue_re.search(text, max(0, pair.open - 60), pair.open):
        return not terminal or nwords <= 4
    if terminal or nwords > 4:
        if att is None and not terminal:
            words = WORD.findall(text, pair.start, pair.end)
            caps = sum(1 for w in words if w[0].isupper())
            return caps * 10 >= len(words) * 7  # a title in Title Case
        return False
    # Short words with no speaker in sight are a scare quote or a name; with a
    # speaker in the sentence they are that speaker's words ("said she was “shocked”").
    return att is None


def fragments_to_terms(direct: list[Attribution], terms: list[tuple[int, int]],
                       embedded: dict[int, Attribution]
                       ) -> tuple[list[Attribution], list[tuple[int, int]]]:
    """A few quoted words inside a longer reported clause are part of it, not speech of
    their own: they leave the direct quotations (``embedded``, by ``id``) and stay as terms."""
    if not embedded:
        return direct, terms
    kept = [a for a in direct if id(a) not in embedded]
    return kept, sorted(terms + [(embedded[k].start, embedded[k].end) for k in embedded])
