"""Units of measure: the generated unit table, dimensions and values in SI units.

Sentences are invented for these tests.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

from extractor.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def qnlp():
    return build_pipeline(components=("facts_layout", "facts_quantities"))


def measures(nlp, text):
    doc = nlp(text)
    return {span.text: span._.facts_quantity for span in doc.spans["facts_quantities"]}


@pytest.mark.parametrize("text, surface, unit, dimension", [
    ("The new chip runs at 3.2 GHz and the radio at 96 kHz.", "3.2 GHz", "gigahertz", "frequency"),
    ("The hum sat near 50 Hz all night.", "50 Hz", "hertz", "frequency"),
    ("Ozone reached 80 ppm downtown.", "80 ppm", "part per million", "concentration"),
    ("Lead in the well water was 12 ppb.", "12 ppb", "part per billion", "concentration"),
    ("The phone packs a 4,500 mAh battery.", "4,500 mAh", "milliampere-hour", "charge"),
    ("The engine idles at 800 rpm.", "800 rpm", "revolutions per minute", "instance frequency"),
    ("The hybrid returns 52 mpg on the highway.", "52 mpg", "mile per gallon", "fuel economy"),
    ("The coupe makes 300 hp and 280 lb-ft of torque.", "280 lb-ft", "pound-foot", "torque"),
    ("The diesel is rated at 150 PS.", "150 PS", "metric horsepower", "power"),
    ("The steel is rated at 50 ksi.", "50 ksi", "kilopound per square inch", "pressure"),
    ("The flat measures 850 sq ft.", "850 sq ft", "square foot", "area"),
    ("The office covers 120 sq m on two floors.", "120 sq m", "square meter", "area"),
    ("Emissions fell by 2.5 gigatonnes last year.", "2.5 gigatonnes", "gigaton", "mass"),
    ("The fibres are 7 um thick.", "7 um", "micrometer", "length"),
    ("The filter stops grains of 5 μm.", "5 μm", "micrometer", "length"),
    ("The pack stores 75 kWh.", "75 kWh", "kilowatt hour", "energy"),
    ("The farm adds 40 MW to the grid.", "40 MW", "megawatt", "power"),
    ("The field pumps 20,000 bpd.", "20,000 bpd", "barrel per day", "volumetric flow"),
    ("The cable carries 11 kV to the town.", "11 kV", "kilovolt", "electric potential"),
])
def test_registry_units_are_read(qnlp, text, surface, unit, dimension):
    found = measures(qnlp, text)
    assert surface in found, found
    q = found[surface]
    assert (q.unit, q.kind, q.dimension) == (unit, "measure", dimension)


@pytest.mark.parametrize("text, surface, si_value, si_unit", [
    ("The pipeline carries 30 mcm of gas.", "30 mcm", 30_000_000, "cubic meter"),
    ("The field holds 1.06 bcf of gas.", "1.06 bcf", 30_015_857.3875, "cubic meter"),
    ("The road is 12 km long.", "12 km", 12_000, "meter"),
    ("The crate weighs 200 pounds.", "200 pounds", 90.718474, "kilogram"),
    ("The water was 25 degrees Celsius.", "25 degrees Celsius", 298.15, "kelvin"),
    ("The oven reached 212 °F.", "212 °F", 373.15, "kelvin"),
    ("The plant exports 3 tonnes.", "3 tonnes", 3000, "kilogram"),
    ("The turbine makes 2 MW.", "2 MW", 2_000_000, "watt"),
])
def test_measures_carry_their_value_in_si_units(qnlp, text, surface, si_value, si_unit):
    q = measures(qnlp, text)[surface]
    assert q.si_unit == si_unit
    assert math.isclose(q.si_value, si_value, rel_tol=1e-9)


def test_gas_volumes_compare_in_one_unit(qnlp):
    found = measures(qnlp, "Exports rose to 30 mcm, or about 1.06 bcf, a week.")
    mcm, bcf = found["30 mcm"], found["about 1.06 bcf"]
    assert mcm.si_unit == bcf.si_unit == "cubic meter"
    assert math.isclose(mcm.si_value, bcf.si_value, rel_tol=0.01)


def test_composed_units_have_a_dimension(qnlp):
    found = measures(qnlp, "The mill makes 40,000 tons per year and ships 2 million cubic "
                           "meters per day.")
    tons = found["40,000 tons per year"]
    assert (tons.unit, tons.dimension, tons.si_unit) == ("ton per year", "mass flow",
                                                         "kilogram per second")
    gas = found["2 million cubic meters per day"]
    assert gas.dimension == "volumetric flow" and gas.si_unit == "cubic meter per second"


def test_money_counts_and_percentages(qnlp):
    found = measures(qnlp, "The firm paid $5 million to 300 workers, 12 percent more.")
    assert found["$5 million"].dimension == "currency"
    assert found["$5 million"].si_value is None
    assert found["300"].dimension is None and found["12 percent"].dimension is None


@pytest.mark.parametrize("text", [
    "The meeting starts at 5 pm in the hall.",
    "The lake holds three gray whales and 20 bars line the street.",
    "She came second in 2 races.",
    "We listened to 96.5 fm on the way.",
])
def test_words_the_registry_shares_with_english_are_no_units(qnlp, text):
    assert all(q.kind != "measure" for q in measures(qnlp, text).values())


def test_records_carry_dimension_and_si():
    import extractor

    facts = extractor.extract("The tanker carries 2 million barrels, or 318,000 cubic metres.")
    by_text = {q.text: q for q in facts.quantities}
    barrels = by_text["2 million barrels"]
    assert barrels.dimension == "volume" and barrels.si_unit == "cubic meter"
    assert math.isclose(barrels.si_value, 317_974.6, rel_tol=1e-4)


def test_generated_unit_table_is_current():
    """scripts/build_units.py, run in memory, writes exactly the committed table."""
    spec = importlib.util.spec_from_file_location("build_units", ROOT / "scripts" / "build_units.py")
    assert spec is not None and spec.loader is not None
    build_units = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_units)
    assert build_units.render(build_units.build()) == build_units.OUT.read_text(encoding="utf-8"), \
        "units.jsonl is stale: run `python scripts/build_units.py`"


@pytest.mark.parametrize("text, surface, value", [
    ("The dose was 3.1×10−4 grams in all.", "3.1×10−4 grams", 0.00031),
    ("Light covers 3 × 10⁸ m in that time.", "3 × 10⁸ m", 300_000_000),
    ("The sample held 6.5x10^-3 kg of salt.", "6.5x10^-3 kg", 0.0065),
    ("The filter passes 2e-6 m grains.", "2e-6 m", 0.000002),
])
def test_scientific_notation_is_one_number(qnlp, text, surface, value):
    q = measures(qnlp, text)[surface]
    assert math.isclose(q.value, value, rel_tol=1e-9)


def test_a_size_is_no_power_of_ten(qnlp):
    found = measures(qnlp, "They rented a 4 x 10 foot room.")
    assert all(q.value in (4, 10) for q in found.values())


@pytest.mark.parametrize("text, surface, unit", [
    ("The lake holds 6km^3 of water.", "6km^3", "cubic kilometer"),
    ("The reserve spans 12 km squared of forest.", "12 km squared", "square kilometer"),
    ("Each tank takes 2 m cubed of fuel.", "2 m cubed", "cubic meter"),
    ("The slab is 9 m² in all.", "9 m²", "square meter"),
    ("The wall needs 40 ft^2 of paint.", "40 ft^2", "square foot"),
])
def test_length_units_squared_and_cubed(qnlp, text, surface, unit):
    q = measures(qnlp, text)[surface]
    assert q.unit == unit and q.dimension in ("area", "volume")


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The guard is 6 ft 3 in tall.", "6 ft 3 in", 6.25, "foot"),
    ("The fence is 4 feet and 6 inches high.", "4 feet and 6 inches", 4.5, "foot"),
    ("The calf weighed 9 pounds 8 ounces at birth.", "9 pounds 8 ounces", 9.5, "pound"),
    ("The trail runs 2 km 500 m uphill.", "2 km 500 m", 2.5, "kilometer"),
])
def test_a_measure_in_two_units_is_one_value(qnlp, text, surface, value, unit):
    q = measures(qnlp, text)[surface]
    assert (q.value, q.unit) == (value, unit)


def test_feet_before_in_as_a_preposition(qnlp):
    found = measures(qnlp, "The pole stood 9 ft in the yard.")
    assert found["9 ft"].value == 9


@pytest.mark.parametrize("text, surface, unit", [
    ("The link moves 40 kb per second at best.", "40 kb per second", "kilobit per second"),
    ("The probe fell at 9 meters per second.", "9 meters per second", "meter per second"),
    ("The alloy is 8 g/cm³ dense.", "8 g/cm³", "gram per cubic centimeter"),
])
def test_a_unit_after_per_is_named_by_its_own_name(qnlp, text, surface, unit):
    assert measures(qnlp, text)[surface].unit == unit


def test_a_margin_after_the_value_is_no_second_quantity(qnlp):
    found = measures(qnlp, "The ingot weighs 12.5 ± 0.2 kg, the bar 3.1 +/- 0.05 kg.")
    assert set(found) == {"12.5 ± 0.2 kg", "3.1 +/- 0.05 kg"}
    assert found["12.5 ± 0.2 kg"].value == 12.5 and found["12.5 ± 0.2 kg"].unit == "kilogram"


@pytest.mark.parametrize("text, surface, unit", [
    ("The clinic treats about 60 patients per day in winter.", "about 60", "per day"),
    ("The port handles 300 ships a year now.", "300", "per year"),
    ("The shop sells some 2,000 annually.", "some 2,000", "per year"),
])
def test_a_count_in_a_time_is_a_rate(qnlp, text, surface, unit):
    q = measures(qnlp, text)[surface]
    assert (q.kind, q.unit) == ("count", unit)


def test_a_count_before_a_date_is_no_rate(qnlp):
    found = measures(qnlp, "The port handled 300 ships. A year later it closed.")
    assert found["300"].unit is None


@pytest.mark.parametrize("text, surface", [
    ("Dara Kim, 41, runs the mill.", "41"),
    ("The prize went to a woman aged 29 from the coast.", "29"),
    ("Pupils under the age of 12 ride free.", "12"),
])
def test_a_persons_age_is_in_years(qnlp, text, surface):
    q = measures(qnlp, text)[surface]
    assert (q.unit, q.kind, q.dimension) == ("year of age", "measure", "time")


def test_numbers_in_a_list_are_no_ages(qnlp):
    found = measures(qnlp, "Items 4, 5, and 6 were sold to Acme, 7 to others.")
    assert all(q.unit is None for q in found.values())


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The storm left half a meter of snow.", "half a meter", 0.5, "meter"),
    ("The school lies a quarter of a mile away.", "a quarter of a mile", 0.25, "mile"),
])
def test_a_fraction_of_a_unit_is_a_measure(qnlp, text, surface, value, unit):
    q = measures(qnlp, text)[surface]
    assert (q.value, q.unit, q.kind) == (value, unit, "measure")


def test_composed_dimension_names_agree_with_pint():
    from extractor.normalize.si import COMPOSED_DIMENSIONS, SI_UNITS, unit_registry

    ureg = unit_registry()
    for (head, tail), name in COMPOSED_DIMENSIONS.items():
        composed = ureg.Quantity(1, f"({SI_UNITS[head][0]}) / ({SI_UNITS[tail][0]})")
        assert composed.dimensionality == ureg.Quantity(1, SI_UNITS[name][0]).dimensionality, name


def test_table_conversions_agree_with_pint():
    """The SI factors written into the table are pint's (a sample of units)."""
    from extractor.normalize.si import pint_form
    from extractor.normalize.units import default_lexicon

    units = default_lexicon().units
    for name in ("kilometer", "pound", "celsius", "barrel per day", "kilowatt hour", "acre"):
        info = units[name]
        form = pint_form(info.pint, info.dimension)
        assert (info.si_unit, info.si_factor, info.si_offset) == (form.si_unit, form.factor,
                                                                   form.offset), name


@pytest.mark.parametrize("text, surface, unit", [
    ("The board is 3 1/2 in thick and pale.", "3 1/2 in", "inch"),
    ("The screw measures 2 in.", "2 in", "inch"),
    ("Sales rose 5 in May and 3 in the north.", "5", None),
    ("Sales rose 5 in May and 3 in the north.", "3", None),
])
def test_in_is_an_inch_only_where_no_preposition_can_be(qnlp, text, surface, unit):
    assert measures(qnlp, text)[surface].unit == unit
