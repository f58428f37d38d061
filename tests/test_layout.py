"""The layout model: paragraphs, sentences, dateline, headline and furniture (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from extractor.layout.component import LayoutAnalyzer, layout_of
from extractor.layout.model import Dateline, Layout
from extractor.pipeline import build_pipeline, make_doc


@pytest.fixture(scope="module")
def analyzer():
    return LayoutAnalyzer()


def part(text: str, rng: tuple[int, int] | None) -> str | None:
    return None if rng is None else text[rng[0] : rng[1]]


# -- doc.sents -------------------------------------------------------------------------------

def test_doc_sents_after_the_full_pipeline_on_a_blank_pipeline(nlp):
    text = ("CAPE TOWN, March 3, 2021 -- The port handled 12 ships on Monday. "
            "Dr. Lena Moss said traffic rose.\n\nThe harbour board meets in May.")
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [
        "CAPE TOWN, March 3, 2021 -- The port handled 12 ships on Monday.",
        "Dr. Lena Moss said traffic rose.",
        "The harbour board meets in May.",
    ]
    assert [(s, e) for s, e in doc._.facts_layout.sentences] == [
        (s.start_char, s.start_char + len(s.text.rstrip())) for s in doc.sents]


def test_the_layout_component_alone_sets_sentence_starts():
    nlp = spacy.blank("en")
    nlp.add_pipe("facts_layout")
    doc = nlp("The river rose. It rained all week.")
    assert [s.text.strip() for s in doc.sents] == ["The river rose.", "It rained all week."]


def test_sentence_starts_set_upstream_are_kept():
    """A trained parser or senter that ran first owns ``doc.sents``; the layout keeps its own
    sentences for the components."""
    nlp = spacy.blank("en")
    layout = nlp.add_pipe("facts_layout")
    doc = nlp.make_doc("The river rose. It rained all week. Roads closed.")
    roads = [t.i for t in doc if t.text == "Roads"][0]
    for token in doc:
        token.is_sent_start = token.i in (0, roads)  # one boundary only
    doc = layout(doc)
    assert [s.text.strip() for s in doc.sents] == ["The river rose. It rained all week.", "Roads closed."]
    text = doc.text
    assert [text[s:e] for s, e in doc._.facts_layout.sentences] == [
        "The river rose.", "It rained all week.", "Roads closed."]


# -- sentences and paragraphs ----------------------------------------------------------------

def test_abbreviations_and_initials_end_no_sentence(analyzer):
    text = "Gen. Ana Ruiz met Prof. J. K. Olsen on Jan. 5 in the U.S. capital. They agreed on a plan."
    layout = analyzer.layout(text)
    assert [text[s:e] for s, e in layout.sentences] == [
        "Gen. Ana Ruiz met Prof. J. K. Olsen on Jan. 5 in the U.S. capital.", "They agreed on a plan."]


def test_paragraphs_split_at_line_breaks(analyzer):
    text = ("Water Board Raises Rates\n\n"
            "The board voted on Tuesday to raise the price of water by a tenth. Farmers objected.\n"
            "A second vote follows in June.")
    layout = analyzer.layout(text)
    assert [text[s:e] for s, e in layout.paragraphs] == [
        "Water Board Raises Rates",
        "The board voted on Tuesday to raise the price of water by a tenth. Farmers objected.",
        "A second vote follows in June.",
    ]
    assert part(text, layout.headline) == "Water Board Raises Rates"
    # a sentence never crosses a paragraph
    assert [text[s:e] for s, e in layout.sentences] == [
        "Water Board Raises Rates", "The board voted on Tuesday to raise the price of water by a tenth.",
        "Farmers objected.", "A second vote follows in June."]


def test_lookups_by_offset():
    layout = Layout(paragraphs=[(0, 30), (32, 60)], sentences=[(0, 12), (13, 30), (32, 60)])
    assert layout.paragraph_index(31) == 0 and layout.paragraph(40) == (32, 60)
    assert layout.sentence_index(12) == 0 and layout.sentence(13) == (13, 30)
    assert layout.starts_sentence(13) and not layout.starts_sentence(14)
    assert Layout().sentence(5) == (0, 0) and Layout().paragraph(5) == (0, 0)


# -- datelines -------------------------------------------------------------------------------

def test_dateline_with_place_and_date(analyzer):
    text = "CAPE TOWN, March 3, 2021 -- The port reopened on Monday."
    d = analyzer.layout(text).dateline
    assert d is not None
    assert (part(text, d.place), part(text, d.region), part(text, d.date)) == ("CAPE TOWN", None, "March 3, 2021")
    assert text[d.end:].startswith("The port")


def test_dateline_with_region_and_wire_service(analyzer):
    text = "ANYTOWN, Texas, May 2 /PRNewswire/ -- Widget Works Inc. opened a plant."
    d = analyzer.layout(text).dateline
    assert (part(text, d.place), part(text, d.region), part(text, d.date), part(text, d.wire)) == (
        "ANYTOWN", "Texas", "May 2", "PRNewswire")
    assert text[d.end:].startswith("Widget Works")


def test_dateline_of_a_date_and_an_agency(analyzer):
    text = "Oct. 20 (XNA) -- Rice exports grew by a fifth, officials said."
    d = analyzer.layout(text).dateline
    assert (d.place, part(text, d.date), part(text, d.agency)) == (None, "Oct. 20", "XNA")
    assert text[d.end:].startswith("Rice")


def test_dateline_under_a_headline_with_agency(analyzer):
    text = "Rice Exports Grow\n\nPORTVILLE, Oct. 20 (XNA) – Rice exports grew by a fifth."
    layout = analyzer.layout(text)
    d = layout.dateline
    assert (part(text, d.place), part(text, d.date), part(text, d.agency)) == ("PORTVILLE", "Oct. 20", "XNA")
    assert part(text, layout.headline) == "Rice Exports Grow"


def test_a_full_stop_inside_a_dateline_ends_no_sentence(analyzer):
    text = "ANYTOWN, Ore. - Floods closed two roads. Crews worked overnight."
    layout = analyzer.layout(text)
    assert [text[s:e] for s, e in layout.sentences] == [
        "ANYTOWN, Ore. - Floods closed two roads.", "Crews worked overnight."]
    assert layout.body_start(0) == text.index("Floods")


def test_date_line_under_a_headline(analyzer):
    text = "Bridge Opens\n\nSaturday, May 2, 2021\n\nThe new bridge opened to traffic."
    d = analyzer.layout(text).dateline
    assert d == Dateline(d.start, d.end, date=(text.index("Saturday"), text.index("2021") + 4))


def test_no_dateline_in_plain_prose(analyzer):
    assert analyzer.layout("The mayor said - after a pause - that the road stays shut.").dateline is None


def test_dateline_spans_meta_and_publication_date(nlp):
    text = "ANYTOWN, Texas, May 2, 2021 /PRNewswire/ -- Widget Works Inc. said it hired 40 people."
    doc = nlp(make_doc(nlp, text))
    assert doc._.facts_meta.dateline == "ANYTOWN"
    assert doc._.facts_meta.published == dt.date(2021, 5, 2)
    labels = {s.label_: s.text for s in doc.spans["facts_layout"]}
    assert labels["DATELINE"].startswith("ANYTOWN, Texas, May 2, 2021 /PRNewswire/ --")


# -- furniture -------------------------------------------------------------------------------

def test_credit_line_byline_and_sign_off(nlp):
    text = ("The council approved the budget on Monday.\n\n"
            "XY/ZW\n\n"
            "The vote was close, with five members against the plan.\n\n"
            "AB/CD Content by Example Daily is licensed under a Creative Commons "
            "Attribution 4.0 International License.")
    doc = nlp(make_doc(nlp, text))
    layout = doc._.facts_layout
    assert [part(text, r) for r in layout.sign_offs] == ["XY/ZW"]
    assert [part(text, r) for r in layout.bylines] == ["AB/CD"]
    assert len(layout.credits) == 1 and part(text, layout.credits[0]).startswith("Content by Example Daily")
    meta = doc._.facts_meta
    assert (meta.byline, meta.publisher, meta.license) == ("AB/CD", "Example Daily", "CC-BY-4.0")
    assert {"CREDIT", "SIGN_OFF"} <= {s.label_ for s in doc.spans["facts_layout"]}


def test_a_component_without_the_layout_before_it_computes_one():
    nlp = spacy.blank("en")
    nlp.add_pipe("facts_dates")
    doc = nlp("Sales rose in March 2020. They fell last year.")
    assert len(layout_of(doc).sentences) == 2


def test_old_component_name_still_builds_the_layout():
    nlp = spacy.blank("en")
    nlp.add_pipe("facts_article")
    doc = nlp("SOMEWHERE (XNA) - The dam held. Water fell.")
    assert doc._.facts_meta.dateline == "SOMEWHERE"
    assert len(list(doc.sents)) == 2


def test_layout_component_round_trips_through_disk(tmp_path):
    nlp = build_pipeline(components=("facts_layout",))
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    text = "ANYTOWN, Texas, May 2 -- Gen. Ana Ruiz spoke. Crowds cheered."
    assert loaded(text)._.facts_layout == nlp(text)._.facts_layout


def test_a_speaker_is_never_read_into_the_dateline():
    from extractor import extract

    facts = extract('ANYTOWN (May 2, 2021) - The Harbour Authority announced a "long overdue renewal '
                    'of the old pier" on Monday.', published="2021-05-02")
    (q,) = facts.quotations
    assert q.speaker_mention is not None and q.speaker_mention.text == "The Harbour Authority"


def test_the_layout_survives_doc_bytes():
    from spacy.tokens import Doc

    nlp = build_pipeline()
    doc = nlp(make_doc(nlp, "ANYTOWN, Texas, May 2 /PRNewswire/ -- Sales rose. Costs fell.\n\nXY/ZW"))
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.facts_layout == doc._.facts_layout
    assert again._.facts_layout.dateline.place == doc._.facts_layout.dateline.place
    assert again._.facts_layout.sentence_index(20) == doc._.facts_layout.sentence_index(20)
