"""Row models of the lexicon files: one Pydantic class per kind of row, unknown keys refused.

``CATALOGUE`` names the model of every table and row file shipped under
``extractor/resources/``; word lists (.txt) need none.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Row(BaseModel):
    """A row of a lexicon file: exact keys only; read-only, as rows are shared between pipelines."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class NamedPattern(Row):
    """A named regular expression (attribution fragments, credit lines)."""

    name: str
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as e:
            raise ValueError(f"bad regular expression: {e}") from None
        return pattern


# -- shared ------------------------------------------------------------------------------------

class ReportingVerb(Row):
    """A verb of saying with its forms and the frame it reports in."""

    lemma: str
    frame: Literal["bare", "that", "post"]
    base: Optional[str] = None
    s: Optional[str] = None
    past: Optional[str] = None
    ing: Optional[str] = None
    phrases: list[str] = Field(default_factory=list)
    # False for verbs of judgement ("estimate", "fear"): they report a clause but never
    # attribute a quotation in marks ("has estimated the ... of the “cruise” phase").
    quotes: bool = True

    def forms(self) -> list[str]:
        return [f for f in (self.base, self.s, self.past, self.ing) if f]


class WordUses(Row):
    """A word and the uses it has, comma-separated; a subclass names the known uses."""

    USES: ClassVar[frozenset[str]] = frozenset()
    VALUED_USES: ClassVar[frozenset[str]] = frozenset()  # uses written "use=value" ("kind=bank")
    word: str
    uses: str

    @field_validator("uses")
    @classmethod
    def _known_uses(cls, uses: str) -> str:
        unknown = {u for u in uses.split(",") if u not in cls.USES
                   and not (u.partition("=")[0] in cls.VALUED_USES and u.partition("=")[2])}
        if unknown:
            raise ValueError(f"unknown use {', '.join(sorted(unknown))}; known: {', '.join(sorted(cls.USES))}")
        return uses

    def has(self, use: str) -> bool:
        return use in self.uses.split(",")


class OrgWord(WordUses):
    """A word that shows an organisation, with the uses it has (see shared/org_words.tsv)."""

    USES = frozenset({"head", "of", "on", "apposition", "speaker", "legal", "unit", "state", "tail"})
    VALUED_USES = frozenset({"kind"})


class RoleWord(WordUses):
    """A word naming a person by office or part, with the uses it has (see shared/roles.tsv)."""

    USES = frozenset({"title", "role", "prefix"})


class NameHead(WordUses):
    """A word heading a name of a kind not reported as an entity (see entities/heads.tsv)."""

    USES = frozenset({"other", "law", "closes"})


class QualifiedHead(Row):
    """A head word whose name is of one kind when a modifier stands before it in the name
    (see entities/qualified_heads.tsv): "Space" makes a "... Center" a facility."""

    head: str
    label: Literal["ORG", "FAC"]
    modifiers: str  # space-separated

    def modifier_words(self) -> frozenset[str]:
        return frozenset(self.modifiers.split())


class Month(Row):
    n: int = Field(ge=1, le=12)
    names: list[str]
    abbr: list[str] = Field(default_factory=list)
    ambiguous: bool = False  # also a common word ("May", "March")


class Weekday(Row):
    n: int = Field(ge=1, le=7)
    names: list[str]


# -- entities ----------------------------------------------------------------------------------

class Place(Row):
    surface: str
    label: Literal["GPE", "LOC"]
    canonical: str
    tier: int
    tokens: str = ""  # the surface split into tokens, when not at spaces


class NameVariant(Row):
    name: str
    label: str
    canonical: str


class NameToCanonical(Row):
    """A surface form and the canonical name it stands for (demonyms, organisations)."""

    name: str
    canonical: str


class EntityRule(Row):
    """A user's entity rule in spaCy's entity-ruler format: a phrase or a token pattern."""

    label: str
    pattern: Union[str, list[dict[str, Any]]]
    id: Optional[str] = None
    canonical: Optional[str] = None


class SiteNoun(Row):
    """A lower-case head of a named site and the label it gives the name ("refinery" FAC)."""

    name: str
    label: Literal["LOC", "FAC", "GPE"]


class StateAbbreviation(Row):
    """A US state's abbreviation: AP style with its period ("Minn.") or the postal code ("MN")."""

    abbreviation: str
    state: str
    form: Literal["ap", "postal"] = "ap"


class CompassPoint(Row):
    """A point of the compass as a noun ("Northwest") and its abbreviation before a place."""

    point: str
    abbreviation: str


# -- quotations --------------------------------------------------------------------------------

class Pronoun(Row):
    text: str
    gender: Optional[Literal["male", "female", "neuter"]]
    number: Literal["singular", "plural", "first"]


class OrgKind(Row):
    nouns: str  # comma-separated kind nouns ("bank,lender"); the first names the kind

    def kind(self) -> str:
        return self.nouns.split(",")[0].strip()


# -- quantities --------------------------------------------------------------------------------

class Unit(Row):
    unit: str
    kind: Optional[str] = None
    words: list[str] = Field(default_factory=list)
    symbols: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    scale: Optional[int] = None
    duration: Optional[bool] = None
    dimension: Optional[str] = None  # what it measures: "length", "mass", "energy"...
    pint: Optional[str] = None  # the unit as pint parses it, for the value in SI units
    si_unit: Optional[str] = None  # the SI unit of its dimension; si = offset + value * factor
    si_factor: Optional[float] = None
    si_offset: Optional[float] = None


class Currency(Row):
    code: Optional[str]
    prefixes: list[str]
    words: list[str]
    unit: Optional[str] = None


class NumberWord(Row):
    word: str
    value: int
    kind: Literal["digit", "teen", "ten", "scale", "fraction", "dozen"]


class Scale(Row):
    form: str
    value: int
    attached_only: Optional[bool] = None
    case_sensitive: Optional[bool] = None
    money_only: Optional[bool] = None


class Qualifier(Row):
    phrase: str
    approximate: Optional[bool] = None
    bound: Optional[str] = None
    range: Optional[bool] = None


class ChangeWord(Row):
    word: str
    change: str


# -- dates -------------------------------------------------------------------------------------

class DatePattern(Row):
    id: str
    kind: str
    pattern: str  # a regex with {PLACEHOLDERS} filled from the dates lexicon
    trigger: list[str] = Field(default_factory=list)
    check: Optional[str] = None


class SolarHijriMonth(Row):
    n: int = Field(ge=1, le=12)
    names: list[str]
    ambiguous: bool = False


class Holiday(Row):
    names: list[str]
    month: Optional[int] = None
    day: Optional[int] = None
    solar_hijri_month: Optional[int] = None


class IranianContext(Row):
    phrases: list[str]
    dateline_places: list[str]


class FederalContext(Row):
    """What makes a text's fiscal years the U.S. federal ones (October to September)."""

    comment: str = Field("", alias="_comment")
    phrases: list[str]
    agency_heads: list[str]


class DatesLexicon(Row):
    """``dates/lexicon.json``: the words the date patterns are built from. Months and
    weekdays come from ``shared/`` when the file does not give its own."""

    comment: str = Field("", alias="_comment")
    months: Optional[list[Month]] = None
    weekdays: Optional[list[Weekday]] = None
    solar_hijri_months: list[SolarHijriMonth]
    seasons: dict[str, str]
    vague_counts: dict[str, Optional[int]]  # "a" -> 1, "several" -> None (no number)
    quarter_ordinals: dict[str, int]  # "third" -> 3, "last" -> 4 (a quarter, not an offset)
    units: dict[str, str]
    holidays: list[Holiday]
    tense_future_words: list[str] = Field(default_factory=list)
    tense_past_words: list[str] = Field(default_factory=list)
    future_month_after_words: list[str] = Field(default_factory=list)
    year_before_words: list[str]
    bare_month_before_words: list[str]
    quantity_after_words: list[str]
    approximators: list[str]
    range_change_words: list[str] = Field(default_factory=list)
    iranian_context: IranianContext
    federal_context: Optional[FederalContext] = None


CATALOGUE: dict[str, type[Row]] = {
    "shared/reporting_verbs.jsonl": ReportingVerb,
    "shared/org_words.tsv": OrgWord,
    "shared/roles.tsv": RoleWord,
    "shared/months.jsonl": Month,
    "shared/weekdays.jsonl": Weekday,
    "layout/credit_lines.jsonl": NamedPattern,
    "entities/places.tsv": Place,
    "entities/place_variants.tsv": NameVariant,
    "entities/demonyms.tsv": NameToCanonical,
    "entities/norp_extra.tsv": NameToCanonical,
    "entities/peoples.tsv": NameToCanonical,
    "entities/organizations.tsv": NameToCanonical,
    "entities/state_abbreviations.tsv": StateAbbreviation,
    "entities/compass_points.tsv": CompassPoint,
    "entities/site_nouns.tsv": SiteNoun,
    "entities/heads.tsv": NameHead,
    "entities/qualified_heads.tsv": QualifiedHead,
    "quotations/attribution.jsonl": NamedPattern,
    "quotations/pronouns.jsonl": Pronoun,
    "quotations/org_kinds.tsv": OrgKind,
    "quantities/units.jsonl": Unit,
    "quantities/currencies.jsonl": Currency,
    "shared/number_words.jsonl": NumberWord,
    "quantities/scales.jsonl": Scale,
    "quantities/qualifiers.jsonl": Qualifier,
    "quantities/change_words.jsonl": ChangeWord,
    "dates/patterns.jsonl": DatePattern,
    "dates/lexicon.json": DatesLexicon,
}
