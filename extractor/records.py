"""The public contract: Pydantic records for the facts of one article.

Every fact carries ``text``, ``start`` and ``end`` (character offsets into the text that was
given to the pipeline, end exclusive) and an ``id`` that is stable within the document.
Validating with ``context={"source": text}`` checks ``text == source[start:end]`` for every
span in the record, nested ones included.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

SCHEMA_VERSION: Literal["1.0"] = "1.0"
SCHEMA_ID = "https://github.com/news-facts/extractor/schemas/article_facts.schema.json"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


def _check_span(info: ValidationInfo | None, text: str | None, start: int | None, end: int | None,
                field: str) -> None:
    if text is None and start is None and end is None:
        return
    if text is None or start is None or end is None:
        raise ValueError(f"{field}: text, start and end must be given together")
    if not 0 <= start < end:
        raise ValueError(f"{field}: empty or reversed span {start}:{end}")
    source = (info.context or {}).get("source") if info is not None else None
    if source is not None and source[start:end] != text:
        raise ValueError(
            f"{field}: {text!r} does not match source[{start}:{end}] = {source[start:end]!r}"
        )


class TextSpan(_Record):
    """A stretch of the source text."""

    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    # Further spans a kind carries as ``<name>``, ``<name>_start``, ``<name>_end``, checked
    # like ``text``. Listed per class: looking them up in ``model_fields`` on every record
    # cost more than the check itself.
    inner_spans: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="after")
    def _offsets_match_source(self, info: ValidationInfo) -> "TextSpan":
        _check_span(info, self.text, self.start, self.end, "text")
        for name in self.inner_spans:
            _check_span(info, getattr(self, name), getattr(self, f"{name}_start"),
                        getattr(self, f"{name}_end"), name)
        return self


class Mention(TextSpan):
    """One occurrence of an entity."""


class Entity(_Record):
    id: str
    name: str = Field(description="Canonical name: the fullest form the text gives")
    label: Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"]
    aliases: list[str] = Field(default_factory=list, description="Other surface forms")
    roles: list[str] = Field(default_factory=list, description="Roles or titles of a person")
    mentions: list[Mention] = Field(min_length=1)


class Quantity(TextSpan):
    id: str
    value: int | float
    value_max: int | float | None = Field(default=None, description="Upper end of a range")
    unit: str | None = Field(
        default=None,
        description='null for plain counts, "percent", ISO 4217 code for money, unit name',
    )
    kind: Literal["count", "percent", "percentage_point", "money", "measure", "duration",
                  "ratio"] = "count"
    counted: str | None = Field(default=None, description="The noun phrase counted")
    counted_start: int | None = None
    counted_end: int | None = None
    approximate: bool = False
    bound: Literal["lower", "upper"] | None = None
    change: Literal["increase", "decrease"] | None = None
    dimension: str | None = Field(
        default=None,
        description='What a measure measures ("length", "mass", "energy", "volumetric flow"...; '
                    'quantulum3\'s dimension names), "currency" for money, null otherwise')
    si_value: int | float | None = Field(
        default=None, description="The value in si_unit, for a measure whose unit pint knows")
    si_unit: str | None = Field(
        default=None,
        description='The SI unit of si_value ("cubic meter", "kilogram", "joule", "kelvin")')
    inner_spans: ClassVar[tuple[str, ...]] = ("counted",)


class Interval(_Record):
    """A Gregorian interval, both ends inclusive."""

    start: dt.date
    end: dt.date


class DateRange(TextSpan):
    """A whole range expression ("from 2012 through 2017", "March 21-October 22")."""

    interval: Interval | None = Field(default=None, description="Gregorian days the range covers")


class DateFact(TextSpan):
    id: str
    value: str | None = Field(description='TIMEX3-style value: "2019", "XXXX-03-20", "P3M"')
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    calendar: Literal["gregorian", "solar_hijri"] = "gregorian"
    interval: Interval | None = None
    range: DateRange | None = Field(
        default=None, description="The range this date is one end of; both ends carry it")


class Quotation(TextSpan):
    """Quoted or reported words; ``text`` excludes the quotation marks."""

    id: str
    direct: bool
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_mention: TextSpan | None = None
    cue: str | None = Field(default=None, description="The reporting verb or phrase")
    cue_start: int | None = None
    cue_end: int | None = None
    via: str | None = Field(
        default=None,
        description='The outlet that relayed the words ("..., IRIB reported", "according to '
                    'Reuters, the minister said"), kept apart from the speaker: its canonical '
                    "name, null when it is unnamed or there is none")
    via_id: str | None = Field(default=None, description="The entity id of the outlet")
    via_mention: TextSpan | None = Field(
        default=None, description='The words naming the outlet in place ("the state broadcaster")')
    inner_spans: ClassVar[tuple[str, ...]] = ("cue",)


class Term(TextSpan):
    """A quoted term (motto, title, scare quote): quotation marks that are not speech."""

    id: str


class Meta(_Record):
    id: str | None = None
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    publisher: str | None = None
    byline: str | None = None
    license: str | None = Field(default=None, description="SPDX identifier where one fits")


class ArticleFacts(_Record):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    meta: Meta = Field(default_factory=Meta)
    entities: list[Entity] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    quotations: list[Quotation] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)

    @classmethod
    def validate_against(cls, data: Any, source: str) -> "ArticleFacts":
        """Validate ``data`` and check every offset against ``source``."""
        return cls.model_validate(data, context={"source": source})


def json_schema() -> dict[str, Any]:
    schema = ArticleFacts.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
