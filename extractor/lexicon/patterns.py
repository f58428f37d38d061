"""One builder for regular expressions over word lists: a trie-shaped alternation.

``alternation(["per cent", "percent"])`` gives ``per(?:cent|\\s+cent)``: a match costs the
length of the word, not the number of words, and where several words match at one place
the longest wins (as with a longest-first alternation ``percent|per``).
"""

from __future__ import annotations

import re
from typing import Iterable

NEVER = "(?!)"  # the pattern of an empty list: matches nothing


def alternation(words: Iterable[str], *, space: str | None = r"\s+") -> str:
    """A regex matching exactly the given words (longest first). A space inside a word
    matches ``space`` (any run of blanks by default; ``None`` keeps a literal space)."""
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(trie, space) if trie else NEVER


def _branch(node: dict, space: str | None) -> str:
    branches = [(space if ch == " " and space is not None else re.escape(ch)) + _branch(child, space)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: the longer ones first, greedily
        return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body


def starts_with(words: Iterable[str], also: str = "") -> str:
    r"""A look-ahead for the first letters of the words (either case), to put before an
    alternation the engine must otherwise try word by word at every position where it
    cannot match: one class test instead. ``also`` adds to the class (``r"\d"``)."""
    firsts = sorted({c for w in words for c in (w[:1].lower(), w[:1].upper())})
    return "(?=[" + also + "".join(re.escape(c) for c in firsts) + "])"


def reverse_alternation(words: Iterable[str]) -> str:
    """The alternation of the words spelt backwards, to read a text right to left."""
    return alternation(w[::-1] for w in words)
