"""facts_dates: what history text marks as dates and news does not.

Every sentence is invented for the test. A text is history when its years lie long before
its publication date (``extractor.dates.context.is_narrative``).
"""

from __future__ import annotations

import dataclasses

import pytest

from extractor.pipeline import build_pipeline, make_doc

HISTORY = ("The siege of Arden began in May 1703 and the town fell in 1704. In 1705 the army "
           "marched south after a ten-day march, and a three-year truce and a thirty year peace followed. The garrison was now "
           "starving. ")
ANCIENT = ("The revolt lasted from 512 BC to 506 BC. The rebels now held the coast, and after a "
           "six-month siege the city fell in 498 BC. ")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("facts_layout", "facts_dates"))


def found(nlp, text, published="2009-12-19"):
    doc = nlp(make_doc(nlp, text, published=published))
    return {span.text: dataclasses.asdict(span._.facts_date)["value"] for span in doc.spans["facts_dates"]}


def test_history_marks_now_and_duration_adjectives(nlp):
    got = found(nlp, HISTORY)
    assert got["ten-day"] == "P10D" and got["three-year"] == "P3Y" and got["thirty year"] == "P30Y"
    assert got["now"] == "PRESENT_REF"


def test_years_of_an_era_make_a_text_history(nlp):
    got = found(nlp, ANCIENT)
    assert got["now"] == "PRESENT_REF" and got["six-month"] == "P6M"


@pytest.mark.parametrize("text", [
    "Shares are now trading higher, and the firm signed a three-year lease in 2009.",
    "Right now the ten-day forecast looks dry, officials said on Monday.",
    "The thirty year bond fell on Monday.",
])
def test_news_marks_neither(nlp, text):
    got = found(nlp, text)
    assert "now" not in got and "Right now" not in got
    assert not any("-" in surface or "year" in surface for surface in got), got


def test_era_ranges_and_decades(nlp):
    got = found(nlp, "The revolt lasted from 499 to 493 BC. Throughout the 470s BC the league "
                     "campaigned, and in 496 and 495 BC it waited.")
    assert got["499"] == "BC0499" and got["496"] == "BC0496"
    assert got["the 470s BC"] == "BC047"


def test_a_bare_day_of_the_month_takes_the_month_of_the_story(nlp):
    got = found(nlp, "The attack began on 19 September 1917. It faltered on the 20th, and resumed "
                     "from the 22nd to the 24th.")
    assert got["the 20th"] == "1917-09-20" and got["the 22nd"] == "1917-09-22"
    assert "the 3rd" not in found(nlp, "The 3rd Division moved, and the team finished the 5th in line.")
