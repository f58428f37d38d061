"""The words either side of a candidate, as the checks and the tense rule read them.

In "sales rose in 2019 workers said", the word before ``2019`` is "in" and the word after
is "workers"; :func:`counted_after` says that a plural noun follows, as after a count.
"""

from __future__ import annotations

import re

_PREV_WORD = re.compile(r"([\w’'$€£%#-]+\.?)[^\w\n]{0,3}$")
_NEXT_WORD = re.compile(r"^[ \t]*([\w’'%-]+)")
_NOT_COUNTED = frozenset(("was", "is", "has", "says", "shows"))


def prev_raw(text: str, start: int) -> str:
    """The word before ``start`` as written (a full stop kept: "No."), or ""."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


def prev_word(text: str, start: int) -> str:
    """The word before ``start``, lower-cased, or ""."""
    return prev_raw(text, start).lower()


def next_word(text: str, end: int) -> str:
    """The word after ``end`` on the same line, as written, or ""."""
    m = _NEXT_WORD.match(text[end:end + 40])
    return m.group(1) if m else ""


def counted_after(text: str, end: int) -> bool:
    """Whether a plural noun follows, as after a count: "Tehran 2000 workers"."""
    nxt = next_word(text, end)
    return nxt[:1].islower() and nxt.endswith("s") and nxt not in _NOT_COUNTED
