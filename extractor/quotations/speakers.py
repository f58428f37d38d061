"""Resolves speaker phrases to the people and organisations ``facts_entities`` found.

The registry holds the PERSON, ORG and GPE mentions of ``doc.spans["facts_entities"]`` with
their clusters' canonical names and roles; nothing else can be a speaker. A name phrase
links to the entity mention inside it, or to the person whose full name ends with its words
("Okonjo", "Secretary Lindqvist"); a name the entities do not know leaves the speaker
unnamed. Pronouns and roles ("he", "the official", "the minister") go to the speaker in
focus with a matching gender or role, else to the person named most recently, else (a text
that opens with "he said") to the first person named after them. A capitalised office held
by no one the text names ("the Secretary-General said") is kept as the role it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from ..layout.model import Layout
from ..names import given_name_gender
from .mentions import EntityMentions
from .phrases import PASSING_PREPOSITIONS, Name, Phrase, PhraseReader

# Capitalised words before a name that opens a sentence: a title ("Energy Minister X").
_TITLE_LEAD = re.compile(r"\s*(?:[A-Z][\w.'\u2019-]*\s+){1,4}")
_FOCUS_CHARS = 2500
_CATAPHORA_CHARS = 600  # how far ahead a pronoun may find a person who never speaks  # a speaker stays in focus over about this many characters


@dataclass
class Entity:
    name: str
    label: str  # PERSON or ORG
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    passing: set[tuple[int, int]] = field(default_factory=set)  # mentions that name them in passing

    def add(self, span: tuple[int, int]) -> None:
        k = bisect_left(self.mentions, span)
        if k == len(self.mentions) or self.mentions[k] != span:
            self.mentions.insert(k, span)

    def mention_before(self, pos: int) -> tuple[int, int] | None:
        k = bisect_left(self.mentions, (pos, pos)) - 1
        return self.mentions[k] if k >= 0 else None

    def subject_mention_before(self, pos: int) -> tuple[int, int] | None:
        """The last mention before ``pos`` that does not name the person in passing."""
        for k in range(bisect_left(self.mentions, (pos, pos)) - 1, -1, -1):
            if self.mentions[k] not in self.passing:
                return self.mentions[k]
        return None

    def mention_after(self, pos: int) -> tuple[int, int] | None:
        k = bisect_left(self.mentions, (pos, pos))
        return self.mentions[k] if k < len(self.mentions) else None


@dataclass
class Resolution:
    speaker: str | None
    ref: tuple[int, int] | None
    entity: Entity | None = None


class SpeakerResolver:
    """Resolves the speaker phrases of one document to the entities ``facts_entities`` found."""

    def __init__(self, reader: PhraseReader, text: str, mentions: EntityMentions, layout: Layout) -> None:
        self.reader = reader
        self.text = text
        self.layout = layout  # the document's sentences, as every component reads them
        self.entities: dict[str, Entity] = {}
        self._spans: list[tuple[int, int, Entity]] = []
        self._text_genders: dict[str, set[str]] = {}  # entity name -> pronouns the text gives
        for m in mentions:
            ent = self._entity(m.canonical, m.label)
            ent.roles.update(r.lower() for r in m.roles)
            past = _PAST_TITLE.search(text, max(0, m.start - 60), m.start) if m.label == "PERSON" else None
            if past:
                ent.roles.add(past.group().strip().lower())  # "Former oil minister X"
            ent.add((m.start, m.end))
            if m.label == "PERSON":
                self._read_mention(ent, m.start, m.end)
            self._spans.append((m.start, m.end, ent))
        for name, genders in self._text_genders.items():
            if len(genders) == 1:
                self.entities[name].gender = next(iter(genders))  # the text's own "Okoro said she" outranks the name
        self._spans.sort(key=lambda x: (x[0], x[1]))
        self._starts = [s for s, _, _ in self._spans]
        self.last_person: tuple[int, Entity] | None = None
        self.last_org: tuple[int, Entity] | None = None
        self.last_unnamed: tuple[int, str] | None = None
        self.named_speakers: list[tuple[int, Entity]] = []  # filled by the component

    # -- registry -----------------------------------------------------------------------
    def _read_mention(self, ent: Entity, start: int, end: int) -> None:
        """What the words around a person's mention say: the pronoun of "Okoro said she"
        gives the person's gender; "met with Minister Finch", "an aide to Minister Finch"
        name Finch in passing (unless Finch is the one who speaks: "with Finch saying")."""
        after = _SUBJECT_CUE.match(self.text, end, min(len(self.text), end + 60))
        if after and self.reader.lex.cues.get(after.group("cue")) is not None:
            if after.group("pronoun"):
                gender = "male" if after.group("pronoun").lower() == "he" else "female"
                self._text_genders.setdefault(ent.name, set()).add(gender)
            return
        words = _WORD.findall(self.text, max(0, start - 80), start)
        roles = self.reader.lex.roles
        k = len(words)
        while k > 0 and (words[k - 1][0].isupper() or words[k - 1].lower() in roles or words[k - 1] == "the"):
            k -= 1  # the title and the name of the office before the name: "Lieutenant Governor"
        if k > 1 and words[k - 1] in PASSING_PREPOSITIONS and words[k - 2] not in _SENTENCE_END:
            ent.passing.add((start, end))  # "for X" opening a sentence puts X in focus

    def _entity(self, name: str, label: str) -> Entity:
        ent = self.entities.get(name)
        if ent is None:
            tokens = name.replace(",", " ").split()
            gender = given_name_gender(tokens[0]) if label == "PERSON" and tokens else None
            ent = Entity(name, label, gender if gender in ("male", "female") else None,
                         tokens=[t.lower().strip(".") for t in tokens])
            self.entities[name] = ent
        return ent

    def entity_at(self, start: int, end: int, label: str | None = None) -> tuple[tuple[int, int], Entity] | None:
        k = bisect_left(self._starts, start)
        best = None
        for s, e, ent in self._spans[max(0, k - 4):k + 8]:
            if s < end and start < e and (label is None or ent.label == label):
                # "the Energy Ministry's Planning Office": an organisation named inside
                # another's name is not the one the phrase names; the last one is.
                key = (e, e - s) if ent.label == "ORG" and label == "ORG" else (e - s, 0)
                if best is None or key > best[0]:
                    best = (key, ((s, e), ent))
        return best[1] if best else None

    def _covers(self, span: tuple[int, int], name: Name) -> bool:
        """The mention ``span`` is all of ``name`` but a leading article."""
        start = name.start
        if re.match(r"(?:the|The)\s", self.text[start:name.end]):
            start += 4
        return span[0] <= start and span[1] >= name.end

    def link_name(self, name: Name) -> tuple[Entity, tuple[int, int]] | None:
        """The entity a name in place refers to and the mention that names it; None when
        ``facts_entities`` found no such person or organisation."""
        hit = self.entity_at(name.start, name.end, name.label)
        if hit is None and name.label == "PERSON":
            hit = self.entity_at(name.start, name.end, "ORG")
        if hit is None:
            place = self.entity_at(name.start, name.end, "GPE")  # "Norway said"
            # but "Dover police", "Brazil's central bank": the place only owns the body
            # that speaks; naming the place as the speaker would be wrong, so it is unnamed
            if place is not None and self._covers(place[0], name):
                hit = place
        if hit is not None:
            return hit[1], hit[0]
        surface = re.sub(r"^(?:the|The)\s+", "", self.text[name.start:name.end])
        ent = self.entities.get(surface)
        if ent is None and name.label == "PERSON":
            ent = self._person_by_surname(surface, name.start)
        if ent is not None and ent.label == name.label:
            return ent, (name.start, name.end)  # an untagged repeat of an entity's name
        return None

    def _person_by_surname(self, surface: str, pos: int) -> Entity | None:
        """The person whose full name ends with the words of ``surface`` ("Okoro", "Ruiz
        Olmedo"), the one named last before ``pos`` first."""
        tokens = [t.lower().strip(".") for t in surface.split()]
        best = None
        for ent in self.entities.values():
            if ent.label != "PERSON" or len(ent.tokens) <= len(tokens) or not tokens:
                continue
            if fuzz.ratio(ent.tokens[-1], tokens[-1]) < 90 and not (
                    len(tokens) == 1 and any(fuzz.ratio(t, tokens[0]) >= 90 for t in ent.tokens[1:])):
                continue
            if not all(any(fuzz.ratio(t, et) >= 90 for et in ent.tokens) for t in tokens):
                continue
            before, after = ent.mention_before(pos), ent.mention_after(pos)
            key = (before is not None, before[0] if before else -(after[0] if after else 0))
            if best is None or key > best[0]:
                best = (key, ent)
        return best[1] if best else None

    # -- resolution ---------------------------------------------------------------------
    def resolve(self, phrase: Phrase | None, pos: int) -> Resolution:
        """The speaker a phrase at ``pos`` names: an entity of the document, an office as it
        stands, or no one."""
        if phrase is None:
            return Resolution(None, None)
        if phrase.kind in ("name", "org") and phrase.name is not None:
            return self._resolve_name(phrase, phrase.name, pos)
        if phrase.kind == "pronoun":
            return self._resolve_pronoun(phrase, pos)
        if phrase.kind == "role":
            return self._resolve_role(phrase, pos)
        return Resolution(None, None)

    def resolve_outlet(self, phrase: Phrase) -> Resolution:
        """The organisation an outlet phrase names ("IRIB", "the state broadcaster"), or no
        one: a name the entities know, or a kind noun ("the paper") that an organisation's
        name shows. Naming an outlet moves no speaker out of focus."""
        if phrase.kind in ("name", "org") and phrase.name is not None:
            linked = self.link_name(phrase.name)
            if linked is not None and linked[0].label == "ORG":
                return Resolution(linked[0].name, linked[1], linked[0])
            return Resolution(None, None)
        head = phrase.head or ""
        if phrase.kind == "role" and head in self.reader.lex.org_words:
            ent = self._org_with(head, phrase.start, shown=True)
            if ent is not None:
                return Resolution(ent.name, ent.mention_before(phrase.start), ent)
        return Resolution(None, None)

    def _resolve_name(self, phrase: Phrase, name: Name, pos: int) -> Resolution:
        linked = self.link_name(name)
        if linked is None:
            return Resolution(None, None)  # a name facts_entities does not know: unnamed
        named, span = linked
        named.roles.update(phrase.roles)
        self._focus(pos, named)
        return Resolution(named.name, span, named)

    def _resolve_pronoun(self, phrase: Phrase, pos: int) -> Resolution:
        ent: Entity | None
        head = phrase.head
        if head in ("he", "she"):
            gender = "male" if head == "he" else "female"
            ent = self._subject_of_sentence_before(phrase.start, gender) or self._person_in_focus(pos, gender=gender)
        elif head in ("it", "they"):
            ent = self.last_org[1] if self.last_org and pos - self.last_org[0] < _FOCUS_CHARS else None
            if ent is None and head == "they":
                return Resolution(None, None)
        else:
            return Resolution(None, None)
        return self._resolved(ent, pos)

    def _resolve_role(self, phrase: Phrase, pos: int) -> Resolution:
        ent: Entity | None
        head = phrase.head or ""
        if head in self.reader.lex.org_words:
            ent = self._org_with(head, pos)
            if ent is None:
                self.last_org = None  # "it" after an unknown "the ministry" is that ministry
            return self._resolved(ent, pos)
        named = self._person_in_apposition(phrase.start)
        if named is not None:
            named.roles.add(head)
            return self._resolved(named, pos)
        words = set(self.text[phrase.start:phrase.end].lower().split())
        if not phrase.definite and not words & _UNNAMED:
            # "a senior official said X. Head of Y Jane Doe said ...": news introduces the
            # speaker by role first and names them in the next sentence; a mayor named next
            # is not "a police spokesman".
            ent = self._next_named_speaker(pos, within=600, role=head)
            if ent is not None:
                return self._resolved(ent, pos)
        if not phrase.definite or words & _UNNAMED:
            # "an unnamed official": someone the text does not name; a later "the
            # official" is that person, still unnamed.
            self.last_unnamed = (pos, head)
            return Resolution(None, None)
        if self.last_unnamed and self.last_unnamed[1] == head and pos - self.last_unnamed[0] < _FOCUS_CHARS \
                and (self.last_person is None or self.last_person[0] < self.last_unnamed[0]):
            return Resolution(None, None)
        if head in _GENERIC_ROLES:
            return self._resolved(self._person_in_focus(pos), pos)
        ent = self._person_with_role(head, pos)
        if ent is None:
            # "the Secretary-General" is not his spokesman, "the minister" not a former one
            ent = self._person_in_focus(pos, role=head)
            if ent is None:
                return self._office(phrase, pos)
        ent.roles.add(head)  # a later "the minister" is this minister
        return self._resolved(ent, pos)

    def _person_in_apposition(self, start: int) -> Entity | None:
        """The person named right before a role phrase and a comma ("Mr. X, President of
        the Office, said"): the role is theirs, not another president's."""
        k = bisect_left(self._starts, start)
        for _start, e, ent in reversed(self._spans[max(0, k - 3):k]):
            if ent.label == "PERSON" and e <= start and self.text[e:start].strip() == ",":
                return ent
        return None

    def _office(self, phrase: Phrase, pos: int) -> Resolution:
        """A capitalised office held by no one the text names ("the Secretary-General") is
        the speaker as it stands; a lower-case role is no one."""
        written = self.text[phrase.start:phrase.end]
        surface = re.sub(r"^(?:the|The)\s+", "", written).strip()
        if surface == written.strip() and len(surface.split()) == 1 and self._opens_sentence(phrase.start):
            return Resolution(None, None)  # "Minister says ...": capitalised by its place only
        if surface and surface[0].isupper() and len(surface.split()) <= 4:
            return Resolution(surface, None)
        return Resolution(None, None)

    def _opens_sentence(self, pos: int) -> bool:
        """Only quotation marks stand between the layout's sentence start and ``pos``."""
        start = self.layout.sentence(pos)[0]
        return not self.text[start:pos].strip(" \t\n\"\u201c\u2018'")

    @staticmethod
    def _holds(ent: Entity, role: str) -> bool:
        """Whether the person holds the role now (a "former minister" does not)."""
        return any(role in _role_head(r) for r in ent.roles) and not any(
            not _role_head(r) and role in r for r in ent.roles)

    def _other_role(self, ent: Entity, role: str) -> bool:
        """Whether the person is known by a role other than ``role`` ("spokesman for X")."""
        if any(not _role_head(r) and role in r for r in ent.roles):
            return True  # "former oil minister"
        heads = [h for h in (_role_head(r) for r in ent.roles) if h]
        if not heads or any(role in h for h in heads):
            return False
        lex_roles = self.reader.lex.roles
        return any(w in lex_roles and w not in _GENERIC_ROLES for h in heads for w in h)

    def _resolved(self, ent: Entity | None, pos: int) -> Resolution:
        if ent is None:
            return Resolution(None, None)
        self._focus(pos, ent)
        ref = ent.mention_before(pos) or ent.mention_after(pos)
        return Resolution(ent.name, ref, ent)

    def _focus(self, pos: int, ent: Entity) -> None:
        if ent.label == "PERSON":
            self.last_person = (pos, ent)
        elif ent.label == "ORG":
            self.last_org = (pos, ent)

    @staticmethod
    def _compatible(ent: Entity, gender: str | None) -> bool:
        return gender is None or ent.gender is None or ent.gender == gender

    def _subject_of_sentence_before(self, pos: int, gender: str) -> Entity | None:
        """The person who opens the sentence before the one at ``pos``, when named after the
        speaker in focus: "X won the award. He said ..." is X even when another person
        spoke before (recency and subject position outweigh an older focus)."""
        text = self.text
        this_start = self.layout.sentence(pos)[0]
        if this_start == 0 or text[this_start:pos].strip():
            return None  # the pronoun does not open its sentence
        prev_start = self.layout.sentence(this_start - 1)[0]
        k = bisect_left(self._starts, prev_start)
        for start, _end, ent in self._spans[k:k + 3]:
            if start >= this_start:
                break
            if ent.label != "PERSON" or not self._compatible(ent, gender):
                continue
            lead = text[prev_start:start]
            if lead.strip() and not _TITLE_LEAD.fullmatch(lead):
                continue
            if self.last_person is not None and self.last_person[0] >= start:
                return None
            return ent
        return None

    def _person_in_focus(self, pos: int, gender: str | None = None, role: str | None = None) -> Entity | None:
        if self.last_person and self._fits(self.last_person[1], gender, role):
            return self.last_person[1]
        if self.last_person and role is not None:
            return None  # the person in focus holds another office: someone else speaks
        if role is not None:
            # Nobody in focus yet: "the minister said" is someone who speaks in the text,
            # not a name from a headline or a passing mention.
            before = [ent for p, ent in self.named_speakers if p < pos and ent.label == "PERSON"
                      and self._fits(ent, gender, role)]
            if before:
                return before[-1]
            ent = self._next_named_speaker(pos, within=None, gender=gender, role=role)
            if ent is not None and any(p > pos and e is ent for p, e in self.named_speakers):
                return ent
        return self._last_named_person(pos, gender, role) or self._next_named_speaker(
            pos, within=None, gender=gender, role=role)

    def _last_named_person(self, pos: int, gender: str | None, role: str | None) -> Entity | None:
        """The fitting person named last before ``pos``, one named other than in passing first
        ("after meeting with Governor X, he said" is not X)."""
        best = None
        for ent in self.entities.values():
            if ent.label != "PERSON" or not self._fits(ent, gender, role):
                continue
            m = ent.subject_mention_before(pos)
            key = (1, m[0]) if m else None
            if m is None:
                m = ent.mention_before(pos)
                key = (0, m[0]) if m else None
            if key and (best is None or key > best[0]):
                best = (key, ent)
        return best[1] if best else None

    def _next_named_speaker(self, pos: int, within: int | None, gender: str | None = None,
                            role: str | None = None) -> Entity | None:
        for p, ent in self.named_speakers:
            if p > pos and ent.label == "PERSON" and self._fits(ent, gender, role):
                if within is None or p - pos <= within:
                    return ent
                return None
        if within is None:
            # A person named later who never speaks is the speaker only when named close by
            # ("He agreed, and Ana Velk said ..."), not a name much later in the text.
            best = None
            for ent in self.entities.values():
                m = ent.mention_after(pos)
                if ent.label == "PERSON" and m and m[0] - pos <= _CATAPHORA_CHARS \
                        and self._fits(ent, gender, role) and (best is None or m[0] < best[0]):
                    best = (m[0], ent)
            return best[1] if best else None
        return None

    def _fits(self, ent: Entity, gender: str | None, role: str | None) -> bool:
        return self._compatible(ent, gender) and (role is None or not self._other_role(ent, role))

    def _person_with_role(self, role: str, pos: int) -> Entity | None:
        """The person most recently named before ``pos`` who holds the role now (not a
        "former minister", not the "spokesman for the minister"), else the next one named."""
        best = None
        for ent in self.entities.values():
            if ent.label != "PERSON" or not self._holds(ent, role):
                continue
            m = ent.mention_before(pos)
            key = (1, m[0]) if m else None
            if m is None:
                m = ent.mention_after(pos)
                key = (0, -m[0]) if m else None
            if key and (best is None or key > best[0]):
                best = (key, ent)
        return best[1] if best else None

    def _org_with(self, head: str, pos: int, shown: bool = False) -> Entity | None:
        """The organisation "the company" / "the paper" / "the ministry" refers to: the one
        named most recently whose name shows that kind, else (unless ``shown``) one whose
        name shows no other kind; an organisation of another kind ("the Ministry" for "the
        company") never."""
        kinds = self.reader.lex.org_kinds
        fitting = kinds.get(head, frozenset({head}))
        other = self.reader.lex.org_kind_words - fitting
        best = None
        for ent in self.entities.values():
            if ent.label != "ORG":
                continue
            m = ent.mention_before(pos)
            if m is None or pos - m[0] > _FOCUS_CHARS:
                continue
            words = set(re.findall(r"[a-z][a-z.]*", ent.name.lower()))
            words |= {w.rstrip(".") for w in words}
            if words & fitting:
                rank = 2
            elif words & other or shown:
                continue
            else:
                rank = 1
            key = (rank, m[0], len(ent.name))
            if best is None or key > best[0]:
                best = (key, ent)
        return best[1] if best else None


# A name followed by a finite reporting verb is the subject that speaks ("Okoro said she").
_SUBJECT_CUE = re.compile(r"(?:,\s*\d{1,3}\s*,)?\s+(?P<cue>[a-z]+)\s+(?:that\s+)?(?P<pronoun>[Hh]e|[Ss]he)?\b")
_WORD = re.compile(r"[\w'\u2019-]+|[.;:!?,()\n]")
_SENTENCE_END = frozenset({".", "!", "?", ";", ":", "\n", "("})
_UNNAMED = frozenset({"unnamed", "anonymous", "unidentified"})
_PAST_TITLE = re.compile(r"(?<![\w-])(?:[Ff]ormer|[Ee]x-|[Ll]ate|[Oo]utgoing)\s*(?:[A-Za-z-]+\s+){0,4}$")
_ROLE_OBJECT = re.compile(r"\s(?:for|of|to|at|with|in|on|from|under)\s")
_PAST_HOLDER = frozenset({"former", "ex", "late", "then", "outgoing", "previous", "retired"})


@lru_cache(maxsize=2048)
def _role_head(role: str) -> tuple[str, ...]:
    """The words naming the role itself, before its object ("spokesman for the minister" ->
    spokesman); empty for one held in the past ("former oil minister", "ex-minister")."""
    head = _ROLE_OBJECT.split(" " + role.lower() + " ", maxsplit=1)[0]
    words = tuple(w.strip(".,'\u2019") for w in re.split(r"[\s\u2019']+", head) if w)
    if any(w in _PAST_HOLDER or w.startswith(("ex-", "former-")) for w in words):
        return ()
    return words


# Role words too general to pick out one person by role ("the official", "the source").
_GENERIC_ROLES = frozenset({"official", "source", "expert", "analyst", "executive", "officer",
                            "blogger", "writer", "author", "member", "representative", "head", "chief"})
