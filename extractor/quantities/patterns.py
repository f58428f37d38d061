"""Patterns that more than one stage of the quantities component reads."""

from __future__ import annotations

import re

from ..lexicon import alternation, load_words
from ..normalize.numbers import VULGAR_FRACTIONS

VULGAR = "".join(VULGAR_FRACTIONS)
# A digit run with the separators that make it one number, a range, a code or a time; thin
# and no-break spaces only where they separate thousands.
DIGIT_RUN = re.compile(
    r"[\d" + VULGAR + r"](?:[\d,.\u066B\u066C:/\-]|[\u00A0\u202F\u2009](?=\d{3}(?!\d)))*"
)
TRAILING = ",.:/-\u066B\u066C\u00A0\u202F\u2009"
WORD = re.compile(r"[^\W\d_][\w'’.]*")
CHANGE_NOUN_AFTER = re.compile(
    r"\s+(?P<w>" + alternation(load_words("quantities/change_nouns.txt")) + r")\b", re.I)
OF_NP = re.compile(r"\s+(?:worth\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?=[^\W\d_])", re.I)
TIMES_AFTER = re.compile(r"\s+times\b", re.I)
