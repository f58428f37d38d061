"""People's names on unseen news, one test per class of name (issue 12): East Asian names
with a hyphenated given name, lower-case particles, title-case runs past a name and
publications named after a place. Every sentence is invented for these tests."""

from __future__ import annotations

import pytest

from extractor import extract_doc
from extractor.names import name_model
from entity_views import entities, names, people  # noqa: I001


# -- East Asian names: a surname and a hyphenated given name ---------------------------------

@pytest.mark.parametrize("word", ["Tai", "man", "Cheuk", "Jong", "un", "Kwok", "keung", "Park", "Yiu", "Hyun"])
def test_romanised_syllables(word):
    assert name_model().is_syllable(word)


@pytest.mark.parametrize("word", ["based", "born", "style", "Trump", "Big", "Nguyenx", "Experience"])
def test_words_that_are_no_single_syllable(word):
    assert not name_model().is_syllable(word)


@pytest.mark.parametrize("text, person", [
    ("The council elected Chan Tai-man of the Harbour Union on Monday.", "Chan Tai-man"),
    ("Veteran lawmaker Lee Ka-wing said the vote was fair.", "Lee Ka-wing"),
    ("Kwok Siu-fung of the Harbour Union won a seat.", "Kwok Siu-fung"),
    ("The visiting delegation was led by Pak Sung-ho.", "Pak Sung-ho"),
    ("The award went to Choi Min-Jun of the rowing club.", "Choi Min-Jun"),
    ("Victor Chan Chi-wah spoke first.", "Victor Chan Chi-wah"),
])
def test_a_hyphenated_given_name_belongs_to_the_person(nlp, text, person):
    found = people(nlp, text)
    assert person in found
    assert not any(p != person and p in person for p in found)


@pytest.mark.parametrize("text, place", [
    ("Shares of Hong Kong-run firms fell on Tuesday.", "Hong Kong"),
])
def test_a_place_before_a_hyphenated_word_is_no_person(nlp, text, place):
    found = names(nlp, text)
    assert found.get(place) == "GPE"
    assert not people(nlp, text)


def test_an_article_before_a_hyphenated_word_is_no_person(nlp):
    assert not people(nlp, "Divers watched The U-boat surface near the pier.")


# -- a capitalised function word after a name starts the next phrase --------------------------

@pytest.mark.parametrize("text, person", [
    ("Harbour Union's Regina Tsang In the Eastern district, turnout rose.", "Regina Tsang"),
    ("Council member Ana Velk At the meeting, fees were cut.", "Ana Velk"),
])
def test_a_capitalised_preposition_ends_a_name(nlp, text, person):
    found = people(nlp, text)
    assert person in found
    assert not any(person in p and p != person for p in found)


def test_short_surnames_that_are_function_words_stay(nlp):
    # "To" and "Or" are surnames too.
    assert "Kenneth Or" in people(nlp, "Ferry operator Kenneth Or told reporters the route "
                                       "would close.")
    assert "Mabel To" in people(nlp, "Harbour trustee Mabel To opened the new pier.")


# -- lower-case particles ----------------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Researcher Anna d'Ottavio said the ants were calm.", "Anna d'Ottavio"),
    ("The curator, Paolo dell’Arco, said so.", "Paolo dell’Arco"),
    ("Engineer Jan van der Berg said the dam held.", "Jan van der Berg"),
    ("Mayor Luis de la Cruz said the road was shut.", "Luis de la Cruz"),
    ("Judge Rosa de los Santos said the hearing would resume.", "Rosa de los Santos"),
])
def test_a_name_with_lower_case_particles_is_one_person(nlp, text, person):
    assert person in people(nlp, text)


def test_elided_particle_shape():
    model = name_model()
    assert model.is_elided_surname("d'Ottavio") and model.is_elided_surname("dell’Arco")
    assert not model.is_elided_surname("d'oeuvre") and not model.is_elided_surname("Ottavio")


def test_a_country_with_an_elided_article_is_a_place(nlp):
    assert names(nlp, "Talks moved to Côte d'Ivoire last week.").get("Côte d'Ivoire") == "GPE"


