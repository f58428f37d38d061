"""Pass F, later mentions: surnames and other parts of full names, repeats of any name,
acronyms, and lower-case or all-capital repeats of organisations and places join the
entity first named in full.

In an invented "Ana Velk said ... Velk added", the second mention takes the key
``PERSON:Ana Velk``.
"""

from __future__ import annotations

import re

from .document import EntityDoc, Mention
from .vocabulary import PLACE_PREPOSITIONS, SPEECH_ADVERBS

# Known names by first word (as written, or lower-cased), longest first.
Index = dict[str, list[tuple[tuple[str, ...], Mention]]]


def later_mentions(st: EntityDoc, defined: dict[str, Mention | None]) -> None:
    """Pass F: every later mention of a name found so far joins its entity."""
    people = sorted((m for m in st.mentions if m.label == "PERSON"), key=lambda m: m.start - m.end)
    drop_surname_places(st, people)
    key_people(st, people)
    exact, folded = name_index(st, people, defined)
    # Only a word that starts a known name can start a later mention.
    words = st.words
    # Asked once per distinct word rather than once per token.
    opens = {w for w in set(words) if w in exact or w.lower() in folded}
    starts = [i for i, w in enumerate(words) if w in opens]
    resume = 0  # the token after the last mention found
    for i in starts:
        if i < resume or st.taken[i] is not None or st.blocked[i]:
            continue
        hit = repeat_at(st, i, exact, folded)
        if hit is None:
            continue
        if hit.label == "PERSON":
            widen_to_given_name(st, hit)
        st.add(hit)
        resume = hit.end


def drop_surname_places(st: EntityDoc, people: list[Mention]) -> None:
    """A short name found by its own evidence ("Okonjo said") joins the full name: a place
    spelled like a person's surname, or like the given name of a person named in full, is
    that person unless a place preposition or a region after a comma says place."""
    words = st.words
    names = {words[m.end - 1] for m in people}
    # "Iran Plast International" is no person to take "Iran" from: a surname is no word.
    names.update(words[m.start] for m in people
                 if m.end - m.start >= 2 and words[m.start] in st.lex.first_names
                 and not st.lex.is_common(words[m.end - 1]))
    places = [m for m in st.mentions
              if m.label in ("GPE", "LOC") and m.end - m.start == 1 and words[m.start] in names]
    # A name the text also puts "in" or before ", Texas" is the place all through.
    placed_names = {words[m.start] for m in places if placed(st, m)}
    for m in places:
        if m.weak or speaks(st, m.end) or words[m.start] not in placed_names:
            st.remove(m)  # "Shelton" after "Mackie Shelton"; "Paris was born" after "Ada Paris"


def placed(st: EntityDoc, m: Mention) -> bool:
    """The words around a one-word mention say place: "in Paris", "Paris, Texas"."""
    before = st.words[m.start - 1].lower() if m.start > 0 else ""
    if before in PLACE_PREPOSITIONS or before in ("of", "the"):
        return True
    region = st.mention_at(m.end + 1)
    return m.end < st.n and st.words[m.end] == "," and region is not None \
        and region.label in ("GPE", "LOC") and region.start == m.end + 1


def key_people(st: EntityDoc, people: list[Mention]) -> None:
    """Give each unkeyed person the key of the longer name it is part of, or its own."""
    words, lex = st.words, st.lex
    parts: dict[tuple[str, ...], str] = {}
    given = given_name_owners(st, people)
    # "Kelabadi" after "Oren Kel-Abadi": a transliterated surname is written with
    # and without its hyphen, so the parts are also kept joined, in lower case.
    joined: dict[str, str] = {}
    for m in people:
        toks = tuple(words[m.start : m.end])
        if not m.key:
            m.key = parts.get(toks) or (len(toks) == 1 and joined.get(toks[0].lower())) \
                or (len(toks) == 1 and given.get(toks[0])) or "PERSON:" + st.span_text(m.start, m.end)
        for h in range(1, len(toks) - 1):
            if toks[h] == "-" and st.glued(m.start + h) and st.glued(m.start + h + 1):
                joined.setdefault((toks[h - 1] + toks[h + 1]).lower(), m.key)
        first = 1 if toks[0] in lex.first_names else 0
        for a in range(first, len(toks)):
            for b in range(a + 1, len(toks) + 1):
                if b - a < len(toks):
                    parts.setdefault(toks[a:b], m.key)


