"""Paragraphs and sentences of a news text, found by shape in linear time (no model).

The one segmentation of the pipeline: ``facts_layout`` runs it once per document and every
component reads the result from ``doc._.facts_layout``.
"""

from __future__ import annotations

import re
from typing import Iterable

# Every line is a paragraph. Hard-wrapped text is not joined: joining lines finds one more
# quotation on news_dev2 but leaves its speaker, named before a colon three paragraphs up,
# unresolved (speaker accuracy drops), so it waits for the speaker work.
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(
    r"[.!?\u2026]+[\"\u201d\u2019')\]]*(?=\s+[\"\u201c\u2018'(\[]?[A-Z0-9\u00c0-\u024f\u201c\u2018\"'])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")


class Segmenter:
    """Splits a text into paragraphs, and paragraphs into sentences; a full stop after a known
    abbreviation ("Gen.", "Jan.") or an initial ("J.", "U.S.") ends no sentence."""

    def __init__(self, abbreviations: Iterable[str]) -> None:
        self.abbreviations = frozenset(a.rstrip(".").lower() for a in abbreviations)

    def paragraphs(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each non-blank line, surrounding whitespace trimmed."""
        out: list[tuple[int, int]] = []
        for m in _LINE.finditer(text):
            line = m.group()
            stripped = line.strip()
            if stripped:
                start = m.start() + len(line) - len(line.lstrip())
                out.append((start, start + len(stripped)))
        return out

    def sentences(self, text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """(start, end) of each sentence; a sentence never crosses a paragraph."""
        out: list[tuple[int, int]] = []
        for ps, pe in paragraphs:
            start = ps
            for m in _SENTENCE_END.finditer(text, ps, pe):
                if text[m.start()] == "." and self._abbreviation_before(text, m.start(), ps):
                    continue
                end = m.end()
                out.append((start, end))
                start = end
                while start < pe and text[start].isspace():
                    start += 1
            if start < pe:
                out.append((start, pe))
        return out

    def _abbreviation_before(self, text: str, dot: int, floor: int) -> bool:
        m = _WORD_BEFORE.search(text, max(floor, dot - 12), dot)
        if not m:
            return False
        word = m.group(1)
        if _INITIALS.match(word) and len(word.replace(".", "")) <= 3 and word[0].isupper():
            return True
        return word.rstrip(".").lower() in self.abbreviations
