"""Whatever the text, extraction never raises and every record validates with exact offsets."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract_doc
from extractor.records import ArticleFacts

NEWSY = st.sampled_from([
    "“", "”", '"', "'", "said", " he said.", "$", "€", "percent", "%", "1,500", "3.5",
    "million", "March 20", "2019", "TEHRAN - ", "(", ")", "Ministry", "Mr. ", "\n\n",
    "according to", "nearly", "over", "-", "–", "1399", "Farvardin", "U.S.", ":",
])
TEXTS = st.one_of(st.text(max_size=300),
                  st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=40).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_extract_never_raises_and_offsets_are_exact(nlp, text):
    facts = extract_doc(nlp, text, published="2021-05-04")
    # Re-validate the dumped records against the text: offsets of every nested span hold.
    ArticleFacts.validate_against(facts.model_dump(), text)
