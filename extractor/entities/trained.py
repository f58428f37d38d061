"""Pass E: a trained model's entities fill the tokens the rules left free.

An invented model entity "Norvia" labelled ``GPE`` becomes ``Mention(.., "GPE", "GPE:Norvia")``
when no rule took its tokens; a ``PER`` entity becomes a ``PERSON``.
"""

from __future__ import annotations

from spacy.tokens import Span

from .document import EntityDoc, Mention
from .vocabulary import MODEL_LABELS


def model_entities(st: EntityDoc, ents: list[Span]) -> None:
    """Pass E: the model's entities in the labels of this component, where still free."""
    for ent in ents:
        label = MODEL_LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start, ent.end
        text = ent.text
        st.add(Mention(start, end, label, f"{label}:{text}" if label != "PERSON" else ""))
