"""facts_dates: relative periods, as news annotates them (news_dev's conventions).

Every sentence is invented for the test.
"""

from __future__ import annotations

import dataclasses

import pytest

from extractor.pipeline import build_pipeline, make_doc


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("facts_layout", "facts_dates"))


def found(nlp, text, published="2021-05-10"):
    doc = nlp(make_doc(nlp, text, published=published))
    return {span.text: dataclasses.asdict(span._.facts_date) for span in doc.spans["facts_dates"]}


def one(nlp, text, surface, published="2021-05-10"):
    got = found(nlp, text, published)
    assert surface in got, f"{surface!r} not in {list(got)}"
    return got[surface]


@pytest.mark.parametrize("text,surface", [
    ("In recent years the town grew quickly.", "recent years"),
    ("Fares rose in recent months, riders said.", "recent months"),
    ("Officials expect more rain in coming weeks.", "coming weeks"),
    ("Repairs will continue in the coming days.", "the coming days"),
    ("Grid capacity grew over the past weeks.", "the past weeks"),
    ("Several towns have voted in the past few days.", "the past few days"),
    ("Prices will rise in the years ahead.", "the years ahead"),
])
def test_a_vague_period_is_a_date_without_value_in_news(nlp, text, surface):
    p = one(nlp, text, surface)
    assert (p["value"], p["type"], p["interval"]) == (None, "DURATION", None)


def test_a_vague_period_without_publication_date_has_no_value_either(nlp):
    assert one(nlp, "Grid capacity grew over the past weeks.", "the past weeks", None)["value"] is None


def test_a_counted_period_in_news_has_its_interval(nlp):
    p = one(nlp, "The lake has shrunk over the past four decades.", "the past four decades", "2020-06-01")
    assert p["value"] is None and p["interval"] == ("1980-06-01", "2020-06-01")
    p = one(nlp, "The board will meet twice in the years ahead.", "the years ahead")
    assert p["value"] is None


def test_history_keeps_the_vague_length(nlp):
    text = ("The siege began in May 1703 and the town fell in 1704. In 1705 the army marched south. "
            "In 1706 the truce held. In the following months the garrison starved.")
    assert one(nlp, text, "the following months")["value"] == "PXM"


@pytest.mark.parametrize("text,surface", [
    ("The ministry will sign the deal in the near future, he said.", "the near future"),
    ("No new plant is planned for the foreseeable future.", "the foreseeable future"),
])
def test_the_near_future_is_a_date_without_value_in_news(nlp, text, surface):
    p = one(nlp, text, surface)
    assert (p["value"], p["type"]) == (None, "DATE")


def test_a_measured_stretch_after_in_has_no_value_in_news(nlp):
    p = one(nlp, "Exports rose 30% in four months, the agency said.", "four months")
    assert (p["value"], p["type"]) == (None, "DURATION")
    assert one(nlp, "The contract runs for three years.", "three years")["value"] == "P3Y"


@pytest.mark.parametrize("text,surface", [
    ("Imports fell 12% against the similar period of last year.", "the similar period of last year"),
    ("Wool sales reached 80 bales, against 64 bales in the same time in the year before.",
     "the same time in the year before"),
    ("Exports rose in the same period of the preceding year.", "the same period of the preceding year"),
])
def test_the_same_period_a_year_before_is_one_record(nlp, text, surface):
    p = one(nlp, text, surface, "2018-01-15")
    assert p["interval"] == ("2017-01-01", "2017-12-31")


@pytest.mark.parametrize("text,surface,interval", [
    ("Stocks fell last week, traders said.", "last week", ("2021-05-03", "2021-05-09")),
    ("The fair opens this weekend.", "this weekend", ("2021-05-15", "2021-05-16")),
])
def test_a_week_has_its_interval_but_no_value_in_news(nlp, text, surface, interval):
    p = one(nlp, text, surface)
    assert p["value"] is None and p["interval"] == interval


def test_an_anchored_period_of_hours_has_no_value(nlp):
    p = one(nlp, "Within the next 48 hours, crews will restore power.", "the next 48 hours")
    assert (p["value"], p["type"]) == (None, "DURATION")


def test_an_approximate_time_ago_is_still_a_date(nlp):
    assert one(nlp, "The plant opened almost two years ago.", "two years ago")["value"] == "2019"
    assert "a year later" not in found(nlp, "Output doubled more than a year later.")


@pytest.mark.parametrize("text", [
    "She fell ill at the age of four months.",
    "We avoid the 24 hour news cycle and that two year gap.",
])
def test_ages_and_length_modifiers_are_no_durations(nlp, text):
    assert found(nlp, text) == {}


def test_a_single_unit_is_still_a_duration(nlp):
    assert one(nlp, "Repairs will take one year.", "one year")["value"] == "P1Y"


@pytest.mark.parametrize("text,surface", [
    ("The standoff lasted through the fall and winter.", "winter"),
    ("Crews worked in spring and summer 2019 on the dam.", "spring"),
    ("Floods hit the valley that same spring.", "spring"),
])
def test_a_season_named_with_another_is_a_date(nlp, text, surface):
    assert surface in found(nlp, text)


def test_a_crop_named_after_a_season_is_no_date(nlp):
    assert found(nlp, "Farmers grow field corn, and winter wheat.") == {}


def test_at_night_is_a_part_of_any_day(nlp):
    p = one(nlp, "The convoy moved only at night, officials said.", "night")
    assert (p["value"], p["type"]) == ("XXXX-XX-XXTNI", "TIME")
    assert found(nlp, "The late night show drew viewers.") == {}


def test_the_article_before_a_month_and_day_stays_outside_the_span(nlp):
    assert "February 20" in found(nlp, "Sales surged after the February 20 launch of the domain.")


def test_earlier_today_is_one_span(nlp):
    assert one(nlp, "Earlier today, I spoke with the crew.", "Earlier today")["value"] == "2021-05-10"


def test_a_month_joined_to_another_by_a_dash_is_a_month(nlp):
    got = found(nlp, "Exports rose in the first eight months (March-November), the ministry said.", "2019-12-31")
    assert got["March"]["value"] == "2019-03"
    assert found(nlp, "The March to Versailles began, and prices may rise.") == {}
