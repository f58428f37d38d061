"""Pass A, strong names: gazetteer names, organisation heads, titled and given-name
people and appositions; candidates overlap, and the longest wins.

In an invented "Port Avel Harbour Authority chief Ana Velk", the organisation (five tokens)
beats the place "Port Avel" inside it, and "Ana Velk" is a person with a role.
"""

from __future__ import annotations

from .document import EntityDoc, Mention
from .organisations import foreign_org_at, name_with_foreign_adjective, org_by_head
from .people import (
    coordinated_people,
    may_open_person,
    person_after_name_title,
    person_after_title,
    person_by_apposition,
    person_by_syllables,
    person_from_first_name,
)
from .places import place_extent
from .publications import publication_at
from .vocabulary import DIRECTIONS, FOREIGN_ORG_HEADS, LEGAL_HEADS, ORG_QUALIFIERS, PLACE_HEADS
from .word_classes import TITLE_OR_ROLE

# (start, end, priority, mention): a lower priority wins between candidates of one length.
Candidate = tuple[int, int, int, Mention]


def strong_names(st: EntityDoc) -> None:
    """Pass A: every strong candidate, longest first then by priority; a role found on an
    equal candidate that lost joins the winner."""
    cands: list[Candidate] = []
    lex = st.lex
    roles = lex.people.roles
    cap = st.cap
    for i in [i for i, c in enumerate(st.classes) if c & TITLE_OR_ROLE or cap[i]]:
        if st.blocked[i]:
            continue
        w = st.words[i]
        if st.namey(i):
            gazetteer_at(st, i, cands)
            if w in lex.org_heads or w in lex.of_heads or w in lex.name_tails \
                    or w in lex.legal_forms or w in ORG_QUALIFIERS:
                org = org_by_head(st, i)
                if org:
                    cands.append((org[0], org[1], 2, Mention(org[0], org[1], "ORG",
                                                             "ORG:" + st.span_text(*org))))
            if w in FOREIGN_ORG_HEADS:
                org = foreign_org_at(st, i)
                if org:
                    cands.append((org[0], org[1], 2, Mention(org[0], org[1], "ORG",
                                                             "ORG:" + st.span_text(*org))))
            if not st.namey(i + 1):
                org = name_with_foreign_adjective(st, i)
                if org:
                    cands.append((org[0], org[1], 2, Mention(org[0], org[1], "ORG",
                                                             "ORG:" + st.span_text(*org))))
            paper = publication_at(st, i)
            if paper:
                cands.append((paper.start, paper.end, 2, paper))
            if w in lex.first_names or may_open_person(st.lex, w):
                person = person_from_first_name(st, i)
                if person:
                    cands.append((person.start, person.end, 3, person))
                for person in coordinated_people(st, i):
                    cands.append((person.start, person.end, 3, person))
            else:
                person = person_by_syllables(st, i)
                if person:
                    cands.append((person.start, person.end, 3, person))
            person = person_by_apposition(st, i)
            if person:
                cands.append((person.start, person.end, 5, person))
        if lex.is_title(w) or (w in roles and w.islower()):
            # "Minister Ana Ruiz", "farmer Tuan Vo": a role noun before a name
            person = person_after_title(st, i)
            if person:
                cands.append((person.start, person.end, 2, person))
        elif w in lex.people.name_titles:
            person = person_after_name_title(st, i)
            if person:
                cands.append((person.start, person.end, 2, person))
    for start, end, _, m in sorted(cands, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if not st.add(m) and m.roles:
            held = st.taken[start]
            if held is not None and (held.start, held.end, held.label) == (start, end, m.label):
                held.roles.extend(r for r in m.roles if r not in held.roles)


def gazetteer_at(st: EntityDoc, i: int, cands: list[Candidate]) -> None:
    """The longest gazetteer name at ``i`` as a candidate; a place widened to the region or
    feature it names (``places.place_extent``)."""
    words = st.words
    e = st.lex.longest_at(words, i)
    if e is None:
        return
    end = i + len(e.tokens)
    if any(st.blocked[k] for k in range(i, end)):
        return
    label = e.label
    if label in ("GPE", "LOC") and inside_bigger_name(st, i, end, e.tier):
        return
    start, end, label, key = place_extent(st, i, e) if label in ("GPE", "LOC") \
        else (i, end, label, e.key)
    priority = {0: 1, 1: 2, 2: 6}.get(e.tier, 6) if label != "NORP" else 4
    cands.append((start, end, priority,
                  Mention(start, end, label, key, weak=e.tier == 2 and end - start == 1)))


def inside_bigger_name(st: EntityDoc, i: int, end: int, tier: int) -> bool:
    """ "Sherman Act", "Lisbon Accord": a place naming a law; "Mackie Shelton", "Thomson
    Financial": a small town's name next to other name words, or after a given name, is
    part of a bigger name."""
    words = st.words
    nxt = words[end] if end < st.n else ""
    if nxt in LEGAL_HEADS and st.namey(end):
        return True
    if tier != 2 or end - i != 1:
        return False
    if st.namey(end) and nxt not in PLACE_HEADS and st.lex.lookup([nxt]) is None:
        return True
    prev = words[i - 1] if i > 0 else ""
    if prev[:1].isupper() and prev in st.lex.first_names and not st.blocked[i - 1] \
            and st.lex.lookup([prev]) is None:
        return True  # "Ivo Trapani: a Sculptor's Life": a given name, even opening a headline
    return st.namey(i - 1) and not st.sent_start(i - 1) and prev not in DIRECTIONS \
        and st.lex.lookup([prev]) is None and not st.lex.is_title(prev)