def given_name_owners(st: EntityDoc, people: list[Mention]) -> dict[str, str]:
    """Given names that open the full name of exactly one person of the text, with that
    person's key: "Lena" before or after "Lena Marsh" is her, as interviews and features
    name people; two people of that given name leave a lone "Lena" alone."""
    owners: dict[str, set[tuple[str, ...]]] = {}
    for m in people:
        toks = tuple(st.words[m.start : m.end])
        if len(toks) >= 2 and toks[0] in st.lex.first_names and toks[1][:1].isupper():
            owners.setdefault(toks[0], set()).add(toks)
    return {first: "PERSON:" + " ".join(next(iter(names)))
            for first, names in owners.items() if len(names) == 1}


def name_index(st: EntityDoc, people: list[Mention],
               defined: dict[str, Mention | None]) -> tuple[Index, Index]:
    """The spellings a later mention may take: parts of full names ("Ruiz Olmedo", "Ruiz"),
    repeats of any name, acronyms (exact), and lower-case or all-capital repeats of
    organisations and places (folded)."""
    words = st.words
    exact: dict[str, dict[tuple[str, ...], Mention]] = {}
    folded: dict[str, dict[tuple[str, ...], Mention]] = {}
    for m in people:
        person = words[m.start : m.end]
        for a in range(1, len(person)):
            for b in range(len(person), a, -1):
                part = tuple(person[a:b])
                if re.fullmatch(r"[A-Z]\.", part[0]) or part[0].lower() in st.lex.particles:
                    continue
                if part[0].islower() or "-" in (part[0], part[-1]):
                    continue  # "-" or "man" of "Chan Tai-man" is no mention of him
                exact.setdefault(part[0], {}).setdefault(part, m)
    for m in st.mentions:
        toks = tuple(words[m.start : m.end])
        exact.setdefault(toks[0], {}).setdefault(toks, m)
        if m.label == "ORG" and len(toks) >= 3:
            for cut in range(1, len(toks) - 1):  # "Patent Office" after "U.S. Patent Office"
                prefix = st.lex.lookup(list(toks[:cut]))
                if prefix is not None and prefix.label in ("GPE", "NORP"):
                    exact.setdefault(toks[cut], {}).setdefault(toks[cut:], m)
        if m.label in ("ORG", "LOC", "GPE") and len(toks) >= 2 and all(
                t[:1].isupper() or t in ("of", "and", "the", "for", "&", "-", ",") for t in toks):
            low = tuple(t.lower() for t in toks)
            folded.setdefault(low[0], {}).setdefault(low, m)
    for acr, known in defined.items():
        if known is not None:
            exact.setdefault(acr, {}).setdefault((acr,), known)
    return _longest_first(exact), _longest_first(folded)


def _longest_first(index: dict[str, dict[tuple[str, ...], Mention]]) -> Index:
    return {w: sorted(d.items(), key=lambda pm: -len(pm[0])) for w, d in index.items()}


def repeat_at(st: EntityDoc, i: int, exact: Index, folded: Index) -> Mention | None:
    """The longest known name repeated at token ``i``, as written first, then folded."""
    words, w = st.words, st.words[i]
    for part, m in exact.get(w, ()):
        end = i + len(part)
        if tuple(words[i:end]) == part and st.free(i, end):
            if m.label == "PERSON" and len(part) == 1 and st.sent_start(i) \
                    and st.lex.is_common(w) and not speaks(st, end):
                continue  # but "Okafor said": a surname that speaks
            return Mention(i, end, m.label, m.key)
    for part, m in folded.get(w.lower(), ()):
        end = i + len(part)
        if tuple(t.lower() for t in words[i:end]) == part and st.free(i, end):
            return Mention(i, end, m.label, m.key)
    return None


def widen_to_given_name(st: EntityDoc, hit: Mention) -> None:
    """ "Marta Ruiz Olmedo" after "Ruiz Olmedo added": take the given name."""
    words, lex = st.words, st.lex
    s = hit.start
    while s > 0 and hit.start - s < 2 and st.namey(s - 1) and st.taken[s - 1] is None \
            and not lex.is_common(words[s - 1]) and not lex.is_title(words[s - 1]):
        s -= 1
    if s < hit.start:
        hit.start = s
        full = "PERSON:" + st.span_text(s, hit.end)
        if st.key_of(hit.key) != full:
            st.rekey[st.key_of(hit.key)] = full
        hit.key = full


def speaks(st: EntityDoc, k: int) -> bool:
    """A reporting verb stands at token ``k``, or after one adverb ("Ruiz also said")."""
    words, reporting = st.words, st.lex.reporting
    if k < st.n and words[k] in reporting:
        return True
    return k + 1 < st.n and words[k] in SPEECH_ADVERBS and words[k + 1] in reporting
