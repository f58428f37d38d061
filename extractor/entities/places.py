"""Places and sites from context: "Town, State", unknown places joined to known ones after
a place preposition, "province of X", "X Province" (matched loosely to the gazetteer's
subdivisions), named sites ("X Island", "the X gas field") and regions named with compass
words ("North West Africa", "the Pacific Southwest", "the Canada West Coast", "the West").

In an invented "in Lamar, Minn.", "Lamar" becomes ``GPE:Lamar`` and "Minn." the state
``GPE:Minnesota``; so does "MN" in "Lamar, MN" or "Lamar, MN 56001".
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from .chains import name_chain, unknown_chain_before
from .document import EntityDoc, Mention
from .gazetteer import Entry
from .vocabulary import (
    COMPASS_ABBREVIATIONS,
    COMPASS_POINTS,
    DIRECTIONS,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    SITE_MODIFIERS,
    is_calendar,
)

# (start, end, label, key) of a place mention
Extent = tuple[int, int, str, str]


def site_before(st: EntityDoc, h: int, label: str, *, with_head: bool) -> None:
    """ "Tesh Island", "the North Avel gas field", "the Velk refinery": a name before a
    geographic or industrial head word names the site itself."""
    end = h
    while end > 0 and h - end < 2 and st.words[end - 1].lower() in SITE_MODIFIERS:
        end -= 1  # "gas" in "North Avel gas field"; "Oil" in "Marren Oil Field"
    # A small town's name may be a field's ("Azadegan field"), not a refinery's town.
    start = unknown_chain_before(st, end, over_weak=label == "LOC")
    while end - start > 1 and st.sent_start(start) and st.words[start].lower() in STOP_WORDS:
        start += 1  # "Although Tesh Island was shelled"
    if start == end or all(st.lex.is_common(w) for w in st.words[start:end]) and (
            end - start == 1 and not with_head or st.sent_start(start)):
        return  # "Oil field workers", "the Gas Field"
    if with_head and end - start == 1 and st.words[start] in st.lex.first_names \
            and (start == 0 or st.words[start - 1].lower() != "the"):
        return  # "actress Sally Field": a given name and a surname; but "the Weddell Sea"
    if with_head and start > 0 and all(w in DIRECTIONS for w in st.words[start:end]):
        country = st.lex.lookup([st.words[start - 1]])
        if country is not None and country.label == "GPE" and country.tier == 1 \
                and st.namey(start - 1):
            start -= 1  # "the UK East Coast": one region
    for k in range(start, end):
        held = st.taken[k]
        if held is not None:
            st.remove(held)
    stop = h + 1 if with_head else end
    if not st.add(Mention(start, stop, label, f"{label}:{st.span_text(start, stop)}")):
        return


def _is_zip(word: str) -> bool:
    """ "16501", "16501-2345": a US ZIP code."""
    return len(word) in (5, 10) and word[:5].isdigit() and (len(word) == 5 or word[5] == "-"
                                                            and word[6:].isdigit())


def _postal_state(st: EntityDoc, comma: int) -> str | None:
    """The state a postal code after "Town," names ("Dayton, OH", "Erie, PA 16501"), or None:
    the code must follow a town in title case, not a person's name ("Tom Velk, MD") nor a
    shouted line ("WE WANT, OR NEED"); a ZIP code after it makes it sure."""
    state = st.lex.postal_states.get(st.words[comma + 1])
    if state is None or comma == 0:
        return None
    if comma + 2 < st.n and _is_zip(st.words[comma + 2]):
        return state
    town = st.words[comma - 1]
    if not st.namey(comma - 1) or town.isupper():
        return None
    held = st.taken[comma - 1]
    if held is not None and held.label != "GPE":
        return None  # "Tom Velk, SC, said": a person's credential
    start = comma - 1
    while start > 0 and comma - start < 3 and st.namey(start - 1):
        start -= 1
    if held is None and comma - start > 1 and st.words[start] in st.lex.first_names:
        return None  # "Dana Velk, MD" is a person; one word ("Austin, TX") a town
    return state


def town_state(st: EntityDoc, comma: int) -> None:
    """ "Ashby, Minnesota", "St. Peter, Minn.", "Dayton, OH", "towns of Lamesa and Dumas, Texas"."""
    words, lex = st.words, st.lex
    state = st.mention_at(comma + 1)
    abbrev = lex.states.get(words[comma + 1]) or _postal_state(st, comma)
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
        return  # "tours Oslo in October, Chile in February": a month is no town
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
    if is_calendar(chain) or any(
            lex.is_common(w) or w in lex.first_names or lex.is_title(w) for w in chain):
        return  # "in January and Peru": a month joined to a place is still a month
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
        return  # "QLTA Region 12" is an office
    name = st.span_text(start, h)
    if st.words[h] == "Region":
        st.add(Mention(start, h + 1, "LOC", f"LOC:{name} Region"))
        return
    best = process.extractOne(name, st.lex.subdivision_names, scorer=fuzz.ratio,
                              score_cutoff=fuzzy_threshold)
    key = f"GPE:{best[0]}" if best else f"GPE:{name}"
    st.add(Mention(start, h + 1, "GPE", key))


def place_extent(st: EntityDoc, i: int, e: Entry) -> Extent:
    """The gazetteer place ``e`` at ``i`` widened to the area it names: a head after it
    ("West Java Province"), compass words around it ("Southern Chile", "North West Africa",
    "the Pacific Southwest"), an abbreviated compass word ("N. Korea"), a coastline ("the
    West Coast") and the country before such a region ("the Ireland West Coast")."""
    words = st.words
    start, end, label, key = i, i + len(e.tokens), e.label, e.key
    if i > 0 and words[i - 1] in COMPASS_ABBREVIATIONS:
        full = st.lex.lookup((COMPASS_ABBREVIATIONS[words[i - 1]], *e.tokens))
        if full is not None and full.label in ("GPE", "LOC"):
            return i - 1, end, full.label, full.key
    if label == "GPE" and len(e.tokens) >= 2 and e.tokens[-1] == "Coast" \
            and all(t in DIRECTIONS for t in e.tokens[:-1]):
        # A coastline, though a region is named after it: islands and valleys named so
        # ("South Island", "Cagayan Valley") are often territories and stay places.
        label, key = "LOC", f"LOC:{st.span_text(i, end)}"
    if label == "GPE" and end < st.n and words[end] in PLACE_HEADS and st.namey(end):
        end += 1  # "West Java Province", "Red River County"
    else:
        end, label, key = _compass_after(st, i, end, label, key)
    start, label, key = _compass_before(st, i, end, label, key, e.tier)
    if label == "LOC" and words[start] in DIRECTIONS and start > 0 and st.namey(start - 1):
        country = st.lex.lookup([words[start - 1]])
        if country is not None and country.label == "GPE" and country.tier == 1:
            start -= 1  # "the Ireland West Coast": one region
            key = f"LOC:{st.span_text(start, end)}"
    return start, end, label, key


def _compass_after(st: EntityDoc, i: int, end: int, label: str, key: str) -> tuple[int, str, str]:
    """ "Pacific Southwest Region", "the Atlantic Northeast": compass words after a region."""
    words = st.words
    j = end
    while j < st.n and j - end < 2 and words[j] in DIRECTIONS and st.namey(j):
        j += 1
    if j > end and j < st.n and words[j] == "Region" and st.namey(j):
        return j + 1, "LOC", f"LOC:{st.span_text(i, j + 1)}"  # one region
    if label == "LOC" and j > end and all(w in COMPASS_POINTS for w in words[end:j]) \
            and not st.namey(j):
        return j, "LOC", f"LOC:{st.span_text(i, j)}"
    return end, label, key


def _compass_before(st: EntityDoc, i: int, end: int, label: str, key: str,
                    tier: int) -> tuple[int, str, str]:
    """ "Southern Chile", "North West Africa": compass words before a country or a region
    name one region, unless the whole is a place of its own ("North Las Vegas")."""
    words = st.words
    k = i
    while k > 0 and i - k < 2 and words[k - 1] in DIRECTIONS and st.namey(k - 1):
        k -= 1
    if label == "GPE":  # one word, inside a sentence: "Southern Chile", not "North Port Avel"
        k = i - 1 if k < i and tier == 1 and not st.sent_start(i - 1) else i
    if k == i or st.lex.lookup(words[k:end]) is not None:
        return i, label, key
    if label == "LOC":
        return k, "LOC", f"LOC:{st.span_text(k, end)}"
    return k, "LOC", f"LOC:{words[k]} {key.split(':', 1)[1]}"


def region_after_the(st: EntityDoc, c: int) -> None:
    """ "energy supplies for the West.", "wounded in the South": a compass point after "the",
    followed by no name and no noun it would modify, is a region."""
    if c == 0 or st.words[c - 1].lower() != "the" or not st.namey(c) or st.taken[c] is not None:
        return
    nxt = st.words[c + 1] if c + 1 < st.n else "."
    if nxt[:1].isalnum() and nxt.lower() not in STOP_WORDS and nxt not in ("'s", "’s"):
        return  # "the West Bank", "the West wing"
    st.add(Mention(c, c + 1, "LOC", f"LOC:{st.words[c]}"))


def given_name_after_person_noun(st: EntityDoc, k: int) -> None:
    """ "their newborn son, Austin.", "the boy Dallas said": a given name right after a noun
    for a person, closing the phrase, is that person, not the place spelled alike."""
    j = k + 2 if k + 1 < st.n and st.words[k + 1] == "," else k + 1
    if not st.namey(j) or st.words[j] not in st.lex.first_names or st.sent_start(j):
        return
    nxt = st.words[j + 1] if j + 1 < st.n else "."
    if nxt[:1].isalnum() and nxt.lower() not in STOP_WORDS:
        return  # "a woman, Alba police said": the place's police
    held = st.taken[j]
    if held is not None:
        if held.label not in ("GPE", "LOC") or (held.start, held.end) != (j, j + 1):
            return
        st.remove(held)
    st.add(Mention(j, j + 1, "PERSON", f"PERSON:{st.words[j]}"))
