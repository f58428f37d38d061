"""facts_quantities: every written form of a number, the exclusions, and linear time.

The cases in ``data/quantities_cases.jsonl`` are sentences written for these tests: each gives
the quantities expected (surface, value and whatever else the case pins down) and nothing
else may be found in it.
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
import spacy

from extractor.normalize.numbers import parse_digits, words_to_number
from extractor.normalize.units import canonical_unit
from extractor.pipeline import build_pipeline

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "quantities_cases.jsonl").read_text("utf-8").splitlines()
         if line.strip()]


@pytest.fixture(scope="module")
def qnlp():
    return build_pipeline(components=("facts_layout", "facts_quantities"))


def quantities(nlp, text):
    doc = nlp(text)
    out = []
    for span in doc.spans["facts_quantities"]:
        assert doc.text[span.start_char:span.end_char] == span.text
        p = dataclasses.asdict(span._.facts_quantity)
        c = p["counted"]
        p["counted"] = text[c[0]:c[1]] if c else None
        p["surface"] = span.text
        out.append(p)
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_case(qnlp, case):
    found = quantities(qnlp, case["text"])
    assert [q["surface"] for q in found] == [e["surface"] for e in case["expect"]], found
    for q, expected in zip(found, case["expect"]):
        for key, value in expected.items():
            assert q[key] == value, (key, q)


def test_payload_contract(qnlp):
    (q,) = quantities(qnlp, "Attendance climbed to nearly 64 percent.")
    assert set(q) == {"value", "value_max", "unit", "kind", "counted", "approximate", "bound",
                      "change", "dimension", "si_value", "si_unit", "surface"}
    assert isinstance(q["value"], int)
    assert q["kind"] in ("count", "percent", "percentage_point", "money", "measure", "ratio")


def test_values_are_ints_when_integral(qnlp):
    values = [q["value"] for q in quantities(qnlp, "It cost $2.0 million and 3.50 euros.")]
    assert values == [2000000, 3.5]
    assert isinstance(values[0], int)


def test_date_and_entity_spans_are_respected(qnlp):
    doc = qnlp.make_doc("The Group 77 met on Day 9 with 40 delegates.")
    doc.spans["facts_entities"] = [doc.char_span(4, 12)]
    doc.spans["facts_dates"] = [doc.char_span(20, 25)]
    doc = qnlp.get_pipe("facts_quantities")(doc)
    assert [s.text for s in doc.spans["facts_quantities"]] == ["40"]


def test_boilerplate_yields_nothing(qnlp):
    doc = qnlp.make_doc("Prices rose 5 percent. Content is licensed under 4 terms.")
    doc.spans["facts_boilerplate"] = [doc.char_span(23, len(doc.text))]
    doc = qnlp.get_pipe("facts_quantities")(doc)
    assert [s.text for s in doc.spans["facts_quantities"]] == ["5 percent"]


def test_number_parsing():
    assert parse_digits("12,34,567.89") == 1234567.89
    assert parse_digits("۱٬۴۰۰") == 1400
    assert parse_digits("٣٫٥") == 3.5
    assert parse_digits("1,1,1") is None
    assert parse_digits("9" * 40) is None
    assert words_to_number("one hundred and five".split()) == 105
    assert words_to_number("three quarters".split()) == 0.75
    assert words_to_number("half a million".split()) == 500000
    assert words_to_number("two and a half".split()) == 2.5


def test_canonical_units():
    assert canonical_unit("kilometres") == "kilometer"
    assert canonical_unit("metre") == "meter"
    assert canonical_unit("pound-mass") == "pound"
    assert canonical_unit("US dollars") == "USD"
    assert canonical_unit("Iranian rials") == "IRR"
    assert canonical_unit("tomans") == "toman"
    assert canonical_unit("USD per barrel") == "USD per barrel"


def test_disk_round_trip(qnlp, tmp_path):
    qnlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p")
    text = "Nearly 20 percent of 300 firms paid $4 million."
    assert [(q["surface"], q["value"]) for q in quantities(again, text)] == \
        [(q["surface"], q["value"]) for q in quantities(qnlp, text)]


def test_never_raises_on_odd_text(qnlp):
    for text in ["", " ", "$", "%", "-", "1-", "$-", "1/0", "0/0", "½½½", "1e309", "٫", "a an",
                 "between and", "nearly", "1,,,,2", "..1..", "\x00\x01 5 \u202e7", "999" * 30]:
        quantities(qnlp, text)


@pytest.mark.parametrize("text", ["1" * 100_000, "1," * 500_000, "1." * 300_000,
                                  "1-" * 300_000, "one " * 30_000, "nearly " * 100_000,
                                  "twenty-" * 100_000, "5 dollars and " * 50_000,
                                  "$(1) per share " * 50_000, "2e" * 200_000,
                                  "3 ft 2 in " * 50_000, "1±" * 200_000,
                                  "all but one of " * 50_000, "1 USD = " * 50_000])
def test_pathological_input_is_linear(qnlp, text):
    quantifier = qnlp.get_pipe("facts_quantities")
    doc = qnlp.make_doc(text)
    start = time.perf_counter()
    quantifier(doc)
    elapsed = time.perf_counter() - start
    # Linear work on a megabyte takes seconds at most; quadratic work takes hours.
    assert elapsed < 20, elapsed
    small = qnlp.make_doc(text[: len(text) // 10])
    start = time.perf_counter()
    quantifier(small)
    small_elapsed = time.perf_counter() - start
    assert elapsed < 25 * small_elapsed + 0.5


def test_numbers_inside_web_and_mail_addresses_are_not_quantities(nlp):
    doc = nlp("Details at https://example.org/report?id=2041&page=3 or from desk7@agency.net; "
              "exports rose 4% to $12 million.")
    assert [s.text for s in doc.spans["facts_quantities"]] == ["4%", "$12 million"]
