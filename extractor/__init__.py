"""Rule-based extraction of quantities, entities, dates and quotations from English news.

    >>> import extractor
    >>> facts = extractor.extract("TEHRAN - Exports rose 12 percent, the minister said.",
    ...                           published="2020-06-01")
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Mapping

from .records import ArticleFacts

__all__ = ["ArticleFacts", "build_pipeline", "extract", "extract_doc"]
__version__ = "0.1.0"


def build_pipeline(*args: Any, **kwargs: Any):
    """See :func:`extractor.pipeline.build_pipeline`."""
    from .pipeline import build_pipeline as _build

    return _build(*args, **kwargs)


def extract_doc(nlp, text: str, *, published: dt.date | str | None = None,
                meta: Mapping[str, Any] | None = None) -> ArticleFacts:
    """Run an already built pipeline over ``text`` and return its validated records."""
    from .from_doc import from_doc
    from .pipeline import make_doc

    return from_doc(nlp(make_doc(nlp, text, published=published, meta=meta)))


def extract(text: str, *, published: dt.date | str | None = None, model: str | None = None,
            config: Mapping[str, Mapping[str, Any]] | None = None,
            meta: Mapping[str, Any] | None = None) -> ArticleFacts:
    """Extract the facts of one article.

    ``published`` (a date or "YYYY-MM-DD") anchors relative dates; ``model`` names an
    installed trained spaCy pipeline to run underneath the rules; the pipeline is built once
    per (model, config) and reused.
    """
    from .pipeline import cached_pipeline

    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    nlp = cached_pipeline(model, json.dumps(config, sort_keys=True) if config else "")
    return extract_doc(nlp, text, published=published, meta=meta)
