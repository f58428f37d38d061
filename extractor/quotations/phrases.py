"""Reads the phrase that names a speaker next to a reporting verb.

A speaker phrase is a pronoun ("he"), a name with its titles ("Deputy Transport Minister
Petra Halloran", "Secretary Lindqvist"), an organisation ("the National Office of Water
Statistics", "NOWS"), a role ("the official", "a senior official at the ministry") or an
unnamed plural ("officials", "reports"). Everything works on a bounded window of text.
Which words are a person's name is not read here: a person is a PERSON mention of
``facts_entities`` (``extractor.quotations.mentions``) inside the phrase.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import shared
from .lexicon import SpeechLexicon
from .mentions import EntityMentions

# Prepositions whose object is named in passing, not as the subject of the clause
# ("after meeting with Governor X", "an aide to Minister X").
PASSING_PREPOSITIONS = frozenset({"with", "to", "for", "of", "by", "from", "against", "about", "under",
                                  "alongside", "between", "toward", "towards", "including", "like"})

_TOKEN = re.compile(r"[\w\u00c0-\u024f][\w\u00c0-\u024f.'\u2019&-]*|[(),;:\[\]\u2014\u2013\"\u201c\u201d]")
_CONNECTORS = frozenset({"of", "for", "and", "at", "on", "in", "de", "del", "da", "di", "al", "el",
                         "bin", "ibn", "van", "von", "der", "den", "la", "le", "du", "y", "&",
                         "the", "from", "to"})
_FUNCTION_WORDS = frozenset({"of", "for", "and", "at", "on", "in", "from", "to", "with", "by", "as",
                             "but", "or", "if", "so", "not", "no", "is", "are", "was", "were"})
_CLAUSE_WORDS = frozenset({"which", "who", "whom", "whose", "what", "that", "where", "when", "while",
                           "as", "if", "because", "although", "though", "since", "than", "but", "or"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
# A date before "and" ends a clause, never a name: "began on August 10 and Norway says".
# Words that open an adverbial clause before the subject ("In Kabul on Monday, X ...").
_ADVERBIAL_OPENERS = frozenset({"in", "on", "at", "during", "after", "before", "since", "following",
                                "despite", "amid", "with", "from", "by", "under", "earlier", "later",
                                "meanwhile", "last", "this", "when", "while", "as", "although"})
_DATE_WORDS = shared.month_names() | shared.weekday_words()
_LOCATED = ("-based", "-headquartered", "-owned", "-listed", "-run", "-registered")
_PP_HEADS = frozenset({"of", "in", "at", "for", "from", "on", "with", "by"})
# A final dot that belongs to the phrase's last word: an initial or an abbreviation.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.|[A-Z]\.[A-Z]\.|Ph\.D\.|Jr\.|Sr\.|Inc\.|Ltd\.|Co\.)$")
_WINDOW = 260
_NARROW = 90
_MAX_PHRASE_TOKENS = 16


@lru_cache(maxsize=65536)
def word_form(text: str) -> tuple[str, bool]:
    """A word's lower-case form (dots trimmed) and whether it counts as capitalised; the
    same words come back in every window, so the forms are computed once."""
    low = text.rstrip(".").lower() if len(text) > 1 else text.lower()
    c = text[0]
    return low, c.isupper() or (c.isdigit() and len(text) < 6)


class Token:
    """A word or punctuation mark of a window, with its lower-case form (dots trimmed)."""

    __slots__ = ("start", "end", "text", "low", "cap")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.low, self.cap = word_form(text)

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@dataclass
class Name:
    start: int
    end: int
    label: str  # "PERSON" or "ORG"
    roles: list[str] = field(default_factory=list)


@dataclass
class Phrase:
    start: int
    end: int
    kind: str  # pronoun, name, org, role, generic
    name: Name | None = None
    head: str | None = None  # the pronoun or role word
    definite: bool = True
    roles: list[str] = field(default_factory=list)


def _open_parenthesis(toks: list[Token], k: int) -> int | None:
    """Index of the "(" opening the ")" at ``k`` within 10 tokens back; None if there is none."""
    m = k - 1
    while m >= 0 and toks[m].text != "(" and k - m < 10:
        m -= 1
    if m < 0 or toks[m].text != "(":
        return None
    return m


class PhraseReader:
    """Reads speaker phrases; the people in them are the entities of ``mentions``."""

    def __init__(self, lex: SpeechLexicon, mentions: EntityMentions | None = None) -> None:
        self.lex = lex
        self.mentions = mentions if mentions is not None else EntityMentions()
        self._org_cache: dict[str, bool] = {}

    def for_mentions(self, mentions: EntityMentions) -> "PhraseReader":
        """The same reader over one document's entity mentions (word caches shared)."""
        reader = copy.copy(self)
        reader.mentions = mentions
        return reader

    # -- tokens -----------------------------------------------------------------------
    @staticmethod
    def tokens(text: str, start: int, end: int) -> list[Token]:
        return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]

    def is_title(self, tok: Token) -> bool:
        return self.lex.names.is_speaker_title(tok.low)

    def is_org_token(self, tok: Token) -> bool:
        hit = self._org_cache.get(tok.text)
        if hit is None:
            hit = self._org_cache[tok.text] = self._is_org_token(tok)
            if len(self._org_cache) > 50_000:
                self._org_cache.clear()
        return hit

    def _is_org_token(self, tok: Token) -> bool:
        t = tok.text.strip(".,")
        if len(t) >= 2 and t.replace(".", "").replace("&", "").isupper() and t.replace(".", "").isalpha():
            return len(t.replace(".", "")) >= 2 and "." not in t  # IRIB, BBC (not U.S.)
        return tok.low.rstrip("’'s") in self.lex.org_words or tok.low in self.lex.org_words

    # -- subject before a cue ---------------------------------------------------------
    def subject_before(self, text: str, floor: int, cue: int, sentence_start: int) -> Phrase | None:
        """The speaker phrase that ends just before the reporting verb at ``cue``."""
        # Most subjects are short: read a narrow window first, the wide one when the phrase
        # may run past it (appositives, long organisation names).
        wide_start = max(floor, cue - _WINDOW)
        if cue - floor > _NARROW:
            toks = self.tokens(text, cue - _NARROW, cue)
            if len(toks) > 2:
                phrase = self._subject(text, toks[1:], cue, sentence_start)
                if phrase is not None and phrase.start > toks[2].start:
                    return phrase
                # The wide window's tokens from toks[1] on are the narrow window's (only
                # toks[0] may be cut by it): tokenise just the text before them.
                wide = self.tokens(text, wide_start, toks[1].start) + toks[1:]
                return self._subject(text, wide, cue, sentence_start)
        return self._subject(text, self.tokens(text, wide_start, cue), cue, sentence_start)

    def _subject(self, text: str, toks: list[Token], cue: int, sentence_start: int) -> Phrase | None:
        while toks and toks[-1].low in self.lex.auxiliary:
            toks.pop()
        if not toks or toks[-1].low in self.lex.passive:
            return None
        last = toks[-1]
        if last.low in self.lex.pronouns and len(last.text) <= 4:
            if len(toks) >= 2 and toks[-2].low in ("what", "whatever"):
                return None
            return self.pronoun(last)
        if last.text == ",":
            phrase = self._appositive_subject(text, toks[:-1], sentence_start)
            return None if phrase is None or self._after_what(toks, phrase.start) else phrase
        if last.low == "and" and len(toks) >= 2:
            # "X made the remarks ... and added that": the subject opens the sentence.
            head = self.tokens(text, sentence_start, last.start)
            opener = head[0].low if head else ""
            adverbial = opener in _ADVERBIAL_OPENERS or (opener.endswith("ing") and len(opener) > 5)
            subject = None if adverbial else self._opening_subject(text, head)
            if subject is None:
                # "Speaking to reporters on Monday, X praised ... and said": the subject
                # follows an opening adverbial clause
                comma = next((k for k, t in enumerate(head[:_MAX_PHRASE_TOKENS * 2]) if t.text == ","), None)
                if comma is not None:
                    subject = self._opening_subject(text, head[comma + 1:])
            return subject
        if last.text.endswith(("'s", "’s")) and len(last.text) > 2:
            return None  # a possessive: "the minister's notes"
        np = self._np_suffix(toks)
        if np is None:
            return None
        i, j = np
        if self._after_what(toks, toks[i].start):
            return None
        return self.classify(text, toks[i:j + 1])

    def _appositive_subject(self, text: str, toks: list[Token], sentence_start: int) -> Phrase | None:
        """"Name, the role of X, said" / "Name of Place, said" / "The mayor, Name, said"."""
        k = _last_break(toks, len(toks))
        seg = toks[k + 1:]
        if not seg or len(seg) > _MAX_PHRASE_TOKENS:
            return None
        own = self._named(text, seg)
        if own is not None and own.kind in ("name", "org") and self._address(toks, k, seg):
            # "X, curator at the University of Ruritania, Toledo, said": the place
            # finishes the address of the organisation before it; the speaker is named earlier
            k = _last_break(toks, k)
            seg = toks[k + 1:]
            if not seg or len(seg) > _MAX_PHRASE_TOKENS:
                return None
            own = self._named(text, seg)
        first = seg[0]
        # "X, NASA deputy administrator, said": an organisation's name before a
        # role word modifies the role; the speaker is named before the comma
        org_role = (own is None or own.kind in ("org", "role")) and k >= 0 and toks[k].text == "," \
            and any(t.low in self.lex.roles and not t.cap for t in seg[1:])
        if own is not None and own.kind in ("name", "org") and not org_role:
            return own
        if first.low in _DETERMINERS or not first.cap or first.low in self.lex.roles or first.text.isdigit() \
                or org_role:
            # An appositive role: the speaker is named before it.
            if k < 0 or toks[k].text != ",":
                return None
            prev = toks[:k]
            np = self._np_suffix(prev)
            if np is None:
                return None
            phrase = self.classify(text, prev[np[0]:np[1] + 1])
            # "A senior official, who asked not to be named, said" / "The official,
            # speaking on condition of anonymity, said": a relative or participle clause
            # between commas leaves any subject (a role, a source) speaking; an appositive
            # role only follows a name.
            clause = first.low in ("who", "whose") or (first.low.endswith("ing") and len(first.low) > 5)
            kinds = ("name", "org", "role", "generic") if clause else ("name", "org")
            if phrase is None or phrase.kind not in kinds:
                return None
            if clause and phrase.kind in ("role", "generic"):
                return phrase
            role = self.classify(text, seg)
            phrase.end = seg[-1].end
            if role is not None:
                phrase.roles += role.roles + ([role.head] if role.head else [])
            return phrase
        np = self._np_suffix(seg)
        if np is None or np[0] != 0:
            return None
        return self.classify(text, seg)

    def _named(self, text: str, seg: list[Token]) -> Phrase | None:
        """What a segment opening with a capital names; None for a lower-case opening."""
        first = seg[0]
        return self.classify(text, seg) if first.cap and first.low not in _DETERMINERS else None

    def _address(self, toks: list[Token], comma: int, seg: list[Token]) -> bool:
        """``seg`` (after the comma at ``comma``) is only a place, and the words before the
        comma end with an organisation or a place: "the University of Ruritania, Toledo"."""
        if comma < 1 or toks[comma].text != ",":
            return False
        places = self.mentions.overlapping(seg[0].start, seg[-1].end, "GPE")
        if not places or places[0].start > seg[0].start or places[-1].end < seg[-1].end:
            return False
        before = toks[comma - 1]
        return any(m.end >= before.end for m in self.mentions.overlapping(before.start, before.end)
                   if m.label in ("ORG", "GPE"))

    def _opening_subject(self, text: str, toks: list[Token]) -> Phrase | None:
        """The speaker phrase (a name, organisation, role or pronoun) that opens ``toks``."""
        lead = self._np_prefix(toks)
        if lead is None and toks and toks[0].low in _DETERMINERS:
            # "the transport minister praised ...": a determiner, modifiers, a role word
            for j in range(1, min(len(toks), 6)):
                low = toks[j].low
                if low in self.lex.roles or low in self.lex.generic or low in self.lex.org_words:
                    lead = (0, j)
                    break
        if lead is None:
            return None
        return self.classify(text, toks[lead[0]:lead[1] + 1])

    @staticmethod
    def _after_what(toks: list[Token], start: int) -> bool:
        """"contrary to what an influential cleric, X says": an embedded clause, not speech."""
        k = next((n for n, t in enumerate(toks) if t.start >= start), len(toks))
        return any(t.low in ("what", "whatever", "whom", "who", "which") for t in toks[max(0, k - 6):k])

    def pronoun(self, tok: Token) -> Phrase:
        return Phrase(tok.start, tok.end, "pronoun", head=tok.low)

    def _np_suffix(self, toks: list[Token]) -> tuple[int, int] | None:
        """Indices (i, j) of the longest noun-phrase-like run ending at the last token."""
        j = len(toks) - 1
        if j < 0:
            return None
        last = toks[j]
        if not (last.cap or last.text == ")" or last.low in self.lex.roles or last.low in self.lex.generic
                or (last.low in self.lex.org_words and j > 0)):
            return None
        i = self._np_start(toks, j)
        if i > j:
            return None
        i = self._skip_leading_words(toks, i, j)
        if i > j:
            return None
        return i, j

    def _np_start(self, toks: list[Token], j: int) -> int:
        """Index of the first token of the noun-phrase-like run ending at ``j``, reading
        back; ``j + 1`` when there is none."""
        i = j + 1
        k = j
        lower_run = 0
        while k >= 0 and j - k < _MAX_PHRASE_TOKENS:
            t = toks[k]
            if t.text == ")":
                m = _open_parenthesis(toks, k)
                if m is None:
                    break
                k = m - 1
                i = m
                continue
            if t.cap or t.low in self.lex.roles or t.low in self.lex.generic or (
                    t.low in self.lex.org_words and k == j):
                i = k
                lower_run = 0
            elif t.low in _DETERMINERS:
                i = k
                prev = toks[k - 1] if k > 0 else None
                if prev is not None and (prev.low in self.lex.roles or prev.low in self.lex.generic
                                         or prev.low in ("of", "at", "from", "for", "in", "with", "by")
                                         or (prev.low == "and" and k > 1 and toks[k - 2].cap)):
                    k -= 1  # "a senior official [at] the Ministry of X"
                    continue
                break
            elif t.low in _CONNECTORS and k + 1 <= j and k > 0:
                before = toks[k - 1]
                if t.low == "and" and (before.text[0].isdigit() or before.low in _DATE_WORDS):
                    break
                lower_run += 1
                if lower_run > 2:
                    break
            elif t.text.isalpha() and t.text.islower() and lower_run < 2 and t.low not in _CLAUSE_WORDS:
                # an adjective before a role word ("the regional official", "union leader")
                lower_run += 1
                nxt = toks[k + 1].low if k + 1 <= j else ""
                if nxt in self.lex.roles or nxt in self.lex.generic:
                    i = k
                    lower_run = 0
            else:
                break
            k -= 1
        return i

    def _skip_leading_words(self, toks: list[Token], i: int, j: int) -> int:
        """A phrase opens with neither a connector nor a lower-case word that is no role,
        no source word and no determiner (unless a role or source word follows it)."""
        while i <= j and (toks[i].low in _CONNECTORS - {"the"} or (toks[i].text.islower() and
                          toks[i].low not in self.lex.roles and toks[i].low not in self.lex.generic
                          and toks[i].low not in _DETERMINERS and not (
                              i < j and (toks[i + 1].low in self.lex.roles or toks[i + 1].low in self.lex.generic)))):
            i += 1
        return i

    def _np_prefix(self, toks: list[Token]) -> tuple[int, int] | None:
        """The capitalised name opening ``toks`` ("Marta Ruiz Olmedo made ...")."""
        j = -1
        for k, t in enumerate(toks[:_MAX_PHRASE_TOKENS]):
            if t.cap or (t.low in _CONNECTORS and 0 < k):
                j = k
            else:
                break
        while j >= 0 and toks[j].low in _CONNECTORS:
            j -= 1
        return (0, j) if j >= 0 else None

    # -- phrase after an inverted cue ("said Secretary Lindqvist") ---------------------
    def phrase_after(self, text: str, pos: int, ceiling: int) -> Phrase | None:
        m = self.lex.adverbial_re.match(text, pos, ceiling)
        if m:
            pos = m.end()
        toks = self.tokens(text, pos, min(ceiling, pos + _WINDOW))
        out: list[Token] = []
        for t in toks:
            if t.text in ";:(\u2014\u2013\"\u201c\u201d" and t.text != "(":
                break
            if t.low in ("who", "which", "whose", "adding", "noting", "according", "while", "as"):
                break
            out.append(t)
            if len(out) >= _MAX_PHRASE_TOKENS * 2:
                break
        while out and out[-1].text in ",(":
            out.pop()
        if not out:
            return None
        if out[0].low in self.lex.pronouns and len(out[0].text) <= 4:
            return self.pronoun(out[0])
        if out[0].low in _FUNCTION_WORDS or out[0].low in _CLAUSE_WORDS:
            return None  # "pledged to boost ...": an infinitive or a clause, not a speaker
        return self.classify(text, out)

    # -- classification ---------------------------------------------------------------
    def classify(self, text: str, toks: list[Token]) -> Phrase | None:
        """Read a phrase's tokens as a pronoun, name, organisation, role or unnamed source."""
        if not toks:
            return None
        start, end = toks[0].start, toks[-1].end
        if end > start and text[end - 1] in ".,":
            if not _ABBREVIATION_END.search(text[start:end]):
                end -= 1
        if len(toks) == 1 and toks[0].low in self.lex.pronouns:
            return self.pronoun(toks[0])
        if all(t.low in self.lex.noun_modifiers for t in toks):
            return None  # "Other", "Preliminary": a modifier, never a speaker by itself
        low = [t.low for t in toks]
        # "the study", "Statistics" opening a sentence cite data; "Trend" inside one is a name.
        opening = start == 0 or text[max(0, start - 3):start].rstrip()[-1:] in ("", ".", "!", "?", "\n")
        if any(t.low in self.lex.data_sources and (not t.cap or opening) for t in toks) \
                and not any(t.cap for t in toks[1:]):
            return None
        roles = [t.low for t in toks if t.low in self.lex.roles]
        persons, orgs, pp_orgs, skip = self._names_in_runs(toks, roles, opening)
        definite = low[0] not in ("a", "an")
        if persons:
            name = persons[0]
            name.roles = list(dict.fromkeys(name.roles + roles))
            return Phrase(start, end, "name", name=name, roles=list(name.roles))
        last_tok = toks[-1]
        if len(toks) == 2 and low[0] == "the" and last_tok.low in self.lex.org_words and last_tok.cap \
                and not last_tok.text.isupper():
            return Phrase(start, end, "role", head=last_tok.low)  # "the Ministry": named by its kind
        if last_tok.text.islower() and last_tok.low in self.lex.org_words and not persons:
            # "the company", "the ministry": an organisation named by its kind; "Brazil's
            # central bank", "the Iranian government": named by its country or owner (but
            # "the New York-based company" is named by its kind and its seat).
            k0 = 1 if toks[0].low in _DETERMINERS else 0
            located = any(t.low.endswith(_LOCATED) for t in toks)
            if any(t.cap for t in toks[k0:-1]) and not orgs and len(toks) - k0 <= 5 and not located:
                return Phrase(start, end, "org", name=Name(toks[k0].start, end, "ORG"))
            if orgs and toks[0].low not in self.lex.roles and not any(t.low in self.lex.roles for t in toks):
                return Phrase(start, end, "org", name=orgs[0])
            if not any(t.low in self.lex.roles or t.low in self.lex.generic for t in toks[:-1]):
                return Phrase(start, end, "role", head=last_tok.low, definite=definite)
        first_kind = self._first_kind(toks, skip)
        if first_kind == "generic":
            head = next(t.low for t in toks if t.low in self.lex.generic)
            if head in ("reports", "media") and (orgs or pp_orgs):
                return Phrase(start, end, "org", name=(orgs or pp_orgs)[0])
            return Phrase(start, end, "generic", head=head, definite=definite)
        if first_kind == "role":
            role_word = next(t.low for t in toks if t.low in self.lex.roles)
            return Phrase(start, end, "role", head=role_word, definite=definite, roles=roles,
                          name=next(iter(orgs or pp_orgs), None))
        if orgs:
            return Phrase(start, end, "org", name=orgs[0])
        return None

    def _names_in_runs(self, toks: list[Token], roles: list[str], opening: bool
                       ) -> tuple[list[Name], list[Name], list[Name], set[int]]:
        """The people, the organisations and the organisations inside a prepositional phrase
        named by the capitalised runs of ``toks``, and the indices of the runs that only
        modify a lower-case word (``opening``: the phrase opens a sentence)."""
        persons: list[Name] = []
        orgs: list[Name] = []
        pp_orgs: list[Name] = []  # organisations after a preposition
        skip: set[int] = set()
        for a, b in self._runs(toks):
            run = toks[a:b + 1]
            if len(run) == 1 and (run[0].low in self.lex.generic or (run[0].low in self.lex.data_sources and opening)):
                continue
            follower = toks[b + 1] if b + 1 < len(toks) else None
            if follower is not None and follower.text.isalpha() and follower.text.islower() \
                    and follower.low not in _CONNECTORS and not any(self.is_org_token(t) for t in run):
                skip.update(range(a, b + 1))  # a modifier: "Earlier reports", "Iranian officials"
                continue
            # A name inside a prepositional phrase ("Head of X of Iran", "the Bureau in
            # Taiwan") is not who speaks: the head of the phrase is.
            p = a - 1
            if p > 0 and toks[p].low in _DETERMINERS:
                p -= 1
            inside_pp = p > 0 and toks[p].low in _PP_HEADS
            name = None if inside_pp else self._person_in_run(run)
            if name is not None:
                persons.append(name)
            elif inside_pp and (orgs or roles or any(t.low in self.lex.generic for t in toks[:a])):
                org = self._org_in_run(run)
                if org is not None:
                    pp_orgs.append(org)
                continue
            else:
                org = self._org_in_run(run)
                if org is not None:
                    orgs.append(org)
        return persons, orgs, pp_orgs, skip

    def _first_kind(self, toks: list[Token], skip: set[int]) -> str | None:
        """"role", "generic" or "org": what the phrase's head or first telling word is
        (``skip``: indices of the modifier runs)."""
        first_kind: str | None = None
        head_tok = next((t for t in reversed(toks) if t.text not in "()" and not (
            t.text.isupper() and toks.index(t) > 0 and toks[toks.index(t) - 1].text == "(")), toks[-1])
        if head_tok.low in self.lex.roles and not head_tok.cap:
            first_kind = "role"  # "the NOWS chief"
        for k, t in enumerate(toks if first_kind is None else ()):
            if k in skip:
                continue
            if t.low in self.lex.generic and (t.low not in self.lex.roles or t.low.endswith("s")):
                first_kind = "generic"
                break
            if t.low in self.lex.roles:
                first_kind = "role"
                break
            if t.cap and t.low not in _DETERMINERS:
                first_kind = "org"
                break
        return first_kind

    def _runs(self, toks: list[Token]) -> list[tuple[int, int]]:
        """Runs of capitalised tokens, joined by connectors and parenthesised acronyms."""
        runs: list[tuple[int, int]] = []
        k, n = 0, len(toks)
        while k < n:
            if toks[k].cap and not toks[k].text[0].isdigit() and toks[k].low not in _DETERMINERS | {"and"}:
                a = b = k
                k += 1
                while k < n:
                    t = toks[k]
                    if t.cap:
                        b = k
                    elif (t.low in _CONNECTORS and t.low not in ("from", "to", "in") and k + 1 < n
                          and not (t.low == "and" and toks[k + 1].low == "the")
                          and (toks[k + 1].cap or (toks[k + 1].low == "the" and k + 2 < n and toks[k + 2].cap))):
                        pass
                    else:
                        break
                    k += 1
                runs.append((a, b))
            elif toks[k].text == "(":
                m = k + 1
                while m < n and toks[m].text != ")" and m - k < 10:
                    m += 1
                k = m + 1
            else:
                k += 1
        return runs

    def _person_in_run(self, run: list[Token]) -> Name | None:
        """The person ``facts_entities`` found inside a capitalised run; the run's titles
        are the person's roles. A run with no such person names nobody."""
        roles = [t.low for t in run if self.is_title(t)]
        person = next(iter(self.mentions.overlapping(run[0].start, run[-1].end, "PERSON")), None)
        if person is not None:
            return Name(person.start, person.end, "PERSON", roles=roles)
        last = run[-1]
        if last.low in self.mentions.surnames and not self.is_org_token(last):
            # "Secretary Okoro": the surname of a person the entities named in full
            k = len(run) - 1
            while k > 0 and run[k - 1].low in self.mentions.surnames:
                k -= 1
            return Name(run[k].start, last.end - (1 if last.text.endswith((".", ",")) else 0),
                        "PERSON", roles=roles)
        return None

    def _org_in_run(self, run: list[Token]) -> Name | None:
        # "Head of the Trade Council": the organisation starts after the role.
        if any(t.low in ("of", "at", "for") for t in run[1:-1]) and self.is_title(run[0]) \
                and not self.is_org_token(run[0]):
            k = next(k for k, t in enumerate(run) if t.low in ("of", "at", "for"))
            if all(self.is_title(t) or t.low in _CONNECTORS for t in run[:k]):
                run = run[k:]
        while run and (run[0].low in _DETERMINERS or run[0].low in _CONNECTORS):
            run = run[1:]
        if not run:
            return None
        end = run[-1].end
        if run[-1].text.endswith((",",)) or (run[-1].text.endswith(".") and not re.search(
                r"(?:[A-Z]\.[A-Z]\.|Inc\.|Ltd\.|Co\.|Corp\.)$", run[-1].text)):
            end -= 1
        return Name(run[0].start, end, "ORG")


def _last_break(toks: list[Token], end: int) -> int:
    """Index of the last comma, colon, dash, bracket or quotation mark before ``end``; -1
    when there is none."""
    k = end - 1
    while k >= 0 and toks[k].text not in ",;:(\u2014\u2013\"\u201c\u201d":
        k -= 1
    return k
