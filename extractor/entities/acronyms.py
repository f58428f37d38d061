"""Passes B and C, acronyms: an acronym defined in parentheses after a name is that
entity from then on; an all-capital word elsewhere is an organisation unless it is a
stop-listed code or part of a longer name.

In an invented "the Coastal Freight Authority (CFA) ... CFA said", both "CFA" mentions
share the key ``ORG:Coastal Freight Authority``.
"""

from __future__ import annotations

import re

from .chains import chain_before
from .document import EntityDoc, Mention
from .vocabulary import LANGUAGE_NAMES, MAX_NAME
from .word_classes import UPPER


def acronym_definitions(st: EntityDoc) -> dict[str, Mention | None]:
    """ "Coastal Freight Authority (CFA)": the acronym is an alias from here on. An acronym
    whose long form is no organisation ("Consumer Price Index (CPI)") maps to None."""
    words = st.words
    defined: dict[str, Mention | None] = {}
    for i in range(1, st.n - 2):
        if words[i] != "(" or words[i + 2] != ")" or not st.lex.people.is_acronym(words[i + 1]):
            continue
        acr = words[i + 1]
        if st.blocked[i + 1] or acr in defined:
            continue
        define_acronym(st, i, acr, defined)
    return defined


def define_acronym(st: EntityDoc, i: int, acr: str, defined: dict[str, Mention | None]) -> None:
    """The acronym in parentheses at ``i + 1`` names the mention before "(" at ``i``, a
    longer name found from its initials, or nothing."""
    prev = st.mention_at(i - 1)
    if _known_acronym(st, i, acr, prev, defined) or _loose_definition(st, i, acr, prev, defined):
        return
    if prev is None or prev.label in ("GPE", "NORP", "LOC"):
        prev = _absorb_places(st, i, acr, prev)
    if prev is not None and prev.end == i:
        m = Mention(i + 1, i + 2, prev.label, prev.key)
        if st.add(m):
            defined[acr] = m
        return
    _new_organisation(st, i, acr, defined)


def _known_acronym(st: EntityDoc, i: int, acr: str, prev: Mention | None,
                   defined: dict[str, Mention | None]) -> bool:
    """ "Norvian Wire Service (NWS)" where the gazetteer knows NWS: one entity."""
    held = st.taken[i + 1]
    if held is not None and prev is not None and prev.end == i and held.label == "ORG" \
            and prev.label == "ORG" and held.key != prev.key:
        st.rekey[st.key_of(held.key)] = st.key_of(prev.key)
        defined[acr] = held
        return True
    return False


def _loose_definition(st: EntityDoc, i: int, acr: str, prev: Mention | None,
                      defined: dict[str, Mention | None]) -> bool:
    """A mention before "(" that the acronym does not spell is replaced by the longer
    organisation name the acronym fits loosely."""
    if prev is None or prev.end != i or prev.label == "ORG" or initials_match(
            acr, st.words[prev.start : prev.end]):
        return False
    long = loose_long_name(st, i, acr)
    if long is None:
        return False
    for k in range(long, i):
        taken = st.taken[k]
        if taken is not None:
            st.remove(taken)
    org = Mention(long, i, "ORG", "ORG:" + st.span_text(long, i))
    st.add(org)
    m = Mention(i + 1, i + 2, "ORG", org.key)
    if st.add(m):
        defined[acr] = m
    return True


def _absorb_places(st: EntityDoc, i: int, acr: str, prev: Mention | None) -> Mention | None:
    """ "Chile Seismic Survey (CSS)": the place is part of the name, so the places inside
    it are dropped (and None returned) when the acronym spells the whole run."""
    start = chain_before(st, i, places=True)
    inner = st.held_in(start, i)
    covered = sum(m.end - m.start for m in inner)
    if inner and covered < i - start and initials_match(acr, st.words[start:i]) \
            and all(m.start >= start for m in inner):
        for m in inner:
            st.remove(m)
        return None
    return prev


def _new_organisation(st: EntityDoc, i: int, acr: str, defined: dict[str, Mention | None]) -> None:
    """The capitalised run before "(" spelled by the acronym is a new organisation."""
    words = st.words
    start = chain_before(st, i)
    long_words = words[start:i]
    if start < i and i - start >= 2 and initials_match(acr, long_words) \
            and not any(w in st.lex.non_entity_heads for w in long_words) \
            and not long_words[-1].endswith("s") and st.free(start, i):
        org = Mention(start, i, "ORG", "ORG:" + st.span_text(start, i))
        st.add(org)
        m = Mention(i + 1, i + 2, "ORG", org.key)
        st.add(m)
        defined[acr] = m
    else:
        defined[acr] = None  # "Widget Output Index (WOI)": not an organisation


