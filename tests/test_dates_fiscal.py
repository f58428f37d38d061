"""facts_dates: fiscal years. They carry no calendar value (a fiscal year is no calendar
year); the days they cover are given where the text says whose years they are: the U.S.
federal government's run from October 1 to September 30, Iran's are Solar Hijri years.
Every sentence is invented for the test; Solar Hijri years are checked against jdatetime."""

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


def federal(first, last=None):
    return (dt.date(first - 1, 10, 1).isoformat(), dt.date(last or first, 9, 30).isoformat())


@pytest.mark.parametrize("text,surface,interval", [
    ("In Fiscal 2014, the federal agency inspected more mills.", "Fiscal 2014", federal(2014)),
    ("The U.S. Department of Mining paid growers in fiscal year 2019.", "fiscal year 2019", federal(2019)),
    ("Congress cut FY2020 funds for the program.", "FY2020", federal(2020)),
    ("Congress cut FY21 funds for the program.", "FY21", federal(2021)),
    ("The federal grants ran in fiscal years 2012 through 2017.", "fiscal years 2012 through 2017",
     federal(2012, 2017)),
    ("The federal grants grew in fiscal year 2019-20.", "fiscal year 2019-20", federal(2020)),
    ("The federal agency spent more in the 2019 fiscal year.", "the 2019 fiscal year", federal(2019)),
    ("The federal agency spent more in fiscal-year 2018.", "fiscal-year 2018", federal(2018)),
    ("The federal agency spent more in the 2019-20 fiscal year.", "the 2019-20 fiscal year", federal(2020)),
])
def test_federal_fiscal_years_run_october_to_september(nlp, text, surface, interval):
    p = found(nlp, text, "2021-03-01")[surface]
    assert p["value"] is None and p["calendar"] == "gregorian"
    assert p["interval"] == interval


@pytest.mark.parametrize("text,surface,fiscal_year", [
    ("During the most recent fiscal year the U.S. government cut costs.", "the most recent fiscal year", 2020),
    ("The federal agency expects more staff in the next fiscal year.", "the next fiscal year", 2022),
    ("The federal agency hired more in the current fiscal year.", "the current fiscal year", 2021),
])
def test_relative_federal_fiscal_years(nlp, text, surface, fiscal_year):
    p = found(nlp, text, "2020-12-01")[surface]
    assert p["value"] is None and p["interval"] == federal(fiscal_year)


@pytest.mark.parametrize("text,surface", [
    ("Acme Corp. said its fiscal 2014 revenue rose.", "fiscal 2014"),
    ("Acme Corp. sales fell in fiscal year 2019.", "fiscal year 2019"),
    ("Acme Corp. profit grew in FY2020.", "FY2020"),
    ("In the most recent fiscal year, the company earned more.", "the most recent fiscal year"),
])
def test_company_fiscal_years_have_no_interval(nlp, text, surface):
    p = found(nlp, text, "2020-12-01")[surface]
    assert p["value"] is None and p["interval"] is None


def test_fiscal_needs_a_year_after_it(nlp):
    assert "fiscal 2014" not in found(nlp, "The fiscal plan of the company was cut.", "2020-12-01")
    assert not any("fiscal" in s for s in found(nlp, "Its fiscal 20 percent cut stood.", "2020-12-01"))


def test_iranian_fiscal_years_are_solar_hijri(nlp):
    text = "TEHRAN, Nov. 2 (XNA) -- Exports fell in fiscal year 1397 and in the most recent fiscal year."
    got = found(nlp, text, "2019-11-02")
    start = jdatetime.date(1397, 1, 1).togregorian()
    end = jdatetime.date(1398, 1, 1).togregorian() - dt.timedelta(days=1)
    for surface in ("fiscal year 1397", "the most recent fiscal year"):
        assert got[surface]["calendar"] == "solar_hijri" and got[surface]["value"] is None
        assert got[surface]["interval"] == (start.isoformat(), end.isoformat())


@pytest.mark.parametrize("text,surface,interval", [
    ("Acme Corp. said its fiscal 2014 revenue rose. Its fiscal year ends June 30.", "fiscal 2014",
     ("2013-07-01", "2014-06-30")),
    ("The firm, whose fiscal year ended in March, grew in fiscal year 2019.", "fiscal year 2019",
     ("2018-04-01", "2019-03-31")),
    ("In the most recent fiscal year, the firm earned more. Its fiscal year ends June 30.",
     "the most recent fiscal year", ("2019-07-01", "2020-06-30")),
    ("The federal agency, whose fiscal year runs through June, grew in FY2019.", "FY2019",
     ("2018-07-01", "2019-06-30")),
])
def test_a_stated_fiscal_year_end_gives_the_interval(nlp, text, surface, interval):
    p = found(nlp, text, "2020-12-01")[surface]
    assert p["value"] is None and p["interval"] == interval
