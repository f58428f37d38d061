"""Names shared by the components and the record builder.

Components write spaCy-native results: spans in ``doc.spans[<group>]`` with a per-kind
payload on ``Span._.<attr>``, and article metadata on ``Doc._.facts_meta``. Extensions are
registered lazily by the component factories (never at import time), so importing the
package leaves spaCy's global state untouched.

The payloads are typed dataclasses, all described in :mod:`extractor.payloads`:
``facts_quantity`` (:class:`~extractor.payloads.QuantityPayload`), ``facts_date``
(:class:`~extractor.payloads.DatePayload`), ``facts_quotation``
(:class:`~extractor.payloads.QuotationPayload`), ``facts_entity``
(:class:`~extractor.payloads.EntityPayload`) and ``Doc._.facts_meta``
(:class:`~extractor.payloads.DocMeta`). ``Doc._.facts_layout`` is a
:class:`extractor.layout.model.Layout` (paragraphs, sentences, headline, dateline, bylines,
credit lines, sign-off codes), written by ``facts_layout`` and read by every other component.
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc, Span

from .payloads import DocMeta, register_msgpack

QUANTITIES = "facts_quantities"
DATES = "facts_dates"
QUOTATIONS = "facts_quotations"
TERMS = "facts_terms"
ENTITIES = "facts_entities"
BOILERPLATE = "facts_boilerplate"
LAYOUT = "facts_layout"  # Doc._.facts_layout: the Layout object
LAYOUT_SPANS = "facts_layout"  # doc.spans["facts_layout"]: HEADLINE, DATELINE, CREDIT, SIGN_OFF

SPAN_ATTRS = ("facts_quantity", "facts_date", "facts_quotation", "facts_entity")


def ensure_extensions() -> None:
    """Register the ``._`` attributes the components use, and the msgpack form of their
    payloads; safe to call repeatedly."""
    for attr in SPAN_ATTRS:
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=None)
    if not Doc.has_extension("facts_meta"):
        Doc.set_extension("facts_meta", default=None)
    if not Doc.has_extension(LAYOUT):
        Doc.set_extension(LAYOUT, default=None)
    register_msgpack()


_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each access, and every
    component reads the whole text. A Doc's text never changes (retokenizing keeps it)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Let :func:`doc_text` answer with ``text``, the string ``doc`` was tokenised from, instead
    of joining the tokens again. spaCy's tokenizer keeps every character, so the join gives
    ``text`` back; a tokenizer whose tokens do not end where ``text`` ends (one that drops or
    adds characters) is left to the join."""
    if len(doc):
        last = doc[-1]
        if last.idx + len(last.text_with_ws) != len(text):
            return
    elif text:
        return
    _TEXTS[doc] = text


def doc_meta(doc: Doc) -> DocMeta:
    """The document's metadata, created on first use."""
    ensure_extensions()
    if doc._.facts_meta is None:
        doc._.facts_meta = DocMeta()
    return doc._.facts_meta