# -- a title-case run past a name --------------------------------------------------------------

@pytest.mark.parametrize("text, person, longer", [
    ("Tickets sold out for the Marta Kelling Revival at the county fair.", "Marta Kelling",
     "Marta Kelling Revival"),
    ("She read Maria Lopez News Today every week.", "Maria Lopez", "Maria Lopez News Today"),
    ("The photographs were given by the John Tessel Photographic Legacy Project.", "John Tessel",
     "John Tessel Photographic Legacy"),
    ("Crowds filled the Chen Wei Memorial near downtown.", "Chen Wei", "Chen Wei Memorial"),
])
def test_a_person_ends_before_capitalised_common_words(nlp, text, person, longer):
    found = people(nlp, text)
    assert person in found and longer not in found


@pytest.mark.parametrize("text, person", [
    ("Senator Henry Cabot Lodge said the bill would pass.", "Henry Cabot Lodge"),
    ("Anna Nicole Baker sang two songs.", "Anna Nicole Baker"),
])
def test_a_surname_that_is_a_word_stays_in_the_name(nlp, text, person):
    assert person in people(nlp, text)


# -- publications named after a place or by initials -------------------------------------------

@pytest.mark.parametrize("text, paper", [
    ("Tom Kessler told the Harbin Paper that the bar closed.", "Harbin Paper"),
    ("She told the Toronto Star that prices rose.", "Toronto Star"),
    ("According to LA Weekly, the club shut.", "LA Weekly"),
    ("Speaking to GB News, he said he would run.", "GB News"),
    ("The Edmonton Sun reported the fire.", "Edmonton Sun"),
    ("The Manchester Evening News reported the fire.", "Manchester Evening News"),
])
def test_a_publication_after_a_place_or_initials_is_an_organisation(nlp, text, paper):
    assert names(nlp, text).get(paper) == "ORG"


@pytest.mark.parametrize("text", [
    "Star Wars opened in Toronto on Friday.",
    "He read the Sun on Monday.",
    "Toronto News Today aired at noon.",
])
def test_a_publication_word_alone_or_inside_a_longer_name_is_no_paper(nlp, text):
    found = names(nlp, text)
    assert not any(label == "ORG" and name.split()[-1] in ("Star", "Sun", "News")
                   for name, label in found.items())


# -- later mentions of a hyphenated name -------------------------------------------------------

def test_a_hyphen_or_syllable_of_a_hyphenated_name_is_no_later_mention(nlp):
    text = ("Administrator Rosa Ortiz-Vale opened the pan-regional fund. Lee Ka-man said the "
            "thirty-five offices would stay open. Ortiz-Vale agreed.")
    found = {e.name: [m.text for m in e.mentions] for e in extract_doc(nlp, text).entities}
    assert found["Rosa Ortiz-Vale"] == ["Rosa Ortiz-Vale", "Ortiz-Vale"]
    assert found["Lee Ka-man"] == ["Lee Ka-man"]
    quantities = [q.text for q in extract_doc(nlp, text).quantities]
    assert "thirty-five offices" in quantities or "thirty-five" in quantities


# -- a given name and a surname that is also a common word --------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Later, Marcus Skinner missed a penalty.", "Marcus Skinner"),
    ("The board thanked Michael Savage for a decade of work.", "Michael Savage"),
    ("Fans cheered when Eugene Hopper walked on stage.", "Eugene Hopper"),
    # given names that a dictionary also lists as words ("peter out", "a mary") but that
    # the name list keeps because they are far more often names
    ("Officials met Peter Brown on Monday.", "Peter Brown"),
    ("Mary Baker arrived late.", "Mary Baker"),
    ("The prize went to Carol Young of the rowing club.", "Carol Young"),
])
def test_a_given_name_and_a_frequent_surname_that_is_a_word_is_a_person(nlp, text, person):
    assert person in people(nlp, text)


