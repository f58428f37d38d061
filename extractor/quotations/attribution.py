"""What the stages find: one quotation or reported clause with its cue and speaker phrase, and
an outlet that relays the attributions near it ("according to X, ...")."""

from __future__ import annotations

from dataclasses import dataclass

from .phrases import Phrase


@dataclass
class Attribution:
    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None = None
    phrase: Phrase | None = None
    anchor: int = 0
    source: "Attribution | None" = None  # a continuation takes its speaker from here
    speaker: str | None = None
    mention: tuple[int, int] | None = None
    ref: tuple[int, int] | None = None
    partial: bool = False  # the cue stands apart from the marks ("reports the area as “...”")
    via: Phrase | None = None  # the outlet that relayed the words ("..., IRIB reported")
    via_name: str | None = None
    via_ref: tuple[int, int] | None = None


@dataclass(frozen=True)
class Relay:
    """An outlet named beside an attribution ("According to X, Y said ...", "Y said,
    according to X, that ...", "“...,” Y said, according to X."): the attribution whose cue
    lies in ``start``..``end`` nearest to the outlet's own cue at ``anchor`` is relayed by
    ``phrase``."""

    start: int
    end: int
    phrase: Phrase
    anchor: int


def nest(found: list[Attribution]) -> list[Attribution]:
    """Drop duplicates and spans that cross an earlier one (spans may nest, never cross)."""
    out: list[Attribution] = []
    stack: list[Attribution] = []
    seen = set()
    for a in found:
        if (a.start, a.end) in seen or a.end <= a.start:
            continue
        while stack and stack[-1].end <= a.start:
            stack.pop()
        if stack and a.end > stack[-1].end:
            continue  # crosses the enclosing span
        seen.add((a.start, a.end))
        out.append(a)
        stack.append(a)
    return out
