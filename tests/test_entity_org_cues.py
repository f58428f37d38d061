"""Organisations found by cues around them: an acronym before a title or a person's title,
or before a capital hyphenated to a common word. Every sentence is invented for these tests."""

from __future__ import annotations

from extractor import extract_doc


def names(nlp, text: str) -> dict[str, str]:
    return {e.name: e.label for e in extract_doc(nlp, text).entities}


def test_an_acronym_before_a_persons_title_stands_alone(nlp):
    found = names(nlp, "The case was handled by NWRB Field Agent Marta Kowalczyk of the bureau.")
    assert found.get("NWRB") == "ORG"
    assert found.get("Marta Kowalczyk") == "PERSON"


def test_an_acronym_before_a_title_word_stands_alone(nlp):
    assert names(nlp, "The plan was backed by the QTRA Director on Monday.").get("QTRA") == "ORG"


def test_an_acronym_before_a_hyphenated_common_word_stands_alone(nlp):
    assert names(nlp, "He was wearing a VLMX T-shirt at the rally.").get("VLMX") == "ORG"


def test_an_acronym_before_name_words_still_opens_a_longer_name(nlp):
    found = names(nlp, "The BMQ Field Reports were published on Monday.")
    assert "BMQ" not in found
