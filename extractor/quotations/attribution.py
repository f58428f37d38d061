"""What the stages find: one quotation or reported clause with its cue and speaker phrase."""

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
