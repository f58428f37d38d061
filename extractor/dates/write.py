"""Writing: each resolved item as a span of the Doc with its ``facts_date`` payload.

Invented example: the item "March 3, 2020" resolved to ``{"value": "2020-03-03", ...}``
becomes the span over those characters (widened to whole tokens where a token boundary
falls inside it) with a :class:`~extractor.payloads.DatePayload`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..payloads import DatePayload
from .items import Item
from .ranges import Info


def date_spans(doc: Doc, text: str, items: list[Item], infos: dict[int, Info]) -> list[Span]:
    """The spans of the items, in text order, each with its payload set."""
    spans = []
    for i, item in enumerate(items):
        span = doc.char_span(item.start, item.end, alignment_mode="strict")
        if span is None:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
        # The text by slicing: Span.text joins its tokens one by one.
        if span is None or not text[span.start_char:span.end_char].strip():
            continue
        span._.facts_date = DatePayload.from_info(infos[i])
        spans.append(span)
    return spans
