"""facts_dates: four-digit numbers that are amounts, measures or parts of a name, not years.

Every sentence is invented for the test.
"""

from __future__ import annotations

import dataclasses

import pytest

from extractor.pipeline import build_pipeline, make_doc


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("facts_layout", "facts_entities", "facts_dates"))


def surfaces(nlp, text, published="2021-05-10"):
    doc = nlp(make_doc(nlp, text, published=published))
    return {span.text: dataclasses.asdict(span._.facts_date)["value"] for span in doc.spans["facts_dates"]}


@pytest.mark.parametrize("text", [
    "The yard builds boats of 2000 hp for the navy.",
    "Each cabin covers 1950 sq m on two decks.",
    "Levels rose to 1980 parts per million in the valley.",
    "The clinic saw 1500 cases per week in the winter months.",
    "Workers earn an average of 1500 a month there.",
    "The club counted a total of 2015 visitors.",
    "The firm plans from 1000 to 2000 hires in the region.",
    "The forum has 1900+ members and the wiki 1200 + editors.",
])
def test_amounts_and_measures_are_no_years(nlp, text):
    assert not any(s[:1].isdigit() for s in surfaces(nlp, text)), surfaces(nlp, text)


@pytest.mark.parametrize("text,year", [
    ("Sales rose in 2019 and the firm hired 800 workers.", "2019"),
    ("Output was 53 percent of 1913 levels.", "1913"),
    ("Prices fell between 2010 and 2015 in most towns.", "2010"),
    ("The 2018 elections were close.", "2018"),
])
def test_years_near_amounts_stay_years(nlp, text, year):
    assert surfaces(nlp, text).get(year) == year


def test_a_numbered_day_of_an_event_is_a_label_not_a_duration(nlp):
    found = surfaces(nlp, "Chess Open 2018 day five: the favourites drew.", "2018-06-19")
    assert found == {"2018": "2018"}
    assert surfaces(nlp, "They stayed not for six years, but for one year 12 times.")["one year"] == "P1Y"


def test_a_century_in_the_name_of_a_law_or_programme_is_no_date(nlp):
    assert "the 21st Century" not in surfaces(nlp, "Congress passed the Clean Rivers Act for the 21st Century.")
    assert "the 21st Century" not in surfaces(nlp, "The Harbor Jobs Program for the 21st Century funds ports.")
    assert "the 21st century" in surfaces(nlp, "Cities must plan for the 21st century, the mayor said.")


@pytest.mark.parametrize("text,year", [
    ("Since about 1900, the average has held steady.", "1900"),
    ("Output will double by around 2030, the agency said.", "2030"),
])
def test_an_approximate_year_after_a_preposition_of_time(nlp, text, year):
    assert surfaces(nlp, text).get(year) == year


def test_an_approximate_amount_stays_no_year(nlp):
    assert surfaces(nlp, "Exports fell by about 2000 tons, and the firm hired about 1900 workers.") == {}