def loose_long_name(st: EntityDoc, i: int, acr: str) -> int | None:
    """Start of the longest organisation name before "(" whose initials fit the acronym
    loosely ("United Nations ... Mission in Mali (MINUSMA)", an acronym from another
    language), or None."""
    lex, words = st.lex, st.words
    starts = []
    j = i - 1
    while j >= 0 and i - j <= MAX_NAME:
        if st.namey(j):
            if st.lex.is_title(words[j]):
                break  # "Head of ..." is a role, not part of the name
            starts.append(j)
            if st.sent_start(j):
                break
        elif not (words[j] in ("of", "and", "for", "&", "on", "the", "in", "-") and st.namey(j - 1)):
            break
        j -= 1
    letters = sorted(c for c in acr if c.isalpha())
    for start in reversed(starts):
        if i - start < 3:
            break
        toks = words[start:i]
        if not any(w in lex.org_heads or w in lex.of_heads or w in lex.name_tails for w in toks):
            continue
        initials = [w[0] for w in toks if w[:1].isupper()]
        pool = list(initials)
        overlap = 0
        for c in letters:
            if c in pool:
                pool.remove(c)
                overlap += 1
        if overlap >= 0.6 * len(letters) and overlap >= 0.6 * len(initials) and len(initials) >= 3:
            return start
    return None


def initials_match(acr: str, words: list[str]) -> bool:
    """The acronym's letters follow the capitals of ``words`` in order, from the first
    ("CFA" for "Coastal Freight Authority"), leaving out at most two capitals."""
    initials = [w[0] for w in words if w[:1].isupper()]
    letters = [c for c in acr if c.isalpha()]
    if not initials or not letters or initials[0] != letters[0]:
        return False
    k = 0
    for c in initials:
        if k < len(letters) and c == letters[k]:
            k += 1
    return k == len(letters) and len(letters) >= len(initials) - 2


def initials(words: list[str]) -> str:
    """The capitals of ``words``, with dotted initials kept whole ("U.S. Patent Office": "USPO")."""
    return "".join(c for w in words if w[:1].isupper() for c in (
        w.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.)+", w) else w[0]))


def lone_acronyms(st: EntityDoc, defined: dict[str, Mention | None]) -> None:
    """ "NWRC grants" after "National Water Research Council": the initials name it."""
    lex, words = st.lex, st.words
    by_initials: dict[str, Mention] = {}
    for m in st.mentions:
        if m.label == "ORG" and m.end - m.start >= 2:
            by_initials.setdefault(initials(words[m.start : m.end]), m)
    for acr, m in by_initials.items():
        if len(acr) >= 3 and acr not in defined:
            defined[acr] = m
    for i in [i for i, c in enumerate(st.classes) if c & UPPER]:
        w = words[i]
        if st.taken[i] is not None or st.blocked[i] or not st.lex.people.is_acronym(w) or st.shout(i):
            continue
        if numbered_region(st, i):
            continue  # before its definition: the regional office is a body of its own
        if w in defined:
            known = defined[w]
            if known is not None:
                st.add(Mention(i, i + 1, known.label, known.key))
            continue
        if len(w) < 3 or w in lex.acronym_stop:
            continue
        if language_service(st, i):
            continue
        if (i > 0 and words[i - 1] in ("/", "-") and st.glued(i)) or (
                i + 1 < st.n and words[i + 1] in ("/", "-") and st.glued(i + 1)):
            continue  # "EF-4", "KL/PR", "CPI-U"
        if (st.namey(i + 1) and st.taken[i + 1] is None and not title_or_compound_after(st, i)) or (
                i > 0 and st.namey(i - 1) and st.taken[i - 1] is None):
            continue  # "BMC Field Reports": part of a longer name
        if i + 1 < st.n and st.glued(i + 1) and words[i + 1][:1].isdigit():
            continue
        st.add(Mention(i, i + 1, "ORG", f"ORG:{w}"))


def title_or_compound_after(st: EntityDoc, i: int) -> bool:
    """The capitalised words after the acronym at ``i`` are no part of its name: a title
    ("NWRC Director said"), the title of the person named next ("NWRC Field Agent Ana
    Velk", the person found already), or a capital hyphenated to a common word ("an NWRC
    T-shirt")."""
    words, n = st.words, st.n
    if st.lex.is_title(words[i + 1]):
        return True
    if i + 3 < n and words[i + 2] == "-" and st.glued(i + 2) and st.glued(i + 3) \
            and words[i + 3][:1].islower():
        return True
    k = i + 1
    while k < n and k - i <= 3 and st.namey(k) and st.taken[k] is None:
        k += 1
    person = st.taken[k] if k < n else None
    return person is not None and person.label == "PERSON" and person.start == k


def language_service(st: EntityDoc, i: int) -> bool:
    """ "told NWBC Khmer", "on NWBC Persian": an acronym and a language name after it, and
    no further name word, are one organisation, a broadcaster's service in that language;
    the pair is added and True returned."""
    k = i + 1
    if k >= st.n or st.words[k] not in LANGUAGE_NAMES or not st.namey(k) or st.namey(k + 1) \
            or not st.free(i, k + 1):
        return False
    return st.add(Mention(i, k + 1, "ORG", "ORG:" + st.span_text(i, k + 1)))


def numbered_region(st: EntityDoc, i: int) -> bool:
    """ "NWRB Region 5", "NWRB Region IV": an acronym, "Region" and its number are one
    organisation, the body's regional office; the triple is added and True returned."""
    words = st.words
    if i + 2 >= st.n or words[i + 1] != "Region" or not (
            words[i + 2].isdigit() or re.fullmatch(r"[IVX]+", words[i + 2])) or not st.free(i, i + 3):
        return False
    return st.add(Mention(i, i + 3, "ORG", "ORG:" + st.span_text(i, i + 3)))
