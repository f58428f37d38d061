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
    "Imports in the first seven months of the year were flat.",
    "Over the next six months the plant will close.",
    "The town was rebuilt three years ago.",
    "The mayor said a year ago that the road would open.",
    "The walkers were out every year at Easter.",
])
def test_a_number_in_a_calendar_period_is_no_quantity(text):
    assert found(text) == []


# -- accounting and money forms ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The cooperative reported a loss of $(0.07) per share.",
     [("$(0.07) per share", -0.07, None, "USD per share", "money")]),
    ("The quarter closed at €(2.4) million for the unit.",
     [("€(2.4) million", -2400000, None, "EUR", "money")]),
    ("The board declared a dividend of $1.25 per share.",
     [("$1.25 per share", 1.25, None, "USD per share", "money")]),
    ("Brokers valued the bid at $31 a share.",
     [("$31", 31, None, "USD", "money")]),
    ("Income reached $8,200 per capita last decade.",
     [("$8,200 per capita", 8200, None, "USD per capita", "money")]),
    ("The bond pays $450 per annum.",
     [("$450 per annum", 450, None, "USD per year", "money")]),
    ("The ticket cost 7 dollars 25 cents.",
     [("7 dollars 25 cents", 7.25, None, "USD", "money")]),
    ("The ticket cost 7 dollars and 25.",
     [("7 dollars and 25", 7.25, None, "USD", "money")]),
    ("The ticket cost nine dollars and sixty cents.",
     [("nine dollars and sixty cents", 9.6, None, "USD", "money")]),
    ("The fence is 6 ft 4 in high.",
     # read_mixed_units (the unit table's ratio) keeps 12 significant digits
     [("6 ft 4 in", 6.33333333333, None, "foot", "measure")]),
    ("The flight took 3 hours 15 minutes.",
     [("3 hours 15 minutes", 3.25, None, "hour", "duration")]),
])
def test_money_and_compound_forms(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("They paid $5 and 12 workers left.",
     [("$5", 5, None, "USD", "money"), ("12", 12, None, None, "count")]),
    ("Tickets cost $5 and 10 euros.",
     [("$5", 5, None, "USD", "money"), ("10 euros", 10, None, "EUR", "money")]),
    ("The firm earned $2.10 per share, or $4 billion in all.",
     [("$2.10 per share", 2.1, None, "USD per share", "money"),
      ("$4 billion", 4000000000, None, "USD", "money")]),
])
def test_separate_sums_stay_separate(text, expected):
    assert found(text) == expected


def test_a_scaled_sum_is_one_amount():
    assert found("Sales rose to $24.7 billion in the year.") == [
        ("$24.7 billion", 24700000000, None, "USD", "money")]


# -- written forms of a number ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The probe measured 3.1e-4 m of drift.", [("3.1e-4 m", 0.00031, None, "meter", "measure")]),
    ("A dust grain of 6.2×10−6 m floated by.", [("6.2×10−6 m", 6.2e-06, None, "meter", "measure")]),
    # main's rates read "each second" after a unit ("3 m each second" is meter per second)
    ("Light covers 3 x 10^8 m each second.",
     [("3 x 10^8 m each second", 300000000, None, "meter per second", "measure")]),
    ("The trail is 4½ miles long.", [("4½ miles", 4.5, None, "mile", "measure")]),
])
def test_number_forms(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", ["The carpenter cut a 2x10 plank.",
                                  "Open section 4E of the form."])
def test_letters_after_digits_stay_codes(text):
    assert found(text) == []


# -- exchange rates: a rate with both currencies ----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("At the bazaar 1 USD = 58,000 rials this week.",
     [("1 USD", 1, None, "USD", "money"), ("58,000 rials", 58000, None, "IRR per USD", "money")]),
    ("One euro is now traded at 3,100 tomans (31,000 rials) downtown.",
     [("One euro", 1, None, "EUR", "money"), ("3,100 tomans", 3100, None, "toman per EUR", "money"),
      ("31,000 rials", 31000, None, "IRR per EUR", "money")]),
    ("The rial fell to 61,000 to the dollar in Mashhad.",
     [("61,000", 61000, None, "IRR per USD", "money")]),
    ("Changers quoted 210,500 rials per dollar.",
     [("210,500 rials per dollar", 210500, None, "IRR per USD", "money")]),
])
def test_exchange_rates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He paid 1 dollar and then 5 euros.",
     [("1 dollar", 1, None, "USD", "money"), ("5 euros", 5, None, "EUR", "money")]),
    ("The fund sold 40,000 shares to the dollar fund.", [("40,000", 40000, None, None, "count")]),
])
def test_two_currencies_without_a_rate(text, expected):
    assert found(text) == expected


