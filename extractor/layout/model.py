"""The layout of one document: the typed object ``facts_layout`` puts on ``doc._.facts_layout``.

Every range is a ``(start, end)`` pair of character offsets into ``doc.text``. Paragraphs and
sentences are sorted and never overlap; a sentence never crosses a paragraph. Lookups by
offset are binary searches, so a component asks "which sentence is this in?" in log time.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..payloads import register_plain_form

Range = tuple[int, int]


@dataclass(frozen=True)
class Dateline:
    """ "CAPE TOWN, March 3, 2021 --", "ANYTOWN, Texas, May 2 /PRNewswire/ --",
    "SOMEWHERE (XNA) -": the furniture that opens a news text, its parts where present.

    ``end`` is where the paragraph's own words begin (after the dash and its space).
    """

    start: int
    end: int
    place: Range | None = None
    region: Range | None = None
    date: Range | None = None
    agency: Range | None = None  # "(XNA)", without the brackets
    wire: Range | None = None  # "/PRNewswire/", without the slashes


@dataclass
class Layout:
    """Headline, paragraphs, sentences, dateline, bylines, credit lines and sign-off codes."""

    paragraphs: list[Range] = field(default_factory=list)
    sentences: list[Range] = field(default_factory=list)
    headline: Range | None = None
    dateline: Dateline | None = None
    bylines: list[Range] = field(default_factory=list)  # desk initials ("AB/CD")
    credits: list[Range] = field(default_factory=list)  # credit and licence lines
    sign_offs: list[Range] = field(default_factory=list)  # lines of desk codes alone

    def __post_init__(self) -> None:
        self._pstarts = [p[0] for p in self.paragraphs]
        self._sstarts = [s[0] for s in self.sentences]

    # -- lookups by char offset -------------------------------------------------------------
    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect_right(self._pstarts, pos) - 1)

    def paragraph(self, pos: int) -> Range:
        if not self.paragraphs:
            return (0, 0)
        return self.paragraphs[self.paragraph_index(pos)]

    def sentence_index(self, pos: int) -> int:
        """The sentence ``pos`` is in; whitespace after a sentence belongs to it."""
        return max(0, bisect_right(self._sstarts, pos) - 1)

    def sentence(self, pos: int) -> Range:
        if not self.sentences:
            return (0, 0)
        return self.sentences[self.sentence_index(pos)]

    def starts_sentence(self, pos: int) -> bool:
        """Whether a sentence begins exactly at ``pos``."""
        k = bisect_right(self._sstarts, pos) - 1
        return k >= 0 and self._sstarts[k] == pos

    def body_start(self, sentence_start: int) -> int:
        """Where a sentence's own words begin: past the dateline when it opens the sentence."""
        d = self.dateline
        return d.end if d is not None and d.start == sentence_start else sentence_start


def _range(value: list[int] | tuple[int, int] | None) -> Range | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _ranges(values: list) -> list[Range]:
    return [(int(s), int(e)) for s, e in values]


def _dateline_from_plain(plain: dict) -> Dateline:
    return Dateline(plain["start"], plain["end"], **{k: _range(plain[k]) for k in
                                                     ("place", "region", "date", "agency", "wire")})


def _layout_from_plain(plain: dict) -> Layout:
    return Layout(paragraphs=_ranges(plain["paragraphs"]), sentences=_ranges(plain["sentences"]),
                  headline=_range(plain["headline"]), dateline=plain["dateline"],
                  bylines=_ranges(plain["bylines"]), credits=_ranges(plain["credits"]),
                  sign_offs=_ranges(plain["sign_offs"]))


# Doc.to_bytes carries the layout like the span payloads (msgpack gives lists for tuples).
register_plain_form(Dateline, from_plain=_dateline_from_plain)
register_plain_form(Layout, from_plain=_layout_from_plain)
