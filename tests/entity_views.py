"""The entity records of a text in the shapes the entity tests assert on."""

from __future__ import annotations

from extractor import extract_doc


def entities(nlp, text: str) -> dict[str, dict]:
    facts = extract_doc(nlp, text)
    return {e.name: {"label": e.label, "aliases": e.aliases, "roles": e.roles,
                     "mentions": [m.text for m in e.mentions]} for e in facts.entities}


def names(nlp, text: str) -> dict[str, str]:
    return {e.name: e.label for e in extract_doc(nlp, text).entities}


def people(nlp, text: str) -> set[str]:
    return {name for name, label in names(nlp, text).items() if label == "PERSON"}
