"""``facts_dates``: temporal expressions normalised to TIMEX3-style values.

Patterns (``resources/dates/patterns.jsonl``) are regular expressions with placeholders
filled from a lexicon (``resources/dates/lexicon.json``: Solar Hijri month names, number
words, context words; month and weekday names from ``resources/shared/``), loaded by
:mod:`.lexicon`. :meth:`DateRecognizer.__call__` runs these stages, one module each:

1. :mod:`.candidates`: each pattern scans the text near its trigger words, its named check
   (:mod:`.checks`, reading the words around it through :mod:`.neighbours`) keeps, trims or
   drops a match, and when candidates overlap the longest wins;
2. :mod:`.items`: the survivors as items (a year range as two), those in boilerplate dropped;
3. :mod:`.context`: the dateline's date as an item of its own, the publication date
   (``doc._.facts_meta.published``, else the dateline's, which is then filled in), whether
   the text is Iranian, whether it is history (news drops "now"), when its fiscal years end;
4. :mod:`.resolve` (with :mod:`.ranges`): the items normalised in text order by
   :class:`extractor.normalize.timex.TimexResolver` against the publication date and the
   dates the text mentioned before, ranges joined;
5. :mod:`.write`: the spans with their payloads in ``doc.spans["facts_dates"]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import BOILERPLATE, DATES, doc_meta, doc_text, ensure_extensions
from ..layout.component import layout_of
from ..normalize.timex import TimexResolver
from ..payloads import DocMeta
from .candidates import Candidate, PatternScanner, longest_first
from .context import (
    dateline_date_regex,
    dateline_item,
    fiscal_end_month,
    fiscal_end_regex,
    is_iranian,
    is_narrative,
    publication_date,
    written_on,
)
from .items import Item, outside, split_ranges
from .lexicon import (
    LEXICON,
    PATTERNS,
    context_words,
    count_words,
    load_lexicon,
    load_patterns,
    name_tables,
    placeholders,
)
from .resolve import ItemResolver
from .write import date_spans

# Kinds of pattern that make dates only in history text (see :func:`.context.is_narrative`).
HISTORY_ONLY_KINDS = frozenset(("present", "duration_adjective"))


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
        self.load(load_patterns(self.patterns_file), load_lexicon(self.lexicon_file))
        ensure_extensions()

    def load(self, rows: list[dict[str, Any]], lex: dict[str, Any]) -> None:
        """Compiles the patterns over the lexicon's names (the steps are in ``dates.lexicon``)."""
        self.rows, self.lexicon = rows, lex
        self.names = name_tables(lex)
        self.words = context_words(lex, self.names)
        self.numbers = count_words(lex)
        places = placeholders(self.names, lex)
        self.scanner = PatternScanner(rows, places, self.names.by_placeholder(), self.words)
        self.dateline_date = dateline_date_regex(places)
        self.fiscal_end = fiscal_end_regex(places)

    def __call__(self, doc: Doc) -> Doc:
        """Writes ``doc.spans["facts_dates"]`` (the stages are in :meth:`find`)."""
        ensure_extensions()
        text = doc_text(doc)
        meta = doc_meta(doc)
        try:
            spans = self.find(doc, text, meta)
        except RecursionError:  # pragma: no cover - defensive, never expected
            spans = []
        doc.spans[DATES] = spans
        return doc

    def find(self, doc: Doc, text: str, meta: DocMeta) -> list[Span]:
        """The stages, in order (see the module's docstring)."""
        candidates = self.scanner.candidates(text)
        # News marks no "now" and no "a three-year ..." as a date (news_dev's convention): such
        # candidates compete with the others ("Open 2030 day three") only once the text is history.
        items = self.items(doc, [c for c in candidates if c.kind not in HISTORY_ONLY_KINDS])
        layout = layout_of(doc)
        items = dateline_item(text, layout, self.dateline_date, items)
        published = written_on(publication_date(meta, text, layout, self.dateline_date, self.names.month_names),
                               text, layout, self.dateline_date, self.names.month_names)
        iranian = is_iranian(text, layout, self.words)
        narrative = is_narrative(items, published, iranian)
        # History keeps them all; with no publication date "now" stays too (news_dev2's texts
        # without one still say "now" of their own time).
        allowed = HISTORY_ONLY_KINDS if narrative else frozenset(("present",)) if published is None else frozenset()
        if any(c.kind in allowed for c in candidates):
            kept = [c for c in candidates if c.kind not in HISTORY_ONLY_KINDS - allowed]
            items = dateline_item(text, layout, self.dateline_date, self.items(doc, kept))
        resolver = TimexResolver(
            published,
            narrative=narrative,
            iranian=iranian,
            number_words=self.numbers,
            sentence_of=layout.sentence_index,
        )
        resolver.month_names = self.names.month_names
        # Only a fiscal year reads it: most texts never pay for the search.
        if any(it.kind == "fiscal" or "fiscal" in it.groups for it in items):
            resolver.fiscal_end_month = fiscal_end_month(text, self.fiscal_end, self.words,
                                                         self.names.month_names)
        resolver.weekday_names = self.names.weekday_names
        resolver.sh_month_names = self.names.sh_names
        infos = ItemResolver(text, items, resolver, self.names, self.words).resolve_all()
        return date_spans(doc, text, items, infos)

    @staticmethod
    def items(doc: Doc, candidates: list[Candidate]) -> list[Item]:
        """The longest of overlapping candidates as items, those in boilerplate dropped."""
        items = split_ranges(longest_first(list(candidates)))
        if BOILERPLATE in doc.spans:
            items = outside(items, [(b.start_char, b.end_char) for b in doc.spans[BOILERPLATE]])
        return items

    # -- serialisation -----------------------------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.rows)
        srsly.write_json(path / "lexicon.json", self.lexicon)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "DateRecognizer":
        path = Path(path)
        self.load(load_patterns(path / "patterns.jsonl"), load_lexicon(path / "lexicon.json"))
        return self


@Language.factory("facts_dates", default_config={"patterns": None, "lexicon": None},
                  requires=["doc._.facts_layout", "doc._.facts_meta", "doc.spans"],
                  assigns=["doc.spans", "span._.facts_date", "doc._.facts_meta"])
def make_dates_component(nlp: Language, name: str, *, patterns: str | None,
                         lexicon: str | None) -> DateRecognizer:
    return DateRecognizer(nlp, name, patterns=patterns, lexicon=lexicon)
