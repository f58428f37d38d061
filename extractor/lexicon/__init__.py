"""The lexicon layer: one loader for every word list, table and row file, typed row
models that reject a bad line with ``file:line`` and the reason, and one builder of
regular expressions over word lists."""

from .errors import LexiconError
from .loader import (
    as_dicts,
    iter_table,
    load_json,
    load_rows,
    load_table,
    load_words,
    load_words_union,
    locate,
    word_set,
)
from .patterns import NEVER, alternation, reverse_alternation, starts_with

__all__ = [
    "LexiconError", "NEVER", "alternation", "as_dicts", "iter_table", "load_json", "load_rows", "load_table",
    "load_words", "load_words_union", "locate", "reverse_alternation", "starts_with", "word_set",
]
