"""The quantity under construction, handed from stage to stage of :mod:`.assemble`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from ..normalize.si import SIConverter
from ..normalize.units import UnitInfo
from ..payloads import QuantityPayload, as_extent


@dataclass(slots=True)
class Draft:
    """One number and what the words around it have added so far.

    ``num_start``/``num_end`` frame the number as written; ``start``/``end`` grow over the
    words read with it (a currency or qualifier before, a scale, unit or range after). The
    stages of :mod:`.assemble` fill ``unit_info``, ``scale`` and the flags, then
    ``classify_kind`` settles ``unit`` and ``kind``, and ``read_direction`` ``change``.
    """

    text: str
    num_start: int
    num_end: int
    value: int | float
    value_max: int | float | None = None
    run: str = ""  # the digits as written; "" for number words
    words: list[str] | None = None  # the number words; None for digits
    kind_hint: str | None = None  # "fraction" or "times" once known
    start: int = -1
    end: int = -1
    unit_info: UnitInfo | None = None
    scale: int | float = 1
    compound: bool = False  # "7-member", "52-week": the number modifies a noun
    approximate: bool = False
    bound: str | None = None  # "lower" or "upper"
    sign: bool = False  # a minus sign or "minus"/"negative" before the number
    accounting: bool = False  # "$(0.03)": an accountant's negative amount
    between: bool = False  # "between" before the number: "and" may close a range
    unit: str | None = None
    kind: str = "count"
    change: str | None = None
    scaled: bool = False  # written with a scale ("2.7 bln"): news leaves its unit to context

    def __post_init__(self) -> None:
        if self.start < 0:
            self.start = self.num_start
        if self.end < 0:
            self.end = self.num_end

    def payload(self, counted: tuple[int, int] | None, si: SIConverter) -> QuantityPayload:
        """The finished quantity as the span payload, with where what it counts is and, for
        a measure, its dimension and value in SI units."""
        dimension, si_value, si_unit = si.convert(self.unit, self.kind, self.value)
        return QuantityPayload(self.value, self.value_max, self.unit, cast(Any, self.kind),
                               as_extent(counted), self.approximate, cast(Any, self.bound),
                               cast(Any, self.change), dimension, si_value, si_unit)
