"""facts_dates: the tense of the sentence picks which occurrence a year-less date is.

Every sentence is invented for the test; 12 May 2021 is a Wednesday.
"""

from __future__ import annotations

import dataclasses

import pytest

from extractor.pipeline import build_pipeline, make_doc

PUBLISHED = "2021-05-12"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("facts_layout", "facts_dates"))


def values(nlp, text, published=PUBLISHED):
    doc = nlp(make_doc(nlp, text, published=published))
    return {span.text: dataclasses.asdict(span._.facts_date)["value"] for span in doc.spans["facts_dates"]}


@pytest.mark.parametrize("text,value", [
    ("The storm will make landfall on Sunday, forecasters said.", "2021-05-16"),
    ("The team is to travel to Geneva on Friday.", "2021-05-14"),
    ("The minister said on Sunday that talks had failed.", "2021-05-09"),
    ("Talks collapsed on Friday.", "2021-05-07"),
])
def test_tense_picks_the_weekday(nlp, text, value):
    found = values(nlp, text)
    assert value in found.values(), found


@pytest.mark.parametrize("text,surface,value", [
    ("The festival will end on June 21.", "June 21", "2021-06-21"),
    ("The fair is to be held from November 14 to November 30.", "November 14", "2021-11-14"),
    ("The boy showed the robot he made to class on April 14.", "April 14", "2021-04-14"),
])
def test_tense_picks_the_year_of_a_day(nlp, text, surface, value):
    assert values(nlp, text)[surface] == value


def test_a_list_of_plans_runs_forward_into_the_next_year(nlp):
    found = values(nlp, "I am going to Rome next month, Oslo in November, Lima in January and Quito in March.")
    assert (found["November"], found["January"], found["March"]) == ("2021-11", "2022-01", "2022-03")


def test_a_list_of_trips_made_stays_in_the_past(nlp):
    found = values(nlp, "I went to Rome in July, Oslo in November, and Lima in March.")
    assert (found["July"], found["November"], found["March"]) == ("2020-07", "2020-11", "2020-03")


def test_news_naming_a_few_old_years_keeps_its_present(nlp):
    text = ("NASA named the museums in 2011. The first shuttle flew on April 12, 1981. Challenger was lost in 1986 and Columbia in 2003. "
            "The last orbiter will launch on April 29, and another retired last month.")
    found = values(nlp, text, "2011-04-13")
    assert found["April 29"] == "2011-04-29"
    assert found["last month"] == "2011-03"
