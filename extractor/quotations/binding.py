"""Speaker binding: each record takes its speaker from its phrase, through
``extractor.quotations.speakers``; a continuation takes the phrase (and the outlet that
relays it) of the quotation it continues, and a document speaks for its owner. The outlet
that relays a record (``via``) is resolved the same way, to an organisation only."""

from __future__ import annotations

import re

from .attribution import Attribution
from .phrases import Phrase
from .speakers import Entity, Resolution, SpeakerResolver

_OWNER_REACH = 3000  # characters back to look for who issued "the report"


def bind_speakers(resolver: SpeakerResolver, found: list[Attribution], text: str,
                  owned_document: re.Pattern[str]) -> None:
    """Set the speaker, mention and reference of every record in ``found``
    (``owned_document``: who issued a document named before, "X's report")."""
    resolver.named_speakers = named_speakers(resolver, found)
    for a in sorted(found, key=lambda a: (a.anchor, a.start)):
        if a.source is not None:
            src = a.source
            while src.source is not None and src.source is not src:
                src = src.source
            a.phrase, a.cue = src.phrase, src.cue
            a.via = a.via or src.via
        if a.via is not None:
            outlet = resolver.resolve_outlet(a.via)
            a.via_name, a.via_ref = outlet.speaker, outlet.ref
        if a.phrase is None:
            continue
        if a.phrase.kind == "document":
            res = document_speaker(resolver, a.phrase, text, owned_document)
        else:
            res = resolver.resolve(a.phrase, a.anchor)
        a.speaker, a.ref = res.speaker, res.ref
        a.mention = (a.phrase.start, a.phrase.end)


def named_speakers(resolver: SpeakerResolver, found: list[Attribution]) -> list[tuple[int, Entity]]:
    """The entities the records name as their speakers, in order of the phrase."""
    named: list[tuple[int, Entity]] = []
    for a in found:
        if a.phrase is not None and a.phrase.kind == "name" and a.phrase.name is not None:
            linked = resolver.link_name(a.phrase.name)
            if linked is not None:
                named.append((a.phrase.start, linked[0]))
    return sorted(named, key=lambda x: x[0])


def document_speaker(resolver: SpeakerResolver, phrase: Phrase, text: str,
                     owned_document: re.Pattern[str]) -> Resolution:
    """A document speaks for its owner: the one the phrase names, else the one named with
    the same kind of document shortly before ("the SEC's complaint ... The complaint"),
    else no one."""
    name = phrase.name
    if name is None:
        last = None
        for m in owned_document.finditer(text, max(0, phrase.start - _OWNER_REACH), phrase.start):
            doc = (m.group("doc") or m.group("doc2")).lower()
            if re.sub(r"\s+", " ", doc) == phrase.head:
                last = m
        if last is not None:
            key = "owner" if last.group("owner") else "owner2"
            toks = resolver.reader.tokens(text, last.start(key), last.end(key))
            owner = resolver.reader.classify(text, toks) if toks else None
            if owner is not None and owner.kind in ("name", "org"):
                name = owner.name
    if name is None:
        return resolver.resolve(None, phrase.start)
    kind = "name" if name.label == "PERSON" else "org"
    return resolver.resolve(Phrase(name.start, name.end, kind, name=name), phrase.start)
