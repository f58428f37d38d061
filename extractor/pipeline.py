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
from .tokenizing import MAX_CHARS, tokenize

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
    # spaCy's default of 1,000,000 characters guards its trained parser's memory; the
    # README accepts documents up to 10 MB, and the rules' memory grows linearly.
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
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
    """A tokenised Doc carrying the metadata the components resolve against.

    Tokenized in linear time whatever the text (:func:`extractor.tokenizing.tokenize`);
    raises TextError for a text over the size limit or not valid Unicode."""
    doc = tokenize(nlp, text)
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
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        # A full timestamp ("2020-06-01T08:00:00Z") gives its day; anything else after the
        # date ("2020-06-01garbage") is refused, not cut off.
        return dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text).date()
    except ValueError:
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}") from None
