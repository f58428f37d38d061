"""facts_dates: Iranian (Solar Hijri) day dates and the longer month phrases. Every sentence
is invented for the test; every conversion is checked against jdatetime."""

from __future__ import annotations

import dataclasses

import jdatetime
import pytest

from extractor.normalize import solar_hijri
from extractor.pipeline import build_pipeline, make_doc

LEAD = "TEHRAN, Nov. 5 (XNA) -- "
PUBLISHED = "2019-11-05"  # 14 Aban 1398


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("facts_layout", "facts_dates"))


def found(nlp, text, published=PUBLISHED):
    doc = nlp(make_doc(nlp, LEAD + text, published=published))
    return {s.text: dataclasses.asdict(s._.facts_date) for s in doc.spans["facts_dates"]}


def gregorian(year, month, day):
    return jdatetime.date(year, month, day).togregorian().isoformat()


@pytest.mark.parametrize("sentence,surface,sh", [
    ("The mill opened on Aban 13, 1398 after a long delay.", "Aban 13, 1398", (1398, 8, 13)),
    ("The mill opened on Bahman 2 1397 after a long delay.", "Bahman 2 1397", (1397, 11, 2)),
    ("The mill opens on 1 Farvardin 1400, the ministry said.", "1 Farvardin 1400", (1400, 1, 1)),
    ("The next stage starts on the 10th of Dey, officials said.", "the 10th of Dey", (1398, 10, 10)),
    ("Sales rose on Mehr 5 at the market.", "Mehr 5", (1398, 7, 5)),
    ("The fair ends on 20 Azar in the capital.", "20 Azar", (1398, 9, 20)),
    ("The fair began on 20 Esfand in the capital.", "20 Esfand", (1397, 12, 20)),
])
def test_solar_hijri_day_dates(nlp, sentence, surface, sh):
    p = found(nlp, sentence)[surface]
    assert p["calendar"] == "solar_hijri"
    assert p["value"] == gregorian(*sh)
    assert p["interval"] == (gregorian(*sh), gregorian(*sh))


def test_a_year_less_day_takes_the_year_near_publication():
    ref = jdatetime.date(1398, 8, 14).togregorian()
    assert solar_hijri.year_near(9, 20, ref) == 1398  # a month ahead
    assert solar_hijri.year_near(12, 20, ref) == 1397  # four months ahead is too far: last Esfand
    assert solar_hijri.year_near(1, 5, ref) == 1398


@pytest.mark.parametrize("sentence,surface,month", [
    ("Inflation eased in the eighth calendar month of Aban, the bank said.",
     "the eighth calendar month of Aban", 8),
    ("Rents rose 4 percent by the end of the seventh Iranian month of Mehr.",
     "the end of the seventh Iranian month of Mehr", 7),
])
def test_ordinal_month_phrases(nlp, sentence, surface, month):
    p = found(nlp, sentence)[surface]
    assert p["calendar"] == "solar_hijri" and p["value"] is None
    start = jdatetime.date(1398, month, 1).togregorian()
    after = jdatetime.date(1398, month + 1, 1).togregorian()
    assert p["interval"][0] == start.isoformat()
    assert (jdatetime.date.fromgregorian(date=after) - jdatetime.timedelta(days=1)).togregorian().isoformat() \
        == p["interval"][1]


def test_an_ambiguous_month_name_alone_stays_a_word(nlp):
    got = found(nlp, "Mehr reported that Azar Bank opened a branch.")
    assert not any(k.startswith(("Mehr", "Azar")) for k in got)


@pytest.mark.parametrize("sentence,surface,value,calendar", [
    ("The decree dated 1398/08/13 took effect.", "1398/08/13", gregorian(1398, 8, 13), "solar_hijri"),
    ("The decree dated 1399.1.5 took effect.", "1399.1.5", gregorian(1399, 1, 5), "solar_hijri"),
    ("The order dated 2019/11/04 took effect.", "2019/11/04", "2019-11-04", "gregorian"),
])
def test_year_first_numeric_dates(nlp, sentence, surface, value, calendar):
    p = found(nlp, sentence)[surface]
    assert (p["value"], p["calendar"]) == (value, calendar)


@pytest.mark.parametrize("sentence", ["Version 2019.11.4.1 shipped.", "The code 1398/13/45 failed."])
def test_year_first_numbers_that_are_no_dates(nlp, sentence):
    assert not [k for k in found(nlp, sentence) if k[:4].isdigit()]


def test_the_issue_example_aban_13_1398(nlp):
    assert gregorian(1398, 8, 13) == "2019-11-04"  # jdatetime agrees with the issue's example
    assert found(nlp, "The mill opened on Aban 13, 1398.")["Aban 13, 1398"]["value"] == "2019-11-04"
