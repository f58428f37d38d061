"""Runs of name words: where a run of capitalised name words that starts (or ends) at a
token stops, and whether a token continues a gazetteer name.

In an invented "said Mira van Tesh on Monday", ``name_chain`` from "Mira" ends after
"Tesh": capitalised words with the particle "van" between them.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from .document import EntityDoc, Mention
from .vocabulary import MAX_NAME, NAME_BREAKERS
from .word_classes import TITLE


def name_chain(st: EntityDoc, k: int, limit: int = 3) -> int:
    """End of the run of name words (with initials and particles) starting at ``k``."""
    lex, words, classes, cap, blocked = st.lex, st.words, st.classes, st.cap, st.blocked
    end = k
    count = 0
    while end < st.n and count < limit:
        w = words[end]
        if end > k and w in NAME_BREAKERS:
            break  # "Mara Ip In the district": a caption runs into the next phrase
        if cap[end] and not blocked[end] and end >= 0 and w not in lex.org_heads and w not in lex.non_entity_heads \
                and not (classes[end] & TITLE and w not in lex.first_names):
            end += 1
            count += 1
            continue
        if w.lower() in st.lex.particles and end > k and particles_then_name(st, end):
            end += 1
            continue
        if w == "-" and end > k and st.glued(end) and st.namey(end + 1) and st.glued(end + 1):
            end += 1
            continue
        break
    while end > k and (words[end - 1].lower() in st.lex.particles or words[end - 1] == "-"):
        end -= 1
    return hyphenated_given_name_end(st, k, end)


def particles_then_name(st: EntityDoc, k: int) -> bool:
    """Particles from ``k`` on ("van der", "de la") and then a name word ("Berg", "Cruz")."""
    j = k
    while j < st.n and j - k < 3 and st.words[j].lower() in st.lex.particles:
        j += 1
    return st.namey(j)


def hyphenated_given_name_end(st: EntityDoc, k: int, end: int) -> int:
    """ "Chan Tai-man", "Ri Sol-hwa": a chain that ends in a surname and the first syllable
    of a given name takes the lower-case syllable hyphenated to it; else ``end``."""
    if end - k < 2 or end + 1 >= st.n or not st.words[end + 1].islower():
        return end
    return end + 2 if syllable_name(st, end - 2) else end


def syllable_name(st: EntityDoc, i: int) -> bool:
    """Tokens from ``i`` spell a surname and a hyphenated given name in romanised East Asian
    syllables ("Chan Tai-man", "Seo Min-Jae"), and no place ("Hong Kong-run")."""
    words, is_syllable = st.words, st.lex.people.is_syllable
    if i < 0 or i + 3 >= st.n or words[i + 2] != "-" or not (st.glued(i + 2) and st.glued(i + 3)):
        return False
    surname, given, second = words[i], words[i + 1], words[i + 3]
    return is_syllable(surname) and is_syllable(given) and is_syllable(second) \
        and len(given) > 1 and surname.lower() not in STOP_WORDS \
        and st.lex.lookup(words[i : i + 2]) is None  # "The U-boat", "Hong Kong-run"


def inside_known_name(st: EntityDoc, i: int) -> bool:
    """Token ``i`` ends or continues a gazetteer name that starts before it ("Puerto Rico")."""
    words = st.words
    for j in (i - 1, i - 2):
        if j < 0 or not st.namey(j):
            continue
        for length in st.lex.name_lengths.get(words[j], ()):
            if i < j + length <= st.n and tuple(words[j : j + length]) in st.lex.by_tokens:
                return True
    return False


def chain_before(st: EntityDoc, i: int, places: bool = False) -> int:
    """Start of the capitalised run (with "of", "and", "&" inside) that ends before ``i``
    and no mention holds; with ``places``, places and nationalities may be inside it."""
    start = i
    j = i - 1
    while j >= 0 and i - j <= MAX_NAME:
        held = st.taken[j]
        if st.namey(j) and (held is None or places and held.label in ("GPE", "NORP", "LOC")):
            start = j
            if st.sent_start(j):
                break
        elif st.words[j] in ("of", "and", "for", "&", "on", "the", "-") and st.namey(j - 1):
            pass
        else:
            break
        j -= 1
    while start < i and not st.namey(start):
        start += 1
    if start < i and st.sent_start(start) and st.lex.is_common(st.words[start]):
        start += 1
    return start


def unknown_chain_before(st: EntityDoc, i: int, *, over_weak: bool = False) -> int:
    """Start of up to four free name words before ``i`` (over small towns with ``over_weak``)."""
    start = i
    while start > 0 and i - start < 4 and st.namey(start - 1) and (
            st.taken[start - 1] is None or over_weak and _is_weak(st.taken[start - 1])):
        start -= 1
    return start


def _is_weak(m: Mention | None) -> bool:
    """A small town's name, which yields to other evidence."""
    return m is not None and m.weak
