"""``facts_quantities``: numbers, percentages, money and measures. (stub)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import QUANTITIES, ensure_extensions


class QuantityRecognizer:
    def __init__(self, nlp: Language, name: str = "facts_quantities") -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[QUANTITIES] = []
        return doc


@Language.factory("facts_quantities")
def make_quantities_component(nlp: Language, name: str) -> QuantityRecognizer:
    return QuantityRecognizer(nlp, name)
