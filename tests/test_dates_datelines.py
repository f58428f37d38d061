"""facts_dates: the date of a dateline is a date of the article, and its publication date
when the metadata gives none. Every sentence is invented for the test."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from extractor.pipeline import build_pipeline, make_doc


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("facts_layout", "facts_dates"))


def run(nlp, text, published=None, meta=None):
    doc = nlp(make_doc(nlp, text, published=published, meta=meta))
    found = {}
    for span in doc.spans["facts_dates"]:
        assert text[span.start_char:span.end_char] == span.text
        found[span.text] = dataclasses.asdict(span._.facts_date)
    return doc, found


@pytest.mark.parametrize("text,surface,value", [
    ("Mill reopens\n\nWASHINGTON, Jan. 9, 2022 -- Today the agency said the mill will reopen.",
     "Jan. 9, 2022", "2022-01-09"),
    ("Mill reopens\n\nANYTOWN, Ore., March 3, 2021 /PRNewswire/ -- Today, Acme Corp. announced a mill.",
     "March 3, 2021", "2021-03-03"),
    ("Mill reopens\n\nSOMEWHERE, Nov.14, 2019 (XNA) --The minister said the mill reopened.",
     "Nov.14, 2019", "2019-11-14"),
])
def test_dateline_date_is_a_date_and_the_publication_date(nlp, text, surface, value):
    doc, found = run(nlp, text)
    assert found[surface]["value"] == value
    assert doc._.facts_meta.published == dt.date.fromisoformat(value)


def test_sentence_initial_today_takes_the_dateline_date(nlp):
    _doc, found = run(nlp, "Mill reopens\n\nWASHINGTON, Jan. 9, 2022 -- Today the agency opened a mill.")
    assert found["Today"]["value"] == "2022-01-09"


def test_glued_dateline_day_is_a_date(nlp):
    text = "Mill reopens\n\nSOMEWHERE, Nov.14 (XNA) --The minister said the mill reopened."
    _doc, found = run(nlp, text, published="2019-11-14")
    assert found["Nov.14"]["value"] == "2019-11-14"
    _doc, found = run(nlp, text)
    assert found["Nov.14"]["value"] == "XXXX-11-14"


def test_agency_dateline_without_place(nlp):
    text = "Mill reopens\n\nOct. 20 (XNA) -- The minister said today that the mill reopened."
    _doc, found = run(nlp, text, meta={"url": "https://example.org/2020/10/20/mill"})
    assert found["Oct. 20"]["value"] == "2020-10-20"
    assert found["today"]["value"] == "2020-10-20"


def test_a_reposted_release_keeps_its_own_today(nlp):
    doc, found = run(nlp, "Mill reopens\n\nWASHINGTON, Jan. 9, 2022 -- Today the mill reopened. "
                          "It closed on Monday.", published="2022-03-07")
    assert doc._.facts_meta.published == dt.date(2022, 3, 7)  # the metadata stays as given
    assert found["Jan. 9, 2022"]["value"] == "2022-01-09"
    assert found["Today"]["value"] == "2022-01-09"
    assert found["Monday"]["value"] == "2022-01-03"


def test_a_dateline_without_year_leaves_today_to_the_metadata(nlp):
    _doc, found = run(nlp, "Mill reopens\n\nSOMEWHERE, Jan. 9 (XNA) -- Today the mill reopened.",
                      published="2022-01-10")
    assert found["Today"]["value"] == "2022-01-10"


def test_a_number_glued_to_a_month_is_no_date_outside_a_dateline(nlp):
    _doc, found = run(nlp, "The mill reopened after Nov.14 was set as the deadline.", published="2019-11-20")
    assert "Nov.14" not in found


@pytest.mark.parametrize("text,surface", [
    ("Mill reopens\n\nLONDON, 9 January 2022 -- Today Acme reopened the mill.", "9 January 2022"),
    ("Mill reopens\n\nLONDON, 9th January, 2022 (XNA) - Today Acme reopened the mill.", "9th January, 2022"),
])
def test_day_first_dateline(nlp, text, surface):
    doc, found = run(nlp, text)
    assert doc._.facts_meta.published == dt.date(2022, 1, 9)
    assert found[surface]["value"] == "2022-01-09"
    assert found["Today"]["value"] == "2022-01-09"


def test_a_number_after_a_dateline_place_is_no_date(nlp):
    doc, found = run(nlp, "Mill reopens\n\nSOMEWHERE, 12 SENATORS -- Today they voted.")
    assert doc._.facts_meta.published is None
    assert found["Today"]["value"] is None
