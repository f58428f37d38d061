"""Places on unseen news (issue 12): regions named with compass words, continents and
natural features, and names that are a place only out of context; one test per class, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from extractor import extract_doc
from entity_views import names  # noqa: I001


# -- the gazetteer ----------------------------------------------------------------------------

def test_us_states_spelled_like_dictionary_words_are_places(nlp):
    found = names(nlp, "Growers in Colorado, Montana and Michigan expect a smaller harvest.")
    assert found == {"Colorado": "GPE", "Montana": "GPE", "Michigan": "GPE"}


def test_a_continent_is_a_region_even_when_listed_as_a_territory(nlp):
    found = names(nlp, "The survey ship returned from Antarctica with ice cores from Asia's peaks.")
    assert found["Antarctica"] == "LOC"


# -- names that are no place in their context -----------------------------------------------

@pytest.mark.parametrize("text, month", [
    ("The choir tours Oslo in October, Chile in February and Peru in May.", "October"),
    ("In late January, Kenya lifted the export ban.", "January"),
])
def test_a_month_before_a_comma_and_a_place_is_no_town(nlp, text, month):
    assert month not in names(nlp, text)


@pytest.mark.parametrize("text, month", [
    ("The choir tours Oslo in October, Chile in February and Peru in May.", "February"),
    ("The ferry sails to Malta in June and Sicily in August.", "June"),
])
def test_a_month_joined_by_and_to_a_place_is_no_town(nlp, text, month):
    assert month not in names(nlp, text)


# -- regions named with compass words ---------------------------------------------------------

@pytest.mark.parametrize("text, region", [
    ("Locust swarms spread across North West Africa in the spring.", "North West Africa"),
    ("Wildfires spread across the Pacific Southwest this summer.", "Pacific Southwest"),
    ("Grain prices in the Upper Midwest fell for a third month.", "Upper Midwest"),
    ("Ferries along the Canada West Coast were cancelled because of fog.", "Canada West Coast"),
    ("Gales hit the Ireland West Coast overnight.", "Ireland West Coast"),
    ("Storms battered the East Coast on Monday.", "East Coast"),
    ("Rains flooded Southern Peru again.", "Southern Peru"),
])
def test_a_region_named_with_compass_words_is_one_region(nlp, text, region):
    found = names(nlp, text)
    assert found.get(region) == "LOC", found
    assert not any(name != region and name in region for name in found), found


def test_an_abbreviated_compass_word_opens_the_place_it_names(nlp):
    facts = extract_doc(nlp, "Coal from W. Virginia was shipped east. West Virginia miners cheered.")
    places = {e.name: (e.label, e.aliases) for e in facts.entities}
    assert places == {"West Virginia": ("GPE", ["W. Virginia"])}
    facts = extract_doc(nlp, "Refugees crossed into S. Sudan. South Sudan asked for aid.")
    places = {e.name: (e.label, e.aliases) for e in facts.entities}
    assert places == {"South Sudan": ("GPE", ["S. Sudan"])}


def test_a_place_with_a_compass_word_of_its_own_keeps_its_name(nlp):
    found = names(nlp, "Officers patrolled North Las Vegas through the night.")
    assert found == {"North Las Vegas": "GPE"}
    found = names(nlp, "Officers patrolled West Palm Beach through the night.")
    assert found == {"West Palm Beach": "GPE"}


@pytest.mark.parametrize("text, region", [
    ("Pipelines that carry gas to the West are at risk.", "West"),
    ("Her brother was wounded in the South.", "South"),
    ("Sanctions split the East and the West, the minister said.", "West"),
])
def test_a_compass_point_after_the_is_a_region(nlp, text, region):
    assert names(nlp, text).get(region) == "LOC"


@pytest.mark.parametrize("text", [
    "Guests took the West wing of the hotel.",
    "Settlers moved into the West Bank village.",
])
def test_a_compass_point_before_a_noun_or_a_name_is_no_region(nlp, text):
    assert names(nlp, text).get("West") is None


def test_a_country_before_a_coast_named_by_a_direction_is_one_region(nlp):
    found = names(nlp, "Heat returns to the US East Coast this week.")
    assert found == {"US East Coast": "LOC"}


# -- natural features -------------------------------------------------------------------------

def test_a_feature_named_at_a_sentence_start_leaves_the_conjunction_out(nlp):
    found = names(nlp, "The port was rebuilt.\n\nAlthough Tesh Island was shelled, exports went on.")
    assert found == {"Tesh Island": "LOC"}


def test_a_given_name_after_the_and_before_a_feature_head_names_the_feature(nlp):
    assert names(nlp, "The research vessel spent a month drilling cores in the Weddell Sea.") == {
        "Weddell Sea": "LOC"}
    assert names(nlp, "The actress Sally Field arrived.").get("Sally Field") != "LOC"


# -- a person's name spelled like a place -----------------------------------------------------

def test_a_given_name_after_a_noun_for_a_person_is_that_person(nlp):
    found = names(nlp, "The couple named their newborn son, Austin. Austin was born in March, and "
                       "Austin's grandmother flew in.")
    assert found == {"Austin": "PERSON"}
    assert names(nlp, "The film follows the boy Dallas, a runaway.") == {"Dallas": "PERSON"}
    assert names(nlp, "The play is about the girl Florence, who runs away.") == {
        "Florence": "PERSON"}


def test_a_place_after_a_noun_for_a_person_and_before_a_noun_stays_a_place(nlp):
    found = names(nlp, "The body of a woman, Paris police said, was found near the river.")
    assert found.get("Paris") == "GPE"


def test_a_small_town_after_a_given_name_is_a_surname_even_in_a_headline(nlp):
    found = names(nlp, "Frank Clinton: Poems From the Bleachers\n\nThe poet read at the library.")
    assert found.get("Clinton") != "GPE" and found.get("Frank Clinton") != "GPE"


def test_a_place_spelled_like_the_name_of_a_person_named_in_full_is_that_person(nlp):
    found = names(nlp, "The studio is run by me and Sofia. I'm Leo Brandt, and Sofia Marquez "
                       "draws the maps.")
    assert "Sofia" not in found and found.get("Sofia Marquez") == "PERSON"
    found = entity_mentions(nlp, "Ada Vienna, a singer, left the choir. Vienna was born in Graz.")
    assert found == {"Ada Vienna": ["Ada Vienna", "Vienna"], "Graz": ["Graz"]}


def test_a_name_the_text_also_puts_after_a_place_preposition_stays_the_place(nlp):
    found = entity_mentions(nlp, "Ada Vienna, a singer, left the choir. Vienna was busy, and "
                                 "she moved to Vienna in 2001.")
    assert found["Vienna"] == ["Vienna", "Vienna"] and found["Ada Vienna"] == ["Ada Vienna"]


def entity_mentions(nlp, text: str) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in extract_doc(nlp, text).entities}


def test_former_countries_are_places(nlp):
    found = names(nlp, "Shipments went to Czechoslovakia and Yugoslavia, and later to Burma.")
    assert found == {"Czechoslovakia": "GPE", "Yugoslavia": "GPE", "Burma": "GPE"}
