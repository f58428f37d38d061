"""Places, people and nationalities on unseen news: one test per failure class (issue 12),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from extractor import extract_doc
from extractor.layout.component import LayoutAnalyzer
from entity_views import names  # noqa: I001


@pytest.fixture(scope="module")
def analyzer():
    return LayoutAnalyzer()


def mentions(nlp, text: str) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in extract_doc(nlp, text).entities}


def part(text: str, rng: tuple[int, int] | None) -> str | None:
    return None if rng is None else text[rng[0] : rng[1]]


# -- datelines name a place every time, in any case -------------------------------------------

@pytest.mark.parametrize("text, place, region", [
    ("PORT AVEL, Fla. -- The launch slipped a day.", "PORT AVEL", "Fla."),
    ("Port Avel, Fla. -- The launch slipped a day.", "Port Avel", "Fla."),
    ("Lake Orrin, March 3, 2021 -- The board met.", "Lake Orrin", None),
    ("MARLOW, Nov.29 (XNA) --The bank raised its rate.", "MARLOW", None),
])
def test_layout_finds_datelines_in_any_case(analyzer, text, place, region):
    d = analyzer.layout(text).dateline
    assert d is not None
    assert (part(text, d.place), part(text, d.region)) == (place, region)


@pytest.mark.parametrize("text", [
    "Tesh, Velk said -- after a pause -- that the road stays shut.",
    "NEW-BUILT homes -- most of them small -- sold fast.",
])
def test_a_sentence_with_dashes_is_no_dateline(analyzer, text):
    assert analyzer.layout(text).dateline is None


@pytest.mark.parametrize("text, expected", [
    ("CAPE ORRIN, Fla. -- Crews readied the pad.", {"Cape Orrin": "GPE", "Florida": "GPE"}),
    ("Cape Orrin, Fla. -- Crews readied the pad.", {"Cape Orrin": "GPE", "Florida": "GPE"}),
    ("CAPE ORRIN, FL -- Crews readied the pad.", {"Cape Orrin": "GPE", "Florida": "GPE"}),
    ("WASHINGTON, March 3, 2021 -- The board met.", {"Washington": "GPE"}),
    ("ANYTOWN, Texas, May 2 /PRNewswire/ -- Sales rose.", {"Anytown": "GPE", "Texas": "GPE"}),
    ("MARLOW, Nov.29 (XNA) --The bank raised its rate.", {"Marlow": "GPE"}),
])
def test_the_dateline_place_and_region_are_places(nlp, text, expected):
    found = names(nlp, text)
    assert {k: v for k, v in found.items() if k in expected} == expected
    assert not {k for k, v in found.items() if v == "ORG" and k.upper() in text.upper()[:12]}


# -- US state abbreviations after a town (scripts/build_states.py, from the us package) ------

@pytest.mark.parametrize("text, town, state, written", [
    ("The mill in Velton, Ga., shut down on Monday.", "Velton", "Georgia", "Ga."),
    ("Crews reached Orrin Springs, N.M. on Friday.", "Orrin Springs", "New Mexico", "N.M."),
    ("A clinic opened in Marlow, Calif. last week.", "Marlow", "California", "Calif."),
    ("The plant in Velton, OH was closed.", "Velton", "Ohio", "OH"),
    ("Send the forms to 12 Elm Street, Orrin City, PA 16501 by May.", "Orrin City", "Pennsylvania", "PA"),
    ("Letters went to Marlow, ME 04401-1234 last year.", "Marlow", "Maine", "ME"),
])
def test_a_state_abbreviation_after_a_town_names_the_state(nlp, text, town, state, written):
    found = mentions(nlp, text)
    assert found.get(town) == [town]
    assert found.get(state) == [written]


@pytest.mark.parametrize("text", [
    "I think OR maybe IN the end it was OK.",
    "She said HI to ME and left.",
    "WE WANT, OR NEED, MORE ROADS",
    "Dana Velk, MD, said the clinic was full.",
    "The lawyer, Tom Orrin, SC, said the case was over.",
    "Say it once, OK, and then stop.",
])
def test_a_postal_code_without_a_town_is_no_state(nlp, text):
    found = names(nlp, text)
    assert not {"Oregon", "Indiana", "Oklahoma", "Hawaii", "Maine", "Maryland",
                "South Carolina"} & set(found)


def test_a_dateline_place_with_its_region_known_as_one_name_stays_one(nlp):
    text = "(Washington, D.C., Dec. 23, 2020) – The agency said it would act."
    assert mentions(nlp, text) == {"Washington, D.C.": ["Washington, D.C."]}


def test_a_capital_headline_with_a_dash_is_no_place(nlp):
    assert "Retail Sales" not in names(nlp, "RETAIL SALES, NORTH DISTRICT - Sales fell again.")


# -- title-case headlines make no false people ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Secretary Velk Highlights Key Gains\n\nWASHINGTON -- Secretary Ana Velk said exports rose.",
    "Secretary Velk Mulls Key Gains For Farmers\n\nWASHINGTON -- Secretary Velk said exports rose.",
    "Farm Exports: Secretary Velk Highlights Key Gains\n\nWASHINGTON -- Velk said exports rose.",
])
def test_a_title_case_headline_names_no_person_past_the_name(nlp, text):
    people = {k for k, v in names(nlp, text).items() if v == "PERSON"}
    assert people and all(set(p.split()) <= {"Ana", "Velk"} for p in people)


def test_a_person_named_only_in_a_title_case_headline_is_dropped(nlp):
    text = "Secretary Velk Highlights Key Gains\n\nThe secretary said exports rose."
    assert "PERSON" not in names(nlp, text).values()


def test_a_weekday_after_a_name_is_no_part_of_it(nlp):
    found = names(nlp, "The board interviewed writer Aner Velkovic Wednesday about the book.")
    assert found == {"Aner Velkovic": "PERSON"}


# -- peoples and nations as NORP, from ISO 639-3 (scripts/build_peoples.py) --------------------

def test_peoples_named_like_their_language_are_norp(nlp):
    found = names(nlp, "Elders of the Navajo and the Jicarilla Apache met Kurds and Zulus in the valley.")
    assert found == {"Navajo": "NORP", "Jicarilla Apache": "NORP", "Kurds": "NORP", "Zulus": "NORP"}


def test_a_country_language_stays_no_people(nlp):
    assert names(nlp, "The leaflet was printed in English and Khmer for the farmers.") == {}


def test_nationalities_in_i_take_a_plural(nlp):
    assert names(nlp, "Thousands of Bangladeshis and Pakistanis work in the port.") == {
        "Bangladeshis": "NORP", "Pakistanis": "NORP"}


# -- places unknown to the gazetteer but marked by context ------------------------------------

@pytest.mark.parametrize("text, place", [
    ("Officials of the City of Marrowby said the road would reopen.", "Marrowby"),
    ("The clinic in Tohvela, N.M., treats 40 patients a day.", "Tohvela"),
    ("Residents of the village of Kelvaro were moved.", "Kelvaro"),
    ("Rains hit Orvend County on Monday.", "Orvend County"),
    ("A farmer from Senvar village said the water rose.", "Senvar"),
    ("In Kamvun commune, homes flooded.", "Kamvun"),
    ("In Pesan district's Plovok commune, crops were lost.", "Plovok"),
])
def test_an_unknown_place_marked_by_context(nlp, text, place):
    found = {m: e for e, ms in mentions(nlp, text).items() for m in ms}
    assert place in found and names(nlp, text)[found[place]] == "GPE"


def test_a_place_before_a_place_type_is_no_speaker(nlp):
    found = names(nlp, '"We are worried," said Senvar town farmer Buth Orrin, who has six children.')
    assert found == {"Senvar": "GPE", "Buth Orrin": "PERSON"}


def test_a_given_name_before_a_place_type_is_no_place(nlp):
    assert "Mira" not in names(nlp, "The board told Mira town officials to wait.")