@pytest.mark.parametrize("text", [
    "Ships anchored near Victoria Falls for the night.",
    "Pilgrims crossed the Jordan River at dawn.",
    "The Holly Berries stall sold out.",
    # a natural feature's head after a given name: a place, not a surname
    "Boats crowded into Ruby Harbor for the night.",
    "The patrol climbed Marion Ridge at dawn.",
])
def test_a_given_name_before_a_place_word_or_a_plain_word_is_no_person(nlp, text):
    assert not people(nlp, text)


# -- a wrapped body line is no title-case headline ---------------------------------------------

def test_a_line_ending_in_a_minor_word_is_a_wrapped_sentence_not_a_headline(nlp):
    from extractor.entities.document import is_title_case

    assert not is_title_case("PORT AVEL -- Harbour Deputy Director Lena Forsyth signed the")
    assert is_title_case("Harbour Deputy Director Signs Fees Deal")
    text = ("PORT AVEL -- Harbour Deputy Director Lena Forsyth signed the\n"
            "new fees deal on Thursday.")
    assert "Lena Forsyth" in people(nlp, text)


@pytest.mark.parametrize("text", [
    "Back in February, Harbour Minister Ana Velk announced the fees.",
    "On Tuesday, Deputy Mayor Tomas Varga opened the bridge.",
])
def test_a_month_or_weekday_before_a_titled_name_is_no_person(nlp, text):
    found = people(nlp, text)
    assert not found & {"February", "Tuesday"}


# -- a full name set off by commas before a reporting verb ------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Harbour fees will rise, the port's finance chief, Vardo Menek, told reporters.", "Vardo Menek"),
    ("Her brother, Orrin Tesk, says the shop will reopen in spring.", "Orrin Tesk"),
])
def test_a_name_between_commas_before_a_reporting_verb_is_a_speaker(nlp, text, person):
    assert person in people(nlp, text)


@pytest.mark.parametrize("text", [
    "The depot at Tashmir, Kazakh SSR, reported heavy snow.",
    "The garrison at Kelvor, Orsan SSR, reported the attack.",
    "Visitors from Lisbon, Porto, said the fair was busy.",
])
def test_a_place_and_its_region_between_commas_is_no_speaker(nlp, text):
    assert not people(nlp, text)


# -- a subdivision named like a person yields to a person's name --------------------------------

@pytest.mark.parametrize("text, person", [
    ("Paul Baker founded the firm in 2004.", "Paul Baker"),
    ("The award went to Clare Novak of the rowing club.", "Clare Novak"),
])
def test_a_small_subdivision_named_like_a_person_yields_to_the_person(nlp, text, person):
    found = names(nlp, text)
    assert found.get(person) == "PERSON"
    assert person.split()[0] not in found


def test_a_subdivision_named_like_a_person_is_still_a_place_alone(nlp):
    assert names(nlp, "Floods hit Clare and the west of the country on Monday.").get("Clare") == "GPE"


# -- a given name alone is the one person of the text with that given name ---------------------

def test_a_lone_given_name_joins_the_only_person_with_that_given_name(nlp):
    text = ("Lena joined the choir in 2010. Today Lena Marsh leads it with her brother. "
            "Lena said the choir would tour in May.")
    found = entities(nlp, text)
    assert found["Lena Marsh"]["label"] == "PERSON"
    assert "Lena" in found["Lena Marsh"]["aliases"]
    assert "Lena" not in found


def test_a_given_name_two_people_share_stays_apart(nlp):
    text = "Lena Marsh and Lena Okafor founded the choir. Lena said it would tour in May."
    found = entities(nlp, text)
    assert "Lena" not in found.get("Lena Marsh", {}).get("aliases", [])
    assert "Lena" not in found.get("Lena Okafor", {}).get("aliases", [])


# -- a month or weekday after a preposition of time is a date, never part of a name -------------

@pytest.mark.parametrize("text, person", [
    ("In June Karimi said the plan had failed.", "Karimi"),
    ("On Friday Ana Velk left the party.", "Ana Velk"),
    ("Since March Tomas Varga has led the union.", "Tomas Varga"),
])
def test_a_date_word_after_a_preposition_of_time_opens_no_name(nlp, text, person):
    found = people(nlp, text)
    assert person in found
    assert not any(p != person and person in p for p in found)
