"""User names and rules: a gazetteer file, spaCy entity-ruler patterns, and the pass that
applies them before every other (a user's rule wins).

An invented gazetteer line ``Velk Shipping\tORG`` or a rule ``{"label": "ORG", "pattern":
"Velk Shipping"}`` makes every "Velk Shipping" an organisation keyed ``ORG:Velk Shipping``
(or by its ``canonical``/``id`` when given).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import srsly
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from ..lexicon import LexiconError
from .document import EntityDoc, Mention
from .vocabulary import LABELS


class UserRules:
    """The user's gazetteer and rules compiled into spaCy matchers."""

    def __init__(self, nlp: Language, gazetteer: list[dict[str, str]], rules: list[dict[str, Any]]) -> None:
        self.phrases = PhraseMatcher(nlp.vocab)
        self.matcher = Matcher(nlp.vocab)
        self.labels: dict[str, tuple[str, str | None]] = {}
        for n, row in enumerate([*gazetteer, *rules]):
            label = row.get("label", "ORG")
            pattern = row.get("pattern", row.get("name"))
            match_id = f"facts_user_{n}"
            canonical = row.get("canonical") or row.get("id")
            self.labels[match_id] = (label, canonical)
            if isinstance(pattern, str):
                self.phrases.add(match_id, [nlp.make_doc(pattern)])
            elif isinstance(pattern, list):
                self.matcher.add(match_id, [pattern])

    def apply(self, st: EntityDoc) -> None:
        """Force the user's matches on the document, longest first."""
        matches = []
        if len(self.phrases):
            matches.extend(self.phrases(st.doc))
        if len(self.matcher):
            matches.extend(self.matcher(st.doc))
        found = []
        for match_id, start, end in matches:
            label, canonical = self.labels[st.doc.vocab.strings[match_id]]
            text = canonical or st.span_text(start, end)
            found.append((start, end, label, f"{label}:{text}"))
        for start, end, label, key in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if label in LABELS:
                st.force(Mention(start, end, label, key))


def read_gazetteer(path: str | Path) -> Iterable[dict[str, str]]:
    """User names: JSONL {"name", "label", "canonical"?} or TSV "name<TAB>LABEL[<TAB>canonical]".

    A line that is neither, or names a label the pipeline does not produce, stops the
    reading with a :class:`LexiconError` ``file:line: reason``, so a typing slip in a label
    is never silently ignored."""
    p = Path(path)
    with p.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            row = _gazetteer_row(line, p, number)
            if row["label"] not in LABELS:
                raise LexiconError(p, number, f"unknown label {row['label']!r} (one of {', '.join(LABELS)})")
            yield row


def _gazetteer_row(line: str, path: Path, number: int) -> dict[str, str]:
    if line.startswith("{"):
        try:
            data = srsly.json_loads(line)
        except ValueError as exc:
            raise LexiconError(path, number, f"not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"].strip():
            raise LexiconError(path, number, 'a JSON row needs a "name" string')
        row = {"name": data["name"], "label": str(data.get("label", "ORG"))}
        if data.get("canonical"):
            row["canonical"] = str(data["canonical"])
        return row
    parts = line.split("\t")
    row = {"name": parts[0], "label": parts[1] if len(parts) > 1 else "ORG"}
    if len(parts) > 2 and parts[2]:
        row["canonical"] = parts[2]
    return row
