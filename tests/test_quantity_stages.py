"""The stages of extractor.quantities.assemble, one by one, on invented sentences."""

from __future__ import annotations

import pytest

from extractor.pipeline import build_pipeline
from extractor.quantities.draft import Draft


@pytest.fixture(scope="module")
def qr():
    return build_pipeline(components=("facts_quantities",)).get_pipe("facts_quantities")


def draft(text: str, number: str, value, **kw) -> Draft:
    s = text.index(number)
    return Draft(text, s, s + len(number), value, **kw)


def test_read_left_takes_qualifier_and_currency(qr):
    d = draft("The fee reached nearly $40 last week.", "40", 40)
    qr.read_left(d)
    assert d.unit_info is not None and d.unit_info.unit == "USD"
    assert d.approximate is True
    assert d.text[d.start:d.num_end] == "nearly $40"


def test_read_left_notes_a_sign(qr):
    d = draft("The index stood at -3 on Friday.", "3", 3)
    qr.read_left(d)
    assert d.sign is True and d.text[d.start:d.num_end] == "-3"


def test_read_glued_scale_and_ordinal(qr):
    d = draft("They signed a $3bn loan.", "3", 3)
    qr.read_left(d)
    assert qr.read_glued(d) is True
    assert d.scale == 1_000_000_000 and d.text[d.num_start:d.end] == "3bn"
    assert qr.read_glued(draft("The 3rd pier was closed.", "3", 3)) is False


def test_read_scale_scales_the_value(qr):
    d = draft("The mill ground 2.5 billion tons of grain.", "2.5", 2.5)
    qr.read_scale(d)
    assert d.value == 2_500_000_000 and isinstance(d.value, int)
    assert d.text[d.num_start:d.end] == "2.5 billion"


def test_read_range_reads_the_upper_end(qr):
    d = draft("Prices rose 35 to 40 percent in the port.", "35", 35)
    qr.read_range(d)
    assert (d.value, d.value_max) == (35, 40)
    assert d.text[d.num_start:d.end] == "35 to 40"


def test_read_range_leaves_from_to_alone(qr):
    d = draft("Prices went from 35 to 40 in the port.", "35", 35)
    qr.read_range(d)
    assert d.value_max is None


def test_read_unit_after_a_number(qr):
    d = draft("Turnout was 64 percent this time.", "64", 64)
    qr.read_unit(d)
    assert d.unit_info is not None and d.unit_info.unit == "percent"
    assert d.text[d.num_start:d.end] == "64 percent"


def test_read_ratio_states_the_fraction(qr):
    d = draft("Four out of 5 voters stayed home.", "Four", 4, words=["Four"])
    qr.read_ratio(d)
    assert (d.value, d.kind_hint) == (0.8, "fraction")
    assert d.text[d.num_start:d.end] == "Four out of 5"


def test_classify_kind(qr):
    d = draft("It grew 3 times over.", "3", 3, kind_hint="times")
    qr.classify_kind(d)
    assert (d.unit, d.kind) == ("times", "ratio")
    d = draft("There were 3 boats.", "3", 3)
    qr.classify_kind(d)
    assert (d.unit, d.kind) == (None, "count")


def test_read_suffix_qualifier(qr):
    d = draft("Some 50,000-odd fans came.", "50,000", 50000)
    qr.read_suffix_qualifier(d)
    assert d.approximate is True and d.text[d.num_start:d.end] == "50,000-odd"
    d = draft("Groups of 18 or more need a permit.", "18", 18)
    qr.read_suffix_qualifier(d)
    assert d.bound == "lower"


def test_excluded_names_and_periods(qr):
    assert qr.excluded(draft("Under Article 5 the members act.", "5", 5, run="5")) is True
    d = draft("The plant will reopen in 9 months.", "9", 9, run="9")
    qr.read_unit(d)
    assert qr.excluded(d) is True
    assert qr.excluded(draft("The crew rescued 9 sailors.", "9", 9, run="9")) is False


def test_read_direction_from_the_verb_and_the_sign(qr):
    d = draft("Profits fell 5 percent.", "5", 5)
    d.kind = "percent"
    qr.read_direction(d)
    assert d.change == "decrease"
    d = draft("It stood at -4 degrees.", "4", 4, sign=True)
    d.kind = "measure"
    qr.read_direction(d)
    assert d.value == -4 and d.change is None


def test_assemble_runs_the_stages_in_order(qr):
    text = "Crude sold for about US$68 a barrel."
    s = text.index("68")
    d = qr.assemble(text, s, s + 2, 68, run="68")
    assert d is not None
    assert (d.value, d.unit, d.kind, d.approximate) == (68, "USD per barrel", "money", True)
    assert text[d.start:d.end] == "about US$68 a barrel"


def test_a_parsed_noun_chunk_stops_at_a_line_break():
    """A parser may join a headline's last noun to the next paragraph's first word; the
    counted phrase stays on its line. The parse is written by hand (no model needed)."""
    import spacy
    from spacy.tokens import Doc

    from extractor.quantities.counted import CountedReader

    words = ["$", "5", "million", "in", "harbour", "grants", "\n\n", "Crews", "will", "start"]
    doc = Doc(spacy.blank("en").vocab, words=words,
              spaces=[False, True, True, True, True, False, False, True, True, False],
              pos=["SYM", "NUM", "NUM", "ADP", "ADJ", "NOUN", "SPACE", "NOUN", "AUX", "VERB"],
              heads=[2, 2, 9, 2, 7, 7, 5, 3, 9, 9],
              deps=["quantmod", "compound", "nsubj", "prep", "amod", "compound", "dep", "pobj",
                    "aux", "ROOT"])
    assert [c.text for c in doc.noun_chunks][0] == "harbour grants\n\nCrews"
    span = CountedReader._np_from_parse(doc, doc.text.index("harbour"))
    assert span is not None and doc.text[span[0]:span[1]] == "harbour grants"
