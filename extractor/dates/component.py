"""``facts_dates``: temporal expressions normalised to TIMEX3-style values.

Patterns (``resources/dates/patterns.jsonl``) are regular expressions with placeholders
filled from a lexicon (``resources/dates/lexicon.json``: month, weekday and Solar Hijri
month names, number words, context words). Each pattern scans ``doc.text`` once; when
candidates overlap the longest wins. A few patterns carry a named ``check`` that looks at
the neighbouring words (is this 4-digit number a year or a count? is this "May" a month?).
The survivors are normalised in text order by :class:`extractor.normalize.timex.TimexResolver`
against the publication date (``doc._.facts_meta.published``) and the dates the text
mentioned before.

When no publication date is known and the dateline gives one ("CHICAGO, Apr. 14,
2015 -", or "TEHRAN, Jul. 03 (MNA) -" with a year from the metadata), it is filled in.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import statistics
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import BOILERPLATE, DATES, doc_meta, doc_text, ensure_extensions
from ..layout.component import layout_of
from ..layout.model import Layout
from ..lexicon import word_set
from ..normalize.timex import TimexResolver, shift_date
from ..payloads import DatePayload, DocMeta
from .lexicon import (
    LEXICON,
    PATTERNS,
    NameTables,
    Triggers,
    fill,
    literal,
    load_lexicon,
    load_patterns,
    lowered,
    name_tables,
    placeholders,
)

_PREV_WORD = re.compile(r"([\w’'$€£%#-]+\.?)[^\w\n]{0,3}$")
_NEXT_WORD = re.compile(r"^[ \t]*([\w’'%-]+)")
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|through|until|till|and|thru)\s*$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:(?P<dash>[-–—])|(?P<word>to|through|thru|until|till|and))\s*", re.I)
_RANGE_OPENER = re.compile(r"(?:(?P<before>[\w’']+)\s+)?(?P<opener>from|between)\s+\Z", re.I)
# Ends that can bound a range ("March 21-October 22", "from 2012 through 2017", "Q1 to Q3").
_RANGE_KINDS = frozenset(("date", "year", "numeric_date", "season", "quarter", "solar_hijri_month",
                          "holiday", "decade", "century", "month_relative"))
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")
_WORD_EDGE = re.compile(r"\w")
# Words before a number that make it a length of time ("in 2 years", "nearly 10 months").
_BEFORE_A_DURATION = frozenset(
    "in for within over during after before by half nearly almost just only".split()
) | word_set("dates/duration_verbs.txt")
_WINDOW = 45  # characters searched either side of a pattern's trigger word (the longest patterns reach ~40)
_TIME_THEN_DATE = re.compile(r"\s*(?:on\s+(?:the\s+)?|,\s*)?$", re.I)
_CLAUSE_WORDS = re.compile(r"[^.;:()\[\]\n\"“”]*\Z")
_WORDS = re.compile(r"[A-Za-z]+")
# Words between a verb and its date: "ended on the", "will start in early".
_TENSE_SKIP = frozenset(
    "on in at from by of during the early late mid end beginning start middle and or to through".split())
_MODALS = frozenset(("will", "shall", "ll", "to"))
_SPAN_TO = re.compile(r"\s+(?:to|through|until|ending(?:\s+in)?)\s+(?:the\s+)?", re.I)


class DateRecognizer:
    """Finds and normalises dates, times, durations and sets."""

    def __init__(
        self,
        nlp: Language,
        name: str = "facts_dates",
        *,
        patterns: str | None = None,
        lexicon: str | None = None,
    ) -> None:
        self.name = name
        self.patterns_file = patterns or PATTERNS
        self.lexicon_file = lexicon or LEXICON
        self._load(load_patterns(self.patterns_file), load_lexicon(self.lexicon_file))
        ensure_extensions()

    # -- set-up ------------------------------------------------------------------------------

    def _load(self, rows: list[dict], lex: dict) -> None:
        """Compiles the patterns over the lexicon's names (the steps are in ``dates.lexicon``)."""
        self._rows, self._lexicon = rows, lex
        names = name_tables(lex)
        self._month_names, self._weekday_names, self._sh_names = (
            names.month_names, names.weekday_names, names.sh_names)
        self._ambiguous_months, self._sh_ambiguous = names.ambiguous_months, names.sh_ambiguous
        self._holidays = names.holidays
        self._numbers = dict(lex["number_words"])
        places = placeholders(names, lex)
        self._compile_patterns(rows, places, names.by_placeholder())
        self._load_context(lex, names)
        # The date of a dateline the layout found: "Apr. 14, 2015", "Friday, May 2".
        self._dateline_date = re.compile(
            fill(r"(?:{WEEKDAY},?[ \t]+)?{MONTH}[ \t]+{DAY}(?:,[ \t]*{YEAR})?", places))

    def _compile_patterns(self, rows: list[dict], places: dict[str, str],
                          names: dict[str, list[str]]) -> None:
        """Each pattern compiled with its check and trigger; the triggers' scan built once."""
        triggers = Triggers()
        self._compiled = []
        for i, row in enumerate(rows):
            regex = re.compile(fill(row["pattern"], places), re.IGNORECASE)
            check = getattr(self, f"_check_{row['check']}") if row.get("check") else None
            trigger = triggers.add(tuple(row.get("trigger") or ()), names)
            self._compiled.append((row["id"], row["kind"], regex, check, i, trigger))
        self._trigger_rest = triggers.rest
        self._trigger_of = triggers.woken_by()
        self._trigger_scan = triggers.scan()

    def _load_context(self, lex: dict, names: NameTables) -> None:
        """The context words the checks read around a candidate."""
        ctx = lex["iranian_context"]
        self._iran_phrases = ctx["phrases"]
        self._iran_places = set(ctx["dateline_places"])
        safe_sh = [n for n in names.sh_all if n.lower() not in names.sh_ambiguous]
        self._sh_safe = re.compile(rf"(?<!\w)(?:{literal(safe_sh)})(?!\w)")
        self._year_before = lowered(lex, "year_before_words")
        self._change_words = lowered(lex, "range_change_words")
        self._month_before = lowered(lex, "bare_month_before_words")
        self._quantity_after = lowered(lex, "quantity_after_words")
        self._approximators = lowered(lex, "approximators")
        self._future_words = lowered(lex, "tense_future_words")
        self._past_words = lowered(lex, "tense_past_words")
        self._future_after = lowered(lex, "future_month_after_words")

    # -- neighbouring words ------------------------------------------------------------------

    @staticmethod
    def _prev(text: str, start: int) -> str:
        m = _PREV_WORD.search(text, max(0, start - 40), start)
        return m.group(1).lower() if m else ""

    def _counted_after(self, text: str, end: int) -> bool:
        """Whether a plural noun follows, as after a count: "Tehran 2000 workers"."""
        nxt = self._next(text, end)
        return nxt[:1].islower() and nxt.endswith("s") and nxt not in ("was", "is", "has", "says", "shows")

    @staticmethod
    def _prev_raw(text: str, start: int) -> str:
        m = _PREV_WORD.search(text, max(0, start - 40), start)
        return m.group(1) if m else ""

    @staticmethod
    def _next(text: str, end: int) -> str:
        m = _NEXT_WORD.match(text[end:end + 40])
        return m.group(1) if m else ""

    # -- checks: return (start, end) to keep (possibly trimmed) or None ---------------------

    def _check_year(self, text: str, m: re.Match) -> tuple[int, int] | None:
        start, end = m.span()
        year = int(m.group("y"))
        if m.group("y2"):
            y2 = m.group("y2")
            dash = m.group("rng").strip() in ("-", "–")
            full = int(y2) if len(y2) == 4 else year // 100 * 100 + int(y2)
            if not (dash or len(y2) == 4) or not year < full <= year + 100:
                end = m.end("y")
        if not 1000 <= year <= 2100:
            return None
        prev, nxt = self._prev(text, start), self._next(text, end)
        if text[end:end + 1] in ("-", "–") and text[end + 1:end + 2].isdigit():
            return None  # a code or a numeric range, not a year
        if prev in self._approximators or prev.startswith(("$", "€", "£", "#")) or prev in ("no.", "no"):
            return None
        before = text[max(0, start - 3):start].rstrip(" \t")
        # A name's year: "the Global Report 2020 said", "a $2 billion 2021 budget".
        titled = (1900 <= year <= 2100 and text[start - 1:start] == " "
                  and (prev in ("million", "billion", "trillion")
                       or _WORD_EDGE.match(text[start - 2:start - 1] or " ")
                       and self._prev_raw(text, start)[:1].isupper()
                       and not self._counted_after(text, end)))
        strong = (prev in self._year_before or end > m.end("y") or start == 0 or titled
                  or before[-1:] in ("\n", "(", "[", ".", "!", "?", ""))
        if nxt and nxt[0].islower():
            if nxt.lower() in self._quantity_after or not strong:
                return None
        elif nxt.lower() in self._quantity_after:
            return None
        if not strong and not 1800 <= year <= 2100:
            return None
        return start, end

    def _check_year_apostrophe(self, text: str, m: re.Match) -> tuple[int, int] | None:
        prev = self._prev(text, m.start())
        return m.span() if prev in self._year_before and prev != "the" else None

    def _check_bare_month(self, text: str, m: re.Match) -> tuple[int, int] | None:
        name = m.group("m").lower()
        prev = self._prev(text, m.start())
        context = prev in self._month_before
        if name in self._ambiguous_months and (not context or prev == "the"):
            return None  # "the March to Versailles", "it may"
        nxt = self._next(text, m.end())
        if not context and nxt[:1].isupper() and name in ("april", "june", "august", "may"):
            return None  # a first name: "June Carter"
        return m.span()

    def _check_bare_season(self, text: str, m: re.Match) -> tuple[int, int] | None:
        prev = self._prev(text, m.start())
        nxt = self._next(text, m.end()).lower()
        if prev in ("in", "during", "by", "until", "since", "through", "throughout", "over",
                    "early", "late", "mid", "that", "this", "last", "next", "before", "after",
                    "each", "every", "following") or nxt in ("offensive", "campaign", "months"):
            return m.span()
        return None

    def _check_solar_hijri_month(self, text: str, m: re.Match) -> tuple[int, int] | None:
        if m.group("shm").lower() not in self._sh_ambiguous:
            return m.span()
        if m.group("mo") or m.group("d") or m.group("shy") or m.group("iran2"):
            return m.span()
        return None

    def _check_weekday(self, text: str, m: re.Match) -> tuple[int, int] | None:
        if m.group("rel"):
            return m.span()
        prev = self._prev(text, m.start())
        if prev in ("a", "an"):
            return None  # "a Saturday edition", "an extra Monday shift"
        if prev == "the" and self._next(text, m.end())[:1].isupper():
            return None  # a title: "the Sunday Times"
        return m.span()

    def _check_century(self, text: str, m: re.Match) -> tuple[int, int] | None:
        # "21st Century Fox", "20th Century Studios": a capitalised name runs on.
        if text[m.end() - 7:m.end()] == "Century" and re.match(r"[ \t]+[A-Z]", text[m.end():m.end() + 2]):
            return None
        return m.span()

    def _check_part_of_year(self, text: str, m: re.Match) -> tuple[int, int] | None:
        if m.group("n").lower() in ("a", "an"):
            return None  # "barrels a day in 2005" is a rate followed by a year
        return m.span()

    def _check_offset(self, text: str, m: re.Match) -> tuple[int, int] | None:
        if self._prev(text, m.start()) in self._approximators:
            return None
        if not m.group("n") and not m.group("unit").lower().endswith("s"):
            return None
        return m.span()

    def _check_duration(self, text: str, m: re.Match) -> tuple[int, int] | None:
        start, end = m.span()
        prev = self._prev(text, start)
        n = m.group("n").lower()
        unit = m.group("unit").lower()
        if n in ("a", "an") and unit == "second" or unit.startswith("quarter") and self._next(text, end) == "of":
            return None  # "a second attack", "three quarters of the troops"
        if n in ("some", "many") or prev in self._approximators:
            return None  # "about an hour", "less than a month": measures, left to quantities
        if prev in ("per", "a", "an", "every", "each", "times", "once", "twice", "than"):
            return None
        if n in ("a", "an") and prev not in _BEFORE_A_DURATION:
            return None  # "barrels a day" is a rate
        if prev[:1].isdigit() or prev[-1:].isdigit() or prev in ("million", "billion", "thousand", "percent", "%"):
            return None  # a rate: "$5 billion a year"
        nxt = self._next(text, end).lower()
        if nxt in ("old", "of") and re.match(r"\s+(?:old|of\s+age)\b", text[end:end + 12]):
            return None  # an age
        return start, end

    def _check_clock(self, text: str, m: re.Match) -> tuple[int, int] | None:
        sep = text[m.end("h"):m.start("mi")]
        if m.group("ampm") or m.group("tz"):
            return m.span()
        if sep != ":":
            return None
        prev = self._prev(text, m.start())
        if prev in ("at", "by", "until", "till", "from", "around", "before", "after", "since",
                    "about", "approximately", "to", "and", "between"):
            return m.span()
        return None

    def _tense(self, text: str, start: int, end: int) -> str | None:
        """ "past" or "future" when the verb before a year-less date says which occurrence
        it is ("ended on March 20", "will end in March", "wheat for March delivery")."""
        if self._next(text, end).lower() in self._future_after:
            return "future"
        clause = _CLAUSE_WORDS.search(text, max(0, start - 50), start)
        words = [w.lower() for w in _WORDS.findall(clause.group())[-5:]] if clause else []
        while words and words[-1] in _TENSE_SKIP:
            words.pop()
        if not words:
            return None
        verb, before = words[-1], words[-3:-1]
        if verb in self._future_words or any(w in _MODALS for w in before):
            return "future"
        if verb in self._past_words or len(verb) > 4 and verb.endswith("ed"):
            return "past"
        return None

    # -- the component -----------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        ensure_extensions()
        text = doc_text(doc)
        meta = doc_meta(doc)
        try:
            spans = self._find(doc, text, meta)
        except RecursionError:  # pragma: no cover - defensive, never expected
            spans = []
        doc.spans[DATES] = spans
        return doc

    def _hits(self, trigger: int, text: str, cache: dict) -> list[tuple[int, int]]:
        """Where the trigger's words occur, in text order; every trigger starts a word:
        "day" in "Monday" wakes nothing."""
        words = cache.get("words")
        if words is None:
            words = cache["words"] = {}
            if self._trigger_scan is not None:
                for m in self._trigger_scan.finditer(text):
                    for t in self._trigger_of[m.group()]:
                        words.setdefault(t, []).append(m.span())
        hits = words.get(trigger, [])
        rest = self._trigger_rest[trigger]
        if rest is not None:
            more = [m.span() for m in rest.finditer(text) if not (m.start() and text[m.start() - 1].isalpha())]
            hits = sorted(hits + more) if hits else more
        return hits

    def _regions(self, trigger: int | None, text: str, cache: dict) -> list[tuple[int, int]]:
        """Stretches of text around the trigger's hits, merged; the whole text without one."""
        if trigger is None:
            return [(0, len(text))]
        if trigger not in cache:
            regions: list[list[int]] = []
            for start, end in self._hits(trigger, text, cache):
                s, e = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
                if regions and s <= regions[-1][1]:
                    regions[-1][1] = max(regions[-1][1], e)
                else:
                    regions.append([s, e])
            cache[trigger] = [(s, e) for s, e in regions]
        return cache[trigger]

    def _matches(self, regex: re.Pattern, trigger: int | None, text: str, cache: dict):
        for s, e in self._regions(trigger, text, cache):
            yield from regex.finditer(text, s, e)

    def _candidates(self, text: str) -> list[tuple[int, int, int, str, str, re.Match]]:
        out = []
        cache: dict = {}
        for pid, kind, regex, check, prio, trigger in self._compiled:
            for m in self._matches(regex, trigger, text, cache):
                if m.end() <= m.start():
                    continue
                if check is not None:
                    kept = check(text, m)
                    if kept is None:
                        continue
                    s, e = kept
                else:
                    s, e = m.span()
                # Never start or end inside a word.
                if s > 0 and _WORD_EDGE.match(text[s - 1]) and _WORD_EDGE.match(text[s]):
                    continue
                if e < len(text) and _WORD_EDGE.match(text[e - 1]) and _WORD_EDGE.match(text[e]):
                    continue
                out.append((s, e, prio, pid, kind, m))
        return out

    @staticmethod
    def _select(cands: list) -> list:
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        taken: list[tuple[int, int]] = []
        chosen = []
        for c in cands:
            s, e = c[0], c[1]
            i = bisect.bisect_left(taken, (s, -1))
            if i > 0 and taken[i - 1][1] > s:
                continue
            if i < len(taken) and taken[i][0] < e:
                continue
            taken.insert(i, (s, e))
            chosen.append(c)
        chosen.sort(key=lambda c: c[0])
        return chosen

    def _split_ranges(self, chosen: list) -> list[tuple[int, int, str, dict]]:
        """(start, end, kind, groups); year ranges ("1915-17", "499-493 BC") become two items."""
        items = []
        for s, e, _prio, _pid, kind, m in chosen:
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            if kind == "day_range":
                items.append((s, m.end("d0"), "date", {**{k: v for k, v in g.items() if k != "d"}, "d": g["d0"]}))
                items.append((m.start("d"), e, "date", g))
                continue
            if kind == "year" and g.get("y2") and m.end("y2") <= e:
                y, y2 = g["y"], g["y2"]
                full2 = y2 if len(y2) >= len(y) or len(y2) < 2 else y[: len(y) - len(y2)] + y2
                first = {k: v for k, v in g.items() if k not in ("y2", "rng")}
                second = {**first, "y": full2}
                items.append((s, m.end("y"), kind, first))
                items.append((m.start("y2"), e, kind, second))
            else:
                if kind == "year" and "y2" in g:
                    g = {k: v for k, v in g.items() if k not in ("y2", "rng")}
                items.append((s, e, kind, g))
        return items

    def _find(self, doc: Doc, text: str, meta: DocMeta) -> list[Span]:
        items = self._split_ranges(self._select(self._candidates(text)))
        if BOILERPLATE in doc.spans and len(doc.spans[BOILERPLATE]):
            bp = [(b.start_char, b.end_char) for b in doc.spans[BOILERPLATE]]
            items = [it for it in items if not any(bs <= it[0] and it[1] <= be for bs, be in bp)]
        published = meta.published
        if isinstance(published, dt.datetime):
            published = published.date()
        layout = layout_of(doc)
        if not isinstance(published, dt.date):
            published = self._published_from_dateline(text, layout, meta)
            if published is not None:
                meta.published = published
        iranian = self._is_iranian(text, layout)
        resolver = TimexResolver(
            published,
            narrative=self._is_narrative(items, published, iranian),
            iranian=iranian,
            number_words=self._numbers,
            sentence_of=layout.sentence_index,
        )
        resolver.month_names = self._month_names
        resolver.weekday_names = self._weekday_names
        resolver.sh_month_names = self._sh_names
        # A clock time takes the date that follows it: "at 9 a.m. on 3 May 1845".
        order = list(range(len(items)))
        for i in range(len(items) - 1):
            if items[order[i]][2] == "time" and items[order[i + 1]][2] == "date" and \
                    _TIME_THEN_DATE.match(text, items[order[i]][1], items[order[i + 1]][0]):
                order[i], order[i + 1] = order[i + 1], order[i]
        ranges = self._ranges(text, items)
        infos: dict[int, dict] = {}
        for i in order:
            s, e, kind, g = items[i]
            if kind == "holiday":
                g = {**g, "holiday_info": self._holidays[g["hol"].lower()]}
            if kind == "date" and "y" not in g and not g.get("that"):
                tense = self._tense(text, s, e)
                if tense:
                    g = {**g, "tense": tense}
            partner = self._partner_year(text, items, i) if kind == "date" and "y" not in g else None
            if partner is None and kind == "date" and "y" not in g and i in ranges and ranges[i][1] == i \
                    and ("y" in items[i - 1][3] or not resolver.narrative):
                # In history a year-less start is itself a guess; do not build on it.
                partner = self._year_after(infos.get(ranges[i][0]), g)
            infos[i] = resolver.resolve(kind, g, s, partner)
            if i and items[i - 1][2] == "duration" and _SPAN_TO.fullmatch(text, items[i - 1][1], s):
                self._note_span_to(resolver, items[i - 1], infos[i])
            if i in ranges and i - 1 in infos and ranges[i][0] == i - 1:
                self._close_range(resolver, infos, ranges[i])
        spans = []
        for i, (s, e, kind, g) in enumerate(items):
            info = infos[i]
            span = doc.char_span(s, e, alignment_mode="strict")
            if span is None:
                span = doc.char_span(s, e, alignment_mode="expand")
            # The text by slicing: Span.text joins its tokens one by one.
            if span is None or not text[span.start_char:span.end_char].strip():
                continue
            span._.facts_date = DatePayload.from_info(info)
            spans.append(span)
        return spans

    @staticmethod
    def _note_span_to(resolver: TimexResolver, duration: tuple, end_info: dict) -> None:
        """ "the five months to late August": a stretch ending with the date, which "the
        same period last year" then refers back to."""
        interval = end_info.get("interval")
        g = duration[3]
        unit = g.get("unit", "").lower().rstrip("s")
        n = resolver.number(g.get("n"))
        if not interval or end_info.get("calendar") != "gregorian" or n is None or not float(n).is_integer() \
                or unit not in ("day", "week", "month", "year"):
            return
        end = dt.date.fromisoformat(interval[1])
        start = shift_date(end + dt.timedelta(days=1), -int(n), unit)
        if start is not None:
            resolver.note_period(duration[0], "gregorian", (start, end))

    def _ranges(self, text: str, items: list) -> dict[int, tuple[int, int, int, int]]:
        """Neighbouring dates joined as one range: {index of either end: (first, second,
        start, end)}, start and end framing the whole expression, "from"/"between" included."""
        out: dict[int, tuple[int, int, int, int]] = {}
        for i in range(len(items) - 1):
            s1, e1, kind1, _g1 = items[i]
            s2, e2, kind2, _g2 = items[i + 1]
            if i in out or kind1 not in _RANGE_KINDS or kind2 not in _RANGE_KINDS or s2 - e1 > 12:
                continue
            join = _RANGE_JOIN.fullmatch(text, e1, s2)
            if not join:
                continue
            opener = _RANGE_OPENER.search(text, max(0, s1 - 30), s1)
            word = (join.group("word") or "").lower()
            said = opener.group("opener").lower() if opener else ""
            if word == "and" and said != "between" or word in ("until", "till") and said != "from":
                continue  # "in 2010 and 2015" lists two years; "between May to June" is garbled
            if said == "between" and word != "and" and not join.group("dash"):
                continue
            if opener and (opener.group("before") or "").lower() in self._change_words:
                continue  # "postponed from May to June": two dates, not a stretch of time
            start = opener.start("opener") if opener else s1
            out[i] = out[i + 1] = (i, i + 1, start, e2)
        return out

    def _year_after(self, first: dict | None, g: dict) -> int | None:
        """The year of a range's year-less end: the start's, or the next when its month is
        earlier ("Dec. 21 to Jan. 19")."""
        if not first or not first.get("interval") or first.get("calendar") != "gregorian":
            return None
        start = dt.date.fromisoformat(first["interval"][0])
        month = self._month_names.get((g.get("m") or g.get("m2") or "").rstrip(".").lower())
        if month is None:
            return None
        return start.year + 1 if month < start.month else start.year

    @staticmethod
    def _close_range(resolver: TimexResolver, infos: dict, rng: tuple[int, int, int, int]) -> None:
        first, second, start, end = rng
        a, b = infos[first].get("interval"), infos[second].get("interval")
        lo = hi = None
        if a and b and a[0] <= b[1]:
            lo, hi = a[0], b[1]
            interval = (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))
            named = resolver.period
            # "the first quarter of the Iranian year (March 21-June 21)": the range glosses
            # the period just named, which stays the one "the same period" refers back to.
            if not (named and abs((named[2][0] - interval[0]).days) <= 3
                    and abs((named[2][1] - interval[1]).days) <= 3):
                resolver.note_period(start, "gregorian", interval)
        infos[first] = {**infos[first], "range": (start, end, lo, hi)}
        infos[second] = {**infos[second], "range": (start, end, lo, hi)}

    def _partner_year(self, text: str, items: list, i: int) -> int | None:
        """The year of the other end of a range: "March 20 to August 20, 2017"."""
        s, e, _kind, g = items[i]
        month = self._month_names.get((g.get("m") or "").rstrip(".").lower())
        for j in (i + 1, i - 1):
            if not 0 <= j < len(items):
                continue
            s2, e2, kind2, g2 = items[j]
            gap = text[e:s2] if j > i else text[e2:s]
            if kind2 != "date" or "y" not in g2 or len(gap) > 12 or not _RANGE_GAP.match(gap):
                continue
            year = int(g2["y"])
            m2 = self._month_names.get((g2.get("m") or "").rstrip(".").lower())
            if month and m2:
                if j > i and month > m2:
                    year -= 1
                elif j < i and month < m2:
                    year += 1
            return year
        return None

    @staticmethod
    def _is_narrative(items: list, published: dt.date | None, iranian: bool = False) -> bool:
        """History rather than news: the years the text names lie long before publication.

        A news item that looks back ("the 1980-1988 war") still names the present now and
        then: a third of its years near publication keeps it news. In Iranian text a year
        like 1400 is a Solar Hijri year, roughly 621 years on in Gregorian terms.

        Without a publication date nothing tells the two apart, and year-less dates stay
        unresolved unless their own sentence gives the year.
        """
        if published is None:
            return False
        years = [int(g["y"]) for _s, _e, kind, g in items
                 if kind in ("date", "year") and len(g.get("y", "")) == 4 and "era" not in g]
        if iranian:
            years = [y + 621 if 1300 <= y <= 1499 else y for y in years]
        if not years:
            return False
        median = statistics.median(years)
        recent = sum(1 for y in years if y >= published.year - 1)
        if median < published.year - 10 and 3 * recent < len(years):
            return True
        return len(years) >= 8 and median < published.year - 1

    def _is_iranian(self, text: str, layout: Layout) -> bool:
        if any(p in text for p in self._iran_phrases):
            return True
        if self._sh_safe.search(text):
            return True
        place = layout.dateline.place if layout.dateline else None
        return place is not None and text[place[0] : place[1]] in self._iran_places

    def _published_from_dateline(self, text: str, layout: Layout, meta: DocMeta) -> dt.date | None:
        """A publication date from the dateline's date ("Apr. 14, 2015", or "Jul. 3" with a
        year from the metadata)."""
        date = layout.dateline.date if layout.dateline else None
        m = self._dateline_date.fullmatch(text, *date) if date else None
        if not m:
            return None
        month = self._month_names.get(m.group("m").rstrip(".").lower())
        year = int(m.group("y")) if m.group("y") else self._year_from_meta(meta)
        if month is None or year is None:
            return None
        try:
            return dt.date(year, month, int(m.group("d")))
        except ValueError:
            return None

    @staticmethod
    def _year_from_meta(meta: DocMeta) -> int | None:
        year = meta.extra.get("year")
        if isinstance(year, int) or (isinstance(year, str) and year.isdigit()):
            return int(year)
        for where in (meta.extra.get("url"), meta.source):
            m = _URL_YEAR.search(str(where or ""))
            if m:
                return int(m.group(1))
        return None

    # -- serialisation -----------------------------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self._rows)
        srsly.write_json(path / "lexicon.json", self._lexicon)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "DateRecognizer":
        path = Path(path)
        self._load(load_patterns(path / "patterns.jsonl"), load_lexicon(path / "lexicon.json"))
        return self


@Language.factory("facts_dates", default_config={"patterns": None, "lexicon": None},
                  requires=["doc._.facts_layout", "doc._.facts_meta", "doc.spans"],
                  assigns=["doc.spans", "span._.facts_date", "doc._.facts_meta"])
def make_dates_component(nlp: Language, name: str, *, patterns: str | None,
                         lexicon: str | None) -> DateRecognizer:
    return DateRecognizer(nlp, name, patterns=patterns, lexicon=lexicon)
