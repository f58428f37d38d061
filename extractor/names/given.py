"""Given names and their gender.

Two sources with two jobs: the project's given-name list (``resources/entities/
first_names.txt``) says whether a word opens a person's name; gender-guesser says which
gender a given name usually has, so that "she said" skips a man in focus. Without
gender-guesser installed every gender is unknown, and any pronoun fits any person.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_GENDERS = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female",
            "andy": None}


def load_gender_detector() -> None:
    """Build the gender lookup now (it reads a large name list) rather than on first use."""
    _detector()


@lru_cache(maxsize=1)
def _detector() -> Any:
    # Imported here so that importing the package stays light.
    try:
        import gender_guesser.detector as gd
    except ImportError:  # optional: without it genders are unknown
        return None
    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def given_name_gender(word: str) -> str | None:
    """'male', 'female', 'any' (a known given name of either sex) or None (not known)."""
    word = word.strip(".,")
    if len(word) < 2 or not word[0].isupper() or not word.isalpha() or word.isupper():
        return None
    det = _detector()
    if det is None:
        return None
    g = det.get_gender(word)
    if g == "unknown":
        return None
    return _GENDERS.get(g) or "any"
