"""The one place that turns an annotated Doc into the public records.

It reads the span groups and the typed payloads of :mod:`extractor.payloads`.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import Any

from spacy.tokens import Doc, Span

from .extensions import DATES, ENTITIES, QUANTITIES, QUOTATIONS, TERMS, doc_text
from .payloads import DatePayload, EntityPayload, QuantityPayload, QuotationPayload
from .records import ArticleFacts


def _span_dict(text: str, start: int, end: int) -> dict[str, Any]:
    return {"text": text[start:end], "start": start, "end": end}


_BY_OFFSETS = itemgetter(0, 1)


def _group(doc: Doc, key: str, attr: str | None = None) -> list[tuple[int, int, Any, Span]]:
    """(start, end, payload on ``Span._.<attr>``, span) of each span of a group, by offsets
    (spans with the same offsets keep the group's order). The payload is read where
    ``Span._`` keeps it, in ``doc.user_data``: a ``Span._`` object per span cost more than
    the record."""
    if key not in doc.spans:
        return []
    user_data: dict[Any, Any] = doc.user_data
    rows = []
    for span in doc.spans[key]:
        start, end = span.start_char, span.end_char
        rows.append((start, end, user_data.get(("._.", attr, start, end)) if attr else None, span))
    rows.sort(key=_BY_OFFSETS)
    return rows


def _entities(doc: Doc, text: str) -> tuple[list[dict], dict[tuple[int, int], str], dict[str, str]]:
    """Entity records, a map from mention offsets to entity id, and from name to id."""
    clusters: dict[str, dict[str, Any]] = {}
    payload: EntityPayload | None
    for start, end, payload, span in _group(doc, ENTITIES, "facts_entity"):
        key = payload and payload.key or text[start:end]
        cluster = clusters.setdefault(
            key,
            {"name": payload and payload.canonical or text[start:end], "label": span.label_,
             "roles": [], "mentions": []},
        )
        cluster["mentions"].append(_span_dict(text, start, end))
        for role in payload.roles if payload else ():
            if role not in cluster["roles"]:
                cluster["roles"].append(role)
    records: list[dict] = []
    by_offsets: dict[tuple[int, int], str] = {}
    by_name: dict[str, str] = {}
    for i, cluster in enumerate(clusters.values(), 1):
        eid = f"e{i}"
        seen = {cluster["name"]}
        aliases = []
        for m in cluster["mentions"]:
            by_offsets[(m["start"], m["end"])] = eid
            if m["text"] not in seen:
                seen.add(m["text"])
                aliases.append(m["text"])
        by_name.setdefault(cluster["name"], eid)
        records.append({"id": eid, **cluster, "aliases": aliases})
    return records, by_offsets, by_name


def _quantities(doc: Doc, text: str) -> list[dict]:
    out = []
    p: QuantityPayload
    for i, (start, end, p, _span) in enumerate(_group(doc, QUANTITIES, "facts_quantity"), 1):
        rec = {"id": f"q{i}", **_span_dict(text, start, end),
               "value": p.value, "value_max": p.value_max, "unit": p.unit, "kind": p.kind,
               "approximate": p.approximate, "bound": p.bound, "change": p.change,
               "dimension": p.dimension, "si_value": p.si_value, "si_unit": p.si_unit}
        counted = p.counted
        if counted:
            rec.update(counted=text[counted[0]:counted[1]], counted_start=counted[0],
                       counted_end=counted[1])
        out.append(rec)
    return out


def _dates(doc: Doc, text: str) -> list[dict]:
    out = []
    p: DatePayload
    for i, (start, end, p, _span) in enumerate(_group(doc, DATES, "facts_date"), 1):
        interval, whole = p.interval, p.range
        rec = {"id": f"d{i}", **_span_dict(text, start, end),
               "value": p.value, "type": p.type, "calendar": p.calendar}
        if interval:
            rec["interval"] = {"start": interval[0], "end": interval[1]}
        if whole:
            rec["range"] = {**_span_dict(text, whole[0], whole[1]), "interval": (
                {"start": whole[2], "end": whole[3]} if whole[2] and whole[3] else None)}
        out.append(rec)
    return out


def _quotations(doc: Doc, text: str, by_offsets: dict, by_name: dict) -> list[dict]:
    out = []
    p: QuotationPayload | None
    for i, (start, end, p, _span) in enumerate(_group(doc, QUOTATIONS, "facts_quotation"), 1):
        mention, ref, cue = (p.speaker_mention, p.speaker_ref, p.cue) if p else (None, None, None)
        rec = {"id": f"s{i}", **_span_dict(text, start, end),
               "direct": p.direct if p else True, "speaker": p.speaker if p else None}
        if mention:
            rec["speaker_mention"] = _span_dict(text, *mention)
        rec["speaker_id"] = (
            (by_offsets.get(tuple(ref)) if ref else None)
            or (by_offsets.get(tuple(mention)) if mention else None)
            or (by_name.get(rec["speaker"]) if rec["speaker"] else None)
        )
        if cue:
            rec.update(cue=text[cue[0]:cue[1]], cue_start=cue[0], cue_end=cue[1])
        if p is not None and p.via_mention:
            rec["via"] = p.via
            rec["via_mention"] = _span_dict(text, *p.via_mention)
            rec["via_id"] = ((by_offsets.get(tuple(p.via_ref)) if p.via_ref else None)
                             or by_offsets.get(tuple(p.via_mention))
                             or (by_name.get(p.via) if p.via else None))
        out.append(rec)
    return out


def from_doc(doc: Doc, **meta_overrides: Any) -> ArticleFacts:
    """Build and validate the records of ``doc``; every offset is checked against its text."""
    text = doc_text(doc)
    entities, by_offsets, by_name = _entities(doc, text)
    meta = doc._.facts_meta.record_fields() if doc._.facts_meta is not None else {}
    meta.update({k: v for k, v in meta_overrides.items() if v is not None})
    if isinstance(meta.get("published"), dt.datetime):
        meta["published"] = meta["published"].date()
    data = {
        "meta": meta,
        "entities": entities,
        "quantities": _quantities(doc, text),
        "dates": _dates(doc, text),
        "quotations": _quotations(doc, text, by_offsets, by_name),
        "terms": [{"id": f"t{i}", **_span_dict(text, start, end)}
                  for i, (start, end, _p, _span) in enumerate(_group(doc, TERMS), 1)],
    }
    return ArticleFacts.validate_against(data, text)
