"""Scores the pipeline against annotated news: precision, recall and F1 per kind of fact.

The annotated sets are JSON Lines, one text per line, in the format of
``../shared/eval/README.md``::

    {"id", "text", "published": "YYYY-MM-DD" | null,
     "quantities": [{"surface", "start", "end", "value", "unit", "counted"?, ...}],
     "dates":      [{"surface", "start", "end", "iso"}],
     "quotes":     [{"content", "start", "end", "speaker", "direct", ...}],
     "entities":   [{"text", "label", "aliases"?}]}

A kind is scored only on the texts whose line carries its key (a set that never annotates
dates is not scored on dates). Every text goes through the same pipeline as
``extractor extract`` (:func:`extractor.extract_doc` on one :func:`build_pipeline`), with
the line's ``published`` date when it has one.

Matching is one-to-one: for each criterion the scorer takes a maximum matching between gold
and predicted items, built greedily from the best pairs (highest score first) and then
completed with augmenting paths, so no other one-to-one pairing would match more items.
Precision = matched / predicted, recall = matched / gold, F1 their harmonic mean. With
nothing predicted (or nothing annotated) the undefined ratio is 100 when both sides are
empty and 0 otherwise.

The criteria, kind by kind:

quantities
    *span*: the predicted span overlaps the gold span (at least one character).
    *value*: span overlap and equal ``value``; a predicted value equals the gold value when
    they are equal within a relative 1e-9 or when the prediction, rounded to the number of
    decimals the gold value is written with, equals it (gold 0.6667 accepts 2/3).
    *value+unit*: value match and unit match. Units compare case-insensitively with spaces
    collapsed and spelling variants merged (metre = meter, litre = liter, tonne = metric
    ton = ton, pound-mass = pound, "degree Celsius" = celsius, "year of age" = year). For a
    count (gold ``unit`` null) the unit matches when the predicted unit is null, or when it
    names the counted noun phrase: it equals the gold ``counted`` phrase or a whole-word
    ending of it ("passenger cars" accepts "passenger cars" and "cars").
    *counted* (an accuracy over value matches whose gold has a ``counted`` phrase): the
    predicted ``counted`` span overlaps the gold one (texts compared when the gold gives no
    offsets).
dates
    *strict*: identical span. *relaxed*: overlapping spans. *value accuracy*: over the
    relaxed matches, the predicted ``value`` equals the gold ``iso`` (case-insensitive;
    both null counts as equal). *relaxed+value*: a relaxed match with the right value,
    scored as P/R/F1.
quotations
    Spans are the quoted content (without the marks). *>=30%* and *>=80%*: the predicted
    content covers at least 30% (80%) of the gold content's characters. *exact*: identical
    span. Over the >=30% matches: *speaker accuracy* (names compared case-insensitively,
    spaces collapsed, a leading "the" ignored; a predicted speaker is right when it equals
    the gold speaker or any name of the gold entity that has the gold speaker as its text
    or alias; a null gold speaker wants a null prediction), *direct flag accuracy*, and the
    *recall of direct and of reported speech* separately (by the gold ``direct`` flag).
entities
    One item per distinct entity. A predicted entity matches a gold one of the same label
    when its name or any alias equals the gold text or any gold alias (names normalised as
    for speakers). Scored per label and overall over the labels annotated (PERSON, ORG,
    GPE, LOC, NORP); predicted entities of other labels (FAC, EVENT, ...) are not
    annotated in the sets and are left out. *any label* matches names only and shows
    label confusions.
    *mentions* (only on texts whose line carries ``entity_mentions``, a list of
    ``{start, end, label}``): every mention scored by exact span and label, as spaCy's NER
    scorer does; the predicted mentions are the ``mentions`` of each predicted entity of a
    scored label, with the entity's label. Rows "mentions: overall" and "mentions: LABEL".

Errors are read off the most lenient matching of each kind (span overlap, relaxed,
>=30%, any label): an unmatched gold item is *missed*, an unmatched prediction *spurious*,
and a matched pair that disagrees is a *wrong value / unit / counted / span / speaker /
label*. The report lists the N worst: identical errors (same category and surface) are
grouped and the most frequent come first, taken in turn from each category.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
import time
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .errors import InputError

KINDS = ("quantities", "dates", "quotations", "entities")
GOLD_KEYS = {"quantities": "quantities", "dates": "dates", "quotations": "quotes",
             "entities": "entities"}
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
MENTIONS = "mentions: "  # the prefix of the per-mention entity rows
MENTION_LABEL_ROWS = tuple(MENTIONS + label for label in ENTITY_LABELS)
QUOTE_LOOSE, QUOTE_TIGHT = 0.3, 0.8
PROGRESS_MIN_TEXTS, PROGRESS_MIN_CHARS = 100, 100_000


# ---------------------------------------------------------------------------- figures

@dataclass
class Counts:
    """Matched, predicted and gold items of one criterion; ``pred`` None for recall-only rows."""

    tp: int = 0
    pred: int | None = 0
    gold: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.gold += other.gold
        if self.pred is not None and other.pred is not None:
            self.pred += other.pred
        else:
            self.pred = None

    @property
    def precision(self) -> float | None:
        if self.pred is None:
            return None
        return _ratio(self.tp, self.pred, self.gold)

    @property
    def recall(self) -> float | None:
        if self.pred is None and not self.gold:
            return None
        return _ratio(self.tp, self.gold, self.pred or 0)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "pred": self.pred, "matched": self.tp,
                "precision": _pct(self.precision), "recall": _pct(self.recall),
                "f1": _pct(self.f1)}


@dataclass
class Accuracy:
    hits: int = 0
    total: int = 0

    def add(self, other: "Accuracy") -> None:
        self.hits += other.hits
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {"correct": self.hits, "of": self.total, "accuracy": _pct(self.value)}


def _ratio(tp: int, denominator: int, other_side: int) -> float:
    if denominator:
        return tp / denominator
    return 1.0 if not other_side else 0.0


def _pct(x: float | None) -> float | None:
    return None if x is None else round(100 * x, 1)


@dataclass
class Error:
    category: str  # missed, spurious, wrong value, wrong unit, ...
    text_id: str
    surface: str
    start: int
    end: int
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"category": self.category, "id": self.text_id, "surface": self.surface,
                "start": self.start, "end": self.end, "detail": self.detail}


@dataclass
class KindScore:
    """The figures of one kind over one or more texts; rows keep their insertion order."""

    counts: dict[str, Counts] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    texts: int = 0

    def count(self, name: str, tp: int, pred: int | None, gold: int) -> None:
        self.counts.setdefault(name, Counts(0, 0 if pred is not None else None, 0)).add(
            Counts(tp, pred, gold))

    def accuracy(self, name: str, hits: int, total: int) -> None:
        self.accuracies.setdefault(name, Accuracy()).add(Accuracy(hits, total))

    def add(self, other: "KindScore") -> None:
        for name, c in other.counts.items():
            self.counts.setdefault(name, Counts(0, 0 if c.pred is not None else None, 0)).add(c)
        for name, a in other.accuracies.items():
            self.accuracies.setdefault(name, Accuracy()).add(a)
        self.errors.extend(other.errors)
        self.texts += other.texts

    def rows(self) -> list[tuple[str, Counts]]:
        """The P/R/F1 rows worth showing: a label or recall row with nothing in it is left out."""
        return [(name, c) for name, c in self.counts.items()
                if c.gold or c.pred
                or not (name in ENTITY_LABELS or name in MENTION_LABEL_ROWS or c.pred is None)]

    def worst_errors(self, n: int) -> list[tuple[int, Error]]:
        """Up to ``n`` (count, example) pairs: grouped, most frequent first, categories in turn."""
        groups: dict[tuple[str, str], list[Error]] = {}
        for e in self.errors:
            groups.setdefault((e.category, _fold(e.surface)), []).append(e)
        by_category: dict[str, deque] = {}
        for (category, _), members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            by_category.setdefault(category, deque()).append((len(members), members[0]))
        order = [c for c in ERROR_ORDER if c in by_category] + [
            c for c in by_category if c not in ERROR_ORDER]
        out: list[tuple[int, Error]] = []
        while len(out) < n and any(by_category[c] for c in order):
            for c in order:
                if by_category[c] and len(out) < n:
                    out.append(by_category[c].popleft())
        return out

    def as_dict(self, n_errors: int) -> dict[str, Any]:
        return {
            "texts": self.texts,
            "scores": {name: c.as_dict() for name, c in self.rows()},
            "accuracies": {name: a.as_dict() for name, a in self.accuracies.items()},
            "error_counts": dict(Counter(e.category for e in self.errors)),
            "worst_errors": [{**e.as_dict(), "count": k} for k, e in self.worst_errors(n_errors)],
        }


ERROR_ORDER = ("missed", "spurious", "wrong value", "wrong speaker", "wrong label",
               "wrong unit", "wrong span", "wrong direct flag", "wrong counted")


# ---------------------------------------------------------------------------- matching

def maximum_matching(pairs: Iterable[tuple[Any, int, int]]) -> dict[int, int]:
    """A one-to-one gold -> pred matching of maximum size over scored candidate pairs.

    ``pairs`` are (score, gold index, pred index); higher scores are taken first, then
    augmenting paths add every match the greedy pass left out (Kuhn's algorithm, BFS).
    """
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1], -p[2]), reverse=True)
    adjacency: dict[int, list[int]] = defaultdict(list)
    gold_to_pred: dict[int, int] = {}
    pred_to_gold: dict[int, int] = {}
    for _, g, p in pairs:
        adjacency[g].append(p)
        if g not in gold_to_pred and p not in pred_to_gold:
            gold_to_pred[g] = p
            pred_to_gold[p] = g
    for g in list(adjacency):
        if g not in gold_to_pred:
            _augment(g, adjacency, gold_to_pred, pred_to_gold)
    return gold_to_pred


def _augment(root: int, adjacency: Mapping[int, list[int]], gold_to_pred: dict[int, int],
             pred_to_gold: dict[int, int]) -> bool:
    reached_from: dict[int, int] = {}
    queue = deque([root])
    while queue:
        g = queue.popleft()
        for p in adjacency[g]:
            if p in reached_from:
                continue
            reached_from[p] = g
            if p not in pred_to_gold:
                while True:  # flip the alternating path back to the root
                    g = reached_from[p]
                    previous = gold_to_pred.get(g)
                    gold_to_pred[g] = p
                    pred_to_gold[p] = g
                    if g == root or previous is None:
                        return True
                    p = previous
            queue.append(pred_to_gold[p])
    return False


def overlapping_pairs(gold: Sequence[tuple[int, int]],
                      pred: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int, int]]:
    """(gold index, pred index, overlap in characters) for every overlapping pair of spans."""
    if not gold or not pred:
        return
    order = sorted(range(len(pred)), key=lambda j: pred[j][0])
    starts = [pred[j][0] for j in order]
    longest = max(e - s for s, e in pred)
    for i, (gs, ge) in enumerate(gold):
        lo = bisect_left(starts, gs - longest + 1)
        hi = bisect_left(starts, ge)
        for k in range(lo, hi):
            ps, pe = pred[order[k]]
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                yield i, order[k], overlap


# ---------------------------------------------------------------------------- comparisons

_SPACES = re.compile(r"\s+")


def _fold(s: str | None) -> str:
    return _SPACES.sub(" ", s).strip().casefold() if s else ""


def name_key(s: str | None) -> str:
    """A name as compared: case-folded, spaces collapsed, a leading "the" dropped."""
    key = _fold(s)
    return key[4:] if key.startswith("the ") else key


def values_equal(gold: Any, pred: Any) -> bool:
    """Equal numbers, allowing for the rounding the gold value is written with."""
    if not _is_number(gold) or not _is_number(pred):
        return False
    gold, pred = float(gold), float(pred)
    if math.isclose(gold, pred, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if not math.isfinite(gold) or not math.isfinite(pred):
        return False
    try:
        exponent = Decimal(repr(gold)).as_tuple().exponent
        if not isinstance(exponent, int):  # "n", "N", "F": NaN or infinity
            return False
        decimals = max(0, -exponent)
    except (InvalidOperation, TypeError):
        return False
    return math.isclose(round(pred, decimals), gold, rel_tol=1e-9, abs_tol=1e-12)


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def unit_matches(gold: Mapping[str, Any], pred_unit: str | None) -> bool:
    """See the module docstring: equal units, or for counts null / the counted noun phrase."""
    gold_unit = gold.get("unit")
    if gold_unit is not None:
        return unit_key(gold_unit) == unit_key(pred_unit)
    if pred_unit is None or not _fold(pred_unit):
        return True
    counted = name_key(gold.get("counted")).split()
    unit = name_key(pred_unit).split()
    return 0 < len(unit) <= len(counted) and counted[-len(unit):] == unit


# The annotated sets spell some units differently (Recognizers-Text: "metre", "pound-mass",
# "year of age", "celsius"; quantulum3: "degree Celsius"; news_dev: "meter", "pound",
# "year"); a spelling is not an error.
_UNIT_SPELLINGS = ((re.compile(r"(?<=met)re\b|(?<=lit)re\b"), "er"),
                   (re.compile(r"\bpound-mass\b"), "pound"),
                   (re.compile(r"\b(?:metric ton|tonne)\b"), "ton"),
                   (re.compile(r"\bdegrees? (?=celsius\b|fahrenheit\b)"), ""),
                   (re.compile(r" of age$"), ""))


def unit_key(unit: str | None) -> str:
    """A unit as compared: case-folded, spaces collapsed, British/American spellings merged."""
    key = _fold(unit)
    for pattern, replacement in _UNIT_SPELLINGS:
        key = pattern.sub(replacement, key)
    return key


def iso_equal(gold: str | None, pred: str | None) -> bool:
    return _fold(gold) == _fold(pred)


def _clip(s: str | None, width: int = 70) -> str:
    s = _SPACES.sub(" ", s or "").strip()
    return s if len(s) <= width else s[: width - 1] + "…"


# ---------------------------------------------------------------------------- scorers
# Gold items are annotation dicts (the data-file format); predicted items are record dicts
# (``ArticleFacts.model_dump()``): both are read with .get so hand-made cases stay small.

def _spans(items: Sequence[Mapping]) -> list[tuple[int, int]]:
    return [(x["start"], x["end"]) for x in items]


def _same_span(g: Mapping, p: Mapping) -> bool:
    return (g["start"], g["end"]) == (p["start"], p["end"])


def _flag(score: KindScore, category: str, text_id: str, g: Mapping, surface: str,
          detail: str) -> None:
    """Record an error on gold item ``g`` (offsets -1 when the annotation has none)."""
    score.errors.append(Error(category, text_id, g.get(surface) or "", g.get("start", -1),
                              g.get("end", -1), detail))


def score_quantities(gold: Sequence[Mapping], pred: Sequence[Mapping],
                     text_id: str = "") -> KindScore:
    score = KindScore(texts=1)
    spans = list(overlapping_pairs(_spans(gold), _spans(pred)))
    value_ok = {(i, j): values_equal(gold[i].get("value"), pred[j].get("value"))
                for i, j, _ in spans}
    unit_ok = {(i, j): unit_matches(gold[i], pred[j].get("unit")) for i, j, _ in spans}
    loose = maximum_matching(((value_ok[i, j], unit_ok[i, j], ov), i, j) for i, j, ov in spans)
    by_value = maximum_matching(((unit_ok[i, j], ov), i, j) for i, j, ov in spans
                                if value_ok[i, j])
    by_unit = maximum_matching((ov, i, j) for i, j, ov in spans
                               if value_ok[i, j] and unit_ok[i, j])
    score.count("span overlap", len(loose), len(pred), len(gold))
    score.count("value", len(by_value), len(pred), len(gold))
    score.count("value+unit", len(by_unit), len(pred), len(gold))

    with_counted = [(gold[i], pred[j]) for i, j in by_value.items() if gold[i].get("counted")]
    hits = 0
    for g, p in with_counted:
        if _counted_agrees(g, p):
            hits += 1
        else:
            _flag(score, "wrong counted", text_id, g, "surface",
                  f"gold {g.get('counted')!r}, predicted {p.get('counted')!r}")
    score.accuracy("counted phrase (of value matches)", hits, len(with_counted))

    for i, j in loose.items():
        g, p = gold[i], pred[j]
        if not value_ok[i, j]:
            _flag(score, "wrong value", text_id, g, "surface",
                  f"gold {g.get('value')!r}, predicted {p.get('value')!r} in {p.get('text')!r}")
        elif not unit_ok[i, j]:
            _flag(score, "wrong unit", text_id, g, "surface",
                  f"gold {g.get('unit')!r}, predicted {p.get('unit')!r}")

    def describe(q: Mapping) -> str:
        counted = f", counted {q.get('counted')!r}" if q.get("counted") else ""
        return f"value {q.get('value')!r}, unit {q.get('unit')!r}{counted}"

    _unmatched(score, gold, pred, loose, text_id, "surface", describe, describe)
    return score


def _counted_agrees(g: Mapping, p: Mapping) -> bool:
    offsets = (g.get("counted_start"), g.get("counted_end"), p.get("counted_start"),
               p.get("counted_end"))
    gs, ge, ps, pe = offsets
    if gs is not None and ge is not None and ps is not None and pe is not None:
        return min(ge, pe) > max(gs, ps)
    return bool(p.get("counted")) and name_key(g.get("counted")) == name_key(p.get("counted"))


def score_dates(gold: Sequence[Mapping], pred: Sequence[Mapping], text_id: str = "") -> KindScore:
    score = KindScore(texts=1)
    spans = list(overlapping_pairs(_spans(gold), _spans(pred)))
    exact = {(i, j): _same_span(gold[i], pred[j]) for i, j, _ in spans}
    right = {(i, j): iso_equal(gold[i].get("iso"), pred[j].get("value")) for i, j, _ in spans}
    relaxed = maximum_matching(((exact[i, j], right[i, j], ov), i, j) for i, j, ov in spans)
    strict = maximum_matching((right[i, j], i, j) for i, j, _ in spans if exact[i, j])
    correct = sum(right[pair] for pair in relaxed.items())
    score.count("strict", len(strict), len(pred), len(gold))
    score.count("relaxed", len(relaxed), len(pred), len(gold))
    score.count("relaxed+value", correct, len(pred), len(gold))
    score.accuracy("value (of relaxed matches)", correct, len(relaxed))

    for i, j in relaxed.items():
        g, p = gold[i], pred[j]
        if not right[i, j]:
            _flag(score, "wrong value", text_id, g, "surface",
                  f"gold {g.get('iso')!r}, predicted {p.get('value')!r} for {p.get('text')!r}")
        elif not exact[i, j]:
            _flag(score, "wrong span", text_id, g, "surface", f"predicted {p.get('text')!r}")
    _unmatched(score, gold, pred, relaxed, text_id, "surface",
               lambda g: f"iso {g.get('iso')!r}", lambda p: f"value {p.get('value')!r}")
    return score


def speaker_names(gold_speaker: str | None, gold_entities: Sequence[Mapping]) -> set[str]:
    """The name keys that count as the gold speaker: its own and its entity's names."""
    key = name_key(gold_speaker)
    if not key:
        return set()
    names = {key}
    for e in gold_entities:
        keys = _entity_keys(e.get("text"), e.get("aliases"))
        if key in keys:
            names |= keys
    return names


def score_quotations(gold: Sequence[Mapping], pred: Sequence[Mapping],
                     gold_entities: Sequence[Mapping] = (), text_id: str = "") -> KindScore:
    score = KindScore(texts=1)
    spans = list(overlapping_pairs(_spans(gold), _spans(pred)))
    cover = {(i, j): ov / (gold[i]["end"] - gold[i]["start"]) for i, j, ov in spans}
    exact = {(i, j): _same_span(gold[i], pred[j]) for i, j, _ in spans}
    accepted = [speaker_names(g.get("speaker"), gold_entities) for g in gold]
    is_direct = [bool(g.get("direct", True)) for g in gold]

    def speaker_ok(i: int, j: int) -> bool:
        predicted = name_key(pred[j].get("speaker"))
        return predicted in accepted[i] if accepted[i] else not predicted

    def covering(threshold: float):
        return (((exact[i, j], round(cover[i, j], 6), speaker_ok(i, j)), i, j)
                for i, j, _ in spans if cover[i, j] >= threshold)

    loose = maximum_matching(covering(QUOTE_LOOSE))
    tight = maximum_matching(covering(QUOTE_TIGHT))
    same = maximum_matching((1, i, j) for i, j, _ in spans if exact[i, j])
    score.count(f"content >={QUOTE_LOOSE:.0%}", len(loose), len(pred), len(gold))
    score.count(f"content >={QUOTE_TIGHT:.0%}", len(tight), len(pred), len(gold))
    score.count("exact content", len(same), len(pred), len(gold))
    for name, wanted in (("direct speech (recall)", True), ("reported speech (recall)", False)):
        ids = [i for i, d in enumerate(is_direct) if d is wanted]
        score.count(name, sum(i in loose for i in ids), None, len(ids))
    score.accuracy("speaker (of >=30% matches)",
                   sum(speaker_ok(i, j) for i, j in loose.items()), len(loose))
    score.accuracy("direct flag (of >=30% matches)",
                   sum(is_direct[i] == bool(pred[j].get("direct", True)) for i, j in loose.items()),
                   len(loose))

    for i, j in loose.items():
        g, p = gold[i], pred[j]
        if not speaker_ok(i, j):
            _flag(score, "wrong speaker", text_id, g, "content",
                  f"gold {g.get('speaker')!r}, predicted {p.get('speaker')!r}")
        if is_direct[i] != bool(p.get("direct", True)):
            _flag(score, "wrong direct flag", text_id, g, "content", f"gold direct={is_direct[i]}")
        if not exact[i, j]:
            _flag(score, "wrong span", text_id, g, "content",
                  f"covers {cover[i, j]:.0%}; predicted {_clip(p.get('text'), 60)!r}")

    def describe(q: Mapping) -> str:
        kind = "direct" if q.get("direct", True) else "reported"
        return f"{kind}, speaker {q.get('speaker')!r}"

    _unmatched(score, gold, pred, loose, text_id, "content", describe, describe)
    return score


def _entity_keys(name: str | None, aliases: Iterable[str] | None) -> set[str]:
    keys = {name_key(name)} | {name_key(a) for a in (aliases or ())}
    keys.discard("")
    return keys


def score_entity_mentions(score: KindScore, gold_mentions: Sequence[Mapping],
                          pred: Sequence[Mapping]) -> None:
    """Per-mention rows: exact (start, end, label) triples compared as sets, like spaCy's
    NER scorer; ``pred`` holds the entities of the scored labels."""
    gold_set = {(m["start"], m["end"], m["label"]) for m in gold_mentions}
    pred_set = {(m["start"], m["end"], p["label"]) for p in pred
                for m in p.get("mentions") or ()}
    matched = gold_set & pred_set
    score.count(MENTIONS + "overall", len(matched), len(pred_set), len(gold_set))
    for label in ENTITY_LABELS:
        score.count(MENTIONS + label, sum(m[2] == label for m in matched),
                    sum(m[2] == label for m in pred_set), sum(m[2] == label for m in gold_set))


def score_entities(gold: Sequence[Mapping], pred: Sequence[Mapping],
                   text_id: str = "", gold_mentions: Sequence[Mapping] | None = None
                   ) -> KindScore:
    """Entities by distinct name; with ``gold_mentions`` also every mention by exact span."""
    score = KindScore(texts=1)
    pred = [p for p in pred if p.get("label") in ENTITY_LABELS]
    holders: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        for k in _entity_keys(p.get("name"), p.get("aliases")):
            holders[k].append(j)
    shared: Counter = Counter()  # (gold, pred) -> names in common
    for i, g in enumerate(gold):
        for k in _entity_keys(g.get("text"), g.get("aliases")):
            shared.update((i, j) for j in holders.get(k, ()))
    same_label = {pair: gold[pair[0]].get("label") == pred[pair[1]].get("label") for pair in shared}
    same_name = {pair: name_key(gold[pair[0]].get("text")) == name_key(pred[pair[1]].get("name"))
                 for pair in shared}
    labelled = maximum_matching(((same_name[i, j], n), i, j) for (i, j), n in shared.items()
                                if same_label[i, j])
    any_label = maximum_matching(((same_label[i, j], same_name[i, j], n), i, j)
                                 for (i, j), n in shared.items())
    score.count("overall", len(labelled), len(pred), len(gold))
    for label in ENTITY_LABELS:  # every label, so rows keep one order across texts
        score.count(label, sum(gold[i].get("label") == label for i in labelled),
                    sum(p.get("label") == label for p in pred),
                    sum(g.get("label") == label for g in gold))
    score.count("any label", len(any_label), len(pred), len(gold))
    if gold_mentions is not None:
        score_entity_mentions(score, gold_mentions, pred)

    for i, j in any_label.items():
        if not same_label[i, j]:
            _flag(score, "wrong label", text_id, gold[i], "text",
                  f"gold {gold[i].get('label')}, predicted {pred[j].get('label')} "
                  f"({pred[j].get('name')!r})")

    def describe(e: Mapping) -> str:
        return str(e.get("label")) + (f", aliases {e.get('aliases')}" if e.get("aliases") else "")

    _unmatched(score, gold, pred, any_label, text_id, "text", describe, describe,
               pred_view=lambda p: {**(p.get("mentions") or [{}])[0], "text": p.get("name")})
    return score


def _unmatched(score: KindScore, gold: Sequence[Mapping], pred: Sequence[Mapping],
               matching: Mapping[int, int], text_id: str, surface: str,
               describe_gold: Callable[[Mapping], str], describe_pred: Callable[[Mapping], str],
               pred_view: Callable[[Mapping], Mapping] | None = None) -> None:
    """Gold items left out of ``matching`` are missed, predictions left out are spurious.

    ``surface`` names the gold field holding the surface; a prediction's is its ``text``
    (``pred_view`` maps a prediction to a dict with ``text``/``start``/``end`` otherwise).
    """
    for i, g in enumerate(gold):
        if i not in matching:
            _flag(score, "missed", text_id, g, surface, describe_gold(g))
    matched = set(matching.values())
    for j, p in enumerate(pred):
        if j not in matched:
            view = pred_view(p) if pred_view else p
            score.errors.append(Error("spurious", text_id, view.get("text") or "",
                                      view.get("start", -1), view.get("end", -1),
                                      describe_pred(p)))


def score_text(kind: str, gold: Mapping[str, Any], facts: Mapping[str, Any]) -> KindScore:
    """Score one kind on one text: ``gold`` is the data line, ``facts`` the record dict."""
    text_id = str(gold.get("id", ""))
    if kind == "quantities":
        return score_quantities(gold["quantities"], facts.get("quantities") or [], text_id)
    if kind == "dates":
        return score_dates(gold["dates"], facts.get("dates") or [], text_id)
    if kind == "quotations":
        return score_quotations(gold["quotes"], facts.get("quotations") or [],
                                gold.get("entities") or [], text_id)
    if kind == "entities":
        return score_entities(gold["entities"], facts.get("entities") or [], text_id,
                              gold.get("entity_mentions"))
    raise ValueError(f"unknown kind {kind!r}")


# ---------------------------------------------------------------------------- loading

class MalformedLine(ValueError):
    """A data line that cannot be scored; the message says why."""


@dataclass
class Text:
    line: int
    data: dict[str, Any]
    published: dt.date | None

    @property
    def id(self) -> str:
        return str(self.data.get("id"))


@dataclass
class AnnotatedSet:
    path: Path
    texts: list[Text]
    skipped: list[tuple[int, str]]  # (line number, reason)

    @property
    def kinds(self) -> list[str]:
        return [k for k in KINDS if any(GOLD_KEYS[k] in t.data for t in self.texts)]


def load_set(path: str | Path) -> AnnotatedSet:
    """Read an annotated JSONL file; malformed lines are kept out with their line number.

    Raises :class:`InputError` when the file itself cannot be read.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    texts, skipped = [], []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    texts.append(parse_line(line, number))
                except MalformedLine as exc:
                    skipped.append((number, str(exc)))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return AnnotatedSet(path, texts, skipped)


def parse_line(line: str, number: int = 0) -> Text:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedLine(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise MalformedLine(f"a JSON object was expected, not {type(data).__name__}")
    text = data.get("text")
    if not isinstance(text, str):
        raise MalformedLine('no "text" string')
    data.setdefault("id", f"line-{number}")
    published = data.get("published")
    if published is not None:
        try:
            published = dt.date.fromisoformat(str(published).strip()[:10])
        except ValueError:
            raise MalformedLine(f'"published" is not a YYYY-MM-DD date: {published!r}') from None
    for kind, key in GOLD_KEYS.items():
        if key not in data:
            continue
        items = data[key]
        if not isinstance(items, list):
            raise MalformedLine(f'"{key}" is not a list')
        for n, item in enumerate(items):
            problem = _check_item(kind, item, text)
            if problem:
                raise MalformedLine(f'"{key}"[{n}]: {problem}')
    _check_mentions(data.get("entity_mentions"), text)
    return Text(number, data, published)


def _check_mentions(mentions: Any, text: str) -> None:
    """``entity_mentions``, when present: spans with a label (and a ``text`` that fits)."""
    if mentions is None:
        return
    if not isinstance(mentions, list):
        raise MalformedLine('"entity_mentions" is not a list')
    for n, m in enumerate(mentions):
        problem = _check_item("entity_mentions", m, text)
        if problem is None and not isinstance(m.get("label"), str):
            problem = 'no "label"'
        if problem:
            raise MalformedLine(f'"entity_mentions"[{n}]: {problem}')


_SURFACE_FIELD = {"quantities": "surface", "dates": "surface", "quotations": "content",
                  "entity_mentions": "text"}


def _check_item(kind: str, item: Any, text: str) -> str | None:
    if not isinstance(item, dict):
        return "not an object"
    if kind == "entities":
        if not isinstance(item.get("text"), str) or not item["text"].strip():
            return 'no "text"'
        if not isinstance(item.get("label"), str):
            return 'no "label"'
        aliases = item.get("aliases")
        if aliases is not None and not (isinstance(aliases, list)
                                        and all(isinstance(a, str) for a in aliases)):
            return '"aliases" is not a list of strings'
        return None
    start, end = item.get("start"), item.get("end")
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) \
            or not 0 <= start < end <= len(text):
        return f"bad offsets {start!r}:{end!r}"
    surface = item.get(_SURFACE_FIELD[kind])
    if surface is not None and surface != text[start:end]:
        return f"{surface!r} is not text[{start}:{end}] = {text[start:end]!r}"
    if kind == "quantities":
        if not _is_number(item.get("value")):
            return f'"value" is not a number: {item.get("value")!r}'
        if item.get("unit") is not None and not isinstance(item["unit"], str):
            return '"unit" is not a string or null'
    elif kind == "dates":
        if item.get("iso") is not None and not isinstance(item["iso"], str):
            return '"iso" is not a string or null'
    elif kind == "quotations":
        if not isinstance(item.get("direct", True), bool):
            return '"direct" is not true or false'
        if item.get("speaker") is not None and not isinstance(item["speaker"], str):
            return '"speaker" is not a string or null'
    return None


# ---------------------------------------------------------------------------- running

@dataclass
class SetReport:
    path: Path
    texts: int
    skipped: list[tuple[int, str]]
    kinds: dict[str, KindScore]
    seconds: float
    chars: int
    failures: list[tuple[str, str]] = field(default_factory=list)  # (text id, error)

    def as_dict(self, n_errors: int) -> dict[str, Any]:
        return {
            "file": str(self.path), "texts": self.texts,
            "skipped_lines": [{"line": n, "reason": r} for n, r in self.skipped],
            "pipeline_failures": [{"id": i, "error": e} for i, e in self.failures],
            "seconds": round(self.seconds, 2), "chars": self.chars,
            "kinds": {k: s.as_dict(n_errors) for k, s in self.kinds.items()},
        }


def evaluate_set(annotated: AnnotatedSet, nlp, kinds: Sequence[str] = KINDS,
                 progress: bool | None = None) -> SetReport:
    """Run ``nlp`` over every text of the set and score the requested kinds it annotates."""
    from tqdm import tqdm

    from . import extract_doc

    scored = [k for k in annotated.kinds if k in kinds]
    totals = {k: KindScore() for k in scored}
    failures: list[tuple[str, str]] = []
    chars = sum(len(t.data["text"]) for t in annotated.texts)
    if not scored:
        return SetReport(annotated.path, len(annotated.texts), annotated.skipped, {}, 0.0, chars)
    if progress is None:
        progress = len(annotated.texts) >= PROGRESS_MIN_TEXTS or chars >= PROGRESS_MIN_CHARS
    started = time.perf_counter()
    with tqdm(total=chars, unit="char", unit_scale=True, file=sys.stderr, leave=False,
              disable=not progress, desc=annotated.path.name) as bar:
        for t in annotated.texts:
            try:
                facts = extract_doc(nlp, t.data["text"], published=t.published,
                                    meta={"id": t.id}).model_dump()
            except Exception as exc:  # a broken component must not stop the whole run
                failures.append((t.id, f"{type(exc).__name__}: {exc}"))
                facts = {}
            for kind in scored:
                if GOLD_KEYS[kind] in t.data:
                    totals[kind].add(score_text(kind, t.data, facts))
            bar.update(len(t.data["text"]))
    return SetReport(annotated.path, len(annotated.texts), annotated.skipped, totals,
                     time.perf_counter() - started, chars, failures)


def parse_kinds(spec: str | None) -> list[str]:
    if not spec:
        return list(KINDS)
    aliases = {"quotes": "quotations", "quantity": "quantities", "date": "dates",
               "quotation": "quotations", "entity": "entities"}
    kinds = []
    for raw in spec.split(","):
        name = aliases.get(raw.strip().lower(), raw.strip().lower())
        if not name:
            continue
        if name not in KINDS:
            raise ValueError(f"unknown kind {raw.strip()!r} (choose from {', '.join(KINDS)})")
        if name not in kinds:
            kinds.append(name)
    return kinds


def evaluate_files(paths: Sequence[str | Path], *, kinds: Sequence[str] = KINDS,
                   model: str | None = None, progress: bool | None = None,
                   warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr)
                   ) -> list[SetReport]:
    """Load every set first (so a missing file fails before any work), build the pipeline
    once, and score each set."""
    from .pipeline import build_pipeline

    sets = [load_set(p) for p in paths]
    for s in sets:
        for number, reason in s.skipped:
            warn(f"warning: {s.path}:{number}: {reason}; line skipped")
    nlp = build_pipeline(model)
    reports = []
    for s in sets:
        report = evaluate_set(s, nlp, kinds, progress)
        for text_id, error in report.failures:
            warn(f"warning: {s.path}: the pipeline failed on {text_id}: {error}; scored as empty")
        reports.append(report)
    return reports


# ---------------------------------------------------------------------------- reporting

def _fmt(x: float | None) -> str:
    return "" if x is None else f"{100 * x:.1f}"


def format_table(reports: Sequence[SetReport], n_errors: int = 10) -> str:
    lines: list[str] = []
    for r in reports:
        skipped = f", {len(r.skipped)} malformed lines skipped" if r.skipped else ""
        failed = f", pipeline failed on {len(r.failures)}" if r.failures else ""
        speed = r.chars / r.seconds if r.seconds else 0
        lines.append(f"{r.path.name}: {r.texts} texts{skipped}{failed}, "
                     f"{r.seconds:.1f} s ({speed:,.0f} chars/s)")
        if not r.kinds:
            lines += ["  nothing to score (no annotated kind requested)", ""]
            continue
        header = f"  {'kind':<11} {'measure':<36} {'gold':>6} {'pred':>6} {'match':>6} " \
                 f"{'P':>6} {'R':>6} {'F1':>6}"
        lines.append(header)
        lines.append("  " + "-" * (len(header) - 2))
        for kind, s in r.kinds.items():
            for name, c in s.rows():
                lines.append(f"  {kind:<11} {name:<36} {c.gold:>6} "
                             f"{'' if c.pred is None else c.pred:>6} {c.tp:>6} "
                             f"{_fmt(c.precision):>6} {_fmt(c.recall):>6} {_fmt(c.f1):>6}")
            for name, a in s.accuracies.items():
                lines.append(f"  {kind:<11} {name:<36} {'':>6} {a.total:>6} {a.hits:>6} "
                             f"{'accuracy':>13} {_fmt(a.value):>6}")
        for kind, s in r.kinds.items():
            worst = s.worst_errors(n_errors)
            if not worst:
                continue
            tally = ", ".join(f"{n} {c}" for c, n in
                              sorted(Counter(e.category for e in s.errors).items(),
                                     key=lambda kv: ERROR_ORDER.index(kv[0])
                                     if kv[0] in ERROR_ORDER else 99))
            lines.append(f"  worst {kind} errors ({tally}):")
            for count, e in worst:
                times = f"{count}x " if count > 1 else "   "
                lines.append(f"    {times}{e.category:<17} {e.text_id} [{e.start}:{e.end}] "
                             f"{_clip(e.surface, 50)!r}: {_clip(e.detail, 90)}")
        lines.append("")
    return "\n".join(lines)


def format_json(reports: Sequence[SetReport], n_errors: int = 10) -> str:
    return json.dumps({"sets": [r.as_dict(n_errors) for r in reports]}, indent=2,
                      ensure_ascii=False) + "\n"


HEADLINE = {
    "quantities": ("value", "value+unit"),
    "dates": ("strict", "relaxed", "relaxed+value"),
    "quotations": (f"content >={QUOTE_LOOSE:.0%}", f"content >={QUOTE_TIGHT:.0%}", "exact content",
                   "direct speech (recall)", "reported speech (recall)"),
    "entities": ("overall", MENTIONS + "overall"),
}
HEADLINE_ACCURACY = {
    "quantities": ("counted phrase (of value matches)",),
    "dates": ("value (of relaxed matches)",),
    "quotations": ("speaker (of >=30% matches)",),
    "entities": (),
}


def format_markdown(reports: Sequence[SetReport]) -> str:
    """The headline figures as one compact Markdown table (for the README)."""
    rows = ["| set | kind | measure | P | R | F1 | accuracy |",
            "| --- | --- | --- | ---: | ---: | ---: | ---: |"]
    for r in reports:
        name_of_set = f"{r.path.name} ({r.texts} texts)"
        for kind, s in r.kinds.items():
            for name in HEADLINE[kind]:
                c = s.counts.get(name)
                if c is not None and (c.gold or c.pred):
                    rows.append(f"| {name_of_set} | {kind} | {name} | {_fmt(c.precision)} | "
                                f"{_fmt(c.recall)} | {_fmt(c.f1)} | |")
            for name in HEADLINE_ACCURACY[kind]:
                a = s.accuracies.get(name)
                if a is not None:
                    figure = f"{_fmt(a.value)} ({a.hits}/{a.total})" if a.total else "n/a (0/0)"
                    rows.append(f"| {name_of_set} | {kind} | {name} | | | | {figure} |")
    return "\n".join(rows) + "\n"
