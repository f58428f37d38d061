"""The typed payloads survive the ways a Doc leaves a process: Doc.to_bytes (what
nlp.pipe(n_process=N) uses) and pickle."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass

import pytest
from spacy.tokens import Doc

from extractor.from_doc import from_doc
from extractor.payloads import (
    DatePayload,
    DocMeta,
    EntityPayload,
    Extent,
    QuantityPayload,
    QuotationPayload,
    register_plain_form,
)
from extractor.pipeline import build_pipeline, make_doc

TEXT = ("OSLOBURG, March 3, 2021 - Harbour fees rose 12 percent to $4 million last year, "
        "the port authority said. \u201cWe expected more,\u201d said Tove Lindqvist, its chair.")


@pytest.fixture(scope="module")
def doc():
    nlp = build_pipeline()
    return nlp, nlp(make_doc(nlp, TEXT, meta={"url": "https://example.org/a"}))


PAYLOAD_OF = {"facts_quantities": "facts_quantity", "facts_dates": "facts_date",
              "facts_quotations": "facts_quotation", "facts_entities": "facts_entity"}


def payloads(doc: Doc) -> list:
    out = [doc._.facts_meta]
    for group, attr in PAYLOAD_OF.items():
        out.extend((s.start_char, s.end_char, s._.get(attr)) for s in doc.spans[group])
    return out


def test_every_kind_of_payload_is_written(doc):
    _, d = doc
    kinds = {type(p[2]) for p in payloads(d)[1:]}
    assert kinds == {QuantityPayload, DatePayload, QuotationPayload, EntityPayload}
    assert isinstance(d._.facts_meta, DocMeta)
    assert d._.facts_meta.published == dt.date(2021, 3, 3)
    assert d._.facts_meta.extra == {"url": "https://example.org/a"}


def test_doc_bytes_round_trip_keeps_the_payloads(doc):
    nlp, d = doc
    back = Doc(nlp.vocab).from_bytes(d.to_bytes())
    assert payloads(back) == payloads(d)
    quantity = back.spans["facts_quantities"][0]._.facts_quantity
    assert quantity.counted is None or isinstance(quantity.counted, Extent)
    assert from_doc(back) == from_doc(d)


def test_doc_bytes_round_trip_keeps_the_outlet_that_relays():
    nlp = build_pipeline()
    text = ("Trade talks stalled in March. Foreign Minister Ana Ruiz said the talks would resume "
            "next week, according to Reuters.")
    d = nlp(make_doc(nlp, text))
    back = Doc(nlp.vocab).from_bytes(d.to_bytes())
    relayed = [p for _, _, p in payloads(back)[1:] if isinstance(p, QuotationPayload) and p.via]
    assert relayed and relayed[0].via == "Reuters"
    assert isinstance(relayed[0].via_mention, Extent) and isinstance(relayed[0].via_ref, Extent)
    assert from_doc(back) == from_doc(d)


def test_pickle_keeps_the_payloads(doc):
    _, d = doc
    back = pickle.loads(pickle.dumps(d))
    assert payloads(back) == payloads(d)


def test_span_payloads_are_frozen():
    p = EntityPayload("PERSON:Ada Quist", "Ada Quist", ("chair",))
    with pytest.raises(AttributeError):
        p.key = "other"  # type: ignore[misc]


def test_meta_update_sorts_fields_from_extra():
    meta = DocMeta()
    meta.update({"title": "Harbour fees", "url": "https://example.org/b", "byline": None})
    assert meta.title == "Harbour fees" and meta.byline is None
    assert meta.extra == {"url": "https://example.org/b"}
    assert meta.record_fields() == {"title": "Harbour fees"}


@dataclass(frozen=True)
class Margin:
    """A stand-in for another typed object a component keeps on the Doc."""

    lines: tuple[tuple[int, int], ...]
    note: str | None = None


def test_another_object_joins_the_msgpack_form(doc):
    nlp, d = doc
    register_plain_form(Margin, from_plain=lambda plain: Margin(
        tuple(tuple(r) for r in plain["lines"]), plain["note"]))
    copy = Doc(nlp.vocab).from_bytes(d.to_bytes())
    copy.user_data["margin"] = Margin(((0, 8), (9, 20)), "invented")
    back = Doc(nlp.vocab).from_bytes(copy.to_bytes())
    assert back.user_data["margin"] == Margin(((0, 8), (9, 20)), "invented")


def test_doc_meta_has_every_field_of_the_record_meta():
    # DocMeta is the components' mutable working copy of records.Meta: the two must not drift.
    import dataclasses

    from extractor.payloads import DocMeta
    from extractor.records import Meta

    assert {f.name for f in dataclasses.fields(DocMeta)} - {"extra"} == set(Meta.model_fields)
