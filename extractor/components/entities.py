"""``facts_entities``: people, organisations, places, nationalities. (stub)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ENTITIES, ensure_extensions


class EntityRecognizer:
    def __init__(self, nlp: Language, name: str = "facts_entities") -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[ENTITIES] = []
        return doc


@Language.factory("facts_entities")
def make_entities_component(nlp: Language, name: str) -> EntityRecognizer:
    return EntityRecognizer(nlp, name)
