"""Spans the layout component already found: boilerplate is blocked, and the dateline
place and region and a credit line's publisher become entities.

In an invented "ORLAND, Norvia - ..." the dateline place "ORLAND" becomes the place
``GPE:Orland`` (the gazetteer's spelling when it knows the name) and "Norvia" a place too;
"Port Avel, Ore., May 2 --" names "Port Avel" in any case; in "(Credit: Harbour Wire)" the
publisher span becomes ``ORG:Harbour Wire``.
"""

from __future__ import annotations

from ..extensions import BOILERPLATE
from ..layout.component import META_SPANS
from ..layout.model import Dateline
from .document import EntityDoc, Mention
from .gazetteer import Entry, Tokenize


def block_boilerplate(st: EntityDoc) -> None:
    """Tokens of boilerplate lines (licences, credits) never take part in a name."""
    for span in st.doc.spans.get(BOILERPLATE, []):
        for k in range(span.start, span.end):
            st.blocked[k] = 1


def _place_entry(st: EntityDoc, tokenize: Tokenize, start: int, end: int) -> tuple[str, Entry | None]:
    """The place's name as news writes it ("CAPE TOWN" -> "Cape Town") and its gazetteer entry."""
    text = st.text[start:end]
    postal = st.lex.postal_states.get(text)  # "OR" before its case is changed
    if text.isupper():
        text = " ".join(w.capitalize() for w in text.split())
    abbrev = st.lex.states.get(text) or postal  # "Ore.", "OR"
    if abbrev:
        return text, st.lex.lookup(tokenize(abbrev))
    return text, st.lex.lookup(tokenize(text))


def _dateline_places(st: EntityDoc, tokenize: Tokenize, d: Dateline) -> None:
    """The dateline names a place every time ("CAPE TOWN, March 3 --", "Port Avel, Ore. --");
    its region is a place when the gazetteer knows it ("Ore.", "Texas")."""
    if d.place is not None and d.region is not None:
        whole = st.tokens_between(d.place[0], d.region[1])
        entry = st.lex.lookup(st.words[whole.start : whole.stop]) if len(whole) else None
        if entry is not None and entry.label in ("GPE", "LOC"):  # "Washington, D.C."
            st.force(Mention(whole.start, whole.stop, entry.label, entry.key))
            return
    region = None
    if d.region is not None:
        _text, region = _place_entry(st, tokenize, *d.region)
        if region is not None and region.label not in ("GPE", "LOC"):
            region = None
    place_tokens = st.tokens_between(*d.place) if d.place is not None else range(0)
    if d.place is not None and len(place_tokens):
        start, end = place_tokens[0], place_tokens[-1] + 1
        title, entry = _place_entry(st, tokenize, *d.place)
        words = title.split()
        # "RETAIL SALES, NORTH DISTRICT -" is a headline: common words, nothing after them
        # that only a dateline has (a known region, a date, an agency, a wire); "BOSTON -" is not.
        furniture = region is not None or d.date or d.agency or d.wire
        if entry is None and len(words) > 1 and any(st.lex.is_common(w) for w in words) \
                and not furniture:
            return
        key = entry.key if entry and entry.label in ("GPE", "LOC") else f"GPE:{title}"
        label = entry.label if entry and entry.label in ("GPE", "LOC") else "GPE"
        st.force(Mention(start, end, label, key))
    if region is not None and d.region is not None:
        tokens = st.tokens_between(*d.region)
        if len(tokens):
            st.add(Mention(tokens[0], tokens[-1] + 1, region.label, region.key))


def layout_entities(st: EntityDoc, tokenize: Tokenize) -> None:
    """The dateline's place and region and the publisher named in a credit line are entities."""
    if st.layout.dateline is not None:
        _dateline_places(st, tokenize, st.layout.dateline)
    for span in st.doc.spans.get(META_SPANS, []):
        if span.label_ == "PUBLISHER":
            entry = st.lex.lookup([t.text for t in span])
            key = entry.key if entry and entry.label == "ORG" else f"ORG:{span.text}"
            st.force(Mention(span.start, span.end, "ORG", key))
