"""Spans the layout component already found: boilerplate is blocked, and the dateline
place and a credit line's publisher become entities.

In an invented "ORLAND, Norvia - ..." the dateline span "ORLAND" becomes the place
``GPE:Orland`` (the gazetteer's spelling when it knows the name); in "(Credit: Harbour
Wire)" the publisher span becomes ``ORG:Harbour Wire``.
"""

from __future__ import annotations

from ..extensions import BOILERPLATE
from ..layout.component import META_SPANS
from .document import EntityDoc, Mention
from .gazetteer import Tokenize


def block_boilerplate(st: EntityDoc) -> None:
    """Tokens of boilerplate lines (licences, credits) never take part in a name."""
    for span in st.doc.spans.get(BOILERPLATE, []):
        for k in range(span.start, span.end):
            st.blocked[k] = 1


def layout_entities(st: EntityDoc, tokenize: Tokenize) -> None:
    """The dateline place and the publisher named in a credit line are entities."""
    for span in st.doc.spans.get(META_SPANS, []):
        if span.label_ == "DATELINE":
            title = " ".join(w.capitalize() for w in span.text.split())
            entry = st.lex.lookup(tokenize(title))
            words = title.split()
            if entry is None and len(words) > 1 and any(st.lex.is_common(w) for w in words):
                continue  # "RETAIL SALES, NORTH DISTRICT -" is a headline; "BOSTON -" is not
            key = entry.key if entry else f"GPE:{title}"
            label = entry.label if entry and entry.label in ("GPE", "LOC") else "GPE"
            st.force(Mention(span.start, span.end, label, key))
        elif span.label_ == "PUBLISHER":
            entry = st.lex.lookup([t.text for t in span])
            key = entry.key if entry and entry.label == "ORG" else f"ORG:{span.text}"
            st.force(Mention(span.start, span.end, "ORG", key))
