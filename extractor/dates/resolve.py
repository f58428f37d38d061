"""Resolution: every item turned into a TIMEX3-style value, in text order, by
:class:`~extractor.normalize.timex.TimexResolver`, with what the neighbouring words and
dates tell about it.

Invented examples: "at 9 a.m. on 3 May 1845" resolves the date before the time, which
takes its day; "ended on March 20" is the last March 20 before publication, "will end
on March 20" the next; "March 20 to August 20, 2017" gives its start the year 2017.
"""

from __future__ import annotations

import re
from typing import Any

from ..normalize.timex import TimexResolver
from .items import Item
from .lexicon import ContextWords, NameTables
from .neighbours import next_word, prev_word
from .ranges import SPAN_TO, Info, Range, close_range, find_ranges, note_span_to, partner_year, year_after

_TIME_THEN_DATE = re.compile(r"\s*(?:on\s+(?:the\s+)?|,\s*)?$", re.I)
_CLAUSE_WORDS = re.compile(r"[^.;:()\[\]\n\"“”]*\Z")
_WORDS = re.compile(r"[A-Za-z]+")
# Words between a verb and its date: "ended on the", "will start in early".
_TENSE_SKIP = frozenset(
    "on in at from by of during the early late mid end beginning start middle and or to through".split())
_MODALS = frozenset(("will", "shall", "ll", "to"))
_PLACE_PREPOSITIONS = frozenset(("to", "in", "at", "from", "for", "into", "via"))
# Between two dates of one list: a comma and a few words, no clause or sentence end.
_LIST_GAP = re.compile(r",[^.;:!?()\n\"“”]*?\b(?:in|on)\s+(?:the\s+)?", re.I)


def is_past(verb: str, words: ContextWords) -> bool:
    """A past tense: a listed irregular one or a regular "-ed" ("opened")."""
    return verb in words.past_words or len(verb) > 4 and verb.endswith("ed")


def tense(text: str, start: int, end: int, words: ContextWords) -> str | None:
    """ "past" or "future" when the verb before a year-less date says which occurrence
    it is ("ended on March 20", "will end in March", "wheat for March delivery")."""
    if next_word(text, end).lower() in words.future_after:
        return "future"
    clause = _CLAUSE_WORDS.search(text, max(0, start - 50), start)
    raw = _WORDS.findall(clause.group())[-7:] if clause else []
    while raw and (raw[-1].lower() in _TENSE_SKIP or len(raw) > 2 and raw[-1][:1].isupper()
                   and raw[-2].lower() in _PLACE_PREPOSITIONS):
        # "ended on the", and a place the verb goes to: "went to Rome in July"
        del raw[-2 if raw[-1][:1].isupper() and raw[-1].lower() not in _TENSE_SKIP else -1:]
    found = [w.lower() for w in raw[-5:]]
    if not found or raw[-1][:1].isupper() and len(raw) > 1:
        return None  # a name, not a verb
    verb, before = found[-1], found[-3:-1]
    # "will formally end", "to end", "is to be held": a modal up to two words back, "to" just
    # before the verb or its "be" ("made to school on" is no infinitive).
    infinitive = before[-1:] == ["to"] or before == ["to", "be"]
    if before[-1:] == ["to"] and is_past(before[0], words):
        verb = before[0]  # a destination, not an infinitive: "made to school on"
    elif verb in words.future_words or any(w in _MODALS and w != "to" for w in before) or infinitive:
        return "future"
    if is_past(verb, words):
        return "past"
    return None


def resolution_order(text: str, items: list[Item]) -> list[int]:
    """The items' indices in text order, except that a clock time comes after the date that
    follows it: "at 9 a.m. on 3 May 1845"."""
    order = list(range(len(items)))
    for i in range(len(items) - 1):
        if items[order[i]].kind == "time" and items[order[i + 1]].kind == "date" and \
                _TIME_THEN_DATE.match(text, items[order[i]].end, items[order[i + 1]].start):
            order[i], order[i + 1] = order[i + 1], order[i]
    return order


class ItemResolver:
    """Resolves one document's items: ``ItemResolver(...).resolve_all()``."""

    def __init__(self, text: str, items: list[Item], resolver: TimexResolver, names: NameTables,
                 words: ContextWords) -> None:
        self.text, self.items, self.resolver = text, items, resolver
        self.names, self.words = names, words
        self.ranges: dict[int, Range] = find_ranges(text, items, words.change_words)
        self.infos: dict[int, Info] = {}
        self.tenses: dict[int, str | None] = {}  # a year-less date's start -> its tense

    def resolve_all(self) -> dict[int, Info]:
        """The resolved date of every item, by its index."""
        for i in resolution_order(self.text, self.items):
            self.resolve(i)
        return self.infos

    def groups(self, i: int) -> dict[str, Any]:
        """The item's parts, with a holiday's entry and a year-less date's tense added."""
        item = self.items[i]
        s, e, kind, g = item
        out: dict[str, Any] = g
        if kind == "holiday":
            out = {**g, "holiday_info": self.names.holidays[g["hol"].lower()]}
        if kind == "duration" and prev_word(self.text, s) == "in":
            out = {**g, "within": True}
        if kind == "date" and "y" not in g and not g.get("that") or kind == "weekday" and not g.get("rel"):
            found = tense(self.text, s, e, self.words) or self.tense_of_list(i)
            if found:
                out = {**out, "tense": found}
            self.tenses[item.start] = found
        return out

    def tense_of_list(self, i: int) -> str | None:
        """The tense of the date before in a list of dates in one clause: "I go to Rome next
        month, Oslo in November, Lima in January" (every one still to come)."""
        item = self.items[i]
        if not i:
            return None
        before = self.items[i - 1]
        gap = self.text[before.end:item.start]
        if len(gap) > 60 or not _LIST_GAP.fullmatch(gap):
            return None
        if before.kind == "relative" and before.groups.get("rel", "").lower() in ("next", "coming"):
            return "future"
        return self.tenses.get(before.start)

    def partner(self, i: int, groups: dict[str, Any]) -> int | None:
        """The year a year-less date takes from the other end of its range."""
        items, kind = self.items, self.items[i].kind
        if kind != "date" or "y" in groups:
            return None
        found = partner_year(self.text, items, i, self.names.month_names)
        rng = self.ranges.get(i)
        if found is None and rng is not None and rng.second == i \
                and ("y" in items[i - 1].groups or not self.resolver.narrative):
            # In history a year-less start is itself a guess; do not build on it.
            found = year_after(self.infos.get(rng.first), groups, self.names.month_names)
        return found

    def resolve(self, i: int) -> None:
        s, _e, kind, _g = self.items[i]
        groups = self.groups(i)
        self.infos[i] = self.resolver.resolve(kind, groups, s, self.partner(i, groups))
        before = self.items[i - 1] if i else None
        if before is not None and before.kind == "duration" and SPAN_TO.fullmatch(self.text, before.end, s):
            note_span_to(self.resolver, before, self.infos[i])
        rng = self.ranges.get(i)
        if rng is not None and i - 1 in self.infos and rng.first == i - 1:
            close_range(self.resolver, self.infos, rng)
