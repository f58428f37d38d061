"""facts_dates: TIMEX3-style values in news. News annotation (news_dev's convention) leaves
weeks, decades and centuries without a value, while the interval still tells the days;
history (years long before publication) keeps TIMEX values for decades. Seasons keep
their TIMEX value in news ("last summer" -> "2020-SU").
"This year", "the end of the year" and "year end" resolve against the publication date.
Every sentence is invented for the test."""

from __future__ import annotations

import dataclasses
import datetime as dt

import jdatetime
import pytest

from extractor.pipeline import build_pipeline, make_doc


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("facts_layout", "facts_dates"))


def found(nlp, text, published=None):
    doc = nlp(make_doc(nlp, text, published=published))
    return {s.text: dataclasses.asdict(s._.facts_date) for s in doc.spans["facts_dates"]}


@pytest.mark.parametrize("text,surface,interval", [
    ("The mill closed last week, the owner said.", "last week", ("2021-03-01", "2021-03-07")),
    ("The fair opens this weekend in the square.", "this weekend", ("2021-03-13", "2021-03-14")),
    ("Prices last rose this fast in the 1980s, traders said.", "the 1980s", ("1980-01-01", "1989-12-31")),
    ("Such mills spread in the 20th century, the guide said.", "the 20th century", ("1900-01-01", "1999-12-31")),
])
def test_news_leaves_weeks_decades_and_centuries_without_value(nlp, text, surface, interval):
    p = found(nlp, text, "2021-03-10")[surface]
    assert p["value"] is None
    if interval is not None:
        assert p["interval"] == interval


def test_seasons_keep_their_value_in_news(nlp):
    got = found(nlp, "Sales fell last summer and in the summer of 2019, the grocer said.", "2021-03-10")
    assert got["last summer"]["value"] == "2020-SU"
    assert got["last summer"]["interval"] == ("2020-06-01", "2020-08-31")
    assert got["the summer of 2019"]["value"] == "2019-SU"


def test_history_keeps_season_and_decade_values(nlp):
    text = ("In May 1862 the army marched north. In the spring of 1863 it crossed the river, "
            "and in June 1864 it reached the coast. By 1865 the war had ended. Mills spread in the 1870s.")
    got = found(nlp, text, "2021-03-10")
    assert got["the spring of 1863"]["value"] == "1863-SP"
    assert got["the 1870s"]["value"] == "187"


def test_without_publication_date_values_stay(nlp):
    got = found(nlp, "Sales fell in the summer of 2019 and in the 1980s.")
    assert got["the summer of 2019"]["value"] == "2019-SU"
    assert got["the 1980s"]["value"] == "198"


@pytest.mark.parametrize("text,surface,value", [
    ("This year the mill will double its output.", "This year", "2021"),
    ("The agency will publish the rules by the end of the year.", "the end of the year", "2021"),
])
def test_this_year_and_the_end_of_the_year(nlp, text, surface, value):
    assert found(nlp, text, "2021-03-10")[surface]["value"] == value


@pytest.mark.parametrize("text,surface", [
    ("The firm will hire 200 people by yearend.", "yearend"),
    ("The firm will hire 200 people by year end.", "year end"),
    ("Its year-end results beat forecasts.", "year-end"),
])
def test_year_end_is_the_year(nlp, text, surface):
    p = found(nlp, text, "2021-03-10")[surface]
    assert p["value"] == "2021" and p["interval"] == ("2021-01-01", "2021-12-31")


def test_a_fiscal_year_end_is_not_the_calendar_year(nlp):
    got = found(nlp, "The fiscal year end of the firm moved.", "2021-03-10")
    assert not any(k.endswith("year end") for k in got)


def test_year_end_in_iranian_text_is_the_solar_hijri_year(nlp):
    p = found(nlp, "TEHRAN, Feb. 7 (XNA) -- Output will reach 10 tons by yearend.", "2022-02-07")["yearend"]
    assert p["calendar"] == "solar_hijri" and p["value"] is None
    start = jdatetime.date(1400, 1, 1).togregorian()
    end = jdatetime.date(1401, 1, 1).togregorian() - dt.timedelta(days=1)
    assert p["interval"] == (start.isoformat(), end.isoformat())


def test_a_weekday_without_a_date_to_count_from_has_no_value(nlp):
    text = "The council met on Thursday to vote on the mill."
    assert found(nlp, text)["Thursday"]["value"] is None
    assert found(nlp, text, "2021-03-10")["Thursday"]["value"] == "2021-03-04"
    got = found(nlp, "The council met on May 3, 1921. On Thursday it voted.")
    assert got["Thursday"]["value"] == "1921-04-28"  # the anchor counts as "today"


def test_now_is_no_date_in_news(nlp):
    got = found(nlp, "The mill is now closed, and right now no one works there.", "2021-03-10")
    assert "now" not in got and "right now" not in got


def test_now_is_the_present_in_history(nlp):
    text = ("The fort was built in 1720. In 1755 it was burned, and in 1761 it was rebuilt. "
            "The ruins can now be visited.")
    assert found(nlp, text, "2021-03-10")["now"]["value"] == "PRESENT_REF"
    assert found(nlp, "The ruins can now be visited.")["now"]["value"] == "PRESENT_REF"


def test_years_before_the_era_make_a_text_history(nlp):
    text = "The city fell in 490 BC. In 480 BC the fleet sailed, and in 479 BC the war ended. It is now a ruin."
    assert found(nlp, text, "2021-03-10")["now"]["value"] == "PRESENT_REF"


@pytest.mark.parametrize("text,surface,value", [
    ("Earlier today the mayor opened the mill.", "Earlier today", "2021-03-10"),
    ("The mayor flies out later tonight.", "later tonight", "2021-03-10TNI"),
    ("This years fair drew crowds to the mill.", "This years", "2021"),
])
def test_deictic_words_with_their_modifiers(nlp, text, surface, value):
    assert found(nlp, text, "2021-03-10")[surface]["value"] == value


def test_a_plural_years_is_no_year_elsewhere(nlp):
    got = found(nlp, "The feud was one of this years-long kind.", "2021-03-10")
    assert "this years" not in got and "this year" not in got


@pytest.mark.parametrize("text,surface,value", [
    ("Such mills spread in the sixties.", "the sixties", "196"),
    ("Such mills spread in the early nineteen-seventies.", "the early nineteen-seventies", "197"),
    ("Such mills spread in the eighteen-eighties.", "the eighteen-eighties", "188"),
])
def test_decade_words(nlp, text, surface, value):
    p = found(nlp, text)[surface]
    assert p["value"] == value
    start = int(value) * 10
    assert p["interval"] == (f"{start}-01-01", f"{start + 9}-12-31")


@pytest.mark.parametrize("text", [
    "Temperatures were in the forties all week.",
    "Highs reach the mid-fifties by noon.",
    "It stayed in the sixties degrees range.",
    "The buyer is in his sixties.",
])
def test_decade_words_that_count_degrees_or_age_are_no_dates(nlp, text):
    assert not any(k.endswith(("forties", "fifties", "sixties")) for k in found(nlp, text))
