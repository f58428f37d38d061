"""Data files shipped with the package (patterns, lexicons, gazetteers)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

ROOT = resources.files(__name__)


def path(name: str) -> Path:
    """Filesystem path of a resource file, e.g. ``path("quantities/units.jsonl")``."""
    return Path(str(ROOT.joinpath(name)))


def read_jsonl(name_or_path: str | Path) -> Iterator[dict[str, Any]]:
    p = Path(name_or_path)
    if not p.is_absolute() and not p.exists():
        p = path(str(name_or_path))
    with p.open(encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                yield json.loads(line)


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-entry-per-line list; blank lines and ``#`` comments are skipped."""
    with path(name).open(encoding="utf-8") as f:
        return frozenset(
            line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")
        )
