"""Names of kinds this component does not report: laws, events, facilities and surveys.

A head such as "Act", "Airport", "Museum" or "Survey" closes a name of its own kind, and so
does "Center" after a word naming a building's use ("Space Center"). The name words before
the head, past a leading known place or organisation, belong to that name and to no person,
organisation or nationality: they are blocked before the passes that find those.

In an invented "in front of Orlan City Mira Velk Airport", "Orlan City" stays a place and
"Mira Velk Airport" is blocked: Mira Velk is no person there.
"""

from __future__ import annotations

from .document import EntityDoc
from .organisations import extend_left, of_phrase
from .vocabulary import CLOSING_HEADS, FACILITY_QUALIFIERS, LEGAL_HEADS, ORG_QUALIFIERS

_HEADS = CLOSING_HEADS | frozenset(FACILITY_QUALIFIERS)


def block_other_names(st: EntityDoc) -> None:
    """Block every law, event, facility and survey name the text gives."""
    for h in [i for i, w in enumerate(st.words) if w in _HEADS]:
        span = other_name_at(st, h)
        if span is not None:
            for k in range(*span):
                st.blocked[k] = 1


def other_name_at(st: EntityDoc, h: int) -> tuple[int, int] | None:
    """The tokens of the name the head at ``h`` closes, or None where it closes none: the
    name goes on after it ("Fair Widgets Act Fund"), a modifier makes it an organisation
    ("Velk Geological Survey"), or nothing stands with it but a given name ("Mira Law")."""
    words = st.words
    w = words[h]
    if not st.namey(h) or st.namey(h + 1):
        return None
    start = extend_left(st, h)
    if w in ORG_QUALIFIERS and any(x in ORG_QUALIFIERS[w] for x in words[start:h]):
        return None
    if w in FACILITY_QUALIFIERS and not any(x in FACILITY_QUALIFIERS[w] for x in words[start:h]):
        return None
    start = past_known_names(st, start, h)
    end = h + 1
    if w not in LEGAL_HEADS and end + 1 < st.n and words[end] == "of":
        k = end + 2 if words[end + 1] == "the" else end + 1
        if st.namey(k) and not st.starts_known(k):
            end = of_phrase(st, k)  # "Museum of Flight"; not "Velk Museum of Orlan City"
    if start == h and end == h + 1:
        return None
    if end == h + 1 and is_person_name(st, start, h):
        return None  # "Mira Law", "Ana T. Hall": a person
    if not st.free(start, end):
        return None
    return start, end


def is_person_name(st: EntityDoc, start: int, h: int) -> bool:
    """The words before the head are a person's name: a given name, then given names,
    initials or words that are no common words ("Mira Velk" before "Hall")."""
    lex, words = st.lex, st.words
    return words[start] in lex.first_names and all(
        w in lex.first_names or not lex.is_common(w) or w[-1:] == "." and len(w) == 2
        for w in words[start + 1 : h])


def past_known_names(st: EntityDoc, start: int, h: int) -> int:
    """The first token after the known places, organisations and acronyms that open the run
    from ``start`` to the head at ``h`` ("Orlan City" in "Orlan City Velk Airport", "FIFA" in
    "FIFA World Cup"): they name something of their own."""
    words, lex = st.words, st.lex
    while start < h:
        e = lex.longest_at(words, start)
        if e is not None and e.label in ("GPE", "LOC", "ORG") and e.tier <= 1 \
                and start + len(e.tokens) <= h:
            start += len(e.tokens)
        elif lex.people.is_acronym(words[start]):
            start += 1
        else:
            break
        while start < h and words[start] in ("of", "and", "&", "-"):
            start += 1
    return start
