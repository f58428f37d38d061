"""Places and sites from context: "Town, State", unknown places joined to known ones after
a place preposition, "province of X", "X Province" (matched loosely to the gazetteer's
subdivisions) and named sites ("X Island", "the X gas field").

In an invented "in Lamar, Minn.", "Lamar" becomes ``GPE:Lamar`` and "Minn." the state.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .chains import name_chain, unknown_chain_before
from .document import EntityDoc, Mention
from .vocabulary import DIRECTIONS, PLACE_PREPOSITIONS, SITE_MODIFIERS, is_calendar


def site_before(st: EntityDoc, h: int, label: str, *, with_head: bool) -> None:
    """ "Tesh Island", "the North Avel gas field", "the Velk refinery": a name before a
    geographic or industrial head word names the site itself."""
    end = h
    while end > 0 and h - end < 2 and st.words[end - 1].lower() in SITE_MODIFIERS:
        end -= 1  # "gas" in "North Avel gas field"; "Oil" in "Marren Oil Field"
    # A small town's name may be a field's ("Azadegan field"), not a refinery's town.
    start = unknown_chain_before(st, end, over_weak=label == "LOC")
    if start == end or all(st.lex.is_common(w) for w in st.words[start:end]) and (
            end - start == 1 and not with_head or st.sent_start(start)):
        return  # "Oil field workers", "the Gas Field"
    if with_head and end - start == 1 and st.words[start] in st.lex.first_names:
        return  # "actress Sally Field": a given name and a surname
    for k in range(start, end):
        held = st.taken[k]
        if held is not None:
            st.remove(held)
    stop = h + 1 if with_head else end
    if not st.add(Mention(start, stop, label, f"{label}:{st.span_text(start, stop)}")):
        return


def town_state(st: EntityDoc, comma: int) -> None:
    """ "Ashby, Minnesota", "St. Peter, Minn.", "towns of Lamesa and Dumas, Texas"."""
    words, lex = st.words, st.lex
    state = st.mention_at(comma + 1)
    abbrev = lex.states.get(words[comma + 1])
    if not ((state is not None and state.label == "GPE" and state.start == comma + 1)
            or abbrev):
        return
    if abbrev and state is None:
        state = Mention(comma + 1, comma + 2, "GPE", f"GPE:{abbrev}")
        if not st.add(state):
            return
    end = comma
    start = end
    while start > 0 and end - start < 3 and st.namey(start - 1):
        start -= 1
    if start == end or is_calendar(words[start:end]):
        return  # "back home in December, Mexico in January": a month is no town
    # A nationality in this slot is a town ("Mexican, Missouri").
    old = st.mention_at(start)
    if old is not None and old.label == "NORP" and old.start == start and old.end == end:
        st.remove(old)
    if st.free(start, end) and not (st.sent_start(start) and lex.is_common(words[start])):
        st.add(Mention(start, end, "GPE", f"GPE:{st.span_text(start, end)}"))
        if start >= 2 and words[start - 1] == "and" and st.namey(start - 2):
            s2 = unknown_chain_before(st, start - 1)
            if s2 < start - 1:
                st.add(Mention(s2, start - 1, "GPE", f"GPE:{st.span_text(s2, start - 1)}"))


def coordinated_place(st: EntityDoc, c: int) -> None:
    """ "between Tessalit and Gao", "such as Medan and Gengkulu": an unknown name joined to a
    known place after a place preposition is a place."""
    lex, words = st.lex, st.words
    right, left = st.mention_at(c + 1), st.mention_at(c - 1)
    if right is not None and right.label == "GPE" and right.start == c + 1:
        end, start = c, unknown_chain_before(st, c)
        if start == end or end - start > 2 or start == 0:
            return
        anchor = start - 1
    elif left is not None and left.label == "GPE" and left.end == c and st.namey(c + 1) \
            and st.taken[c + 1] is None:
        start = c + 1
        end = start
        while end < st.n and end - start < 2 and st.namey(end) and st.taken[end] is None:
            end += 1
        if st.namey(end):
            return
        anchor = left.start - 1
    else:
        return
    if anchor < 0 or words[anchor].lower() not in PLACE_PREPOSITIONS:
        return
    chain = words[start:end]
    if any(lex.is_common(w) or w in lex.first_names or lex.is_title(w) for w in chain):
        return
    st.add(Mention(start, end, "GPE", f"GPE:{st.span_text(start, end)}"))


def place_after(st: EntityDoc, k: int) -> None:
    """The name after "province of", "city of": a place."""
    if not st.namey(k) or st.taken[k] is not None:
        return
    end = name_chain(st, k)
    if end > k and not all(st.lex.is_common(w) for w in st.words[k:end]):
        st.add(Mention(k, end, "GPE", f"GPE:{st.span_text(k, end)}"))


# Place types that follow a name in lower case ("Senvar village", "Kamvun commune"); "capital"
# and "port" also follow other nouns ("the Velk port" is a company's).
_TYPES_AFTER_NAME = frozenset({"city", "town", "village", "province", "county", "district",
                               "commune", "township"})


def place_before_type(st: EntityDoc, t: int) -> None:
    """ "a farmer from Senvar village", "in Pesan district": an unknown name before a lower-case
    place type is a place."""
    if st.words[t] not in _TYPES_AFTER_NAME:
        return
    start = unknown_chain_before(st, t)
    while start < t and st.sent_start(start) and st.lex.is_common(st.words[start]):
        start += 1  # "In Kamvun commune"
    chain = st.words[start:t]
    if start == t or t - start > 3 or any(st.lex.is_common(w) or st.lex.is_title(w) for w in chain):
        return
    if t - start == 1 and chain[0] in st.lex.first_names:
        return  # "told Mira town officials"
    st.add(Mention(start, t, "GPE", f"GPE:{st.span_text(start, t)}"))


def place_before_head(st: EntityDoc, h: int, fuzzy_threshold: float) -> None:
    """ "X Province" with a spelling the gazetteer lacks; "West Region"."""
    start = unknown_chain_before(st, h)
    if start == h or st.sent_start(start) and st.lex.is_common(st.words[start]) and h - start == 1 \
            and st.words[start] not in DIRECTIONS:
        return
    if h + 1 < st.n and st.words[h + 1][:1].isdigit():
        return  # "EPA Region 7" is an office
    name = st.span_text(start, h)
    if st.words[h] == "Region":
        st.add(Mention(start, h + 1, "LOC", f"LOC:{name} Region"))
        return
    best = process.extractOne(name, st.lex.subdivision_names, scorer=fuzz.ratio,
                              score_cutoff=fuzzy_threshold)
    key = f"GPE:{best[0]}" if best else f"GPE:{name}"
    st.add(Mention(start, h + 1, "GPE", key))
