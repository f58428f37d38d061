"""Titles before a person's name from nameparser's lists (issue 12,
``shared/name_titles.txt``): the title stays out of the name and is the person's role; a
title that may be the name itself ("Dean", "Major") counts only before a full name. Every
sentence is invented for these tests."""

from __future__ import annotations

import pytest

from extractor import extract_doc
from extractor.names import name_model


def people(nlp, text: str) -> dict[str, list[str]]:
    return {e.name: e.roles for e in extract_doc(nlp, text).entities if e.label == "PERSON"}


@pytest.mark.parametrize("text, person, role", [
    ("Alderman Tomas Orsk voted against the plan on Tuesday.", "Tomas Orsk", "Alderman"),
    ("Rabbi Ilan Sorel spoke at the vigil.", "Ilan Sorel", "Rabbi"),
    ("Admiral Tomas Orsk said the fleet was ready.", "Tomas Orsk", "Admiral"),
    ("Pastor Ilan Sorel spoke at the vigil.", "Ilan Sorel", "Pastor"),
    ("Cpl Mara Velk said the road was closed.", "Mara Velk", "Cpl"),
    ("Cdr. Ilan Sorel said the ship was safe.", "Ilan Sorel", "Cdr."),
    ("Cllr Velk said the budget was fine.", "Velk", "Cllr"),
])
def test_a_title_is_no_part_of_the_name_but_a_role(nlp, text, person, role):
    found = people(nlp, text)
    assert person in found
    assert role in found[person]
    assert not any(role in name for name in found)


@pytest.mark.parametrize("text", [
    "Lt Mara Velk said the bridge was closed.",
    "Lt. Mara Velk said the bridge was closed.",
])
def test_an_abbreviated_rank_is_no_part_of_the_name(nlp, text):
    assert set(people(nlp, text)) == {"Mara Velk"}


@pytest.mark.parametrize("text, person", [
    ("Dean Orsk said the vote was close.", "Dean Orsk"),
    ("Major Orsk said the vote was close.", "Major Orsk"),
])
def test_a_title_that_is_a_given_name_stays_before_a_lone_surname(nlp, text, person):
    assert person in people(nlp, text)


def test_a_people_s_name_is_no_title(nlp):
    found = people(nlp, "British Ana Velk won the race.")
    assert found.get("Ana Velk") == []


@pytest.mark.parametrize("title", ["Cdr", "Cllr", "Cpl", "Signora"])
def test_titles_that_are_no_word_title_any_name(title):
    assert title in name_model().plain_titles


@pytest.mark.parametrize("title", ["Pastor", "Alderman", "Admiral", "Rabbi", "Master"])
def test_titles_that_are_words_or_names_need_a_full_name(title):
    assert title in name_model().full_name_titles


def test_the_hand_kept_lists_keep_their_words():
    # "judge" and "Dr." are read from roles.tsv and honorifics.txt, whose uses say more.
    assert not {"Judge", "Dr", "Her", "Us"} & name_model().name_titles
