"""Newspapers, magazines and news channels named after a place or by initials.

In an invented "Tom Kessler told the Harbin Star that ..." the run "Harbin Star" is a
paper: a known place and a publication head ("Star"). Without this, "Harbin" is a place
and "Star" a stray capital, or the pair reads as a person's name ("SF Weekly").
"""

from __future__ import annotations

from ..lexicon import shared
from .document import EntityDoc, Mention

# The words that show a paper or a broadcaster (org_words.tsv, kind=paper: "Star", "news",
# "Weekly"), capitalised as they end a name ("Toronto Star", "GB News").
PUBLICATION_HEADS = frozenset(w[:1].upper() + w[1:] for w in shared.org_words("kind=paper"))
# Words between a place and the head of a paper's name ("Gulf Daily News", "Manchester
# Evening News"): how often or when it appears.
PUBLICATION_MODIFIERS = frozenset({"Daily", "Weekly", "Evening", "Morning", "Sunday"})


def publication_at(st: EntityDoc, i: int) -> Mention | None:
    """The paper whose name ends in the publication head at ``i`` ("Toronto Star", "Gulf
    Daily News", "GB News"), as an organisation, or None."""
    words = st.words
    if words[i] not in PUBLICATION_HEADS or st.sent_start(i) or st.namey(i + 1):
        return None  # "Star Wars", "News Today": the run goes on, it is some other name
    k = i
    while k > 0 and i - k < 2 and words[k - 1] in PUBLICATION_MODIFIERS and st.namey(k - 1) \
            and not st.sent_start(k - 1):
        k -= 1
    start = place_or_initials_before(st, k)
    if start is None:
        return None
    return Mention(start, i + 1, "ORG", "ORG:" + st.span_text(start, i + 1))


def place_or_initials_before(st: EntityDoc, k: int) -> int | None:
    """Start of the known place ("Toronto", "New York") or the initials ("LA", "GB") that
    end right before token ``k``, or None."""
    words = st.words
    for length in (3, 2, 1):
        j = k - length
        if j < 0 or not all(st.namey(t) for t in range(j, k)):
            continue
        e = st.lex.lookup(words[j:k])
        if e is not None and e.label == "GPE":
            return j
    j = k - 1
    if j >= 0 and st.namey(j) and st.lex.people.is_acronym(words[j]) and not st.shout(j):
        return j
    return None
