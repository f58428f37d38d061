"""The people and organisations ``facts_entities`` found, as the quotations read them.

Speakers are resolved only to these mentions: the quotations recognise no names of their
own. A mention carries its cluster's canonical name and roles.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Iterable

from spacy.tokens import Doc

from ..extensions import ENTITIES
from ..payloads import EntityPayload

SPEAKER_LABELS = ("PERSON", "ORG", "GPE")


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    label: str  # PERSON, ORG or GPE (a country or city that speaks: "Norway said")
    canonical: str
    roles: tuple[str, ...] = ()


class EntityMentions:
    """PERSON, ORG and GPE mentions sorted by offset, searchable by a character range."""

    def __init__(self, mentions: Iterable[EntityMention] = ()) -> None:
        self.items = sorted((m for m in mentions if m.label in SPEAKER_LABELS),
                            key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.items]
        # Words after the given name of each person ("okoro" of "Nadia Okoro"): a later
        # "Okoro" the entities left untagged still names that person.
        self.surnames = frozenset(w.lower().strip(".,") for m in self.items if m.label == "PERSON"
                                  for w in m.canonical.split()[1:])

    @classmethod
    def of_doc(cls, doc: Doc) -> "EntityMentions":
        """The mentions ``facts_entities`` wrote to ``doc.spans["facts_entities"]``."""
        found = []
        # The payload is read where Span._ keeps it, in doc.user_data (as from_doc does): a
        # Span._ object per mention cost more than the mention.
        user_data: dict[Any, Any] = doc.user_data
        for span in doc.spans[ENTITIES] if ENTITIES in doc.spans else ():
            start, end = span.start_char, span.end_char
            payload: EntityPayload | None = user_data.get(("._.", "facts_entity", start, end))
            found.append(EntityMention(start, end, span.label_,
                                       payload and payload.canonical or span.text,
                                       payload.roles if payload else ()))
        return cls(found)

    def __iter__(self):
        return iter(self.items)

    def overlapping(self, start: int, end: int, label: str | None = None) -> list[EntityMention]:
        """Mentions that share a character with ``[start, end)``, in text order."""
        k = bisect_left(self._starts, end)
        out = []
        for m in reversed(self.items[max(0, k - 8):k]):
            if m.end > start and (label is None or m.label == label):
                out.append(m)
        return out[::-1]
