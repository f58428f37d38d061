"""Builds the spaCy Language that does all the text work."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the component modules registers their factories even when the package is not
# installed (the spacy_factories entry points cover the installed case).
from .dates import component as dates_component  # noqa: F401
from .entities import component as entities_component  # noqa: F401
from .extensions import doc_meta, remember_text
from .layout import component as layout_component  # noqa: F401
from .quantities import component as quantities_component  # noqa: F401
from .quotations import component as quotations_component  # noqa: F401

FACT_COMPONENTS = ("facts_layout", "facts_entities", "facts_dates", "facts_quantities",
                   "facts_quotations")


class ModelNotFound(RuntimeError):
    """The trained spaCy pipeline the user asked for is not installed."""


def build_pipeline(
    model: str | Path | None = None,
    *,
    components: Iterable[str] = FACT_COMPONENTS,
    config: Mapping[str, Mapping[str, Any]] | None = None,
) -> Language:
    """The fact pipeline on ``spacy.blank("en")``, or on top of a trained ``model``.

    ``config`` maps a component name to overrides of its factory options, e.g.
    ``{"facts_entities": {"gazetteer": "names.txt"}}``.
    """
    if model:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ModelNotFound(f"spaCy pipeline {model!r} is not installed or not a pipeline directory") from exc
    else:
        nlp = spacy.blank("en")
    config = config or {}
    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=dict(config.get(name, {})))
    return nlp


@lru_cache(maxsize=4)
def cached_pipeline(model: str | None = None, config_key: str = "") -> Language:
    import json

    return build_pipeline(model, config=json.loads(config_key) if config_key else None)


def make_doc(nlp: Language, text: str, *, published: dt.date | str | None = None,
             meta: Mapping[str, Any] | None = None) -> Doc:
    """A tokenised Doc carrying the metadata the components resolve against."""
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    info = doc_meta(doc)
    if meta:
        info.update(meta)
    if published is not None:
        info.published = parse_date(published)
    return doc


def parse_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}") from exc
