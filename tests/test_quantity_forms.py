"""Quantities in the whole pipeline (dates and entities first): durations, accounting and money
forms, partitive "one", and numbers that are no quantities (issue 15).

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from extractor import extract


def found(text: str, published: str = "2021-05-03") -> list[tuple]:
    facts = extract(text, published=published)
    return [(q.text, q.value, q.value_max, q.unit, q.kind) for q in facts.quantities]


def dates(text: str, published: str = "2021-05-03") -> list[tuple]:
    facts = extract(text, published=published)
    return [(d.text, d.type) for d in facts.dates]


# -- durations are numeric facts, and stay durations for the dates component -------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The judge gave the smuggler three years in prison.",
     [("three years", 3, None, "year", "duration")]),
    ("The strike at the mill lasted for two days.",
     [("two days", 2, None, "day", "duration")]),
    ("The clerk faces up to five years behind bars.",
     [("up to five years", 5, None, "year", "duration")]),
    ("The council met again 40 days after the flood.",
     [("40 days", 40, None, "day", "duration")]),
    ("The bakery looks back on a 39-year history.",
     [("39-year", 39, None, "year", "duration")]),
    ("Building the new bridge took 18 months.",
     [("18 months", 18, None, "month", "duration")]),
    ("The ferry crossing takes 24 to 36 hours in winter.",
     [("24 to 36 hours", 24, 36, "hour", "duration")]),
    ("The river fell back six days later.",
     [("six days", 6, None, "day", "duration")]),
    ("The swimmer stayed under water for 90 seconds.",
     [("90 seconds", 90, None, "second", "duration")]),
])
def test_durations_are_quantities(text, expected):
    assert found(text) == expected


def test_a_duration_stays_a_date_too():
    text = "The judge gave the smuggler three years in prison."
    assert ("three years", "DURATION") in dates(text)


@pytest.mark.parametrize("text", [
    "Tourism grew steadily over the past five years.",
    "Exports in the first nine months of the year were flat.",
    "Over the next six months the plant will close.",
    "The town was rebuilt three years ago.",
    "The mayor said a year ago that the road would open.",
    "The walkers were out every year at Easter.",
])
def test_a_number_in_a_calendar_period_is_no_quantity(text):
    assert found(text) == []
