"""Candidate dates: every pattern run over the text near its trigger words, its check
applied, and the longest of overlapping candidates kept.

Invented example: in "sales fell on March 3, 2020", the trigger word "March" wakes the
month patterns, which scan only the ~45 characters around it; "March 3, 2020" and
"March 3" both match, and the longer one wins.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, NamedTuple

from .checks import Check, named_check
from .lexicon import ContextWords, Triggers, fill

_WORD_EDGE = re.compile(r"\w")
# Every match starts at a word start: a pattern tried inside a word ("end of March 2020" in
# "weekend of March 2020") would be refused anyway, and while the regex engine finds it, a
# later match of the same pattern in the same stretch ("March 2020") stays hidden. Refusing
# such starts in the regex also spares the engine most positions (month patterns ~2.5x faster).
# Every shipped pattern begins with a word character or already looks behind for one.
_WORD_START = r"(?<!\w)"
_WINDOW = 45  # characters searched either side of a pattern's trigger word (the longest patterns reach ~40)

Span = tuple[int, int]


class Candidate(NamedTuple):
    """A pattern's match, trimmed by its check; ``priority`` is the pattern's row number."""

    start: int
    end: int
    priority: int
    pattern_id: str
    kind: str
    match: re.Match[str]


class CompiledPattern(NamedTuple):
    pattern_id: str
    kind: str
    regex: re.Pattern[str]
    check: Check | None
    priority: int
    trigger: int | None  # the number of its trigger in :class:`Triggers`; None: scan everywhere


def compile_patterns(rows: list[dict[str, Any]], places: dict[str, str], names: dict[str, list[str]],
                     words: ContextWords) -> tuple[list[CompiledPattern], Triggers]:
    """Each pattern compiled with its check and trigger, and the triggers gathered."""
    triggers = Triggers()
    compiled = []
    for i, row in enumerate(rows):
        regex = re.compile(_WORD_START + fill(row["pattern"], places), re.IGNORECASE)
        check = named_check(row["check"], words) if row.get("check") else None
        trigger = triggers.add(tuple(row.get("trigger") or ()), names)
        compiled.append(CompiledPattern(row["id"], row["kind"], regex, check, i, trigger))
    return compiled, triggers


@dataclass
class TriggerRegions:
    """Where one text's triggers occur, found once and shared by every pattern."""

    text: str
    rest: list[re.Pattern[str] | None]
    woken_by: dict[str, tuple[int, ...]]
    scan: re.Pattern[str] | None
    words: dict[int, list[Span]] | None = None  # trigger no. -> the spans of its single words
    regions: dict[int, list[Span]] = field(default_factory=dict)

    def hits(self, trigger: int) -> list[Span]:
        """Where the trigger's words occur, in text order; every trigger starts a word:
        "day" in "Monday" wakes nothing."""
        text = self.text
        if self.words is None:
            self.words = {}
            if self.scan is not None:
                for m in self.scan.finditer(text):
                    for t in self.woken_by[m.group()]:
                        self.words.setdefault(t, []).append(m.span())
        hits = self.words.get(trigger, [])
        rest = self.rest[trigger]
        if rest is not None:
            more = [m.span() for m in rest.finditer(text) if not (m.start() and text[m.start() - 1].isalpha())]
            hits = sorted(hits + more) if hits else more
        return hits

    def around(self, trigger: int | None) -> list[Span]:
        """Stretches of text around the trigger's hits, merged; the whole text without one."""
        if trigger is None:
            return [(0, len(self.text))]
        if trigger not in self.regions:
            merged: list[list[int]] = []
            for start, end in self.hits(trigger):
                s, e = max(0, start - _WINDOW), min(len(self.text), end + _WINDOW)
                if merged and s <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            self.regions[trigger] = [(s, e) for s, e in merged]
        return self.regions[trigger]


class PatternScanner:
    """The compiled patterns and their triggers: ``scanner.candidates(text)``."""

    def __init__(self, rows: list[dict[str, Any]], places: dict[str, str], names: dict[str, list[str]],
                 words: ContextWords) -> None:
        self.patterns, triggers = compile_patterns(rows, places, names, words)
        self.trigger_rest = triggers.rest
        self.trigger_of = triggers.woken_by()
        self.trigger_scan = triggers.scan()

    def regions(self, text: str) -> TriggerRegions:
        return TriggerRegions(text, self.trigger_rest, self.trigger_of, self.trigger_scan)

    def matches(self, pattern: CompiledPattern, regions: TriggerRegions) -> Iterator[re.Match[str]]:
        for s, e in regions.around(pattern.trigger):
            yield from pattern.regex.finditer(regions.text, s, e)

    def candidates(self, text: str) -> list[Candidate]:
        """Every non-empty match that passes its check and neither starts nor ends inside a word."""
        out = []
        regions = self.regions(text)
        for pattern in self.patterns:
            for m in self.matches(pattern, regions):
                if m.end() <= m.start():
                    continue
                kept = pattern.check(text, m) if pattern.check is not None else m.span()
                if kept is None:
                    continue
                s, e = kept
                if inside_word(text, s) or inside_word(text, e):
                    continue
                out.append(Candidate(s, e, pattern.priority, pattern.pattern_id, pattern.kind, m))
        return out


def inside_word(text: str, pos: int) -> bool:
    """Whether ``pos`` falls between two word characters."""
    return 0 < pos < len(text) and bool(_WORD_EDGE.match(text[pos - 1])) and bool(_WORD_EDGE.match(text[pos]))


def longest_first(cands: list[Candidate]) -> list[Candidate]:
    """The candidates that overlap no longer one (ties: the earlier pattern, then the
    earlier start), in text order."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Span] = []
    chosen = []
    for c in cands:
        s, e = c.start, c.end
        i = bisect.bisect_left(taken, (s, -1))
        if i > 0 and taken[i - 1][1] > s:
            continue
        if i < len(taken) and taken[i][0] < e:
            continue
        taken.insert(i, (s, e))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
