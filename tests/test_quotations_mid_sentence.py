"""Mid-sentence attribution (issue 13): a reported clause interrupted by its attribution is
one quotation whose span keeps the interruption inside (a record holds one span; news_dev's
convention for "Even before X, he said, Y ..."), and a direct quotation split by its
attribution is two quotations with one speaker. Invented sentences only."""

from __future__ import annotations

from extractor import extract_doc


def reported(nlp, text):
    facts = extract_doc(nlp, text)
    for q in facts.quotations:
        assert text[q.start:q.end] == q.text
    return [q for q in facts.quotations if not q.direct]


def test_short_subject_interrupted_by_attribution(nlp):
    text = "The plan, officials said, will cost more than the council expected."
    (q,) = reported(nlp, text)
    assert q.text == "The plan, officials said, will cost more than the council expected"
    assert q.cue == "said"


def test_long_subject_interrupted_by_attribution(nlp):
    text = ("The new bridge over the northern river, the transport minister said on Monday, "
            "will open in spring.")
    (q,) = reported(nlp, text)
    assert q.text.startswith("The new bridge over the northern river,")
    assert q.text.endswith("will open in spring")


def test_told_with_hearer_interrupting_the_clause(nlp):
    text = "Dana Whitlock is the city treasurer. The pension fund, Whitlock told reporters, had run out of money."
    (q,) = reported(nlp, text)
    assert q.text == "The pension fund, Whitlock told reporters, had run out of money"
    assert q.speaker == "Dana Whitlock" and q.cue == "told"


def test_told_hearer_before_a_comma_is_still_the_hearer(nlp):
    text = "Dana Whitlock told The Harbour Gazette, the pension fund had run out of money."
    (q,) = reported(nlp, text)
    assert q.text == "the pension fund had run out of money"


def test_participial_lead_is_no_interrupted_subject(nlp):
    # a lead with a participle is a clause of its own: "states" here is a noun, not a cue
    text = ("With its ports now benefiting from loans from Norway, Chile and other coastal "
            "states, and new cranes from abroad, the company expanded in March.")
    assert reported(nlp, text) == []


def test_split_direct_quote_after_pronoun_attribution(nlp):
    text = ("Marta Lindqvist runs the depot. \u201cWe are ready,\u201d she said. \u201cThe first "
            "trucks leave tomorrow.\u201d")
    qs = [q for q in extract_doc(nlp, text).quotations if q.direct]
    assert [q.text for q in qs] == ["We are ready,", "The first trucks leave tomorrow."]
    assert qs[0].speaker == qs[1].speaker == "Marta Lindqvist"
