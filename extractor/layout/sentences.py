"""Paragraphs and sentences of a news text, found by shape in linear time (no model)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

# A line break ends a paragraph unless the text is hard-wrapped: a long line that does not
# end a sentence, followed by a line that starts in lower case.
_LINE = re.compile(r"[^\n]*")
_WRAP_MIN = 55
_SENTENCE_END = re.compile(
    r"[.!?\u2026]+[\"\u201d\u2019')\]]*(?=\s+[\"\u201c\u2018'(\[]?[A-Z0-9\u00c0-\u024f\u201c\u2018\"'])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")


class Segmenter:
    def __init__(self, abbreviations: Iterable[str]) -> None:
        self.abbreviations = frozenset(a.rstrip(".").lower() for a in abbreviations)

    def paragraphs(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each non-blank paragraph, surrounding whitespace trimmed."""
        out: list[tuple[int, int]] = []
        cur_start = cur_end = None
        prev_line = ""
        for m in _LINE.finditer(text):
            line = m.group()
            stripped = line.strip()
            if not stripped:
                if cur_start is not None:
                    out.append((cur_start, cur_end))
                    cur_start = None
                prev_line = ""
                continue
            lead = len(line) - len(line.lstrip())
            s, e = m.start() + lead, m.start() + len(line.rstrip())
            joined = (
                cur_start is not None
                and len(prev_line) >= _WRAP_MIN
                and prev_line[-1] not in ".!?:\"\u201d\u2019)"
                and stripped[0].islower()
                and lead == 0
            )
            if joined:
                cur_end = e
            else:
                if cur_start is not None:
                    out.append((cur_start, cur_end))
                cur_start, cur_end = s, e
            prev_line = stripped
        if cur_start is not None:
            out.append((cur_start, cur_end))
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


class Units:
    """Paragraph and sentence lookups by char offset (binary search)."""

    def __init__(self, paragraphs: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> None:
        self.paragraphs = paragraphs
        self.sentences = sentences
        self._pstarts = [p[0] for p in paragraphs]
        self._sstarts = [s[0] for s in sentences]

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect_right(self._pstarts, pos) - 1)

    def paragraph(self, pos: int) -> tuple[int, int]:
        if not self.paragraphs:
            return (0, 0)
        return self.paragraphs[self.paragraph_index(pos)]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self._sstarts, pos) - 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return (0, 0)
        return self.sentences[self.sentence_index(pos)]
