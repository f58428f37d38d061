"""The stages of facts_quotations one by one: cues, direct quotes, terms, reported speech and
its plans, nesting and speaker binding (every text is invented)."""

from __future__ import annotations

import pytest

from extractor.extensions import doc_text
from extractor.layout.component import layout_of
from extractor.quotations.attribution import Attribution, nest
from extractor.quotations.blocks import block_quotes
from extractor.quotations.context import SpeechContext
from extractor.quotations.cues import CueMatch, find_cues, with_quoted_by
from extractor.quotations.direct import direct_quotes
from extractor.quotations.lexicon import SpeechLexicon
from extractor.quotations.marks import pair_quotes
from extractor.quotations.mentions import EntityMentions
from extractor.quotations.phrases import Phrase, PhraseReader
from extractor.quotations.plans import Plan, plan
from extractor.quotations.reported import reported_speech
from extractor.quotations.sources import according_phrase
from extractor.quotations.terms import fragments_to_terms


@pytest.fixture(scope="module")
def lex():
    return SpeechLexicon()


def context_of(nlp, lex, text):
    doc = nlp(text)
    text = doc_text(doc)
    layout = layout_of(doc)
    reader = PhraseReader(lex).for_mentions(EntityMentions.of_doc(doc))
    return SpeechContext(lex, reader, text, layout, pair_quotes(text, layout.paragraphs),
                         find_cues(lex, text, []))


def cue_words(text, cues):
    return [text[c.start:c.end] for c in cues]


# -- cues -------------------------------------------------------------------------------

def test_cues_in_order_with_according_to(lex):
    text = "The mayor said the bridge would reopen, according to the council."
    cues = find_cues(lex, text, [])
    assert cue_words(text, cues) == ["said", "according to"]
    assert not cues[0].according and cues[0].verb.lemma == "say"
    assert cues[1].according and cues[1].cue is None


def test_cue_inside_skipped_extent_is_dropped(lex):
    text = "The mayor said the bridge would reopen."
    assert find_cues(lex, text, [(0, len(text))]) == []


def test_verb_form_used_as_noun_is_no_cue(lex):
    text = "Preliminary reports say the bridge would reopen."
    assert "reports" not in cue_words(text, find_cues(lex, text, []))


def test_according_cue_has_no_verb():
    with pytest.raises(ValueError):
        _ = CueMatch(0, 12, None).verb


def test_quoted_by_replaces_the_cues_it_contains():
    said, saying, later = CueMatch(0, 4, None), CueMatch(20, 26, None), CueMatch(40, 44, None)
    quoted = CueMatch(10, 30, None)
    assert with_quoted_by([said, saying, later], [quoted]) == [said, quoted, later]
    assert with_quoted_by([said], []) == [said]


# -- records and terms ------------------------------------------------------------------

def test_nest_drops_duplicates_and_crossing_spans():
    outer, inner, same, crossing = (Attribution(0, 50, False), Attribution(10, 20, True),
                                    Attribution(10, 20, True), Attribution(40, 60, True))
    assert nest([outer, inner, same, crossing]) == [outer, inner]
    assert nest([Attribution(5, 5, True)]) == []


def test_fragments_become_terms():
    quote, fragment = Attribution(0, 10, True), Attribution(30, 40, True)
    direct, terms = fragments_to_terms([quote, fragment], [(50, 55)], {id(fragment): fragment})
    assert direct == [quote]
    assert terms == [(30, 40), (50, 55)]
    assert fragments_to_terms([quote], [(50, 55)], {}) == ([quote], [(50, 55)])


def test_plan_stop_is_the_comma_of_a_post_or_participle_plan():
    c, ph = CueMatch(0, 4, None), Phrase(0, 2, "pronoun", head="he")
    assert Plan("post", c, 7, ph).stop == 7
    assert Plan("participle", c, 9, ph, comma=3).stop == 3
    assert Plan("pre", c, 9, ph).stop is None


# -- stages on a document ---------------------------------------------------------------

def test_direct_quote_and_short_term(nlp, lex):
    text = ("The harbour will close for a week. “We will pay every worker in full,” "
            "the mayor said. Locals call the pier “the old lady”.")
    ctx = context_of(nlp, lex, text)
    direct, terms = direct_quotes(ctx, 5)
    assert [ctx.text[a.start:a.end] for a in direct] == ["We will pay every worker in full,"]
    assert direct[0].phrase is not None and direct[0].phrase.head == "mayor"
    assert [ctx.text[a:b] for a, b in terms] == ["the old lady"]


def test_block_quote_after_colon(nlp, lex):
    text = ("The minister wrote:\n"
            "The harbour will stay open through the winter and every worker keeps a job.\n"
            "The council meets on Monday.")
    ctx = context_of(nlp, lex, text)
    blocks = block_quotes(ctx, [])
    assert [ctx.text[a.start:a.end] for a in blocks] == [
        "The harbour will stay open through the winter and every worker keeps a job."]


def test_reported_clause_after_that(nlp, lex):
    text = "The mayor said that the harbour would stay open through the winter."
    ctx = context_of(nlp, lex, text)
    reported, embedded = reported_speech(ctx, [])
    assert [ctx.text[a.start:a.end] for a in reported] == ["the harbour would stay open through the winter"]
    assert reported[0].direct is False and embedded == {}


def test_plan_of_a_postposed_cue(nlp, lex):
    text = "The harbour will stay open through the winter, the mayor said."
    ctx = context_of(nlp, lex, text)
    said = next(c for c in ctx.cues if ctx.text[c.start:c.end] == "said")
    p = plan(ctx, said, 0, 0, len(ctx.text))
    assert p is not None and p.kind == "post"
    assert ctx.text[p.at] == "," and p.phrase.head == "mayor"


def test_according_to_source_and_clause_start(nlp, lex):
    text = "According to the Harbour Authority, the pier will reopen in May."
    ctx = context_of(nlp, lex, text)
    phrase, after = according_phrase(ctx, len("According to"), len(ctx.text))
    assert phrase is not None
    assert ctx.text[phrase.start:phrase.end] == "the Harbour Authority"
    assert ctx.text[after:].startswith("the pier will reopen")
