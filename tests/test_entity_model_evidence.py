"""Pass E: a trained model's entities are evidence, not an override (invented sentences).

The "model" here is a blank pipeline whose entity ruler says exactly what each test wants a
model to say, so every rule of ``extractor.entities.trained`` is tried on chosen spans.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from extractor import extract_doc
from extractor.entities.document import EntityDoc
from extractor.entities.gazetteer import shared_lexicon
from extractor.entities.trained import model_entities
from extractor.pipeline import build_pipeline


def fake_model(tmp_path, patterns: list[tuple[str, str]]):
    """The fact pipeline over a "model" that finds ``(label, phrase)`` wherever it occurs."""
    model = spacy.blank("en")
    ruler = model.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": label, "pattern": phrase} for label, phrase in patterns])
    model.to_disk(tmp_path / "model")
    return build_pipeline(tmp_path / "model")


def found(nlp, text: str) -> dict[str, str]:
    return {e.name: e.label for e in extract_doc(nlp, text).entities}


def test_a_model_person_needs_two_name_words_opened_by_a_given_name_or_initials(tmp_path):
    nlp = fake_model(tmp_path, [
        ("PERSON", "Tom Baker"), ("PERSON", "J. R. Miller"),  # a given name, initials
        ("PERSON", "Velkaro"),  # one word
        ("PERSON", "mira velk"),  # lower case
        ("PERSON", "Orsk Tamber"),  # no given name opens it
        ("PERSON", "Art Gallery"),  # a given name that is also a word, before a common word
    ])
    text = ("Tom Baker visited Velkaro on Monday. Later J. R. Miller fixed the old mill. "
            "She spoke with mira velk at the fair. Orsk Tamber won the race. "
            "Visitors crowded the Art Gallery downtown.")
    assert found(nlp, text) == {"Tom Baker": "PERSON", "J. R. Miller": "PERSON"}


def test_a_model_person_before_a_reporting_verb_needs_no_given_name(tmp_path):
    nlp = fake_model(tmp_path, [("PERSON", "Quell Darrow"), ("PERSON", "Orsk Tamber")])
    text = ("The deputy head of the port authority, Quell Darrow, told reporters the road "
            "was closed. Orsk Tamber won the race.")
    assert found(nlp, text) == {"Quell Darrow": "PERSON"}


def test_a_model_name_must_be_a_whole_run_of_capitalised_words(tmp_path):
    nlp = fake_model(tmp_path, [("PERSON", "Storm Mira"), ("PERSON", "Tom Baker")])
    text = "Tropical Storm Mira weakened overnight. Yesterday Tom Baker closed the harbour."
    assert found(nlp, text) == {"Tom Baker": "PERSON"}


def test_a_model_organisation_and_labels_the_rules_do_not_score_are_never_taken(tmp_path):
    nlp = fake_model(tmp_path, [("ORG", "Quorra"), ("LAW", "Velk Accord"),
                                ("EVENT", "Tesh Games"), ("PRODUCT", "Orlo Nine")])
    text = ("The Quorra collective signed the Velk Accord before the Tesh Games, "
            "where the Orlo Nine phone was shown.")
    assert found(nlp, text) == {}


def test_the_rules_keep_their_label_where_the_model_disagrees(tmp_path):
    nlp = fake_model(tmp_path, [("ORG", "Kenya"), ("PERSON", "Kenya Tesh")])
    assert found(nlp, "Exports from Kenya rose as farmers sold more tea.") == {"Kenya": "GPE"}


def test_a_model_place_needs_a_head_word_or_the_gazetteer(tmp_path):
    nlp = fake_model(tmp_path, [("LOC", "the Bay of Tesh"), ("GPE", "Velkaro"),
                                ("LOC", "Sea Orlo")])
    text = ("Crews reached the Bay of Tesh's northern shore at dawn. "
            "He read about Velkaro twice. The Sea Orlo group met.")
    assert found(nlp, text) == {"Bay of Tesh": "LOC"}


def test_a_model_nationality_needs_a_plural_people_word(tmp_path):
    nlp = fake_model(tmp_path, [("NORP", "Velkans"), ("NORP", "Veterans"),
                                ("NORP", "Velkan")])
    text = "The Velkans marched to the square while Veterans watched a Velkan parade."
    assert found(nlp, text) == {"Velkans": "NORP"}


def test_a_surname_run_into_the_reporting_verb_is_no_model_person():
    nlp = build_pipeline(components=("facts_layout",))
    doc = nlp("Afterwards Tom Bakertold reporters the road was closed.")
    st = EntityDoc(doc, shared_lexicon(nlp.lang, lambda t: [w.text for w in nlp.make_doc(t)]))
    model_entities(st, [Span(doc, 1, 3, label="PERSON")])
    assert st.mentions == []
    model_entities(st, [Span(doc, 1, 2, label="PERSON")])  # one word: no person either
    assert st.mentions == []