# -- rates of counts and per-anything ----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The valley logs about 30 tremors per day.", [("about 30", 30, None, "per day", "count")]),
    ("The shelter took in about 9,000 dogs annually.",
     [("about 9,000", 9000, None, "per year", "count")]),
    ("The guard averaged 21 points per game.",
     [("21 points per game", 21, None, "point per game", "measure")]),
    ("Nurses ate 2 meals a day.", [("2", 2, None, "per day", "count")]),
    ("Rations were 3 kg per person.", [("3 kg per person", 3, None, "kilogram per person", "measure")]),
])
def test_rates(text, expected):
    assert found(text) == expected


def test_a_time_ago_is_no_rate():
    assert found("The plant hired 200 welders a year ago.") == [("200", 200, None, None, "count")]


# -- a partitive "one" -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The baker was one of many traders hit by the storm.",
    "It was the only one of the treaties that held.",
    "One of her cousins won the race.",
    "The port is one of the busiest in the region.",
])
def test_a_partitive_one_names_a_member(text):
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "Fares rose in all but one of the cities polled.",
    "Only one of the ferries sailed.",
    "Exactly one of the judges dissented.",
])
def test_one_set_against_the_rest_is_a_count(text):
    assert [(q[0], q[1]) for q in found(text)] == [("one", 1)]


# -- numbers that are no quantities ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The city aims for clean air by twenty-fifty.",
    "The bank cut its rate on Nov.14 and again on Sept.3.",
    "Storms have grown stronger since about 1950.",
    "Archive: Past Four Fiscal Years in Review",
    "Output rose in 1397 and fell in 1401.",
    "Pilots flew the Boeing 787 and an A321 over the bay.",
    "Drivers queued for Octane 98 at dawn.",
    "The board published decision 12-347 on its site.",
    "The hosts won 3-1 on Sunday.",
])
def test_not_quantities(text):
    assert found(text, published="2022-06-01") == []


def test_a_range_of_number_words_still_reads():
    assert found("Between twenty-five and thirty pupils came.") == [
        ("Between twenty-five and thirty", 25, 30, None, "count")]


# -- ages, halves, shared scales, owners -----------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Maria Okafor, 44, runs the stall.", [("44", 44, None, "year of age", "measure")]),
    ("The contest is open to pupils under the age of 12.",
     [("12", 12, None, "year of age", "measure")]),
    ("A driver aged 71 was hurt.", [("71", 71, None, "year of age", "measure")]),
    ("The lake rose half a metre overnight.", [("half a metre", 0.5, None, "meter", "measure")]),
    ("The town dried out after a week of storms.",
     [("a week", 1, None, "week", "duration")]),
    ("Tickets sold at 20 and 25 million rials.",
     [("20", 20000000, None, "IRR", "money"),
      ("25 million rials", 25000000, None, "IRR", "money")]),
    ("The plan covers 40 of the agency's 212 clinics.",
     [("40", 40, None, None, "count"), ("212", 212, None, None, "count")]),
    ("The charity spent $4.1 billion on the region's 2.3 million Farmers.",
     [("$4.1 billion", 4100000000, None, "USD", "money"),
      ("2.3 million", 2300000, None, None, "count")]),
])
def test_ages_halves_and_shared_forms(text, expected):
    assert found(text) == expected


def test_a_number_after_a_name_and_comma_is_no_age_without_a_person():
    assert found("Exports, 40, rose.") == [("40", 40, None, None, "count")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The reservoir spans 6km^2 of the valley.", [("6km^2", 6, None, "square kilometer", "measure")]),
    ("The cave holds 2 km cubed of air.", [("2 km cubed", 2, None, "cubic kilometer", "measure")]),
    ("The ingot weighs 12.5±0.2 kg.", [("12.5±0.2 kg", 12.5, None, "kilogram", "measure")]),
    ("The insurer is worth $1.3T today.", [("$1.3T", 1300000000000, None, "USD", "money")]),
])
def test_measurement_forms(text, expected):
    assert found(text) == expected
