"""``facts_article``: article furniture — dateline, credit line, licence, byline initials.

Runs first so that the fact components can skip boilerplate (``doc.spans["facts_boilerplate"]``)
and the entities component can turn the dateline place and the publisher into entities
(``doc.spans["facts_meta"]``, labelled DATELINE / PUBLISHER / BYLINE / LICENSE).
"""

from __future__ import annotations

import re
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from .. import resources
from ..extensions import BOILERPLATE, doc_meta, doc_text, ensure_extensions

META_SPANS = "facts_meta"

# A dateline opens the text or a paragraph near its top: an all-caps place, optionally a
# region and a date after commas ("CHICAGO, Ill., Apr. 14, 2015") and an agency in brackets
# or slashes ("(MNA)", "/PRNewswire/"), then a dash.
_DATELINE = re.compile(
    r"(?:\A|\n)[ \t]*(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
    r"(?:,[ \t]*(?P<extra>[A-Z][A-Za-z.]*(?:,?[ \t][A-Za-z0-9.]+){0,4}))?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z][A-Za-z. &]{0,30})\)|/(?P<wire>[A-Za-z][\w. &-]{0,30})/)?"
    r"[ \t]*[-–—]+[ \t]"
)
_DATELINE_WINDOW = 400
# Desk initials at the foot of wire copy ("EF/MA", "AW/PR"): two or more groups of capitals.
_BYLINE = re.compile(r"(?:(?<=\s)|\A)(?P<initials>[A-Z]{1,4}(?:/[A-Z]{1,4})+)(?=\s|\Z)")
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


class ArticleAnalyzer:
    """Finds the dateline, the credit and licence line and desk initials of a news text."""

    def __init__(
        self,
        nlp: Language,
        name: str = "facts_layout",
        *,
        credit_patterns: str | None = None,
    ) -> None:
        self.name = name
        self.credit_patterns_file = credit_patterns or "article/credit_lines.jsonl"
        self._load(list(resources.read_jsonl(self.credit_patterns_file)))
        ensure_extensions()

    def _load(self, rows: list[dict]) -> None:
        self._credit_rows = rows
        self._credit = [re.compile(r["pattern"]) for r in rows]

    def __call__(self, doc: Doc) -> Doc:
        meta = doc_meta(doc)
        text = doc_text(doc)
        meta_spans: list[Span] = []
        boilerplate: list[Span] = []

        match = _DATELINE.search(text[:_DATELINE_WINDOW])
        if match:
            span = doc.char_span(*match.span("place"), label="DATELINE", alignment_mode="contract")
            if span is not None:
                meta.setdefault("dateline", span.text)
                meta_spans.append(span)

        for pattern in self._credit:
            for m in pattern.finditer(text):
                line = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if line is None:
                    continue
                boilerplate.append(line)
                if "publisher" in pattern.groupindex and m.group("publisher"):
                    pub = doc.char_span(*m.span("publisher"), label="PUBLISHER", alignment_mode="contract")
                    if pub is not None:
                        meta.setdefault("publisher", pub.text)
                        meta_spans.append(pub)
                if "license" in pattern.groupindex and m.group("license"):
                    spdx = license_to_spdx(m.group("license"))
                    if spdx:
                        meta.setdefault("license", spdx)
                # Desk initials sit just before the credit line.
                tail = text[max(0, m.start() - 40) : m.start()]
                for b in _BYLINE.finditer(tail):
                    offset = max(0, m.start() - 40)
                    by = doc.char_span(offset + b.start(), offset + b.end(), label="BYLINE",
                                       alignment_mode="expand")
                    if by is not None:
                        meta.setdefault("byline", b.group("initials"))
                        meta_spans.append(by)
                        boilerplate.append(by)

        doc.spans[META_SPANS] = meta_spans
        doc.spans[BOILERPLATE] = boilerplate
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "credit_lines.jsonl", self._credit_rows)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "ArticleAnalyzer":
        self._load(list(srsly.read_jsonl(ensure_path(path) / "credit_lines.jsonl")))
        return self


@Language.factory("facts_layout", default_config={"credit_patterns": None})
def make_layout_component(nlp: Language, name: str, *, credit_patterns: str | None) -> ArticleAnalyzer:
    return ArticleAnalyzer(nlp, name, credit_patterns=credit_patterns)


# The component's name before it grew into the layout model; kept so that saved pipelines
# and user code that add "facts_article" still load.
@Language.factory("facts_article", default_config={"credit_patterns": None})
def make_article_component(nlp: Language, name: str, *, credit_patterns: str | None) -> ArticleAnalyzer:
    return ArticleAnalyzer(nlp, name, credit_patterns=credit_patterns)
