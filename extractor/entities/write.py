"""Writing the mentions out: keys merged, short organisation names joined to their full
name, one canonical name per entity, spans in ``doc.spans["facts_entities"]`` and
``doc.ents``.

In an invented text naming "the U.S. Patent Office" then "the Patent Office" (the name
less a known place before it), both spans carry the key and canonical name "U.S. Patent
Office".
"""

from __future__ import annotations

from spacy.tokens import Span

from ..extensions import ENTITIES
from ..payloads import EntityPayload
from .document import EntityDoc, Mention


def short_org_names(st: EntityDoc) -> None:
    """ "Parks Service" after "U.S. Parks Service": a name less its place prefix."""
    orgs = sorted((m for m in st.mentions if m.label == "ORG" and m.end - m.start >= 2),
                  key=lambda m: m.start - m.end)
    full: dict[tuple[str, ...], str] = {}
    for m in orgs:
        toks = tuple(st.words[m.start : m.end])
        if toks in full:
            m.key = full[toks]
            continue
        full[toks] = m.key
        bare = toks[:-1] if toks[-1] in st.lex.legal_forms else toks
        while len(bare) > 1 and bare[-1] in ("&", "and", ","):
            bare = bare[:-1]  # "Dow Jones" after "Dow Jones & Co."
        if bare != toks:
            full.setdefault(bare, m.key)
        for cut in range(1, len(toks) - 1):
            prefix = st.lex.lookup(list(toks[:cut]))
            if prefix is not None and prefix.label in ("GPE", "NORP"):
                full.setdefault(toks[cut:], m.key)


def write_spans(st: EntityDoc) -> None:
    """Group the mentions by key and write them as spans with their payloads."""
    doc = st.doc
    short_org_names(st)
    by_key: dict[str, list[Mention]] = {}
    for m in st.mentions:
        if not m.key:
            m.key = f"{m.label}:{st.span_text(m.start, m.end)}"
        m.key = st.key_of(m.key)
        by_key.setdefault(m.key, []).append(m)
    spans = []
    for key, ms in by_key.items():
        canonical = canonical_name(st, key, ms)
        roles: list[str] = []
        for m in ms:
            for r in m.roles:
                if r not in roles:
                    roles.append(r)
        for m in ms:
            span = Span(doc, m.start, m.end, label=ms[0].label)
            span._.facts_entity = EntityPayload(key, canonical, tuple(roles))
            spans.append(span)
    spans.sort(key=lambda s: s.start)
    doc.spans[ENTITIES] = spans
    try:
        doc.ents = spans
    except ValueError:
        pass


def canonical_name(st: EntityDoc, key: str, ms: list[Mention]) -> str:
    """The fullest name the text gives; an all-capital dateline takes the gazetteer's case,
    a state named only by its abbreviation its full name."""
    texts = [st.span_text(m.start, m.end) for m in ms]
    name = key.split(":", 1)[1]
    if ms[0].label == "NORP" and name in texts:
        return name  # "Iranian", not "Iranians"
    if ms[0].label == "GPE" and all(t in st.lex.states or t in st.lex.postal_states for t in texts):
        return name  # "Ga.", "GA": the state "Georgia", the abbreviations its aliases
    cased = [t for t in texts if not t.isupper()]
    best = max(cased or texts, key=lambda t: (len(t.split()), t[:1].isupper(), len(t)))
    if best.isupper() and name.upper() == best.upper():
        return name
    return best
