"""Units and currencies: one canonical name per unit, ISO 4217 codes for money.

The lexicons are data files (``resources/quantities/units.jsonl``, ``currencies.jsonl``,
``currency_exclusions.txt``); the names and codes of all current ISO 4217 currencies come
from pycountry, so "iranian rials", "australian dollars" or "USD" need no hand-written entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..lexicon import as_dicts, load_rows, word_set
from ..lexicon.rows import Currency, Unit


@dataclass(frozen=True)
class UnitInfo:
    """What a unit form stands for: the canonical unit and the kind of quantity it makes."""

    unit: str
    kind: str  # percent, percentage_point, money, measure, ratio
    duration: bool = False
    scale: int = 1  # "mcm" is a million cubic meters: the value is multiplied into the unit
    dimension: str | None = None  # what it measures: "length", "energy", "volumetric flow"...
    pint: str | None = None  # the unit as pint parses it ("kilowatt_hour")
    si_unit: str | None = None  # its SI unit, and si = si_offset + value * si_factor
    si_factor: float = 0.0
    si_offset: float = 0.0


def _plural(name: str) -> str:
    if name.endswith(("s", "x", "z", "ch", "sh")):
        return name + "es"
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


class UnitLexicon:
    """Every written form of every unit and currency, and the regex fragments to find them."""

    def __init__(self, unit_rows: Iterable[dict], currency_rows: Iterable[dict],
                 exclusions: Iterable[str], *, iso_currencies: bool = True) -> None:
        self.unit_rows = list(unit_rows)
        self.currency_rows = list(currency_rows)
        self.exclusions = [e for e in exclusions]
        excluded_codes = {e for e in self.exclusions if e.isupper()}
        excluded_words = {e.lower() for e in self.exclusions if not e.isupper()}

        self.words: dict[str, UnitInfo] = {}  # lower-case form -> info (after a number)
        self.symbols: dict[str, UnitInfo] = {}  # exact form -> info (after a number)
        self.prefixes: dict[str, UnitInfo] = {}  # exact form -> info (before a number)
        self.canonical: dict[str, str] = {}  # any name, lower-case -> canonical unit
        self.units: dict[str, UnitInfo] = {}  # canonical unit -> its own row (not a multiple)

        for row in self.unit_rows:
            info = UnitInfo(row["unit"], row.get("kind", "measure"), bool(row.get("duration")),
                            int(row.get("scale", 1)), row.get("dimension"), row.get("pint"),
                            row.get("si_unit"), float(row.get("si_factor", 0.0)),
                            float(row.get("si_offset", 0.0)))
            self.canonical[info.unit.lower()] = info.unit
            if info.scale == 1:
                self.units.setdefault(info.unit, info)
            for alias in row.get("aliases", ()):
                self.canonical[alias.lower()] = info.unit
            for w in row.get("words", ()):
                self.words.setdefault(w.lower(), info)
                self.canonical.setdefault(w.lower(), info.unit)
            for s in row.get("symbols", ()):
                self.symbols.setdefault(s, info)
                self.canonical.setdefault(s.lower(), info.unit)

        for row in self.currency_rows:
            unit = row.get("unit") or row["code"]
            info = UnitInfo(unit, "money")
            self.canonical[unit.lower()] = unit
            for p in row.get("prefixes", ()):
                self.prefixes.setdefault(p, info)
            for w in row.get("words", ()):
                self.words.setdefault(w.lower(), info)
                self.canonical.setdefault(w.lower(), unit)

        if iso_currencies:
            self._add_iso_currencies(excluded_codes, excluded_words)

    def _add_iso_currencies(self, excluded_codes: set[str], excluded_words: set[str]) -> None:
        try:
            import pycountry
        except ImportError:  # pragma: no cover - pycountry is a dependency
            return
        for cur in pycountry.currencies:
            code = cur.alpha_3
            if code in excluded_codes:
                continue
            info = UnitInfo(code, "money")
            self.canonical.setdefault(code.lower(), code)
            # Codes are written in capitals in news ("USD 200", "200 IRR").
            self.prefixes.setdefault(code, info)
            self.symbols.setdefault(code, info)
            name = re.sub(r"\s*\(.*?\)", "", cur.name).strip().lower()
            if not name or name in excluded_words or any(ch.isdigit() for ch in name):
                continue
            for form in (name, _plural(name)):
                self.words.setdefault(form, info)
                self.canonical.setdefault(form, code)

    def canonical_unit(self, name: str | None) -> str | None:
        """The canonical name of a unit as any dataset or text writes it ("metre" -> "meter",
        "kilometres per hour" -> "kilometer per hour", "IRR per USD" stays), else the name."""
        if name is None:
            return None
        key = " ".join(name.lower().split())
        if key in self.canonical:
            return self.canonical[key]
        if " per " in key:
            head, _, tail = key.partition(" per ")
            return f"{self.canonical_unit(head)} per {self.canonical_unit(tail)}"
        return name


@lru_cache(maxsize=1)
def default_lexicon() -> UnitLexicon:
    return UnitLexicon(
        as_dicts(load_rows("quantities/units.jsonl", Unit)),
        as_dicts(load_rows("quantities/currencies.jsonl", Currency)),
        word_set("quantities/currency_exclusions.txt"),
    )


def canonical_unit(name: str | None) -> str | None:
    """Canonical unit name for comparisons (evaluation uses it on gold and predicted units)."""
    return default_lexicon().canonical_unit(name)
