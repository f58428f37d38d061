"""What the components write on spans and on the Doc: the one description of every payload.

Each fact component puts its spans in ``doc.spans[<group>]`` (names in
:mod:`extractor.extensions`) and one payload on every span:

============================  ==========================  ===========================
span group                    extension                   payload
============================  ==========================  ===========================
``facts_quantities``          ``Span._.facts_quantity``   :class:`QuantityPayload`
``facts_dates``               ``Span._.facts_date``       :class:`DatePayload`
``facts_quotations``          ``Span._.facts_quotation``  :class:`QuotationPayload`
``facts_entities``            ``Span._.facts_entity``     :class:`EntityPayload`
(the Doc)                     ``Doc._.facts_meta``        :class:`DocMeta`
============================  ==========================  ===========================

Span payloads are frozen: a component builds one and never changes it afterwards. The
article metadata is filled in by several components in turn (the caller, the layout, the
dates), so :class:`DocMeta` is mutable. Character offsets are into ``doc.text``, end exclusive.
:mod:`extractor.from_doc` is the one reader that turns them into the public records.

Serialising: ``Doc.to_bytes`` (and so ``nlp.pipe(..., n_process=N)``, which sends Docs back
that way) msgpacks ``doc.user_data``, where spaCy keeps these values. :func:`register_msgpack`
teaches srsly's msgpack to write each payload as a tagged map of plain values (dates as ISO
strings) and to read it back as the same class; the component factories call it together
with the extensions, so importing the package changes no global state. Another typed object
kept on ``Doc._`` (a document layout, say) joins with :func:`register_plain_form`. Pickling
needs nothing: the classes live at module level.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Mapping, NamedTuple

import srsly


class Extent(NamedTuple):
    """A stretch of ``doc.text``: character offsets, end exclusive."""

    start: int
    end: int


class RangeExtent(NamedTuple):
    """A whole range expression ("from May to July") that a date is one end of, with the
    Gregorian days it covers when both ends are known."""

    start: int
    end: int
    interval_start: str | None
    interval_end: str | None


QuantityKind = Literal["count", "percent", "percentage_point", "money", "measure", "duration",
                       "ratio"]


@dataclass(frozen=True, slots=True)
class QuantityPayload:
    """A number with what it measures: ``unit`` is None for a plain count, "percent", an ISO
    4217 code for money or a unit name; ``counted`` is where the noun phrase counted is."""

    value: int | float
    value_max: int | float | None
    unit: str | None
    kind: QuantityKind
    counted: Extent | None
    approximate: bool
    bound: Literal["lower", "upper"] | None
    change: Literal["increase", "decrease"] | None
    dimension: str | None = None  # "length", "energy"...; "currency" for money
    si_value: int | float | None = None  # the value in ``si_unit``, where pint knows the unit
    si_unit: str | None = None


@dataclass(frozen=True, slots=True)
class DatePayload:
    """A TIMEX3-style value ("2019", "XXXX-03-20", "P3M"), its type and calendar, and the
    Gregorian days it covers as ISO dates (first, last) when they are known."""

    value: str | None
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    calendar: Literal["gregorian", "solar_hijri"]
    interval: tuple[str, str] | None
    range: RangeExtent | None = None

    @classmethod
    def from_info(cls, info: Mapping[str, Any]) -> "DatePayload":
        """The payload of a resolved date (the dict the date resolver works with)."""
        interval = info.get("interval")
        whole = info.get("range")
        return cls(info["value"], info["type"], info["calendar"],
                   (interval[0], interval[1]) if interval else None,
                   RangeExtent(*whole) if whole else None)


@dataclass(frozen=True, slots=True)
class QuotationPayload:
    """Quoted or reported words: who said them (canonical name), the words naming the speaker
    in place ("he", "the official"), the entity mention those resolve to, and the cue; the
    outlet that relayed them ("..., IRIB reported") likewise as ``via`` (canonical name), the
    words naming it and the entity mention those resolve to."""

    direct: bool
    speaker: str | None
    speaker_mention: Extent | None
    speaker_ref: Extent | None
    cue: Extent | None
    via: str | None = None
    via_mention: Extent | None = None
    via_ref: Extent | None = None


@dataclass(frozen=True, slots=True)
class EntityPayload:
    """One mention of an entity (its label is ``span.label_``); mentions of one entity share
    the cluster ``key``."""

    key: str
    canonical: str
    roles: tuple[str, ...] = ()


@dataclass(slots=True)
class DocMeta:
    """What is known about the article: the fields of :class:`extractor.records.Meta`, and in
    ``extra`` whatever else the caller gave (a URL, say) for components to consult."""

    id: str | None = None
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    publisher: str | None = None
    byline: str | None = None
    license: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def update(self, values: Mapping[str, Any]) -> None:
        """Set every value given that is not None: a field by its name, any other key in
        ``extra``."""
        for key, value in values.items():
            if value is None:
                continue
            if key in _META_FIELDS:
                setattr(self, key, value)
            else:
                self.extra[key] = value

    def record_fields(self) -> dict[str, Any]:
        """The fields that are set, as keys of the records' ``meta``."""
        return {k: getattr(self, k) for k in _META_FIELDS if getattr(self, k) is not None}


