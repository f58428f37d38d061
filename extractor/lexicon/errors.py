"""The one error a lexicon file raises when a line does not fit its row model."""

from __future__ import annotations

from pathlib import Path


class LexiconError(ValueError):
    """A bad line in a lexicon file: ``file:line: reason`` on one line."""

    def __init__(self, file: str | Path, line: int, reason: str) -> None:
        self.file = str(file)
        self.line = line
        self.reason = " ".join(reason.split())  # one line, however the reason was written
        super().__init__(f"{self.file}:{self.line}: {self.reason}")
