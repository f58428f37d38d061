"""Organisations found by cues around them: an acronym before a title or a person's title,
or before a capital hyphenated to a common word. Every sentence is invented for these tests."""

from __future__ import annotations

from entity_views import names  # noqa: I001


def test_an_acronym_before_a_persons_title_stands_alone(nlp):
    found = names(nlp, "The case was handled by NWRB Field Agent Marta Kowalczyk of the bureau.")
    assert found.get("NWRB") == "ORG"
    assert found.get("Marta Kowalczyk") == "PERSON"


def test_an_acronym_before_a_title_word_stands_alone(nlp):
    assert names(nlp, "The plan was backed by the QTRA Director on Monday.").get("QTRA") == "ORG"


def test_an_acronym_before_a_hyphenated_common_word_stands_alone(nlp):
    assert names(nlp, "He was wearing a VLMX T-shirt at the rally.").get("VLMX") == "ORG"


def test_an_acronym_and_a_language_name_are_a_broadcasters_service(nlp):
    assert names(nlp, "In an interview with NWBC Khmer on Monday, he said the rains came late.").get(
        "NWBC Khmer") == "ORG"
    found = names(nlp, "The village chief told NWBC Swahili farmers had lost their crops.")
    assert found.get("NWBC Swahili") == "ORG"


def test_an_acronym_region_and_number_are_a_regional_office(nlp):
    found = names(nlp, "Funds were released by the QLTA Region 12 office last month.")
    assert found.get("QLTA Region 12") == "ORG"
    found = names(nlp, "Inspectors from QLTA Region IX toured the dam.")
    assert found.get("QLTA Region IX") == "ORG"
    found = names(nlp, "QLTA Region VII said the levee held.")
    assert found.get("QLTA Region VII") == "ORG"


def test_an_acronym_before_name_words_still_opens_a_longer_name(nlp):
    found = names(nlp, "The BMQ Field Reports were published on Monday.")
    assert "BMQ" not in found


# -- organisation names in other languages -------------------------------------------------


def test_foreign_party_names_with_lower_case_adjectives(nlp):
    found = names(nlp, "Three lists are on the ballot: the Movimento Sociale Orsano and the Partido "
                       "Verde Tallino face the Partei Neue Mitte, Front populaire, and Union "
                       "démocratique.")
    assert found.get("Movimento Sociale Orsano") == "ORG"
    assert found.get("Partido Verde Tallino") == "ORG"
    assert found.get("Partei Neue Mitte") == "ORG"
    assert found.get("Front populaire") == "ORG"
    assert found.get("Union démocratique") == "ORG"
    found = names(nlp, "Polls put the Movimento Nuova Orsa ahead, while the Partei Freie Mitte, "
                       "Front écologiste, and Alliance républicaine trail.")
    assert found.get("Movimento Nuova Orsa") == "ORG"
    assert found.get("Front écologiste") == "ORG"
    assert found.get("Alliance républicaine") == "ORG"
    assert names(nlp, "The Option républicaine sat out the vote.").get(
        "Option républicaine") == "ORG"


def test_foreign_heads_take_function_words_and_capitalised_words(nlp):
    assert names(nlp, "Voters backed the Partei der Arbeit in the north.").get(
        "Partei der Arbeit") == "ORG"
    assert names(nlp, "The Partido Verde Ruritano won four seats.").get(
        "Partido Verde Ruritano") == "ORG"


def test_english_words_after_an_english_spelled_head_make_no_foreign_name(nlp):
    assert "Front began" not in names(nlp, "The Ruritanian Front began to collapse in May.")
    assert not any(n.startswith("Union") for n in names(
        nlp, "Union members voted to strike on Monday."))
    assert "Coalition began" not in names(nlp, "The Coalition began its advance in March.")


# -- contractors -----------------------------------------------------------------------------


def test_the_name_a_contract_goes_to_before_of_and_a_place_is_a_firm(nlp):
    found = names(nlp, "The city awarded a $3 million contract for the new bridge to Brenn and "
                       "Castell of Dayton, Ohio.")
    assert found.get("Brenn and Castell") == "ORG"
    found = names(nlp, "The port authority gave the dredging contract to Brenn and Pike of Toledo, "
                       "Ohio.")
    assert found.get("Brenn and Pike") == "ORG"
    found = names(nlp, "The agency awarded $5 million to Tesh Valley Fabricators of Houston.")
    assert found.get("Tesh Valley Fabricators") == "ORG"


def test_a_name_after_to_without_a_contract_is_left_alone(nlp):
    found = names(nlp, "The letter was sent to Brenn and Pike of Toledo, Ohio.")
    assert found.get("Brenn and Pike") is None


def test_a_person_a_contract_goes_to_stays_a_person(nlp):
    found = names(nlp, "The contract went to Maria Velkova of Houston, Texas.")
    assert found.get("Maria Velkova") == "PERSON"


# -- a name after a noun of a kind of organisation -----------------------------------------


def test_a_name_right_after_an_organisation_noun_is_that_organisation(nlp):
    assert names(nlp, "The Ruritanian company Veltrix announced a new console.").get(
        "Veltrix") == "ORG"
    assert names(nlp, "Construction firm Tallin and Pike won the bid.").get(
        "Tallin and Pike") == "ORG"


def test_a_name_set_off_by_commas_after_an_organisation_noun(nlp):
    assert names(nlp, "The country's largest transport union, Velmora, questioned the figures.").get(
        "Velmora") == "ORG"


def test_a_person_or_a_longer_name_after_an_organisation_noun_is_left_alone(nlp):
    found = names(nlp, "The company founder Maria Velkova spoke on Monday.")
    assert found.get("Maria Velkova") == "PERSON"
    found = names(nlp, "The firm, Velk and Tesh agreed, would close.")
    assert found.get("Velk") != "ORG"


def test_a_place_and_a_foreign_adjective_after_it_name_an_organisation(nlp):
    found = names(nlp, "The Parti Ruritanien, Option populaire, and Mérovie solidaire oppose it.")
    assert found.get("Mérovie solidaire") == "ORG"


def test_determiners_and_french_titles_before_foreign_words_name_nothing(nlp):
    assert not any(label == "ORG" for label in names(
        nlp, "The timescale of the project was short.").values())
    found = names(nlp, "He met the Ruritanian chargé d'affaires in May.")
    assert not any(n.startswith("Ruritanian") and label == "ORG" for n, label in found.items())
