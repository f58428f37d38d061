"""The named stages of ``facts_entities``, one at a time, on sentences written for these tests."""

from __future__ import annotations

import pytest

from extractor.entities.acronyms import acronym_definitions, initials, initials_match
from extractor.entities.chains import name_chain
from extractor.entities.document import EntityDoc, is_title_case
from extractor.entities.organisations import org_by_head
from extractor.entities.people import person_after_title
from extractor.entities.repeats import later_mentions
from extractor.entities.strong import strong_names
from extractor.entities.vocabulary import is_calendar


@pytest.fixture(scope="module")
def entity_doc(nlp):
    layout = nlp.get_pipe("facts_layout")
    lex = nlp.get_pipe("facts_entities").lex

    def make(text: str) -> EntityDoc:
        return EntityDoc(layout(nlp.make_doc(text)), lex)

    return make


def test_title_case_lines():
    assert is_title_case("Harbour Fees Climb Again In Norvia")
    assert not is_title_case("Harbour fees climbed again in Norvia.")


def test_calendar_words_are_no_names():
    assert is_calendar(["Thursday"]) and is_calendar(["June"])
    assert not is_calendar(["June", "Velk"]) and not is_calendar(["Velk"])


def test_initials():
    assert initials_match("CFA", ["Coastal", "Freight", "Authority"])
    assert not initials_match("CFA", ["Coastal", "Shipping"])
    assert initials(["U.S.", "Patent", "Office"]) == "USPO"


def test_name_chain_runs_over_particles(entity_doc):
    st = entity_doc("He said Mira van Tesh on Monday.")
    k = st.words.index("Mira")
    assert st.span_text(k, name_chain(st, k, limit=4)) == "Mira van Tesh"


def test_organisation_by_head_with_coordinated_of_phrase(entity_doc):
    st = entity_doc("On Monday the Ministry of Roads, Ports and Water said fees would rise.")
    span = org_by_head(st, st.words.index("Ministry"))
    assert span is not None and st.span_text(*span) == "Ministry of Roads, Ports and Water"


def test_person_after_title_keeps_the_title_as_role(entity_doc):
    st = entity_doc("On Monday, Deputy Minister Ana Velk said fees would rise.")
    person = person_after_title(st, st.words.index("Minister"))
    assert person is not None and st.span_text(person.start, person.end) == "Ana Velk"
    assert person.roles == ["Deputy Minister"]


def test_acronym_defined_in_parentheses(entity_doc):
    st = entity_doc("The Coastal Freight Authority (CFA) raised fees on Monday.")
    strong_names(st)
    defined = acronym_definitions(st)
    cfa = defined["CFA"]
    assert cfa is not None and st.key_of(cfa.key) == "ORG:Coastal Freight Authority"


def test_surname_joins_the_full_name(entity_doc):
    st = entity_doc("Ana Velk said fees would rise. Later, Velk added that ports would close.")
    strong_names(st)
    later_mentions(st, {})
    k = st.words.index("Velk", st.words.index("Later"))
    held = st.mention_at(k)
    assert held is not None and held.label == "PERSON" and held.key == "PERSON:Ana Velk"
