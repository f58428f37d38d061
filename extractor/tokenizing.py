"""Tokenizing any text in time linear in its length, with exact offsets.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free stretch one at a time,
searching the rest of the stretch each time: a stretch made of punctuation ("\\"" * 20000,
"$" * 20000) or of repeated affixes costs time quadratic in its length. Before the tokenizer
sees such a stretch, it is cut: a run of ``PUNCT_RUN`` or more punctuation marks into single
marks (what spaCy makes of a run of quotation marks, "$", "%" or "(" anyway), any other
stretch longer than ``MAX_STRETCH`` characters into pieces of that length. The cuts are
spaces inserted for the tokenizer only; the Doc is then rebuilt on the original text, so
every offset is exact. Texts without such stretches (all ordinary prose) are tokenized
exactly as before.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, LENGTH, NORM, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError

MAX_CHARS = 10 * 1024 * 1024  # the size limit of a document, as the readers apply it in bytes
PUNCT_RUN = 32
MAX_STRETCH = 1000

# Both patterns are matched in linear time: a run starts only where the one before ended.
_PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % PUNCT_RUN)
_LONG_STRETCH = re.compile(r"(?<!\S)\S{%d,}" % (MAX_STRETCH + 1))
_SURROGATE = re.compile("[\ud800-\udfff]")


class TextError(InputError, ValueError):
    """A text the pipeline cannot take (too long, not valid Unicode); the message says why."""


def check_text(text: str, max_chars: int = MAX_CHARS) -> None:
    """Raise TextError for a text over ``max_chars`` characters or holding a lone surrogate
    (spaCy would fail on it with a raw UnicodeEncodeError)."""
    if len(text) > max_chars:
        raise TextError(f"text too large: {len(text)} characters (the limit is {max_chars})")
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise TextError(f"text is not valid Unicode: a lone surrogate U+{ord(bad.group()):04X} "
                        f"at character {bad.start()}")


def cut_points(text: str) -> list[int]:
    """The offsets inside pathological stretches where the tokenizer is made to cut, sorted."""
    cuts: set[int] = set()
    for m in _PUNCT_RUN.finditer(text):
        cuts.update(range(m.start() + 1, m.end()))
    for m in _LONG_STRETCH.finditer(text):
        cuts.update(range(m.start() + MAX_STRETCH, m.end(), MAX_STRETCH))
    return sorted(cuts)


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` in linear time, whatever the text (see the module's note)."""
    check_text(text, max(nlp.max_length, MAX_CHARS))
    cuts = cut_points(text)
    if not cuts:
        return nlp.tokenizer(text)
    pieces, prev = [], 0
    for c in cuts:
        pieces.append(text[prev:c])
        prev = c
    pieces.append(text[prev:])
    spaced_text = " ".join(pieces)
    spaced = nlp.tokenizer(spaced_text)
    # Read as arrays: a Python Token object per token would cost more than the tokenizing.
    starts, lengths, spaced_after, norms = spaced.to_array([IDX, LENGTH, SPACY, NORM]).T.tolist()
    # Where the tokenizer saw an inserted space, the original has none: the k-th inserted
    # space stands at cuts[k] + k in the spaced text.
    inserted = {c + k for k, c in enumerate(cuts)}
    words = [spaced_text[a:a + n] for a, n in zip(starts, lengths, strict=True)]
    spaces = [bool(w) and a + n not in inserted for a, n, w in zip(starts, lengths, spaced_after, strict=True)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    # The tokenizer's exceptions set norms ("n't" -> "not"); keep them.
    doc.from_array([NORM], numpy.array(norms, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc
