"""The chosen candidates as items to resolve: a kind and the named parts of the match.

A year range becomes two items, one per year: in the invented "the 1961-64 drought",
"1961" gives ``{"y": "1961"}`` and "64" gives ``{"y": "1964"}``; a day range ("May 3-5")
likewise gives "May 3" and "5" (with May). Items inside boilerplate (credit lines, sign-off
codes) are dropped.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

from .candidates import Candidate


class Item(NamedTuple):
    """A date to resolve: where it is, its pattern's kind and its named parts."""

    start: int
    end: int
    kind: str
    groups: dict[str, str]


def without(groups: dict[str, str], *names: str) -> dict[str, str]:
    return {k: v for k, v in groups.items() if k not in names}


def split_ranges(chosen: list[Candidate]) -> list[Item]:
    """One item per candidate; year ranges ("1921-23", "312-308 BC") and day ranges become two."""
    items = []
    for s, e, _prio, _pid, kind, m in chosen:
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        if kind == "day_range":
            items.append(Item(s, m.end("d0"), "date", {**without(g, "d"), "d": g["d0"]}))
            items.append(Item(m.start("d"), e, "date", g))
            continue
        if kind == "year" and g.get("y2") and m.end("y2") <= e:
            y, y2 = g["y"], g["y2"]
            full2 = y2 if len(y2) >= len(y) or len(y2) < 2 else y[: len(y) - len(y2)] + y2
            first = without(g, "y2", "rng")
            items.append(Item(s, m.end("y"), kind, first))
            items.append(Item(m.start("y2"), e, kind, {**first, "y": full2}))
        else:
            if kind == "year" and "y2" in g:
                g = without(g, "y2", "rng")
            items.append(Item(s, e, kind, g))
    return items


def outside(items: list[Item], boilerplate: Iterable[tuple[int, int]]) -> list[Item]:
    """The items not inside one of the boilerplate ranges."""
    ranges = list(boilerplate)
    if not ranges:
        return items
    return [it for it in items if not any(bs <= it.start and it.end <= be for bs, be in ranges)]
