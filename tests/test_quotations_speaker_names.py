"""Which name speaks: a place that only owns the speaking body ("Dover police", "Brazil's
central bank") is no speaker, a place that speaks for itself ("Norway said") is one, and a
date before "and" ends the clause before the speaker's name (invented text)."""

from __future__ import annotations

import pytest

from extractor import extract_doc


def speakers(nlp, text):
    facts = extract_doc(nlp, text)
    return [(q.text, q.speaker) for q in facts.quotations]


@pytest.mark.parametrize("text, content", [
    ("The road was closed. Dover police said two men were arrested.", "two men were arrested"),
    ("Markets fell. Brazil's central bank said rates would rise.", "rates would rise"),
    ("The vote was delayed. The Ostend council said the count would resume.",
     "the count would resume"),
])
def test_a_place_owning_the_speaking_body_is_no_speaker(nlp, text, content):
    assert speakers(nlp, text) == [(content, None)]


@pytest.mark.parametrize("text, content, speaker", [
    ("Talks resumed. Norway said the border would reopen.", "the border would reopen", "Norway"),
    ("Patrols began on March 4 and Portugal says the patrols will continue.",
     "the patrols will continue", "Portugal"),
    ("Patrols began on Friday and Portugal says the patrols will continue.",
     "the patrols will continue", "Portugal"),
])
def test_a_place_that_speaks_for_itself_is_the_speaker(nlp, text, content, speaker):
    assert speakers(nlp, text) == [(content, speaker)]


@pytest.mark.parametrize("text, content", [
    ("Shares fell. A senior official, who asked not to be named, said cases were falling.",
     "cases were falling"),
    ("Shares fell. The official, speaking on condition of anonymity, said talks had stalled.",
     "talks had stalled"),
    ("Shares fell. Analysts, who follow the sector closely, said margins would shrink.",
     "margins would shrink"),
])
def test_a_clause_between_commas_leaves_an_unnamed_subject_speaking(nlp, text, content):
    assert speakers(nlp, text) == [(content, None)]


def test_a_clause_between_commas_after_a_role_resolves_the_role(nlp):
    text = ("Mayor Ana Velk closed the port on Monday. The mayor, who has held "
            "the post since 2019, said ships would wait outside.")
    assert speakers(nlp, text) == [("ships would wait outside", "Ana Velk")]


# -- press-release layout: sign-offs and forgotten closing marks --------------------------------

def test_a_sign_off_line_under_a_quotation_names_its_speaker(nlp):
    text = ("Harbor Labs opened a plant in Ohio.\n\n\u201cWe are proud to bring these jobs to the "
            "valley.\u201d\n\n-- Dana Okafor, chief executive officer of Harbor Labs")
    assert speakers(nlp, text) == [("We are proud to bring these jobs to the valley.", "Dana Okafor")]


def test_a_quotation_never_closed_ends_with_its_paragraph_when_attributed(nlp):
    text = ("Harbor Labs opened a plant in Ohio.\n\n\u201cWe are proud to bring these jobs to the "
            "valley and to keep growing.\n\n-- Dana Okafor, chief executive officer, Harbor Labs")
    assert speakers(nlp, text) == [("We are proud to bring these jobs to the valley and to keep growing.",
                                    "Dana Okafor")]


def test_a_quoted_paragraph_never_closed_continues_the_speaker_before_it(nlp):
    text = ("\u201cWe are ready,\u201d said Ana Novak, the captain.\n\n\u201cWe will win the final and "
            "bring the cup home.\n\nThe match is on Sunday.")
    assert speakers(nlp, text) == [("We are ready,", "Ana Novak"),
                                   ("We will win the final and bring the cup home.", "Ana Novak")]


def test_a_mark_never_closed_and_never_attributed_is_no_quotation(nlp):
    text = ("Officials met in the capital.\n\n\u201cRelations got worse until March, when the talks "
            "ended without a deal.\nOn Monday the border closed.")
    assert speakers(nlp, text) == []


