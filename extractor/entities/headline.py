"""People in title-case headlines: every word there is capitalised, so a person named
only in the headline is dropped unless the body names them too.

In an invented headline "Harbour Fees Climb Again" no person survives; in "Velk Warns On
Fees" the person stays when the body says "Ana Velk".
"""

from __future__ import annotations

from bisect import bisect_right

from .document import EntityDoc, Mention


def headline_people(st: EntityDoc) -> None:
    """ "Norvia Grain Exports Climb": in a title-case line every word is capitalised, so
    the line alone is no evidence of a person; the body has to name them too."""
    heads = st.title_lines
    if not heads:
        return
    starts = [a for a, _ in heads]

    def in_headline(m: Mention) -> bool:
        k = bisect_right(starts, st.idx[m.start]) - 1
        return k >= 0 and st.idx[m.start] < heads[k][1]

    people = [m for m in st.mentions if m.label == "PERSON"]
    body_keys, body_words = set(), set()
    for m in people:
        if not in_headline(m):
            body_keys.add(st.key_of(m.key) if m.key else "")
            body_words.update(st.words[m.start : m.end])
    for m in people:
        if in_headline(m) and not (m.key and st.key_of(m.key) in body_keys) \
                and not body_words.intersection(st.words[m.start : m.end]):
            st.remove(m)
