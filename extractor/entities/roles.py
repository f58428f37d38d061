"""Roles bound to people: a role phrase before a comma and a name ("the head of the
Harbour Authority, Ana Velk, said"), and the lead's unnamed "Head of X says" subject
given to the person who speaks in the next sentence.

In the invented example above, "Ana Velk" gets the role "head of the Harbour Authority".
"""

from __future__ import annotations

from .chains import name_chain
from .document import EntityDoc, Mention
from .vocabulary import DETERMINERS, LEAD_SENTENCES


def role_appositions(st: EntityDoc) -> None:
    """ "the head of Norvia's Plan and Budget Organization, Ana Velk, said": the name
    after a role phrase and a comma is a person who holds the role."""
    lex, words = st.lex, st.words
    for c in range(2, st.n - 2):
        if words[c] != "," or not st.namey(c + 1):
            continue
        end = name_chain(st, c + 1, limit=4)
        if end - (c + 1) < 2 or end >= st.n or not (words[end] in (",", ")", ".")
                                                   or words[end] in lex.reporting):
            continue
        held = st.held_in(c + 1, end)
        if any(m.label != "PERSON" or m.start != c + 1 or m.end != end for m in held):
            continue
        j = c - 1
        t = None
        while j > 0 and c - j < 12:
            w = words[j]
            if lex.is_title(w) and words[j + 1] in ("of", "for") and not st.namey(j):
                t = j
                break
            if not (st.namey(j) or w in ("of", "for", "the", "and", "&", "'s", "’s")):
                break
            j -= 1
        if t is None or t + 2 >= c:
            continue
        while t > 0 and lex.is_title(words[t - 1]) and not st.namey(t - 1):
            t -= 1  # "deputy head of"
        role = st.span_text(t, c)
        if held:
            person = held[0]
        else:
            person = Mention(c + 1, end, "PERSON", "")
            if not st.add(person):
                continue
        if role not in person.roles:
            person.roles.append(role)


def lead_role(st: EntityDoc) -> None:
    """ "Head of X says ..." then "..., NAME said": the role belongs to NAME (news lead)."""
    words, lex = st.words, st.lex
    sentences = sentence_ranges(st)
    people = [m for m in st.mentions if m.label == "PERSON"]
    for s_idx, (s, e) in enumerate(sentences[:LEAD_SENTENCES]):
        if s_idx + 1 >= len(sentences):
            break
        k = s
        while k < e and (k == s and _is_place(st.taken[k]) or words[k] in ("-", "–", "—", ",", "(", ")")
                         or words[k].lower() in DETERMINERS):
            k += 1  # past the dateline
        if k + 2 >= e or not lex.is_title(words[k]) or not words[k][:1].isupper():
            continue
        if any(s <= m.start < e for m in people):
            continue
        title_end = k + 1
        while title_end < e and lex.is_title(words[title_end]):
            title_end += 1
        if words[title_end] != "of":
            continue
        org = st.mention_at(title_end + 1)
        if org is None or org.label not in ("ORG", "GPE"):
            continue
        after = org.end
        short = None
        if after + 2 < e and words[after] == "(" and words[after + 2] == ")":
            short = words[after + 1]
            after += 3
        if after >= e or words[after] not in lex.reporting:
            continue
        role = f"{st.span_text(k, title_end)} of {short or st.span_text(org.start, org.end)}"
        ns, ne = sentences[s_idx + 1]
        for m in sorted((m for m in people if ns <= m.start < ne), key=lambda m: m.start):
            near = words[max(ns, m.start - 1) : min(ne, m.end + 2)]
            if any(w in lex.reporting for w in near):
                if role not in m.roles:
                    m.roles.append(role)
                break


def sentence_ranges(st: EntityDoc) -> list[tuple[int, int]]:
    """The layout's sentences as token ranges; the space after a sentence belongs to it."""
    starts = sorted({0, *(k for k in st.sentence_starts if 0 < k < st.n)})
    return [(a, b) for a, b in zip(starts, starts[1:] + [st.n], strict=True) if a < b]


def _is_place(m: Mention | None) -> bool:
    return m is not None and m.label in ("GPE", "LOC")