_META_FIELDS = tuple(f.name for f in dataclasses.fields(DocMeta) if f.name != "extra")


# -- msgpack -------------------------------------------------------------------------------

_TAG = "__facts_payload__"


def _plain_meta(meta: DocMeta) -> dict[str, Any]:
    plain = {k: getattr(meta, k) for k in _META_FIELDS}
    if isinstance(meta.published, dt.date):
        plain["published"] = meta.published.isoformat()
    plain["extra"] = meta.extra
    return plain


def _meta_from_plain(plain: dict[str, Any]) -> DocMeta:
    meta = DocMeta(**plain)
    if isinstance(meta.published, str):
        meta.published = dt.date.fromisoformat(meta.published)
    return meta


def as_extent(value: Any) -> Extent | None:
    """(start, end) as an :class:`Extent`; None stays None."""
    return Extent(*value) if value is not None else None


def _quantity_from_plain(plain: dict[str, Any]) -> QuantityPayload:
    return QuantityPayload(**{**plain, "counted": as_extent(plain["counted"])})


def _date_from_plain(plain: dict[str, Any]) -> DatePayload:
    return DatePayload.from_info(plain)


def _quotation_from_plain(plain: dict[str, Any]) -> QuotationPayload:
    return QuotationPayload(plain["direct"], plain["speaker"], as_extent(plain["speaker_mention"]),
                            as_extent(plain["speaker_ref"]), as_extent(plain["cue"]),
                            plain.get("via"), as_extent(plain.get("via_mention")),
                            as_extent(plain.get("via_ref")))


def _entity_from_plain(plain: dict[str, Any]) -> EntityPayload:
    return EntityPayload(plain["key"], plain["canonical"], tuple(plain["roles"]))


def _plain_fields(payload: Any) -> dict[str, Any]:
    return {f.name: getattr(payload, f.name) for f in dataclasses.fields(payload)}


# class name -> (class, to plain map, from plain map)
_FORMS: dict[str, tuple[type, Callable[[Any], dict[str, Any]], Callable[[dict[str, Any]], Any]]] = {}
_NAME_OF: dict[type, str] = {}


def register_plain_form(cls: type, to_plain: Callable[[Any], dict[str, Any]] | None = None,
                        from_plain: Callable[[dict[str, Any]], Any] | None = None) -> None:
    """Let ``Doc.to_bytes`` carry instances of ``cls``, a dataclass kept on ``Doc._`` or
    ``Span._``: written as a map of ``to_plain(obj)`` (by default its fields; nested
    registered objects are written the same way), read back with ``from_plain(map)`` (by
    default ``cls(**map)``; msgpack gives lists where tuples were)."""
    _FORMS[cls.__name__] = (cls, to_plain or _plain_fields,
                            from_plain or (lambda plain: cls(**plain)))
    _NAME_OF[cls] = cls.__name__


register_plain_form(QuantityPayload, from_plain=_quantity_from_plain)
register_plain_form(DatePayload, from_plain=_date_from_plain)
register_plain_form(QuotationPayload, from_plain=_quotation_from_plain)
register_plain_form(EntityPayload, from_plain=_entity_from_plain)
register_plain_form(DocMeta, _plain_meta, _meta_from_plain)


def encode_payload(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """srsly msgpack encoder: a payload as a tagged map of plain values."""
    name = _NAME_OF.get(type(obj))
    if name is not None:
        return {_TAG: name, "fields": _FORMS[name][1](obj)}
    return obj if chain is None else chain(obj)


def decode_payload(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """srsly msgpack decoder: a tagged map back into its payload class."""
    if isinstance(obj, dict) and _TAG in obj:
        return _FORMS[obj[_TAG]][2](dict(obj["fields"]))
    return obj if chain is None else chain(obj)


def register_msgpack() -> None:
    """Let ``Doc.to_bytes``/``Doc.from_bytes`` carry the payloads; safe to call repeatedly."""
    if not _REGISTERED:
        srsly.msgpack_encoders.register("facts_payloads", func=encode_payload)
        srsly.msgpack_decoders.register("facts_payloads", func=decode_payload)
        _REGISTERED.append(True)


_REGISTERED: list[bool] = []  # not empty once registered
