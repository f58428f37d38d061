"""``facts_quotations``: direct and reported speech with speakers. (stub)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import QUOTATIONS, TERMS, ensure_extensions


class QuotationRecognizer:
    def __init__(self, nlp: Language, name: str = "facts_quotations") -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[QUOTATIONS] = []
        doc.spans[TERMS] = []
        return doc


@Language.factory("facts_quotations")
def make_quotations_component(nlp: Language, name: str) -> QuotationRecognizer:
    return QuotationRecognizer(nlp, name)
