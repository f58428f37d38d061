"""facts_dates: recognition and TIMEX3-style normalisation, Iranian calendar included.

Every sentence here is written for the test; Solar Hijri conversions are checked against
jdatetime rather than against hand-computed dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import jdatetime
import pytest
import spacy

from extractor.normalize import solar_hijri
from extractor.pipeline import build_pipeline, make_doc


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("facts_layout", "facts_dates"))


def dates(nlp, text, published=None):
    doc = nlp(make_doc(nlp, text, published=published))
    out = []
    for span in doc.spans["facts_dates"]:
        assert text[span.start_char:span.end_char] == span.text
        out.append((span.text, dataclasses.asdict(span._.facts_date)))
    return out


def one(nlp, text, surface, published=None):
    found = dict(dates(nlp, text, published))
    assert surface in found, f"{surface!r} not in {list(found)}"
    return found[surface]


def values(nlp, text, published=None):
    return {t: p["value"] for t, p in dates(nlp, text, published)}


def jalali_year(year):
    start = jdatetime.date(year, 1, 1).togregorian()
    end = jdatetime.date(year + 1, 1, 1).togregorian() - dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


# -- explicit dates ----------------------------------------------------------------------

@pytest.mark.parametrize("text,surface,value", [
    ("The plant reopened on 20 March 2020 after repairs.", "20 March 2020", "2020-03-20"),
    ("The plant reopened on March 20, 2020 after repairs.", "March 20, 2020", "2020-03-20"),
    ("Deliveries resume on Sept. 4, 2018, the firm said.", "Sept. 4, 2018", "2018-09-04"),
    ("The filing is dated 2020-03-20 in the registry.", "2020-03-20", "2020-03-20"),
    ("The form was signed 03/20/2020 by both parties.", "03/20/2020", "2020-03-20"),
    ("The form was signed 20/03/2020 by both parties.", "20/03/2020", "2020-03-20"),
    ("The form was signed 04.05.2020 in Berlin.", "04.05.2020", "2020-05-04"),
    ("Sales fell in September 2019 and recovered later.", "September 2019", "2019-09"),
    ("Output peaked in February of 1998.", "February of 1998", "1998-02"),
    ("Prices rose sharply in the 1970s.", "the 1970s", "197"),
    ("It was founded in 1887 by farmers.", "1887", "1887"),
    ("The city was sacked in 410 AD by raiders.", "410 AD", "0410"),
    ("The walls were built around 450 BC by the king.", "450 BC", "BC0450"),
    ("Results for Monday, June 1, 2015 were late.", "Monday, June 1, 2015", "2015-06-01"),
    ("Talks continued until the 12th of June 1999.", "the 12th of June 1999", "1999-06-12"),
])
def test_explicit_dates(nlp, text, surface, value):
    assert one(nlp, text, surface)["value"] == value


def test_numeric_date_rule_documented_month_first_with_slash(nlp):
    # Both parts could be a month: "/" reads month first, "." day first.
    assert one(nlp, "Filed 05/04/2021 in court.", "05/04/2021")["value"] == "2021-05-04"
    assert one(nlp, "Filed 05.04.2021 in court.", "05.04.2021")["value"] == "2021-04-05"


def test_invalid_calendar_date_has_no_value(nlp):
    assert one(nlp, "It is marked February 30, 2021 on the box.", "February 30, 2021")["value"] is None


def test_year_less_date_takes_year_near_publication(nlp):
    pub = "2021-01-10"
    assert one(nlp, "Exports rose in December, officials said.", "December", pub)["value"] == "2020-12"
    assert one(nlp, "Talks resume on Feb. 2 in Geneva.", "Feb. 2", pub)["value"] == "2021-02-02"


def test_year_less_date_without_publication_is_unresolved(nlp):
    assert one(nlp, "The fair opens on July 4 in the capital.", "July 4")["value"] == "XXXX-07-04"


def test_range_end_lends_its_year(nlp):
    found = values(nlp, "Sales were counted from April 2 to June 30, 2016 by the bureau.")
    assert found == {"April 2": "2016-04-02", "June 30, 2016": "2016-06-30"}


def test_range_parts_are_separate_spans_with_own_intervals(nlp):
    found = dict(dates(nlp, "The festival runs (May 3-June 9) every year.", "2022-05-01"))
    assert found["May 3"]["value"] == "2022-05-03"
    assert found["June 9"]["interval"] == ("2022-06-09", "2022-06-09")
    years = values(nlp, "Output grew from 2012 through 2017 in the region.")
    assert years == {"2012": "2012", "2017": "2017"}


def test_year_span_interval(nlp):
    assert one(nlp, "Back in 2011, the mill closed.", "2011")["interval"] == ("2011-01-01", "2011-12-31")


# -- what is not a date ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The company hired 2,019 people last spring.",
    "She said 1700 idle fishing boats will sail again.",
    "The firm sold 1999 tons of steel to buyers.",
    "Version 2.0.1 fixed the bug; the score was 3-1.",
    "Call 555-2019 for tickets.",
    "The model B1984X was recalled.",
])
def test_numbers_that_are_not_dates(nlp, text):
    spans = [t for t, _ in dates(nlp, text)]
    assert not any(any(ch.isdigit() for ch in t) for t in spans), spans


def test_modal_may_and_marching_are_not_months(nlp):
    assert dates(nlp, "Prices may rise, and the workers march to the square.") == []


# -- relative expressions ----------------------------------------------------------------

@pytest.mark.parametrize("text,surface,value", [
    ("Trading stopped today, brokers said.", "today", "2020-06-03"),
    ("The ship docked yesterday in the port.", "yesterday", "2020-06-02"),
    ("The minister will visit tomorrow.", "tomorrow", "2020-06-04"),
    ("Exports doubled last year, data show.", "last year", "2019"),
    ("Imports grew this year despite sanctions.", "this year", "2020"),
    ("The plant opens next month.", "next month", "2020-07"),
    ("The deal was signed two weeks ago.", "two weeks ago", "2020-05-20"),
    ("The board met on Saturday to vote.", "Saturday", "2020-05-30"),
    ("The board meets on Wednesday to vote.", "Wednesday", "2020-06-03"),
    ("The law took effect last October.", "last October", "2019-10"),
    ("Results are due in the first quarter of 2021.", "the first quarter of 2021", "2021-Q1"),
    ("Growth slowed in Q3 2019, the bank said.", "Q3 2019", "2019-Q3"),
    ("Profits rose in the second half of 2018.", "the second half of 2018", "2018-H2"),
    ("Sales rose in the summer of 2015.", "the summer of 2015", "2015-SU"),
])
def test_relative_expressions_resolve_against_publication(nlp, text, surface, value):
    assert one(nlp, text, surface, "2020-06-03")["value"] == value


def test_relative_expressions_without_publication_are_unresolved(nlp):
    for text, surface in [("Trading stopped today.", "today"),
                          ("Exports doubled last year.", "last year"),
                          ("The deal was signed two weeks ago.", "two weeks ago")]:
        assert one(nlp, text, surface)["value"] is None


def test_rolling_period_has_interval_when_anchored(nlp):
    p = one(nlp, "Output rose 8 percent over the past ten months.", "the past ten months", "2020-11-15")
    assert p["type"] == "DURATION"
    assert p["interval"] == ("2020-01-15", "2020-11-15")
    assert one(nlp, "Output rose over the past ten months.", "the past ten months")["value"] == "P10M"


def test_anaphoric_day_follows_last_mentioned_date(nlp):
    found = values(nlp, "The peso slipped on Thursday, from 41.5 a day earlier.", "2019-03-11")
    assert found["Thursday"] == "2019-03-07"
    assert found["a day earlier"] == "2019-03-06"


def test_narrative_text_resolves_against_the_story(nlp):
    text = ("The siege began in May 1703. In June, the garrison sallied out. "
            "On 14 July the walls were breached, and the next day the town fell. "
            "The previous year had been quiet.")
    found = values(nlp, text, "2009-12-19")
    assert found["June"] == "1703-06"
    assert found["14 July"] == "1703-07-14"
    assert found["the next day"] == "1703-07-15"
    assert found["The previous year"] == "1702"


# -- durations, sets, times --------------------------------------------------------------

@pytest.mark.parametrize("text,surface,value,type_", [
    ("The contract runs for three years.", "three years", "P3Y", "DURATION"),
    ("Repairs will take a month.", "a month", "P1M", "DURATION"),
    ("The strike lasted 36 hours.", "36 hours", "PT36H", "DURATION"),
    ("Inspectors visit every week.", "every week", "P1W", "SET"),
    ("The council meets every Monday.", "every Monday", "XXXX-WXX-1", "SET"),
    ("Reports are filed twice a year.", "twice a year", "P1Y", "SET"),
])
def test_durations_and_sets(nlp, text, surface, value, type_):
    p = one(nlp, text, surface)
    assert (p["value"], p["type"]) == (value, type_)


def test_measures_and_ages_are_left_to_quantities(nlp):
    for text in ("Prices rose in less than a month.", "The man, 45 years old, was freed.",
                 "It pumps 2 million barrels a day.", "A second attack followed."):
        assert [p["type"] for _, p in dates(nlp, text)] == [], text


def test_times_of_day(nlp):
    p = one(nlp, "The quake struck at 3:15 a.m. local time, officials said.", "3:15 a.m. local time",
            "2016-08-24")
    assert (p["type"], p["value"]) == ("TIME", "2016-08-24T03:15")
    p = one(nlp, "Voting closes at 8 p.m. on November 3, 2020.", "8 p.m.")
    assert p["value"] == "2020-11-03T20:00"
    assert one(nlp, "Doors open at 14:30 GMT.", "14:30 GMT")["value"].endswith("T14:30Z")


def test_identifiers_and_ratios_are_not_times(nlp):
    assert dates(nlp, "See file 10:45:x and the 3.45 ratio, id abc12:30.") == []


# -- the Iranian calendar -----------------------------------------------------------------

def test_solar_hijri_year_intervals_match_jdatetime():
    for year in (1380, 1395, 1399, 1400, 1403):
        start, end = solar_hijri.year_interval(year)
        assert (start.isoformat(), end.isoformat()) == jalali_year(year)
    assert solar_hijri.year_interval(1399) == (dt.date(2020, 3, 20), dt.date(2021, 3, 20))


def test_solar_hijri_month_intervals_match_jdatetime():
    for year, month in [(1399, 1), (1399, 12), (1402, 7), (1403, 12)]:
        start, end = solar_hijri.month_interval(year, month)
        assert start == jdatetime.date(year, month, 1).togregorian()
        days = jdatetime.j_days_in_month[month - 1] if month < 12 else (
            30 if jdatetime.date(year, 1, 1).isleap() else 29)
        assert (end - start).days + 1 == days


def test_current_iranian_year(nlp):
    p = one(nlp, "Exports will rise in the current Iranian calendar year, he said.",
            "the current Iranian calendar year", "2020-06-01")
    assert p == {"value": None, "type": "DATE", "calendar": "solar_hijri",
                 "interval": jalali_year(1399), "range": None}
    assert one(nlp, "Exports will rise in the current Iranian year.", "the current Iranian year")[
        "interval"] is None


def test_possessive_is_not_part_of_the_span(nlp):
    found = dates(nlp, "The previous Iranian year’s budget was cut.", "2021-08-01")
    assert found[0][0] == "The previous Iranian year"
    assert found[0][1]["interval"] == jalali_year(1399)


def test_named_iranian_year(nlp):
    p = one(nlp, "Trade grew in the Iranian calendar year 1401, customs said.",
            "the Iranian calendar year 1401")
    assert p["interval"] == jalali_year(1401) and p["calendar"] == "solar_hijri"


def test_bare_solar_hijri_year_in_iranian_text(nlp):
    text = "TEHRAN, Aug. 2 (MNA) – Steel output rose in 1398 compared to 1397, the ministry said."
    found = dict(dates(nlp, text, "2019-08-02"))
    assert found["1398"]["interval"] == jalali_year(1398)
    assert found["1398"]["value"] is None


def test_solar_hijri_months(nlp):
    pub = "2021-04-03"
    p = one(nlp, "Output rose in the Iranian month of Esfand, the report said.",
            "the Iranian month of Esfand", pub)
    start = jdatetime.date(1399, 12, 1).togregorian()
    assert p["calendar"] == "solar_hijri" and p["interval"][0] == start.isoformat()
    p = one(nlp, "Sales recovered in Farvardin 1400, dealers said.", "Farvardin 1400", pub)
    assert p["interval"][0] == jdatetime.date(1400, 1, 1).togregorian().isoformat()
    # An ambiguous month name needs calendar context: "Mehr" is also a news agency.
    assert dates(nlp, "Mehr reported the figures.", pub) == []
    p = one(nlp, "Imports fell in the month of Mehr, data show.", "the month of Mehr", pub)
    assert p["interval"][0] == jdatetime.date(1399, 7, 1).togregorian().isoformat()


def test_first_months_of_the_iranian_year(nlp):
    p = one(nlp, "Car output rose in the first three months of the current Iranian year.",
            "the first three months of the current Iranian year", "2023-07-01")
    assert p["interval"] == (jdatetime.date(1402, 1, 1).togregorian().isoformat(),
                             (jdatetime.date(1402, 4, 1).togregorian() - dt.timedelta(days=1)).isoformat())


def test_this_year_in_iranian_news_is_the_iranian_year(nlp):
    text = "TEHRAN, Feb. 9 (MNA) – Saffron sales grew this year, traders said."
    p = one(nlp, text, "this year", "2024-02-09")
    assert p["calendar"] == "solar_hijri" and p["interval"] == jalali_year(1402)


# -- publication date from the dateline -----------------------------------------------------

def test_published_from_a_full_dateline(nlp):
    doc = nlp(make_doc(nlp, "CHICAGO, Apr. 14, 2015 - The agency said today that ..."))
    assert doc._.facts_meta.published == dt.date(2015, 4, 14)
    today = [s for s in doc.spans["facts_dates"] if s.text == "today"][0]
    assert today._.facts_date.value == "2015-04-14"


def test_published_from_dateline_with_year_from_metadata(nlp):
    doc = nlp(make_doc(nlp, "TEHRAN, Jul. 03 (MNA) – Output rose on Sunday, the ministry said.",
                       meta={"url": "https://example.org/2021/07/03/output"}))
    assert doc._.facts_meta.published == dt.date(2021, 7, 3)
    doc = nlp(make_doc(nlp, "TEHRAN, Jul. 03 (MNA) – Output rose, the ministry said."))
    assert doc._.facts_meta.published is None


def test_explicit_publication_date_wins_over_dateline(nlp):
    doc = nlp(make_doc(nlp, "CHICAGO, Apr. 14, 2015 - Said today.", published="2015-04-15"))
    assert doc._.facts_meta.published == dt.date(2015, 4, 15)


# -- robustness -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["1" * 50000, "1," * 100000, "March " * 10000,
                                  "in 2019 " * 5000, "the first of the past " * 3000, "", "‘’“”"])
def test_odd_input_is_fast_and_safe(nlp, text):
    doc = nlp(make_doc(nlp, text))
    for span in doc.spans["facts_dates"]:
        assert text[span.start_char:span.end_char] == span.text


def test_component_round_trips_through_disk(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("facts_dates")
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    text = "Sales rose 4 percent in March 2020 and fell last year."
    doc_a, doc_b = nlp(text), loaded(text)
    assert [s.text for s in doc_a.spans["facts_dates"]] == [s.text for s in doc_b.spans["facts_dates"]]


# -- "the same period last year" ---------------------------------------------------------

def jalali_months(year, first, count):
    start = jdatetime.date(year, first, 1).togregorian()
    last = first + count
    after = (jdatetime.date(year + 1, 1, 1) if last > 12 else jdatetime.date(year, last, 1)).togregorian()
    return start.isoformat(), (after - dt.timedelta(days=1)).isoformat()


def test_same_period_last_year_is_the_named_period_a_year_back(nlp):
    text = ("Copper sales reached 3.1 million tonnes in the first five months of 2022, "
            "up 4 percent on the same period last year.")
    p = one(nlp, text, "the same period last year", "2022-06-20")
    assert p["interval"] == ("2021-01-01", "2021-05-31")
    assert p["value"] is None


def test_same_period_follows_an_iranian_period_into_the_previous_solar_year(nlp):
    text = ("MASHHAD, Sep. 2 (IRNA) - Wheat purchases rose in the first four months of the "
            "current Iranian calendar year. That was 9 percent more than in the same period "
            "of last year, the ministry said.")
    p = one(nlp, text, "the same period of last year", "2021-09-02")
    assert p["calendar"] == "solar_hijri"
    assert p["interval"] == jalali_months(1399, 1, 4)


def test_same_month_last_year_is_one_span_and_the_month_before(nlp):
    text = "Car output hit 80,000 in October 2023, against 71,000 in the same month last year."
    found = dict(dates(nlp, text, "2023-11-15"))
    assert "the same month" not in found and "last year" not in found
    assert found["the same month last year"]["value"] == "2022-10"


def test_last_years_corresponding_period_without_a_named_period_is_last_year(nlp):
    p = one(nlp, "Revenue was flat compared with last year's corresponding period.",
            "last year's corresponding period", "2024-04-10")
    assert p["interval"] == ("2023-01-01", "2023-12-31")


def test_same_period_only_looks_back_a_sentence(nlp):
    text = ("Tourism grew in the first quarter of 2019. The hotels hired staff. Prices rose. "
            "Visits rose by a fifth from the same period a year earlier.")
    p = one(nlp, text, "the same period a year earlier", "2019-05-02")
    assert p["interval"] == ("2018-01-01", "2018-12-31")


def test_same_period_of_a_named_year(nlp):
    text = "Rice imports in the second half of 2020 exceeded the same period of 2018."
    p = one(nlp, text, "the same period of 2018", "2021-02-01")
    assert p["interval"] == ("2018-07-01", "2018-12-31")
    assert p["value"] == "2018-H2"


# -- look-alikes that are not dates ------------------------------------------------------

@pytest.mark.parametrize("text,not_surface", [
    ("The paper launched a Sunday edition to lift ad sales.", "Sunday"),
    ("Workers agreed to a Monday shift in summer.", "Monday"),
    ("She wrote for the Sunday Times for a decade.", "Sunday"),
    ("Shares of 20th Century Studios rose in June 2019.", "20th Century"),
    ("The field pumped 3 million barrels a day in 2011, the agency said.", "a day in 2011"),
])
def test_look_alikes_are_not_dates(nlp, text, not_surface):
    assert not_surface not in dict(dates(nlp, text, "2020-06-03"))


def test_century_and_rate_year_still_found(nlp):
    assert one(nlp, "Trade in the 19th century was slow.", "the 19th century")["value"] == "18"
    assert one(nlp, "The field pumped 3 million barrels a day in 2011.", "2011")["value"] == "2011"
    assert one(nlp, "The vote is on Sunday, officials said.", "Sunday", "2020-06-03")["value"] == "2020-05-31"


# -- quarters, fiscal and financial years ------------------------------------------------

def test_hyphenated_quarters(nlp):
    pub = "2017-10-25"
    assert one(nlp, "The bank posted third-quarter profit of $2 billion.", "third-quarter", pub)[
        "value"] == "2017-Q3"
    p = one(nlp, "It expects fourth-quarter sales to slow.", "fourth-quarter", pub)
    assert p["value"] == "2017-Q4" and p["interval"] == ("2017-10-01", "2017-12-31")


def test_fiscal_quarter_is_found_but_not_a_calendar_quarter(nlp):
    p = one(nlp, "The retailer reported fiscal first-quarter earnings on Tuesday.",
            "fiscal first-quarter", "2019-05-21")
    assert p["value"] is None and p["interval"] is None


def test_financial_year_in_iranian_news_is_the_solar_year(nlp):
    text = ("TEHRAN, Jun. 30 (IRNA) - Steel exports rose in the first three months of the "
            "current financial year, the customs office said.")
    p = one(nlp, text, "the first three months of the current financial year", "2022-06-30")
    assert p["calendar"] == "solar_hijri"
    assert p["interval"] == jalali_months(1401, 1, 3)


def test_financial_year_elsewhere_has_no_calendar_interval(nlp):
    p = one(nlp, "Profits fell in the first two months of the current financial year.",
            "the first two months of the current financial year", "2022-06-30")
    assert p["interval"] is None


# -- ranges: each end a fact, both carrying the whole range ------------------------------

def ranged(nlp, text, published=None):
    return {t: p.get("range") for t, p in dates(nlp, text, published)}


def test_month_day_range_with_a_dash(nlp):
    text = "The tax holiday runs (April 12-September 30) in most provinces."
    found = ranged(nlp, text, "2024-03-01")
    start = text.index("April 12")
    whole = (start, start + len("April 12-September 30"), "2024-04-12", "2024-09-30")
    assert found == {"April 12": whole, "September 30": whole}


def test_from_through_years_include_the_opener(nlp):
    text = "The mine was closed from 2009 through 2013 after a flood."
    found = ranged(nlp, text)
    start = text.index("from")
    assert found["2009"] == found["2013"] == (start, text.index(" after"), "2009-01-01", "2013-12-31")


def test_year_range_with_a_dash_is_one_range_of_two_ends(nlp):
    text = "She chaired the board in 1988-1994 and then retired."
    found = dict(dates(nlp, text))
    assert set(found) == {"1988", "1994"}
    assert found["1988"]["range"][2:] == ("1988-01-01", "1994-12-31")


def test_between_and_is_a_range_a_plain_and_is_not(nlp):
    assert ranged(nlp, "Prices doubled between 2001 and 2004.")["2001"][2:] == ("2001-01-01", "2004-12-31")
    assert ranged(nlp, "Elections were held in 2001 and 2004.") == {"2001": None, "2004": None}


def test_year_less_range_end_follows_the_start_into_the_next_year(nlp):
    found = dict(dates(nlp, "The count ran from Nov. 20 to Feb. 3, the agency said.", "2021-03-01"))
    assert found["Nov. 20"]["value"] == "2020-11-20"
    assert found["Feb. 3"]["value"] == "2021-02-03"
    assert found["Feb. 3"]["range"][2:] == ("2020-11-20", "2021-02-03")


def test_a_change_of_date_is_not_a_range(nlp):
    found = ranged(nlp, "The summit was postponed from May 4 to June 8.", "2023-04-01")
    assert found == {"May 4": None, "June 8": None}


def test_same_period_after_a_stated_range(nlp):
    text = "Sales from 5 January to 20 March rose 3 percent on the same period last year."
    p = one(nlp, text, "the same period last year", "2023-04-01")
    assert p["interval"] == ("2022-01-05", "2022-03-20")


def test_range_reaches_the_record(nlp):
    from extractor import extract
    text = "The exhibition ran from 2015 to 2018 in the old port."
    facts = extract(text)
    assert len(facts.dates) == 2
    rng = facts.dates[0].range
    assert rng is not None and rng == facts.dates[1].range
    assert rng.text == "from 2015 to 2018"
    assert (rng.interval.start, rng.interval.end) == (dt.date(2015, 1, 1), dt.date(2018, 12, 31))
    assert extract("Prices rose in 2015.").dates[0].range is None


# -- seasons -----------------------------------------------------------------------------

def test_season_with_a_year_has_an_interval(nlp):
    p = one(nlp, "Work resumes in the spring of 2022, the council said.", "the spring of 2022")
    assert p["value"] == "2022-SP" and p["interval"] == ("2022-03-01", "2022-05-31")
    p = one(nlp, "Heating costs peaked in the winter of 2023.", "the winter of 2023")
    assert p["interval"] == ("2023-12-01", "2024-02-29")


def test_season_without_a_year_has_no_interval(nlp):
    p = one(nlp, "Planting starts in spring, farmers said.", "spring")
    assert p["value"] == "XXXX-SP" and p["interval"] is None


def test_first_months_of_an_unnamed_stretch_are_a_length_not_the_months_before(nlp):
    p = one(nlp, "Orders slowed in the first three weeks, the firm said.", "the first three weeks",
            "2022-09-10")
    assert p["value"] == "P3W" and p["interval"] is None


# -- news that looks back, tense, Solar Hijri anchors ---------------------------------------

def test_a_look_back_at_old_years_keeps_news_deictic(nlp):
    text = ("Farmers have struggled over the past two years, the governor said Friday. "
            "The dam was built during the 1961-1967 works programme. Yields in the first "
            "quarter of the current year (January 1 to March 31, 2024) were low.")
    found = dict(dates(nlp, text, "2024-05-12"))
    assert found["Friday"]["value"] == "2024-05-10"
    assert found["the past two years"]["interval"] == ("2022-05-12", "2024-05-12")
    assert found["the first quarter of the current year"]["value"] == "2024-Q1"


def test_current_iranian_year_is_the_publication_year_not_an_old_one(nlp):
    text = ("Veterans of the 1980-1988 war met on Sunday. Exports grew in the first half of "
            "the current Iranian year, the ministry said.")
    p = one(nlp, text, "the first half of the current Iranian year", "2024-10-20")
    start = jdatetime.date(1403, 1, 1).togregorian().isoformat()
    assert p["calendar"] == "solar_hijri" and p["interval"][0] == start


@pytest.mark.parametrize("published, this_year", [("2024-03-10", 1402), ("2024-03-25", 1403)])
def test_this_year_in_iranian_news_straddles_nowruz(nlp, published, this_year):
    text = "Earlier this year, the refinery in Bandar Abbas raised its output, IRNA reported."
    p = one(nlp, text, "Earlier this year", published)
    assert p["calendar"] == "solar_hijri" and p["interval"] == jalali_year(this_year)


def test_tense_picks_which_year_less_day(nlp):
    text = ("Output in the current Iranian calendar year (ends on March 20) hit a record. "
            "It beat the previous Iranian calendar year 1401 (ended on March 20).")
    found = [(t, p["value"]) for t, p in dates(nlp, text, "2024-03-02")]
    assert ("March 20", "2024-03-20") in found and ("March 20", "2023-03-20") in found


def test_will_and_past_verbs_pick_the_occurrence(nlp):
    assert one(nlp, "The tender will close on January 15, officials said.", "January 15",
               "2023-11-02")["value"] == "2024-01-15"
    assert one(nlp, "The strike started on December 28 and spread.", "December 28",
               "2024-01-20")["value"] == "2023-12-28"


def test_bare_month_without_cue_is_the_latest_begun(nlp):
    text = "Exports in the ten months of the fiscal year (starting from April) grew."
    assert one(nlp, text, "April", "2021-02-03")["value"] == "2020-04"
    assert one(nlp, "Wheat for July delivery rose 2 cents.", "July", "2021-05-03")["value"] == "2021-07"


def test_previous_and_preceding_year_in_iranian_news(nlp):
    text = ("The plant hit its record in the previous Iranian calendar year (ended on March 20). "
            "Output rose in the previous year, up 3 percent on the preceding year (1400).")
    found = dict(dates(nlp, text, "2023-05-01"))
    assert found["the previous year"]["interval"] == jalali_year(1401)
    assert found["the preceding year"]["interval"] == jalali_year(1400)


def test_previous_year_after_a_written_year_stays_anaphoric(nlp):
    text = "The mill closed in 2011. The previous year, it had cut 300 jobs."
    assert one(nlp, text, "The previous year", "2024-06-01")["value"] == "2010"


def test_calendar_year_and_end_of_decade(nlp):
    text = "Trade reached $40 billion last calendar year and should double by the end of the decade."
    found = values(nlp, text, "2022-07-07")
    assert found["last calendar year"] == "2021"
    assert "the end of the decade" in found


@pytest.mark.parametrize("text, surface", [
    ("The fund released a $3.1 billion 2024 relief appeal on Monday.", "2024"),
    ("The Regional Outlook 2024 was presented in Geneva.", "2024"),
])
def test_year_inside_a_name(nlp, text, surface):
    assert values(nlp, text, "2023-12-05")[surface] == surface


def test_count_after_a_capitalised_word_is_no_year(nlp):
    assert "1500" not in values(nlp, "Near Kerman 1500 workers walked out.", "2023-12-05")


def test_same_period_refers_to_months_to_a_date(nlp):
    text = "Revenue rose 9% in the four months to late June compared to the same period last year."
    p = one(nlp, text, "the same period last year", "2024-07-01")
    assert p["interval"] == ("2023-03-01", "2023-06-30")


def test_a_match_refused_inside_a_word_hides_no_later_one(nlp):
    # "end of March 2020" inside "weekend": the pattern must still find "March 2020".
    found = dates(nlp, "The weekend of March 2020 was quiet in the valley.", published="2021-01-01")
    assert [(surface, p["value"]) for surface, p in found] == [("March 2020", "2020-03")]
