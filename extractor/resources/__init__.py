"""Data files shipped with the package (patterns, lexicons, gazetteers).

``shared/`` holds the word lists more than one component reads (roles, honorifics,
organisation words, reporting verbs, months); each component's own files sit in a folder
of its name. Files are read through :mod:`extractor.lexicon`, which validates every row.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

ROOT = resources.files(__name__)


def path(name: str) -> Path:
    """Filesystem path of a resource file, e.g. ``path("quantities/units.jsonl")``."""
    return Path(str(ROOT.joinpath(name)))
