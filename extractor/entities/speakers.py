"""Speakers named next to a reporting verb: "Velk said", "said Ana Velk",
"according to Harbour Wire".

In an invented "Harbour Gazette reported", the name before "reported" is an outlet
(``ORG``); in "Tesh said", a person.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from .chains import name_chain, unknown_chain_before
from .document import EntityDoc, Mention
from .vocabulary import PLACE_TYPES, is_calendar

PERSONAL_PRONOUNS = {"I", "We", "You", "He", "She", "It", "They"}


def found_names(st: EntityDoc) -> set[tuple[str, ...]]:
    """The token tuples of every mention so far, computed once (the passes before D)."""
    if st.found_names is None:
        st.found_names = {tuple(st.words[m.start : m.end]) for m in st.mentions}
    return st.found_names


def speaker_before(st: EntityDoc, v: int) -> None:
    """ "Okafor added", "Lindqvist Berg says", "Harbour Gazette reported"."""
    lex, words = st.lex, st.words
    end = v
    if end > 0 and words[end - 1] in ("has", "had", "also", "further", "then", "later"):
        end -= 1
    # "the deputy minister, Ana Velk, told reporters": a full name set off by commas.
    apposed = end > 1 and words[end - 1] == ","
    if apposed:
        end -= 1
    start = unknown_chain_before(st, end, over_weak=True)
    if apposed and (end - start < 2 or start == 0 or words[start - 1] != "," or any(
            lex.lookup([w]) is not None or lex.people.is_acronym(w) for w in words[start:end])):
        return  # but "at Kelvor, Orsan SSR, reported": a place's region
    while start < end and (words[start].lower() in STOP_WORDS or lex.is_title(words[start])
                           or words[start] in lex.org_heads):
        start += 1  # "The Department said", "Minister Zarif said" (titled elsewhere)
    if start == end:
        return
    chain = words[start:end]
    if len(chain) == 1 and lex.is_common(chain[0]) and not (
            words[v] in ("reported", "reports") and not st.sent_start(start)):
        return  # but ", Trend reports": an outlet
    if is_calendar(chain):
        return
    if tuple(chain) in found_names(st) and not all(
            (held := st.taken[k]) is not None and held.weak for k in range(start, end)):
        return  # a later mention of a name found already: pass F links it
    before = words[start - 1].lower() if start > 0 else ""
    has_first = chain[0] in lex.first_names and len(chain) > 1
    if len(chain) == 1 and st.lex.people.is_acronym(chain[0]):
        label = "ORG"
    elif has_first:
        label = "PERSON"
    elif words[v] in ("reported", "reports") or before in ("from", "at", "of", "by") \
            or any(w in lex.org_heads for w in chain) or lex.is_common(chain[-1]):
        label = "ORG"  # "Ana Ruiz from Northgate Futures said": the firm
    else:
        label = "PERSON"
    for k in range(start, end):
        weak = st.taken[k]
        if weak is not None and weak.weak:
            st.remove(weak)
    st.add(Mention(start, end, label, f"{label}:{st.span_text(start, end)}" if label == "ORG" else ""))


def speaker_after(st: EntityDoc, v: int) -> None:
    """ "said Ana Velk", "according to Velk": a name right after the verb is a person."""
    lex, words = st.lex, st.words
    k = v + 1
    while k < st.n and lex.is_title(words[k]) and words[k][:1].isupper():
        k += 1
    if k >= st.n or not st.namey(k) or st.taken[k] is not None:
        return
    end = name_chain(st, k, limit=4)
    if end == k or any(st.taken[j] is not None for j in range(k, end)):
        return
    chain = words[k:end]
    if is_calendar(chain) or tuple(chain) in found_names(st) or chain[0] in PERSONAL_PRONOUNS:
        return  # "placards that read They Lied": a pronoun opens no name
    if end < st.n and (words[end] in lex.org_heads or words[end] in ("’s", "'s", "of", "for")
                       or lex.is_title(words[end])):
        return  # "said Regional Recovery Coordinator ...": a title, not a name
    if end < st.n and words[end] in PLACE_TYPES:
        return  # "said Senvar town farmer ...": a place (the context pass names it)
    if len(chain) == 1 and (lex.is_common(chain[0]) or st.lex.people.is_acronym(chain[0])):
        return
    st.add(Mention(k, end, "PERSON", ""))

