"""The shared name model and the entity mentions the quotations resolve speakers to."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from extractor.extensions import ENTITIES, ensure_extensions
from extractor.names import given_name_gender, name_model
from extractor.payloads import EntityPayload
from extractor.quotations.mentions import EntityMention, EntityMentions


def test_given_names_titles_and_organisation_words():
    names = name_model()
    assert names.is_given_name("Tomas")
    assert not names.is_given_name("Ministry")
    assert names.is_title("Minister") and names.is_title("minister")
    assert names.heads_org("Ministry")
    assert "GmbH" in names.legal_forms and "van" in names.particles
    assert "farmer" in names.roles


def test_a_given_name_that_is_also_a_word_is_only_a_possible_one():
    names = name_model()
    assert names.may_be_given_name("Mark")  # "Mark" is a word as well
    assert not names.may_be_given_name("Tomas")  # in the list: a given name outright
    assert not names.may_be_given_name("Turning")


def test_given_name_gender():
    assert given_name_gender("Maria") == "female"
    assert given_name_gender("David") == "male"
    assert given_name_gender("Turning") is None
    assert given_name_gender("NATO") is None


def test_acronym_shape():
    names = name_model()
    assert names.is_acronym("NWRC") and names.is_acronym("AT&T")
    assert not names.is_acronym("XIV") and not names.is_acronym("Nato")


def test_entity_mentions_by_overlap_and_surnames():
    mentions = EntityMentions([
        EntityMention(0, 11, "PERSON", "Nadia Okoro"),
        EntityMention(20, 30, "ORG", "Port Board"),
        EntityMention(40, 46, "NORP", "Danish"),  # not a speaker's label: left out
    ])
    assert [m.canonical for m in mentions] == ["Nadia Okoro", "Port Board"]
    assert [m.canonical for m in mentions.overlapping(5, 25)] == ["Nadia Okoro", "Port Board"]
    assert [m.canonical for m in mentions.overlapping(5, 25, "ORG")] == ["Port Board"]
    assert mentions.overlapping(11, 20) == []
    assert mentions.surnames == {"okoro"}


def test_entity_mentions_of_a_doc_keep_canonical_names_and_roles():
    ensure_extensions()
    nlp = spacy.blank("en")
    doc = nlp.make_doc("Minister Nadia Okoro spoke. Okoro left.")
    spans = [Span(doc, 1, 3, label="PERSON"), Span(doc, 5, 6, label="PERSON")]
    for span in spans:
        span._.facts_entity = EntityPayload("PERSON:Nadia Okoro", "Nadia Okoro", ("Minister",))
    doc.spans[ENTITIES] = spans
    mentions = list(EntityMentions.of_doc(doc))
    assert [(m.start, m.end, m.canonical, m.roles) for m in mentions] == [
        (9, 20, "Nadia Okoro", ("Minister",)), (28, 33, "Nadia Okoro", ("Minister",))]
