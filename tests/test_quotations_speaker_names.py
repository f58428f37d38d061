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
