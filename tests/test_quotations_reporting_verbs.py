"""Reported speech beyond "said": verbs of the "that" frame with and without "that", verbs
of judgement ("estimates", "fears"), and their noun and non-speech uses (invented text)."""

from __future__ import annotations

import pytest

from extractor import extract_doc


def reported(nlp, text):
    facts = extract_doc(nlp, text)
    return [(q.text, q.cue) for q in facts.quotations if not q.direct]


@pytest.mark.parametrize("text, content, cue", [
    ("The water board estimates that 3,000 homes lost power overnight.",
     "3,000 homes lost power overnight", "estimates"),
    ("Grain traders fear that the drought will ruin the harvest.",
     "the drought will ruin the harvest", "fear"),
    ("Economists forecast that the currency will weaken further.",
     "the currency will weaken further", "forecast"),
    ("The inspector stated the pier was unsafe for large ships.",
     "the pier was unsafe for large ships", "stated"),
    ("The spokeswoman noted the mill had reopened on Monday.",
     "the mill had reopened on Monday", "noted"),
    ("Ms Varga admitted she had not read the audit.", "she had not read the audit", "admitted"),
    ("The council announced the town will rebuild the old bridge by June.",
     "the town will rebuild the old bridge by June", "announced"),
    ("The insurer estimated the repairs would cost $4 million.",
     "the repairs would cost $4 million", "estimated"),
])
def test_that_frame_verb_reports_a_clause(nlp, text, content, cue):
    assert (content, cue) in reported(nlp, text)


@pytest.mark.parametrize("text", [
    "The council announced a plan to rebuild the old bridge.",
    "The insurer estimated the cost of the repairs at $4 million.",
    "The neighbours argued about the fence for years.",
    "The harbour master stated his position clearly.",
    "Amid fears that the lender would collapse, savers queued outside.",
    "Growing fears that fuel prices will rise hit the markets.",
    "The estimates that the bureau published were revised in May.",
    "The pilot feared the worst.",
])
def test_object_or_noun_use_reports_nothing(nlp, text):
    assert reported(nlp, text) == []


def test_verb_of_judgement_never_attributes_a_quotation_in_marks(nlp):
    text = ("Dr Ilse Brand has estimated the number of grains caught during the \u201ccruise\u201d "
            "phase of the flight.")
    facts = extract_doc(nlp, text)
    assert all(q.cue != "estimated" for q in facts.quotations if q.direct)


def test_according_to_an_object_pronoun_names_the_speaker(nlp):
    text = "Nadia Okoro toured the mill on Monday. According to her, steel output will double by 2030."
    facts = extract_doc(nlp, text)
    q = next(q for q in facts.quotations if q.text == "steel output will double by 2030")
    assert q.speaker == "Nadia Okoro"
    assert q.speaker_mention is not None and q.speaker_mention.text == "her"


def test_according_to_her_before_a_noun_is_no_pronoun_source(nlp):
    text = "Nadia Okoro toured the mill. According to her lawyer, the sale will close in May."
    facts = extract_doc(nlp, text)
    assert all(q.speaker_mention is None or q.speaker_mention.text != "her" for q in facts.quotations)


@pytest.mark.parametrize("text, content, mention", [
    ("The council closed the old road, saying it was unsafe after the floods.",
     "it was unsafe after the floods", "The council"),
    ("The mining company cut its forecast, adding that demand had weakened in Asia.",
     "demand had weakened in Asia", "The mining company"),
])
def test_participle_after_a_clause_without_reporting_verb_takes_its_subject(nlp, text, content, mention):
    facts = extract_doc(nlp, text)
    q = next(q for q in facts.quotations if q.text == content)
    assert q.speaker_mention is not None and q.speaker_mention.text == mention


def test_participle_after_an_adverbial_clause_reports_nothing(nlp):
    text = "As the storm began, the roads flooded quickly, leaving that town cut off."
    assert reported(nlp, text) == []