@pytest.mark.parametrize("text, content", [
    ("Minister says wheat output rose 10 percent\n\nKABUL -- Output rose.", "wheat output rose 10 percent"),
    ("Spokesman says talks will resume soon\n\nKABUL -- Talks resume.", "talks will resume soon"),
])
def test_a_role_capitalised_only_by_opening_a_headline_is_no_office(nlp, text, content):
    assert speakers(nlp, text) == [(content, None)]


def test_a_capitalised_office_nobody_holds_speaks_as_it_stands(nlp):
    text = "Talks stalled in May. The Secretary-General said aid would come soon."
    assert speakers(nlp, text) == [("aid would come soon", "Secretary-General")]


def test_a_long_role_before_the_name_after_a_quotation_keeps_the_name(nlp):
    text = ("\u201cCarpet exports rose by a third this year,\u201d deputy minister of trade for carpet and "
            "textile affairs, Lena Varga, told reporters.")
    assert speakers(nlp, text) == [("Carpet exports rose by a third this year,", "Lena Varga")]


@pytest.mark.parametrize("text", [
    "Speaking to reporters in Kabul on Monday, Energy Minister Ali Karimi praised the workers and said "
    "the country exports power to its neighbours.",
    "In Kabul on Monday, Energy Minister Ali Karimi praised the workers and said the country exports "
    "power to its neighbours.",
])
def test_and_said_takes_the_subject_after_an_opening_adverbial_clause(nlp, text):
    assert speakers(nlp, text) == [("the country exports power to its neighbours", "Ali Karimi")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Dana Okafor, curator of prints at the University of Ruritania, Toledo, said, \u201cThese photographs "
     "record his daily life.\u201d", "These photographs record his daily life.", "Dana Okafor"),
    ("Talks stalled. Lena Varga of Acme Corp., Toledo, said prices would fall soon.",
     "prices would fall soon", "Lena Varga"),
])
def test_a_place_finishing_an_address_before_said_is_no_speaker(nlp, text, content, speaker):
    assert speakers(nlp, text) == [(content, speaker)]


@pytest.mark.parametrize("text, content, speaker", [
    ("Talks stalled. Ana Velk, Acme associate professor of art history, said the archive would reopen.",
     "the archive would reopen", "Ana Velk"),
    ("Talks stalled. Tomas Varga, NASA deputy administrator, said the launch would slip.",
     "the launch would slip", "Tomas Varga"),
])
def test_an_organisation_before_a_role_between_commas_is_no_speaker(nlp, text, content, speaker):
    assert speakers(nlp, text) == [(content, speaker)]


# -- a pronoun opening a sentence: the subject of the sentence before it --------------------------

def test_he_is_the_subject_of_the_sentence_before_not_an_older_speaker(nlp):
    text = ("\u201cWe played well,\u201d said coach Tom Hale. Marco Ruiz won the award for the best "
            "player. He said, \u201cWe kept the ball well after the break.\u201d")
    assert speakers(nlp, text)[-1] == ("We kept the ball well after the break.", "Marco Ruiz")


def test_a_subject_of_the_other_gender_leaves_the_speaker_in_focus(nlp):
    text = ("\u201cWe played well,\u201d said coach Tom Hale. Maria Ruiz won the award for the best "
            "player. He said, \u201cShe earned every vote of the jury.\u201d")
    assert speakers(nlp, text)[-1] == ("She earned every vote of the jury.", "Tom Hale")


def test_a_speaker_named_after_the_subject_keeps_the_focus(nlp):
    text = ("Marco Ruiz won the award for the best player. \u201cHe earned it,\u201d said coach Tom "
            "Hale. He said the team would rest on Monday.")
    assert speakers(nlp, text)[-1] == ("the team would rest on Monday", "Tom Hale")


def test_a_pronoun_finds_no_person_named_only_much_later(nlp):
    filler = "The shop sells old maps, prints and postcards from the harbour towns of the coast. " * 8
    text = ("Nobody had asked him before. \u201cWell, I will not hire them,\u201d he would say. " + filler
            + "A postcard showed Tomas Varga at the pier.")
    assert speakers(nlp, text)[0] == ("Well, I will not hire them,", None)
