"""``facts_layout``: the one model of the document that every later component reads.

It finds the paragraphs and sentences (:mod:`.sentences`), the dateline (:mod:`.datelines`),
the headline, credit and licence lines, desk initials and sign-off codes, and stores them as
one :class:`~extractor.layout.model.Layout` on ``doc._.facts_layout``. Spans go where spaCy
users look for them:

- ``doc.spans["facts_layout"]``: HEADLINE, DATELINE (the whole dateline), CREDIT, SIGN_OFF;
- ``doc.spans["facts_meta"]``: the dateline place, the publisher and desk initials, labelled
  DATELINE / PUBLISHER / BYLINE (the entities component turns places and publishers into
  entities), with ``doc._.facts_meta`` filled from them;
- ``doc.spans["facts_boilerplate"]``: credit lines and desk initials, which the fact
  components skip;
- sentence starts on the tokens, so ``doc.sents`` works on ``spacy.blank("en")``.

Sentence boundaries: when a component that runs before (a trained parser or senter, a
sentencizer) has already set sentence starts (``doc.has_annotation("SENT_START")``), the
tokens keep them and ``doc.sents`` shows that pipeline's sentences. The fact components
always read the layout's own sentences (``doc._.facts_layout.sentences``), so their output
does not change with the model underneath: the rules were written against this segmentation
and its treatment of news furniture (a dateline never ends a sentence, a paragraph always does).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import cast

import numpy
import srsly
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from ..extensions import BOILERPLATE, LAYOUT, LAYOUT_SPANS, doc_meta, doc_text, ensure_extensions
from ..lexicon import as_dicts, load_json, load_rows, load_words, shared
from ..lexicon.rows import DatesLexicon, NamedPattern
from .datelines import DatelineFinder
from .model import Dateline, Layout, Range
from .sentences import Segmenter

META_SPANS = "facts_meta"
REQUIRES: list[str] = []
# spaCy names span groups only as a whole: "doc.spans" stands for facts_layout, facts_meta and
# facts_boilerplate.
ASSIGNS = [f"doc._.{LAYOUT}", f"doc._.{META_SPANS}", "doc.spans", "token.is_sent_start"]

# Desk initials at the foot of wire copy ("EF/MA", "AW/PR"): two or more groups of capitals.
_BYLINE = re.compile(r"(?:(?<=\s)|\A)(?P<initials>[A-Z]{1,4}(?:/[A-Z]{1,4})+)(?=\s|\Z)")
# A line of desk codes alone ("AB/CD", "XY/1234"): no words of the story.
_SIGN_OFF = re.compile(r"[A-Z]{1,5}(?:/[A-Za-z]+\d*)+")
_HEADLINE_MAX = 200
_CC_PARTS = {
    "noncommercial": "NC",
    "sharealike": "SA",
    "noderivs": "ND",
    "noderivatives": "ND",
}


def license_to_spdx(name: str) -> str | None:
    """Map a licence as news sites write it to its SPDX identifier, when one fits."""
    low = re.sub(r"[\s_]+", " ", name.lower()).strip()
    version = re.search(r"(\d\.\d)", low)
    if "creative commons" in low or re.match(r"cc[ -]by", low):
        if "zero" in low or re.search(r"\bcc0\b", low):
            return "CC0-1.0"
        if version is None:
            return None
        parts = ["CC", "BY"]
        for word, code in _CC_PARTS.items():
            if word in low.replace("-", "").replace(" ", "") and code not in parts:
                parts.append(code)
        for code in ("nc", "sa", "nd"):
            if re.search(rf"\bby[- ](?:\w+[- ])*{code}\b", low) and code.upper() not in parts:
                parts.append(code.upper())
        return "-".join(parts) + "-" + version.group(1)
    if "public domain" in low:
        return "LicenseRef-public-domain"
    return None


def _calendar_words(lexicon: str | None) -> tuple[list[str], list[str]]:
    """Month names and abbreviations, and weekday names: the shared lists, or those of a
    dates lexicon given in the config."""
    own = load_json(lexicon, DatesLexicon) if lexicon else None
    months = (own.months if own and own.months else None) or shared.months()
    weekdays = (own.weekdays if own and own.weekdays else None) or shared.weekdays()
    return [n for m in months for n in (*m.names, *m.abbr)], [n for w in weekdays for n in w.names]


def abbreviations_with_shared(name: str | Path) -> list[str]:
    """The abbreviations of a file, then those the shared lists hold: month abbreviations,
    and the honorifics and legal forms written with a full stop ("Sen.", "Corp.")."""
    dotted = sorted(w for w in shared.honorifics() | shared.org_words("legal") if w.endswith("."))
    return [*load_words(name), *(a for m in shared.months() for a in m.abbr), *dotted]


class LayoutAnalyzer:
    """Builds the :class:`Layout` of a document and writes it to the Doc."""

    def __init__(
        self,
        nlp: Language | None = None,
        name: str = "facts_layout",
        *,
        credit_patterns: str | None = None,
        abbreviations: str | None = None,
        calendar: str | None = None,
    ) -> None:
        self.name = name
        self.credit_patterns_file = credit_patterns or "layout/credit_lines.jsonl"
        # Month and weekday names are the shared ones unless a dates lexicon is given.
        self.abbreviations_file = abbreviations or "layout/abbreviations.txt"
        self.calendar_file = calendar
        self._load(as_dicts(load_rows(self.credit_patterns_file, NamedPattern)),
                   abbreviations_with_shared(self.abbreviations_file), _calendar_words(self.calendar_file))
        ensure_extensions()

    def _load(self, credit_rows: list[dict], abbreviations: list[str],
              calendar: tuple[list[str], list[str]]) -> None:
        self._credit_rows = credit_rows
        self._credit = [re.compile(r["pattern"]) for r in credit_rows]
        self._abbreviations = abbreviations
        self._calendar = calendar
        self.segmenter = Segmenter(abbreviations)
        self.datelines = DatelineFinder(*calendar)

    # -- the model ---------------------------------------------------------------------------
    def layout(self, text: str) -> Layout:
        """The layout of a text (no Doc needed)."""
        return self._layout(text, self._credit_lines(text))

    def _layout(self, text: str, credits: list[tuple[re.Match, list[Range]]]) -> Layout:
        paragraphs = self.segmenter.paragraphs(text)
        dateline = self.datelines.find(text, paragraphs)
        sentences = self.segmenter.sentences(text, paragraphs)
        if dateline is not None:
            sentences = _whole_dateline(sentences, dateline)
        return Layout(
            paragraphs=paragraphs,
            sentences=sentences,
            headline=_headline(text, paragraphs, dateline),
            dateline=dateline,
            bylines=[b for _m, bylines in credits for b in bylines],
            credits=[m.span() for m, _b in credits],
            sign_offs=[(s, e) for s, e in paragraphs if _SIGN_OFF.fullmatch(text, s, e)],
        )

    def _credit_lines(self, text: str) -> list[tuple[re.Match, list[Range]]]:
        """Credit and licence lines, each with the desk initials just before it."""
        out = []
        for pattern in self._credit:
            for m in pattern.finditer(text):
                offset = max(0, m.start() - 40)
                out.append((m, [(offset + b.start(), offset + b.end())
                                for b in _BYLINE.finditer(text[offset : m.start()])]))
        return out

    # -- spaCy -------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        credits = self._credit_lines(text)
        layout = self._layout(text, credits)
        doc._.facts_layout = layout
        _write_meta(doc, text, layout, credits)
        doc.spans[LAYOUT_SPANS] = _layout_spans(doc, layout)
        if len(doc) and not doc.has_annotation("SENT_START"):
            set_sentence_starts(doc, layout.sentences)
        return doc

    # -- serialisation -----------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "credit_lines.jsonl", self._credit_rows)
        srsly.write_json(path / "layout_words.json",
                         {"abbreviations": self._abbreviations, "months": self._calendar[0],
                          "weekdays": self._calendar[1]})

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "LayoutAnalyzer":
        path = Path(path)
        words = srsly.read_json(path / "layout_words.json") if (path / "layout_words.json").exists() \
            else {"abbreviations": self._abbreviations, "months": self._calendar[0],
                  "weekdays": self._calendar[1]}
        self._load(as_dicts(load_rows(path / "credit_lines.jsonl", NamedPattern)), words["abbreviations"],
                   (words["months"], words["weekdays"]))
        return self


def _write_meta(doc: Doc, text: str, layout: Layout, credits: list[tuple[re.Match, list[Range]]]) -> None:
    """``facts_meta`` and ``facts_boilerplate`` spans, and ``doc._.facts_meta``."""
    meta = doc_meta(doc)
    meta_spans: list[Span] = []
    boilerplate: list[Span] = []
    d = layout.dateline
    # Only a place in capitals ("ANYTOWN -") is named for the entities: capitals carry no
    # evidence of a name, while "(Anytown, Ore., ...)" is found as a name like any other.
    if d is not None and d.place is not None and text[d.place[0] : d.place[1]].isupper():
        span = doc.char_span(*d.place, label="DATELINE", alignment_mode="contract")
        if span is not None:
            if meta.dateline is None:
                meta.dateline = span.text
            meta_spans.append(span)
    for m, bylines in credits:
        line = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if line is None:
            continue
        boilerplate.append(line)
        if "publisher" in m.re.groupindex and m.group("publisher"):
            pub = doc.char_span(*m.span("publisher"), label="PUBLISHER", alignment_mode="contract")
            if pub is not None:
                if meta.publisher is None:
                    meta.publisher = pub.text
                meta_spans.append(pub)
        if "license" in m.re.groupindex and m.group("license"):
            spdx = license_to_spdx(m.group("license"))
            if spdx:
                if meta.license is None:
                    meta.license = spdx
        for b in bylines:
            by = doc.char_span(*b, label="BYLINE", alignment_mode="expand")
            if by is not None:
                if meta.byline is None:
                    meta.byline = text[b[0] : b[1]]
                meta_spans.append(by)
                boilerplate.append(by)
    doc.spans[META_SPANS] = meta_spans
    doc.spans[BOILERPLATE] = boilerplate


def _whole_dateline(sentences: list[Range], dateline: Dateline) -> list[Range]:
    """A full stop inside the dateline ("ANYTOWN, Ore., May 2 -") ends no sentence."""
    out: list[Range] = []
    for s, e in sentences:
        if out and dateline.start < s < dateline.end and out[-1][0] >= dateline.start:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _headline(text: str, paragraphs: list[Range], dateline: Dateline | None) -> Range | None:
    """A first paragraph of one short line, without a full stop, above the story."""
    if len(paragraphs) < 2:
        return None
    s, e = paragraphs[0]
    line = text[s:e]
    if "\n" in line or len(line) > _HEADLINE_MAX or line[-1] in ".!?:;,\"”’" \
            or (dateline is not None and dateline.start < e):
        return None
    return (s, e)


def _layout_spans(doc: Doc, layout: Layout) -> list[Span]:
    ranges: list[tuple[Range, str]] = []
    if layout.headline:
        ranges.append((layout.headline, "HEADLINE"))
    if layout.dateline:
        d = layout.dateline
        ranges.append(((d.start, d.end), "DATELINE"))
    ranges += [(c, "CREDIT") for c in layout.credits]
    ranges += [(c, "SIGN_OFF") for c in layout.sign_offs]
    spans = []
    for (s, e), label in ranges:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


def set_sentence_starts(doc: Doc, sentences: list[Range]) -> None:
    """Mark the first token of every sentence, and every other token as inside one."""
    token_starts = doc.to_array(IDX)
    first_tokens = numpy.searchsorted(token_starts, [s for s, _e in sentences], side="left")
    flags = numpy.full(len(doc), -1, dtype="int32")
    flags[first_tokens[first_tokens < len(doc)]] = 1
    flags[0] = 1
    doc.from_array([SENT_START], cast(Ints2d, flags.astype("uint64").reshape(-1, 1)))


@lru_cache(maxsize=1)
def _default_analyzer() -> LayoutAnalyzer:
    return LayoutAnalyzer()


def layout_of(doc: Doc) -> Layout:
    """The layout ``facts_layout`` wrote; computed with the default settings (and kept on the
    Doc) when a component runs without ``facts_layout`` before it."""
    ensure_extensions()
    layout = doc._.facts_layout
    if layout is None:
        layout = doc._.facts_layout = _default_analyzer().layout(doc_text(doc))
    return layout


@Language.factory("facts_layout", requires=REQUIRES, assigns=ASSIGNS,
                  default_config={"credit_patterns": None, "abbreviations": None, "calendar": None})
def make_layout_component(nlp: Language, name: str, *, credit_patterns: str | None,
                          abbreviations: str | None, calendar: str | None) -> LayoutAnalyzer:
    return LayoutAnalyzer(nlp, name, credit_patterns=credit_patterns, abbreviations=abbreviations,
                          calendar=calendar)


# The component's name before it grew into the layout model; kept so that saved pipelines
# and user code that add "facts_article" still load.
@Language.factory("facts_article", requires=REQUIRES, assigns=ASSIGNS,
                  default_config={"credit_patterns": None, "abbreviations": None, "calendar": None})
def make_article_component(nlp: Language, name: str, *, credit_patterns: str | None,
                           abbreviations: str | None, calendar: str | None) -> LayoutAnalyzer:
    return LayoutAnalyzer(nlp, name, credit_patterns=credit_patterns, abbreviations=abbreviations,
                          calendar=calendar)
