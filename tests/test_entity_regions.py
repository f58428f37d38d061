"""Places on unseen news (issue 12): regions named with compass words, continents and
natural features, and names that are a place only out of context; one test per class, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from extractor import extract_doc


def names(nlp, text: str) -> dict[str, str]:
    return {e.name: e.label for e in extract_doc(nlp, text).entities}


# -- the gazetteer ----------------------------------------------------------------------------

def test_us_states_spelled_like_dictionary_words_are_places(nlp):
    found = names(nlp, "Growers in Colorado, Montana and Michigan expect a smaller harvest.")
    assert found == {"Colorado": "GPE", "Montana": "GPE", "Michigan": "GPE"}


def test_a_continent_is_a_region_even_when_listed_as_a_territory(nlp):
    found = names(nlp, "The survey ship returned from Antarctica with ice cores from Asia's peaks.")
    assert found["Antarctica"] == "LOC"


# -- names that are no place in their context -----------------------------------------------

@pytest.mark.parametrize("text, month", [
    ("The band plays Lisbon in November, Mexico in January and Peru in March.", "November"),
    ("In late January, Kenya lifted the export ban.", "January"),
])
def test_a_month_before_a_comma_and_a_place_is_no_town(nlp, text, month):
    assert month not in names(nlp, text)
