"""Pass E: a trained model's entities, taken only as evidence where the rules are silent.

A trained pipeline errs in ways the rules do not (capitalised common words, titles of works,
products and organisations as people or places), so its entity alone is never enough: it is
taken over tokens no rule took, only when it is shaped like a name, and only with a second,
rule-side piece of evidence for its label:

- every label: the whole run of capitalised words, never a piece of a longer name;
- PERSON: two words or more, opened by a given name or initials ("Ana Velk", "J. R. Tesh")
  or before a reporting verb ("Orsk Tamber, told"), none run into one ("Ana Velksaid");
- GPE, LOC: a gazetteer name (whose label stands), a place or feature head ending the name
  or opening it before "of" ("Avel County", "Bay of Tesh"), or a place type before it
  ("the town of Avel");
- NORP: a plural people word ("Velkans"), a capitalised plural that is no common word;
- ORG never (the rules own organisations), nor FAC, EVENT, PRODUCT or LAW.

An invented model entity "Bay of Norvia" labelled ``LOC`` becomes
``Mention(.., "LOC", "LOC:Bay of Norvia")``; "Norvia" alone stays unread.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from .document import EntityDoc, Mention
from .people import glued_verb
from .vocabulary import (
    CALENDAR,
    DETERMINERS,
    FEATURE_HEADS,
    MODEL_LABELS,
    PLACE_HEADS,
    PLACE_TYPES,
    SENTENCE_ADVERBS,
)

# Initials that open a person's name: "J.", "O.J.", "J.R.".
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# Trailing tokens a model often keeps with a name: the possessive ending.
_POSSESSIVE = {"'s", "’s", "'", "’"}
# Lower-case words that may stand inside a place name ("Bay of Bengal").
_PLACE_CONNECTORS = {"of", "the", "and", "de", "del", "la", "al", "el"}


def model_entities(st: EntityDoc, ents: list[Span]) -> None:
    """Pass E: the model's entities that the rule-side evidence supports, where still free."""
    for ent in ents:
        label = MODEL_LABELS.get(ent.label_)
        if label not in ("PERSON", "GPE", "LOC", "NORP"):
            continue
        start, end = _trimmed(st, ent.start, ent.end)
        if start >= end or not st.free(start, end):
            continue
        mention = _supported(st, start, end, label)
        if mention is not None:
            st.add(mention)


def _trimmed(st: EntityDoc, start: int, end: int) -> tuple[int, int]:
    """The name inside a model span: no leading article, no possessive ending."""
    words = st.words
    while start < end and words[start].lower() in DETERMINERS:
        start += 1
    while end > start and words[end - 1] in _POSSESSIVE:
        end -= 1
    return start, end


def _whole_run(st: EntityDoc, start: int, end: int) -> bool:
    """The span is a whole run of capitalised words, not a cut from a longer name
    ("Storm Velk" out of "Tropical Storm Velk"); a title or a sentence's capitalised
    common first word may stand before it ("Professor Ana Velk", "Yesterday Ana Velk")."""
    before = start - 1
    if st.namey(before) and not st.lex.is_title(st.words[before]) and not (
            st.sent_start(before) and _sentence_opener(st.words[before])):
        return False
    return not st.namey(end)


def _sentence_opener(word: str) -> bool:
    """A word that opens a sentence before a name and is never part of one ("Yesterday",
    "Meanwhile", "But")."""
    low = word.lower()
    return low in STOP_WORDS or low in CALENDAR or low in SENTENCE_ADVERBS


def _supported(st: EntityDoc, start: int, end: int, label: str) -> Mention | None:
    if not _whole_run(st, start, end):
        return None
    if label == "PERSON":
        return Mention(start, end, "PERSON", "") if _person_evidence(st, start, end) else None
    if label == "NORP":
        if end - start == 1 and _plural_people_word(st, start):
            return Mention(start, end, "NORP", f"NORP:{st.span_text(start, end)}")
        return None
    return _place_evidence(st, start, end)


def _person_evidence(st: EntityDoc, start: int, end: int) -> bool:
    """Two name words or more, opened by a given name or initials, none of them a title
    or an organisation word ("Ana Velk", "J. Tesh"; not "Velk Holdings")."""
    if end - start < 2:
        return False
    lex, people, words = st.lex, st.lex.people, st.words
    first = words[start]
    if _speaks(st, end):
        pass  # the subject of a reporting verb: "Ana Velk, 54, told", "Orsk Tamber said"
    elif people.may_be_given_name(first):
        # A given name that is also a word ("Art", "Will") wants a surname that is none:
        # "Art Gallery", "Will Power" are no people.
        if all(lex.is_common(w) for w in words[start + 1 : end]):
            return False
    elif not (people.is_given_name(first) or _INITIALS.fullmatch(first)):
        return False
    for k in range(start, end):
        w = words[k]
        if not (st.namey(k) or w in st.lex.particles) or st.lex.is_title(w) \
                or people.heads_org(w) or glued_verb(st.lex, w):
            return False
    return st.namey(end - 1)


def _speaks(st: EntityDoc, end: int) -> bool:
    """A reporting verb follows the name, straight or after its comma ("..., told")."""
    k = end + 1 if end < st.n and st.words[end] == "," else end
    return k < st.n and st.words[k] in st.lex.reporting


def _plural_people_word(st: EntityDoc, i: int) -> bool:
    """A capitalised plural that no common word spells ("Velkans"; not "Veterans")."""
    w = st.words[i]
    return st.namey(i) and len(w) >= 4 and w.endswith("s") and not w.endswith("ss") \
        and w.isalpha() and not st.lex.is_common(w)


def _place_evidence(st: EntityDoc, start: int, end: int) -> Mention | None:
    """A place the rule side vouches for: the gazetteer, a head inside it, a type before it."""
    words = st.words
    if not (st.namey(start) and st.namey(end - 1)) or any(
            not (st.namey(k) or words[k] in _PLACE_CONNECTORS) for k in range(start, end)):
        return None
    text = st.span_text(start, end)
    entry = st.lex.lookup(words[start:end])
    if entry is not None:
        return Mention(start, end, entry.label, entry.key) if entry.label in ("GPE", "LOC") \
            else None
    # The head ends the name ("Avel County", "Tesh Sea") or opens it before "of" ("Bay of
    # Tesh"); a head elsewhere is a word of another name ("Sea Velk Group").
    heads = {words[end - 1]} | ({words[start]} if end - start > 2 and words[start + 1] == "of"
                                else set())
    if heads & PLACE_HEADS:
        return Mention(start, end, "GPE", f"GPE:{text}")
    if heads & FEATURE_HEADS:
        return Mention(start, end, "LOC", f"LOC:{text}")
    if start >= 2 and words[start - 1] == "of" and words[start - 2].lower() in PLACE_TYPES:
        return Mention(start, end, "GPE", f"GPE:{text}")
    return None
