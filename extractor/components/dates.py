"""``facts_dates``: temporal expressions normalised to TIMEX3 values. (stub)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import DATES, ensure_extensions


class DateRecognizer:
    def __init__(self, nlp: Language, name: str = "facts_dates") -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[DATES] = []
        return doc


@Language.factory("facts_dates")
def make_dates_component(nlp: Language, name: str) -> DateRecognizer:
    return DateRecognizer(nlp, name)
