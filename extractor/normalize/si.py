"""What a measure measures and its value in SI units, through pint.

The unit table gives each unit its dimension ("length", "energy", quantulum3's names), its
pint expression ("kilowatt_hour") and its conversion to SI units, which
``scripts/build_units.py`` computes with pint (:func:`pint_form`) when it writes the table: at
run time a value costs one multiplication, and importing pint (over a second) is not paid by
every process. A unit the rules compose ("cubic meter per day", "ton per year") is read part
by part. pint itself is used at run time only for a unit the table gives an expression but no
conversion (a table edited by hand): its registry is then loaded once per process, on first
use.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .units import UnitLexicon

# The SI unit a dimension is given in: (pint expression, name as records write it). A
# dimension not listed here gets pint's base units.
SI_UNITS: dict[str, tuple[str, str]] = {
    "length": ("meter", "meter"),
    "area": ("meter ** 2", "square meter"),
    "volume": ("meter ** 3", "cubic meter"),
    "mass": ("kilogram", "kilogram"),
    "time": ("second", "second"),
    "temperature": ("kelvin", "kelvin"),
    "energy": ("joule", "joule"),
    "power": ("watt", "watt"),
    "frequency": ("hertz", "hertz"),
    "instance frequency": ("revolution / second", "hertz"),
    "pressure": ("pascal", "pascal"),
    "force": ("newton", "newton"),
    "torque": ("newton * meter", "newton meter"),
    "speed": ("meter / second", "meter per second"),
    "acceleration": ("meter / second ** 2", "meter per square second"),
    "volumetric flow": ("meter ** 3 / second", "cubic meter per second"),
    "mass flow": ("kilogram / second", "kilogram per second"),
    "density": ("kilogram / meter ** 3", "kilogram per cubic meter"),
    "current": ("ampere", "ampere"),
    "charge": ("coulomb", "coulomb"),
    "electric potential": ("volt", "volt"),
    "data storage": ("bit", "bit"),
    "data transfer rate": ("bit / second", "bit per second"),
    "radiation absorbed dose": ("gray", "gray"),
    "radioactivity": ("becquerel", "becquerel"),
    "angle": ("radian", "radian"),
    "fuel economy": ("meter / meter ** 3", "meter per cubic meter"),
    "concentration": ("dimensionless", "fraction"),
}
# The dimension of "<a> per <b>" where it has a name of its own (tests check each with pint).
COMPOSED_DIMENSIONS: dict[tuple[str, str], str] = {
    ("mass", "time"): "mass flow",
    ("volume", "time"): "volumetric flow",
    ("length", "time"): "speed",
    ("speed", "time"): "acceleration",
    ("energy", "time"): "power",
    ("data storage", "time"): "data transfer rate",
    ("mass", "volume"): "density",
    ("length", "volume"): "fuel economy",
    ("charge", "time"): "current",
}
_POWER_WORDS = {2: "square", 3: "cubic"}


class SIForm(NamedTuple):
    """How a unit's values convert: si = offset + value * factor (offset: temperatures)."""

    dimension: str | None
    si_unit: str | None
    factor: float = 0.0
    offset: float = 0.0


_lock = threading.Lock()
_registry: Any = None


def unit_registry() -> Any:
    """pint's registry, loaded once per process on first use."""
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                import pint

                _registry = pint.UnitRegistry()
    return _registry


def _tidy(x: float) -> int | float:
    """12 significant digits: 0.3048 rather than 0.30479999999999996."""
    x = float(f"{x:.12g}")
    return int(x) if x.is_integer() and abs(x) < 1e15 else x


def _base_name(quantity: Any) -> str:
    """pint's base units as words: "kilogram / meter ** 3" -> "kilogram per cubic meter"."""
    top: list[str] = []
    bottom: list[str] = []
    for name, power in quantity.unit_items():
        word = (f"{_POWER_WORDS[abs(power)]} {name}" if abs(power) in _POWER_WORDS
                else name if abs(power) == 1 else f"{name}^{abs(power)}")
        (top if power > 0 else bottom).append(word)
    return " ".join(top or ["1"]) + "".join(f" per {b}" for b in bottom)


def pint_form(expression: str, dimension: str | None) -> SIForm:
    """How pint converts a unit to the SI unit of its dimension (pint's base units for a
    dimension ``SI_UNITS`` does not list)."""
    ureg = unit_registry()
    try:
        if dimension in SI_UNITS:
            target, name = SI_UNITS[dimension]
            zero = ureg.Quantity(0, expression).to(target).magnitude
            one = ureg.Quantity(1, expression).to(target).magnitude
        else:
            base = ureg.Quantity(1, expression).to_base_units()
            zero, one, name = 0.0, base.magnitude, _base_name(base)
    except Exception:  # noqa: BLE001 - pint raises several kinds for what it cannot convert
        return SIForm(dimension, None)
    return SIForm(dimension, name, float(f"{float(one) - float(zero):.12g}"),
                  float(f"{float(zero):.12g}"))


class SIConverter:
    """Dimensions and SI values of the units of one unit lexicon."""

    def __init__(self, lexicon: "UnitLexicon") -> None:
        self.lexicon = lexicon
        self.form = lru_cache(maxsize=4096)(self._form)

    def _form(self, unit: str) -> SIForm:
        info = self.lexicon.units.get(unit)
        if info is not None:
            if info.si_unit is not None:
                return SIForm(info.dimension, info.si_unit, info.si_factor, info.si_offset)
            if info.pint is not None:
                return pint_form(info.pint, info.dimension)
            return SIForm(info.dimension, None)
        if " per " not in unit:
            return SIForm(None, None)
        head, _, tail = unit.partition(" per ")
        a, b = self.form(head), self.form(tail)
        if a.dimension is None or b.dimension is None:
            return SIForm(None, None)
        dimension = COMPOSED_DIMENSIONS.get((a.dimension, b.dimension),
                                            f"{a.dimension} per {b.dimension}")
        if a.si_unit is None or b.si_unit is None or a.offset or b.offset or not b.factor:
            return SIForm(dimension, None)
        name = SI_UNITS[dimension][1] if dimension in SI_UNITS else f"{a.si_unit} per {b.si_unit}"
        return SIForm(dimension, name, a.factor / b.factor)

    def ratio(self, unit: str, other: str) -> float | None:
        """How many ``other`` one ``unit`` is (inch, foot -> 1/12), for units of one
        dimension without an offset; None otherwise."""
        a, b = self.form(unit), self.form(other)
        if a.si_unit is None or a.si_unit != b.si_unit or a.offset or b.offset or not b.factor:
            return None
        return a.factor / b.factor

    def convert(self, unit: str | None, kind: str, value: int | float
                ) -> tuple[str | None, int | float | None, str | None]:
        """(dimension, si_value, si_unit) of a quantity: money is "currency", a measure
        has its unit's dimension and, where pint knows the unit, its value in SI units."""
        if kind == "money":
            return "currency", None, None
        if kind != "measure" or unit is None:
            return None, None, None
        form = self.form(unit)
        if form.si_unit is None:
            return form.dimension, None, None
        return form.dimension, _tidy(form.offset + value * form.factor), form.si_unit
