"""Pass D, context: the weaker evidence around a name, dispatched on the few words that can
start it: reporting verbs (speakers), commas ("Town, State"), "and"/"or" between places,
place heads and types ("X Province", "province of X", "X village"), site nouns ("X gas field")
compass points after "the" ("the West") and given names after a noun for a person ("their
daughter, Alba").

In an invented "Velk added", the unknown capitalised word before "added" is a speaker.
"""

from __future__ import annotations

from .document import EntityDoc
from .people import given_name_and_i, people_in_lists, person_before_kin, person_before_who
from .places import (
    coordinated_place,
    given_name_after_person_noun,
    place_after,
    place_before_head,
    place_before_type,
    region_after_the,
    site_before,
    town_state,
)
from .speakers import speaker_after, speaker_before
from .vocabulary import (
    COMPASS_POINTS,
    FEATURE_HEADS,
    KIN_PLURALS,
    PERSON_NOUNS,
    PLACE_HEADS,
    PLACE_TYPES,
    SITE_NOUNS,
)
from .word_classes import CONTEXT


def context_names(st: EntityDoc, fuzzy_threshold: float) -> None:
    """Pass D: names the words around them give away, where the tokens are still free."""
    lex, words = st.lex, st.words
    # Only the words one of the branches below starts on: most tokens start none.
    for i in [i for i, c in enumerate(st.classes) if c & CONTEXT]:
        w = words[i]
        if w in lex.reporting and not st.shout(i):
            speaker_before(st, i)
            speaker_after(st, i)
        elif w == "to" and i > 0 and words[i - 1].lower() == "according":
            speaker_after(st, i)
        elif w == "," and i + 1 < st.n:
            town_state(st, i)
            person_before_who(st, i)
        elif w in ("and", "or") and 0 < i < st.n - 1:
            coordinated_place(st, i)
            given_name_and_i(st, i)
        elif w.lower() in PLACE_TYPES and i + 2 < st.n and words[i + 1] == "of":
            place_after(st, i + 2)
        elif w in PLACE_TYPES and i > 0:
            place_before_type(st, i)
        elif w in COMPASS_POINTS:
            region_after_the(st, i)
        elif w in PERSON_NOUNS:
            given_name_after_person_noun(st, i)
            person_before_kin(st, i)
        elif w in KIN_PLURALS:
            person_before_kin(st, i)
        elif w in PLACE_HEADS and st.namey(i) and st.taken[i] is None:
            place_before_head(st, i, fuzzy_threshold)
        elif w in FEATURE_HEADS and st.namey(i) and st.taken[i] is None:
            site_before(st, i, "LOC", with_head=True)
        elif w.lower() in SITE_NOUNS and not st.namey(i):
            site_before(st, i, SITE_NOUNS[w.lower()], with_head=False)
    people_in_lists(st)
