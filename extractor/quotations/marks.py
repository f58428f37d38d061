"""Pairs quotation marks into quoted stretches, paragraph by paragraph, in linear time.

Curly marks say which way they face; straight marks are read from their neighbours (space
before and a letter after opens, a letter or punctuation before and a space or
punctuation after closes) and toggle when that is unclear. Nested quotes are kept with
their depth. A mark left open at the end of a paragraph never swallows the rest of the text: the
quotation continues when the next paragraph reopens (the news convention for a quotation
running over several paragraphs), ends with its paragraph when its mark opened the
paragraph and the paragraph ends a sentence (a forgotten closing mark), and is dropped
otherwise. A closing mark with no opener is kept as ``unopened``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

_MARK = re.compile("[\"'\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb]")
_DOUBLE_OPEN = {"\u201c": "curly", "\u201e": "curly", "\u00ab": "guillemet"}
_DOUBLE_CLOSE = {"\u201d": "curly", "\u00bb": "guillemet"}
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/\u201c\u2018\"'\u00ab:")
_CLOSE_AFTER = set(" \t\n,.;:!?)]}\u2014\u2013-\u201d\u2019\"'\u00bb\u2026")
_MAX_DEPTH = 8


@dataclass
class QuotePair:
    open: int | None  # index of the opening mark, None when the text has no opener
    close: int | None  # index of the closing mark, None when the quote runs on
    start: int  # content start (after the mark)
    end: int  # content end (before the mark)
    depth: int
    kind: str  # "double" or "single"
    unopened: bool = False
    continues: bool = False  # the quotation reopens in the next paragraph
    next: "QuotePair | None" = field(default=None, repr=False)
    prev: "QuotePair | None" = field(default=None, repr=False)


def _straight_side(text: str, i: int) -> str:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in _OPEN_BEFORE and not after.isspace()
    closes = after in _CLOSE_AFTER and not before.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def pair_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotePair]:
    """All quoted stretches, ordered by content start."""
    pairs: list[QuotePair] = []
    running: list[tuple[QuotePair, str]] = []  # unclosed at paragraph end: (piece, mark)
    for ps, pe in paragraphs:
        # A quotation left open in the previous paragraph continues here when this one
        # opens with a mark; otherwise it is dropped.
        carried = None
        if running and text[ps] in "\u201c\u201e\u00ab\"'\u2018":
            carried = running[0][0]
        for piece, _ in running:
            if piece is not carried:
                _end_unclosed(text, pairs, piece)
        running = []
        stack = _pair_marks(text, ps, pe, pairs)
        for level, mark, i in stack:
            if level == "double":
                piece = QuotePair(i, None, i + 1, pe, depth=0, kind="double", continues=True)
                running.append((piece, mark))
        if running:
            # Only the outermost open quotation can run on; its depth is its stack position.
            running = running[:1]
            pairs.append(running[0][0])
        if carried is not None:
            # Link the carried piece to the quotation opening this paragraph.
            for p in reversed(pairs):
                if p.open == ps:
                    carried.next, p.prev = p, carried
                    break
            else:
                _discard(pairs, carried)
    for piece, _ in running:
        _end_unclosed(text, pairs, piece)
    _set_depths(pairs)
    pairs.sort(key=lambda p: (p.start, -p.end))
    return pairs


def _pair_marks(text: str, ps: int, pe: int, pairs: list[QuotePair]) -> list[tuple[str, str, int]]:
    """Pair the quotation marks of the paragraph ``ps``-``pe`` into ``pairs``; the marks
    left open at its end, as (level, mark, index)."""
    stack: list[tuple[str, str, int]] = []  # (level, type, index)
    for m in _MARK.finditer(text, ps, pe):
        i = m.start()
        ch = text[i]
        if ch in _DOUBLE_OPEN:
            _push(stack, ("double", ch, i))
        elif ch in _DOUBLE_CLOSE:
            _close(text, stack, pairs, "double", lambda t: t in _DOUBLE_OPEN, i, ps)
        elif ch == '"':
            side = _straight_side(text, i)
            has_open = any(t == '"' for _, t, _ in stack)
            if side == "close" or (side == "either" and has_open):
                _close(text, stack, pairs, "double", lambda t: t == '"', i, ps)
            else:
                _push(stack, ("double", '"', i))
        elif ch == "\u2018":
            _push(stack, ("single", ch, i))
        elif ch == "\u2019" or ch == "'":
            after = text[i + 1] if i + 1 < len(text) else " "
            if after.isalnum():
                continue  # an apostrophe inside a word: country's, don't
            opener = "\u2018" if ch == "\u2019" else "'"
            if any(t == opener for _, t, _ in stack):
                _close(text, stack, pairs, "single", opener.__eq__, i, None)
            elif ch == "'" and _straight_side(text, i) == "open":
                _push(stack, ("single", "'", i))
    return stack


def _end_unclosed(text: str, pairs: list[QuotePair], piece: QuotePair) -> None:
    """A quotation left open at the end of its paragraph and not reopened in the next one
    is kept, ending with the paragraph, when its mark opens the paragraph or follows a
    comma or colon, and the paragraph ends a sentence (a closing mark forgotten after a quoted paragraph); any
    other open mark is dropped."""
    opens_paragraph = piece.open is not None and (piece.open == 0 or text[piece.open - 1] == "\n")
    # or it follows a cue's comma or colon: 'Ana Velk said, "I think ...'
    after_cue = piece.open is not None and text[max(0, piece.open - 3):piece.open].rstrip().endswith((",", ":"))
    inner = text[piece.start:piece.end].rstrip()
    if (opens_paragraph or after_cue) and inner.endswith((".", "!", "?")) and len(inner.split()) >= 4:
        piece.continues = False
        return
    _discard(pairs, piece)


def _discard(pairs: list[QuotePair], piece: QuotePair) -> None:
    for k in range(len(pairs) - 1, -1, -1):
        if pairs[k] is piece:
            del pairs[k]
            return


def _push(stack: list[tuple[str, str, int]], item: tuple[str, str, int]) -> None:
    stack.append(item)
    if len(stack) > _MAX_DEPTH:
        del stack[0]


def _close(text: str, stack: list[tuple[str, str, int]], pairs: list[QuotePair], level: str,
           matches: Callable[[str], bool], i: int, para_start: int | None) -> None:
    """Pair the closing mark at ``i`` with the innermost open mark ``matches`` accepts."""
    for k in range(len(stack) - 1, -1, -1):
        lvl, mark, j = stack[k]
        if lvl == level and matches(mark):
            del stack[k:]
            pairs.append(QuotePair(j, i, j + 1, i, depth=0, kind=level))
            return
    if level == "double" and para_start is not None:
        # A closing mark with no opener: the quotation runs from the paragraph start.
        start = para_start
        if pairs and pairs[-1].close is not None and pairs[-1].close >= para_start:
            return  # an earlier pair sits in between: too unsure to guess
        if i > start:
            pairs.append(QuotePair(None, i, start, i, depth=0, kind=level, unopened=True))


def _set_depths(pairs: list[QuotePair]) -> None:
    """Depth = how many other pairs enclose this one (pairs never cross by construction)."""
    order = sorted(pairs, key=lambda p: (p.start, -p.end))
    open_ends: list[int] = []
    for p in order:
        while open_ends and open_ends[-1] <= p.start - 1:
            open_ends.pop()
        p.depth = len(open_ends)
        open_ends.append(p.end + 1)
