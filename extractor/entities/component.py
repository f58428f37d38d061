"""``facts_entities``: people, organisations, places and nationalities without a model.

Evidence comes from gazetteers (``resources/entities/``) and from the conventions of news
copy: organisation words ("... Organization", "Ministry of ..."), acronyms defined in
parentheses, titles and appositions around names, subjects of reporting verbs, datelines and
credit lines. Every mention goes to ``doc.spans["facts_entities"]`` with
``span._.facts_entity`` (an :class:`~extractor.payloads.EntityPayload`); mentions of one
entity share the key.
Non-overlapping mentions also become ``doc.ents``. When a trained pipeline has already set
``doc.ents``, its entities fill the gaps the rules leave (rules win where both fire).

The work is done in passes, each of which only fills token ranges still free:

A. strong candidates (meta spans, user rules, gazetteers, organisation words, titled and
   first-name people), longest first;
B. acronyms defined in parentheses; C. other all-capital acronyms;
D. weaker context: reporting-verb subjects, "Town, State", "X Province", regions;
E. the trained model's entities; F. later mentions (surnames, acronyms, lower-case or
   all-capital repeats of a name); G. roles and canonical names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import srsly
from rapidfuzz import fuzz, process
from spacy.attrs import IDX, LENGTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..extensions import BOILERPLATE, ENTITIES, doc_text, ensure_extensions
from ..layout.component import layout_of
from ..lexicon import as_dicts, iter_table, load_rows, load_table, shared, word_set
from ..lexicon.rows import (
    EntityRule,
    NameHead,
    NameToCanonical,
    NameVariant,
    Place,
    SiteNoun,
    StateAbbreviation,
)
from ..names import name_model
from ..payloads import EntityPayload

META_SPANS = "facts_meta"
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW")
# Labels other NER schemes use for the same things.
MODEL_LABELS = {"PER": "PERSON", "MISC": None, **{label: label for label in LABELS}}

_DIR = "entities/"
_MAX_NAME = 12  # tokens; names run longer only in pathological input
_OPENERS = {"“", '"', "‘", "'", "(", "[", "—", "–", "-", ":", ";", "•", "·"}
_DETERMINERS = {"the", "a", "an"}
# "Republic of Korea Navy": a state name inside an organisation name.
_STATE_WORDS = shared.org_words("state")
_DIRECTIONS = word_set("entities/directions.txt")
_PLACE_HEADS = word_set("entities/place_heads.txt")
_PLACE_TYPES = word_set("entities/place_types.txt")
# Capitalised heads of natural features ("Kharg Island") and lower-case heads of named
# sites ("the South Pars gas field" is a place; "the Abadan refinery" a facility).
_FEATURE_HEADS = word_set("entities/feature_heads.txt")
_SITE_NOUNS = {row.name: row.label for row in load_table("entities/site_nouns.tsv", SiteNoun)}
_SITE_MODIFIERS = word_set("entities/site_modifiers.txt")
_NOT_NAMES = word_set("entities/not_names.txt")
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_LEAD_SENTENCES = 3  # the unnamed "Head of X says" subject belongs to a story's lead
_ROLE_STOP = {",", ".", ";", ":", "(", ")", "“", "”", '"', "said", "says", "and"}
# Words that end a role phrase: a relative clause or a verb follows the role itself.
_ROLE_END = {"who", "which", "that", "whose", "whom", "where", "when", "while", "since", "after",
             "before", "because", "is", "was", "has", "had", "have", "are", "were", "will",
             "would", "told"}
_WEEKDAYS = shared.weekday_words()
# Month names, their abbreviations with a full stop ("jan.", "sept."), and the deictic days
# (a closed class of four adverbs, kept here).
_CALENDAR = _WEEKDAYS | shared.month_names() | {a.lower() + "." for m in shared.months() for a in m.abbr} \
    | {"today", "yesterday", "tomorrow", "tonight"}
_SENTENCE_ADVERBS = {"meanwhile", "also", "still", "now", "then", "last", "next", "earlier",
                     "later", "despite", "unlike", "under", "following", "according", "shares",
                     "officials", "analysts", "several", "senior", "local", "both", "each"}
_LEGAL_HEADS = frozenset(h.word for h in load_table("entities/heads.tsv", NameHead) if h.has("law"))
# Adverbs between a speaker and the reporting verb ("Ruiz also said").
_SPEECH_ADVERBS = {"also", "further", "then", "later", "again", "has", "had"}
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_PLACE_PREPOSITIONS = {"in", "between", "from", "to", "near", "as", "across", "into", "at",
                        "outside", "towards", "toward"}
_WEAK_HEADS = shared.org_words("unit")
# The words pass D looks at (besides the reporting verbs), as written and in lower case.
_CONTEXT_WORDS = {"to", ",", "and", "or"} | _PLACE_HEADS | _FEATURE_HEADS
_CONTEXT_LOWER = _PLACE_TYPES | set(_SITE_NOUNS)


_TITLE_LINE = re.compile(r"[^\n]+")
_SENTENCE_INSIDE = re.compile(r"[.!?;][\s\"”]")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MINOR_WORDS = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "and", "or", "as",
                "with", "from", "vs", "vs.", "is", "are", "but", "over", "into", "after"}


def _is_title_case(line: str) -> bool:
    """A headline in title case: three or more words, mostly capitalised, and no sentence."""
    line = line.strip()
    if not 8 <= len(line) <= 200 or line[-1] in ".!?:;,\"”’)" or _SENTENCE_INSIDE.search(line):
        return False
    words = [w for w in _TITLE_WORD.findall(line) if w.lower() not in _MINOR_WORDS]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _calendar(words: list[str]) -> bool:
    """ "Thursday", "June": a day or month is never a name by itself."""
    return bool(words) and (words[0].lower() in _WEEKDAYS or len(words) == 1 and words[0].lower() in _CALENDAR)


@dataclass
class Entry:
    tokens: tuple[str, ...]
    label: str
    key: str
    tier: int


@dataclass
class Mention:
    start: int
    end: int
    label: str
    key: str
    roles: list[str] = field(default_factory=list)
    weak: bool = False  # a small town from the gazetteer: yields to evidence of a person
    dead: bool = False


def _words(name: str) -> frozenset[str]:
    return word_set(_DIR + name)


class Lexicon:
    """Names and word lists, loaded once per process and shared by all pipelines."""

    def __init__(self, tokenize) -> None:
        self.names: dict[str, list[Entry]] = {}
        for place in iter_table(_DIR + "places.tsv", Place):
            tokens = place.tokens.split(" ") if place.tokens else place.surface.split(" ")
            self._add(tokens, place.label, place.canonical, place.tier)
        for variant in load_table(_DIR + "place_variants.tsv", NameVariant):
            self._add(tokenize(variant.name), variant.label, variant.canonical, 1)
        for file in ("demonyms.tsv", "norp_extra.tsv"):
            for row in load_table(_DIR + file, NameToCanonical):
                self._add(tokenize(row.name), "NORP", row.canonical, 1)
        for row in load_table(_DIR + "organizations.tsv", NameToCanonical):
            self._add(tokenize(row.name), "ORG", row.canonical, 0)
        for entries in self.names.values():
            entries.sort(key=lambda e: (-len(e.tokens), e.tier))
        self.states = {row.abbreviation: row.state
                       for row in load_table(_DIR + "state_abbreviations.tsv", StateAbbreviation)}
        self.subdivision_names = sorted({
            e.key.split(":", 1)[1] for entries in self.names.values() for e in entries
            if e.label == "GPE" and e.tier == 1})
        # People's and organisations' name words come from the shared name model.
        self.people = people = name_model()
        self.first_names = people.given_names
        self.org_heads = people.org_heads
        self.name_tails = people.name_tails
        self.of_heads = people.of_heads
        self.titles = people.titles
        self.org_nouns = people.org_nouns
        self.honorifics = people.honorifics
        self.legal_forms = people.legal_forms
        self.particles = people.particles
        self.common = _words("common_words.txt")
        self.non_entity_heads = frozenset(h.word for h in load_table(_DIR + "heads.tsv", NameHead) if h.has("other"))
        self.reporting = shared.finite_reporting_forms() | _words("speaker_verbs.txt")
        self.acronym_stop = _words("acronym_stoplist.txt") | _words("currency_codes.txt")

    def _add(self, tokens: list[str] | tuple[str, ...], label: str, canonical: str, tier: int) -> None:
        tokens = tuple(tokens)
        if not tokens or not tokens[0]:
            return
        bucket = self.names.setdefault(tokens[0], [])
        if any(e.tokens == tokens for e in bucket):
            return
        bucket.append(Entry(tokens, label, f"{label}:{canonical}", tier))

    def is_title(self, word: str) -> bool:
        return self.people.is_title(word)

    def is_common(self, word: str) -> bool:
        return word.lower() in self.common or word.lower() in STOP_WORDS


_LEXICONS: dict[str, Lexicon] = {}


def _shared_lexicon(lang: str, tokenize) -> Lexicon:
    """One lexicon per language for the whole process: the data are read-only."""
    if lang not in _LEXICONS:
        _LEXICONS[lang] = Lexicon(tokenize)
    return _LEXICONS[lang]


class _Doc:
    """Per-document view: token texts, offsets, line and sentence facts, taken tokens."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc_text(doc)
        # Offsets from the Doc's arrays and texts by slicing: no Token objects per token.
        text = self.text
        idx = doc.to_array(IDX).tolist() if len(doc) else []
        lengths = doc.to_array(LENGTH).tolist() if len(doc) else []
        self.idx = idx
        self.words = [text[a : a + n] for a, n in zip(idx, lengths)]
        self.n = len(self.words)
        self.taken: list[Mention | None] = [None] * self.n
        self._mentions: list[Mention] = []
        self.rekey: dict[str, str] = {}  # a key merged into another one
        self.blocked = bytearray(self.n)
        self.found_names: set[tuple[str, ...]] | None = None  # names of passes A-C, for pass D
        # All-capital lines (headlines, kickers, tables) carry no capitalisation evidence.
        self.shout_starts: list[int] = []
        self.shout_ends: list[int] = []
        for m in re.finditer(r"[^\n]+", self.text):
            line = m.group()
            upper = len(_UPPER.findall(line))
            if upper >= 6 and upper >= 4 * len(_LOWER.findall(line)):
                self.shout_starts.append(m.start())
                self.shout_ends.append(m.end())
        self.layout = layout_of(doc)
        for start, end in self.layout.sign_offs:
            self.block_chars(start, end)
        # The first token of each of the layout's sentences.
        self.sentence_starts = [bisect_left(idx, s) for s, _e in self.layout.sentences]
        self.starts_sentence = bytearray(self.n + 1)
        for k in self.sentence_starts:
            self.starts_sentence[k] = 1
        # Capitalised name-like words, computed once; lines in capitals do not count.
        self.cap = [w[:1].isupper() and w[:1].isalpha() and w not in _NOT_NAMES for w in self.words]
        for a, b in zip(self.shout_starts, self.shout_ends):
            for i in range(bisect_right(self.idx, a - 1), self.n):
                if self.idx[i] >= b:
                    break
                self.cap[i] = False
        # In a title-case headline a capital shows a name only on a word that is no common word.
        self.title_lines = [(m.start(), m.end()) for m in _TITLE_LINE.finditer(self.text)
                            if _is_title_case(m.group())]
        for line_start, line_end in self.title_lines:
            for i in range(bisect_right(self.idx, line_start - 1), self.n):
                if self.idx[i] >= line_end:
                    break
                if self.cap[i] and lex.is_common(self.words[i]) and not self._known(lex, i):
                    self.cap[i] = False

    def _known(self, lex: "Lexicon", i: int) -> bool:
        """A gazetteer name starts at token ``i``."""
        return any(tuple(self.words[i : i + len(e.tokens)]) == e.tokens
                   for e in lex.names.get(self.words[i], ()))

    # -- token facts ---------------------------------------------------------------------
    def block_chars(self, start: int, end: int) -> None:
        for i in range(bisect_right(self.idx, start - 1), self.n):
            if self.idx[i] >= end:
                break
            self.blocked[i] = 1

    def shout(self, i: int) -> bool:
        k = bisect_right(self.shout_starts, self.idx[i]) - 1
        return k >= 0 and self.idx[i] < self.shout_ends[k]

    def namey(self, i: int) -> bool:
        """A capitalised word that can be part of a name."""
        return 0 <= i < self.n and self.cap[i] and not self.blocked[i]

    def glued(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` without a space."""
        return i > 0 and self.idx[i - 1] + len(self.words[i - 1]) == self.idx[i]

    def sent_start(self, i: int) -> bool:
        """Token ``i`` opens a sentence, a line or a clause after an opening mark or dash:
        a place where a capital is no evidence of a name."""
        if i <= 0 or self.starts_sentence[i]:
            return True
        prev = self.words[i - 1]
        if prev.isspace():
            return True
        if prev in _OPENERS:
            return not (prev == "-" and self.glued(i))  # "Wilkes-Barre" is one name
        gap = self.text[self.idx[i - 1] + len(prev) : self.idx[i]]
        return "\n" in gap

    def free(self, start: int, end: int) -> bool:
        return 0 <= start < end <= self.n and all(
            self.taken[k] is None and not self.blocked[k] for k in range(start, end))

    def add(self, m: Mention) -> bool:
        if not self.free(m.start, m.end):
            return False
        for k in range(m.start, m.end):
            self.taken[k] = m
        self._mentions.append(m)
        return True

    def remove(self, m: Mention) -> None:
        for k in range(m.start, m.end):
            if self.taken[k] is m:
                self.taken[k] = None
        m.dead = True  # dropped lazily: removal stays O(1)

    @property
    def mentions(self) -> list[Mention]:
        return [m for m in self._mentions if not m.dead]

    def key_of(self, key: str) -> str:
        seen = 0
        while key in self.rekey and seen < 50:
            key, seen = self.rekey[key], seen + 1
        return key

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.words[end - 1])]

    def mention_at(self, i: int) -> Mention | None:
        return self.taken[i] if 0 <= i < self.n else None


class EntityRecognizer:
    """Finds and groups the named entities of a news text with rules and gazetteers."""

    def __init__(
        self,
        nlp: Language,
        name: str = "facts_entities",
        *,
        gazetteer: str | None = None,
        rules: str | None = None,
        merge_model: bool = True,
        fuzzy_threshold: float = 86.0,
    ) -> None:
        ensure_extensions()
        self.name = name
        self.nlp = nlp
        self.merge_model = merge_model
        self.fuzzy_threshold = fuzzy_threshold
        tokenize = lambda s: [t.text for t in nlp.make_doc(s)]  # noqa: E731
        self.lex = _shared_lexicon(nlp.lang, tokenize)
        self.user_gazetteer: list[dict[str, str]] = []
        self.user_rules: list[dict[str, Any]] = []
        if gazetteer:
            self.user_gazetteer = list(read_gazetteer(gazetteer))
        if rules:
            self.user_rules = as_dicts(load_rows(rules, EntityRule))
        self._compile_user()

    # -- user rules ------------------------------------------------------------------------
    def _compile_user(self) -> None:
        self._phrases = PhraseMatcher(self.nlp.vocab)
        self._matcher = Matcher(self.nlp.vocab)
        self._user_labels: dict[str, tuple[str, str | None]] = {}
        for n, row in enumerate([*self.user_gazetteer, *self.user_rules]):
            label = row.get("label", "ORG")
            pattern = row.get("pattern", row.get("name"))
            match_id = f"facts_user_{n}"
            canonical = row.get("canonical") or row.get("id")
            self._user_labels[match_id] = (label, canonical)
            if isinstance(pattern, str):
                self._phrases.add(match_id, [self.nlp.make_doc(pattern)])
            elif isinstance(pattern, list):
                self._matcher.add(match_id, [pattern])

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add rules in spaCy's entity-ruler format: {"label", "pattern", "id"?}."""
        self.user_rules.extend(patterns)
        self._compile_user()

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "gazetteer.jsonl", self.user_gazetteer)
        srsly.write_jsonl(path / "rules.jsonl", self.user_rules)
        srsly.write_json(path / "cfg", {"merge_model": self.merge_model,
                                        "fuzzy_threshold": self.fuzzy_threshold})

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "EntityRecognizer":
        path = ensure_path(path)
        if (path / "gazetteer.jsonl").exists():
            self.user_gazetteer = list(srsly.read_jsonl(path / "gazetteer.jsonl"))
        if (path / "rules.jsonl").exists():
            self.user_rules = as_dicts(load_rows(path / "rules.jsonl", EntityRule))
        if (path / "cfg").exists():
            cfg = srsly.read_json(path / "cfg")
            self.merge_model = cfg.get("merge_model", self.merge_model)
            self.fuzzy_threshold = cfg.get("fuzzy_threshold", self.fuzzy_threshold)
        self._compile_user()
        return self

    # -- the passes ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        # Reading doc.ents walks every token: only when a model has set them.
        model_ents = list(doc.ents) if self.merge_model and doc.has_annotation("ENT_IOB") else []
        st = _Doc(doc, self.lex)
        self._block_boilerplate(st)
        self._meta(st)
        self._user(st)
        self._strong(st)
        acronyms = self._acronym_definitions(st)
        self._lone_acronyms(st, acronyms)
        self._context(st)
        self._role_appositions(st)
        self._model(st, model_ents)
        self._repeats(st, acronyms)
        self._lead_role(st, acronyms)
        self._headline_people(st)
        self._write(st)
        return doc

    def _block_boilerplate(self, st: _Doc) -> None:
        for span in st.doc.spans.get(BOILERPLATE, []):
            for k in range(span.start, span.end):
                st.blocked[k] = 1

    def _meta(self, st: _Doc) -> None:
        """The dateline place and the publisher named in a credit line are entities."""
        for span in st.doc.spans.get(META_SPANS, []):
            if span.label_ == "DATELINE":
                title = " ".join(w.capitalize() for w in span.text.split())
                entry = self._lookup_tokens(st, [t.text for t in self.nlp.make_doc(title)])
                words = title.split()
                if entry is None and len(words) > 1 and any(self.lex.is_common(w) for w in words):
                    continue  # "CONSUMER PRICE INDEX, WEST REGION -" is a headline; "BOSTON -" is not
                key = entry.key if entry else f"GPE:{title}"
                label = entry.label if entry and entry.label in ("GPE", "LOC") else "GPE"
                self._force(st, Mention(span.start, span.end, label, key))
            elif span.label_ == "PUBLISHER":
                entry = self._lookup_tokens(st, [t.text for t in span])
                key = entry.key if entry and entry.label == "ORG" else f"ORG:{span.text}"
                self._force(st, Mention(span.start, span.end, "ORG", key))

    def _force(self, st: _Doc, m: Mention) -> None:
        for k in range(m.start, m.end):
            st.blocked[k] = 0
        st.add(m)

    def _lookup_tokens(self, st: _Doc, tokens: list[str]) -> Entry | None:
        for e in self.lex.names.get(tokens[0], ()) if tokens else ():
            if e.tokens == tuple(tokens):
                return e
        return None

    def _user(self, st: _Doc) -> None:
        matches = []
        if len(self._phrases):
            matches.extend(self._phrases(st.doc))
        if len(self._matcher):
            matches.extend(self._matcher(st.doc))
        found = []
        for match_id, start, end in matches:
            label, canonical = self._user_labels[st.doc.vocab.strings[match_id]]
            text = canonical or st.span_text(start, end)
            found.append((start, end, label, f"{label}:{text}"))
        for start, end, label, key in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if label in LABELS:
                self._force(st, Mention(start, end, label, key))

    # -- pass A ------------------------------------------------------------------------------
    def _strong(self, st: _Doc) -> None:
        cands: list[tuple[int, int, int, Mention]] = []  # (start, end, priority, mention)
        lex = self.lex
        titles = lex.titles
        roles = lex.people.roles
        for i in [i for i, w in enumerate(st.words) if st.cap[i] or w in titles or w in roles]:
            if st.blocked[i]:
                continue
            w = st.words[i]
            if st.namey(i):
                self._gazetteer_at(st, i, cands)
                if w in lex.org_heads or w in lex.of_heads or w in lex.name_tails:
                    org = self._org_by_head(st, i)
                    if org:
                        cands.append((org[0], org[1], 2, Mention(org[0], org[1], "ORG",
                                                                 "ORG:" + st.span_text(*org))))
                if w in lex.first_names or self._may_open_person(w):
                    person = self._person_from_first_name(st, i)
                    if person:
                        cands.append((person.start, person.end, 3, person))
                    for person in self._coordinated_people(st, i):
                        cands.append((person.start, person.end, 3, person))
                person = self._person_by_apposition(st, i)
                if person:
                    cands.append((person.start, person.end, 5, person))
            if lex.is_title(w) or (w in roles and w.islower()):
                # "Minister Ana Ruiz", "farmer Tuan Vo": a role noun before a name
                person = self._person_after_title(st, i)
                if person:
                    cands.append((person.start, person.end, 2, person))
        for start, end, _, m in sorted(cands, key=lambda c: (c[0] - c[1], c[2], c[0])):
            if not st.add(m) and m.roles:
                held = st.taken[start]
                if held is not None and (held.start, held.end, held.label) == (start, end, m.label):
                    held.roles.extend(r for r in m.roles if r not in held.roles)

    def _gazetteer_at(self, st: _Doc, i: int, cands: list) -> None:
        words = st.words
        for e in self.lex.names.get(words[i], ()):
            end = i + len(e.tokens)
            if end > st.n or tuple(words[i:end]) != e.tokens:
                continue
            if any(st.blocked[k] for k in range(i, end)):
                return
            label, key = e.label, e.key
            start = i
            if label in ("GPE", "LOC") and self._inside_bigger_name(st, i, end, e.tier):
                return
            if label == "GPE" and end < st.n and words[end] in _PLACE_HEADS and st.namey(end):
                end += 1  # "West Java Province", "Red River County"
            elif label in ("GPE", "LOC"):
                j = end
                while j < st.n and j - end < 2 and words[j] in _DIRECTIONS and st.namey(j):
                    j += 1
                if j > end and j < st.n and words[j] == "Region" and st.namey(j):
                    end, label = j + 1, "LOC"  # "Pacific Southwest Region": one region
                    key = f"LOC:{st.span_text(i, end)}"
            if label == "GPE" and i > 0 and words[i - 1] in _DIRECTIONS and st.namey(i - 1) \
                    and not st.sent_start(i - 1) and e.key.startswith("GPE:") and e.tier == 1:
                start, label = i - 1, "LOC"  # "Southern Chile"
                key = f"LOC:{words[i - 1]} {key.split(':', 1)[1]}"
            priority = {0: 1, 1: 2, 2: 6}.get(e.tier, 6) if label != "NORP" else 4
            cands.append((start, end, priority,
                          Mention(start, end, label, key, weak=e.tier == 2 and end - start == 1)))
            return

    def _inside_bigger_name(self, st: _Doc, i: int, end: int, tier: int) -> bool:
        """ "Sherman Act", "Paris Agreement": a place naming a law; "Mackie Shelton", "Thomson
        Financial": a small town's name next to other name words is part of a bigger name."""
        words = st.words
        nxt = words[end] if end < st.n else ""
        if nxt in _LEGAL_HEADS and st.namey(end):
            return True
        if tier != 2 or end - i != 1:
            return False
        if st.namey(end) and nxt not in _PLACE_HEADS and self._lookup_tokens(st, [nxt]) is None:
            return True
        prev = words[i - 1] if i > 0 else ""
        return st.namey(i - 1) and not st.sent_start(i - 1) and prev not in _DIRECTIONS \
            and self._lookup_tokens(st, [prev]) is None and not self.lex.is_title(prev)

    def _coordinated_people(self, st: _Doc, i: int) -> list[Mention]:
        """ "Barry Dyer and Mackie Shelton pleaded": two-word names joined by "and", one of them
        opening with a given name, are two people."""
        lex, words = self.lex, st.words
        if i > 0 and (st.namey(i - 1) or words[i - 1] in ("of", "for")):
            return []
        a_end = self._name_chain(st, i)
        if not 2 <= a_end - i <= 3 or a_end + 3 > st.n or words[a_end] != "and":
            return []
        b = a_end + 1
        b_end = self._name_chain(st, b)
        if not 2 <= b_end - b <= 3 or st.namey(b_end):
            return []
        pair_a, pair_b = words[i:a_end], words[b:b_end]
        for pair in (pair_a, pair_b):
            if any(w in lex.org_heads or w in lex.name_tails or w in lex.non_entity_heads
                   for w in pair):
                return []
            if self._lookup_tokens(st, pair) is not None or any(
                    (e := self._lookup_tokens(st, [w])) is not None and e.tier < 2
                    and (n > 0 or w not in lex.first_names) for n, w in enumerate(pair)):
                return []  # a country or province: "Jordan Valley and Dead Sea"
        if not (pair_a[0] in lex.first_names or pair_b[0] in lex.first_names):
            return []
        if all(lex.is_common(w) for w in pair_a[1:] + pair_b[1:]):
            return []
        return [Mention(i, a_end, "PERSON", ""), Mention(b, b_end, "PERSON", "")]

    def _org_by_head(self, st: _Doc, i: int) -> tuple[int, int] | None:
        lex, words = self.lex, st.words
        head = words[i]
        end = i + 1
        if end + 1 < st.n and words[end] in ("of", "for") and head in lex.of_heads:
            k = end + 1
            if words[k] == "the" and st.namey(k + 1):
                k += 1
            if st.namey(k):
                end = self._of_phrase(st, k)
        if end == i + 1 and head not in lex.org_heads and head not in lex.name_tails:
            return None
        if end == i + 1 and (head in lex.name_tails or head in _WEAK_HEADS) and st.namey(end) \
                and not lex.is_title(words[end]) and words[end] not in lex.first_names:
            return None  # "Regional Freight Operations Contract", "Science Letters Open": goes on
        if words[end - 1] in ("of", "for", "the"):
            end = i + 1  # "Department of" with nothing after it
        start = self._extend_left(st, i, end)
        if start == i and end == i + 1:
            return None
        if end - start > _MAX_NAME:
            return None
        return start, end

    def _stops_name(self, st: _Doc, k: int) -> bool:
        """Token ``k`` opens a person's name or a title, which ends an organisation name."""
        w = st.words[k]
        if w in self.lex.honorifics:
            return True
        if w.lower() in self.lex.titles and w not in self.lex.org_heads:
            # "Department of Justice" ends with one; "Ministry of Oil Minister Zanganeh" does not.
            nxt = st.words[k + 1] if k + 1 < st.n else ""
            return st.namey(k + 1) and (nxt in self.lex.first_names or not self.lex.is_common(nxt)
                                        or self.lex.is_title(nxt))
        return w in self.lex.first_names and st.namey(k + 1) and not self.lex.is_common(w)

    def _of_phrase(self, st: _Doc, k: int) -> int:
        """End of "Fisheries, Forests and Water" after "Ministry of"."""
        words, n = st.words, st.n
        conjunct_lengths = []
        length = 0
        end = k
        nested = False
        coordinated = False
        while end < n and end - k < _MAX_NAME:
            if end > k and self._is_group(st, end):
                break  # "House of Representatives Republicans": members, not the body
            if st.namey(end) and not self._stops_name(st, end):
                length += 1
                end += 1
                continue
            w = words[end]
            if w == "-" and st.glued(end) and st.namey(end + 1) and st.glued(end + 1):
                end += 1
                continue
            if w in ("of", "for") and end > k and st.namey(end - 1):
                # "Court for the Western District of Kentucky": a unit of a unit; "Office for
                # the Coordination of Humanitarian Affairs": a task of a task. A known name
                # after the second "of" belongs to it only when a unit word precedes.
                unit = words[end - 1] in self.lex.of_heads or words[end - 1] in self.lex.org_heads
                nxt = end + 2 if end + 2 < n and words[end + 1] == "the" else end + 1
                if st.namey(nxt) and not self._stops_name(st, nxt) and (
                        unit or not conjunct_lengths and not coordinated
                        and not self._starts_known(st, nxt) and not self._heads_org(st, nxt)):
                    end = nxt
                    nested = True
                    continue
            if w == "," and not nested and st.namey(end + 1) and self._comma_list_ahead(st, end) \
                    and not self._is_place(st, end - 1):
                conjunct_lengths.append(length)
                length = 0
                end += 1
                continue
            if w in ("and", "&") and st.namey(end + 1) and not self._stops_name(st, end + 1):
                tail = end + 1
                while tail < n and tail - k < _MAX_NAME and st.namey(tail) \
                        and not self._stops_name(st, tail):
                    tail += 1
                if any(words[t] in self.lex.org_heads for t in range(end + 1, tail)):
                    break  # "Ministry of Energy and National Grid Company": two names
                coordinated = True
                limit = max(conjunct_lengths + [length]) if conjunct_lengths else tail - end - 1
                conjunct_lengths = []
                end = min(tail, end + 1 + limit)
                length = 0
                if tail > end:
                    break
                continue
            break
        if conjunct_lengths:  # a comma list that never reached its "and"
            return k + conjunct_lengths[0] if conjunct_lengths[0] else k
        return end

    def _is_group(self, st: _Doc, k: int) -> bool:
        """Token ``k`` alone is a plural nationality or party ("Republicans", "Kurds")."""
        w = st.words[k]
        return w.endswith("s") and any(e.label == "NORP" and e.tokens == (w,)
                                       for e in self.lex.names.get(w, ()))

    def _heads_org(self, st: _Doc, k: int) -> bool:
        """The capitalised words from ``k`` on contain an organisation word ("the White House")."""
        j = k
        while j < st.n and j - k < 4 and st.namey(j):
            if st.words[j] in self.lex.org_heads or st.words[j] in self.lex.of_heads:
                return True
            j += 1
        return False

    def _starts_known(self, st: _Doc, k: int) -> bool:
        """A gazetteer name (place, nationality, known organisation) begins at token ``k``."""
        return any(tuple(st.words[k : k + len(e.tokens)]) == e.tokens
                   for e in self.lex.names.get(st.words[k], ()))

    def _is_place(self, st: _Doc, k: int) -> bool:
        """Token ``k`` ends a gazetteer place ("... of Kentucky, ...")."""
        for j in range(max(0, k - 3), k + 1):
            for e in self.lex.names.get(st.words[j], ()):
                if e.label == "GPE" and j + len(e.tokens) == k + 1 \
                        and tuple(st.words[j : k + 1]) == e.tokens:
                    return True
        return False

    def _comma_list_ahead(self, st: _Doc, k: int) -> bool:
        j = k
        while j < st.n and j - k < _MAX_NAME:
            if st.words[j] in (",",) and st.namey(j + 1):
                j += 1
                while j < st.n and st.namey(j) and j - k < _MAX_NAME:
                    j += 1
                continue
            return st.words[j] in ("and", "&") and st.namey(j + 1)
        return False

    def _opens_sentence_name(self, st: _Doc, j: int, i: int, end: int) -> bool:
        """A common word opening a sentence belongs to the organisation name after it when
        more name words follow ("World Steel Association"), the head is a company suffix
        ("Acme Corp."), or the name is the subject of a reporting verb ("Energy Ministry said")."""
        w = st.words[j]
        low = w.lower()
        if low in STOP_WORDS or low in _CALENDAR or low.endswith(("ly", "ing")) or low in _SENTENCE_ADVERBS:
            return False
        if i - j >= 2 or st.words[i] in self.lex.legal_forms:
            return True
        return end < st.n and st.words[end] in self.lex.reporting

    def _extend_left(self, st: _Doc, i: int, end: int | None = None) -> int:
        lex, words = self.lex, st.words
        end = i + 1 if end is None else end
        start = i
        j = i - 1
        titled = False  # "Attorney General's Office": titles own the office
        if j >= 1 and words[j] in ("'s", "’s") and st.glued(j) and lex.is_title(words[j - 1]) \
                and st.namey(j - 1):
            titled = True
            j -= 1
        while j >= 0 and i - j < _MAX_NAME:
            w = words[j]
            if st.namey(j):
                if lex.is_title(w) and w not in lex.org_heads and not titled and not (
                        j == i - 1 and w[:1].isupper() and not st.namey(i + 1)):
                    break  # but "Justice Department": a title word right before the head
                if st.sent_start(j) and (lex.is_common(w) and w not in lex.org_heads
                                          and not self._lookup_tokens(st, [w])
                                          and not self._opens_sentence_name(st, j, i, end)):
                    break
                start = j
                if st.sent_start(j):
                    break
                j -= 1
                continue
            if w == "-" and st.glued(j + 1) and st.glued(j) and st.namey(j - 1):
                j -= 1
                continue
            if _ORDINAL.match(w) and start == j + 1:
                start = j  # "21st Century Fox"
                break
            if w in ("and", "&") and st.namey(j - 1):
                left = j - 1
                while left > 0 and st.namey(left - 1):
                    left -= 1
                conjunct = words[left:j]
                if any(c in lex.org_heads for c in conjunct):
                    break
                known = self._lookup_tokens(st, conjunct) if w == "and" else None
                if known is not None and known.label in ("GPE", "ORG", "NORP"):
                    break  # "the U.S. and European Union", "the Journal and New York Post"
                if w == "and" and any(e.label == "GPE" and (e.tier <= 1 or j + 1 + len(e.tokens) == i) and tuple(
                        words[j + 1 : j + 1 + len(e.tokens)]) == e.tokens
                                      for e in lex.names.get(words[j + 1], ())):
                    break  # "the Daily Ledger and Boston Globe": a place opens a new name
                # "Ministry of Roads and Urban Development and Tabriz Tractor Company": the
                # coordination belongs to the ministry's "of" phrase, not to this name.
                first = left
                while first > 1 and (st.namey(first - 1) or words[first - 1] in ("and", ",")) \
                        and left - first < _MAX_NAME:
                    first -= 1
                while first < left and not st.namey(first):
                    first += 1
                if first >= 2 and words[first - 1] == "of" and words[first - 2] in lex.of_heads:
                    break
                j -= 1
                continue
            if w == "of" and j > 0 and st.namey(j - 1) and (
                    words[j - 1] in _STATE_WORDS or words[j - 1] in lex.of_heads):
                j -= 1
                continue
            break
        # A name does not begin with a connector.
        while start < i and words[start] in ("of", "and", "&", "-"):
            start += 1
        return start

    def _name_chain(self, st: _Doc, k: int, limit: int = 3) -> int:
        """End of the run of name words (with initials and particles) starting at ``k``."""
        lex, words = self.lex, st.words
        end = k
        count = 0
        while end < st.n and count < limit:
            w = words[end]
            if st.namey(end) and w not in lex.org_heads and w not in lex.non_entity_heads \
                    and not (lex.is_title(w) and w not in lex.first_names):
                end += 1
                count += 1
                continue
            if w.lower() in self.lex.particles and end > k and st.namey(end + 1):
                end += 1
                continue
            if w == "-" and end > k and st.glued(end) and st.namey(end + 1) and st.glued(end + 1):
                end += 1
                continue
            break
        while end > k and (words[end - 1].lower() in self.lex.particles or words[end - 1] == "-"):
            end -= 1
        return end

    def _inside_known_name(self, st: _Doc, i: int) -> bool:
        """Token ``i`` ends or continues a gazetteer name that starts before it ("Puerto Rico")."""
        words = st.words
        for j in (i - 1, i - 2):
            if j < 0 or not st.namey(j):
                continue
            for e in self.lex.names.get(words[j], ()):
                if j + len(e.tokens) > i and tuple(words[j : j + len(e.tokens)]) == e.tokens:
                    return True
        return False

    def _person_from_first_name(self, st: _Doc, i: int) -> Mention | None:
        lex, words = self.lex, st.words
        if self._inside_known_name(st, i):
            return None
        end = self._name_chain(st, i, limit=4)
        if end - i < 2:
            return None
        if end < st.n and (words[end] in lex.org_heads or words[end] in lex.of_heads):
            return None  # "George Washington University"
        surname = [w for w in words[i + 1 : end] if not re.fullmatch(r"[A-Z]\.", w)]
        if words[i] not in lex.first_names and any(
                lex.is_common(w) or self._lookup_tokens(st, [w]) is not None or self._glued_verb(w)
                for w in surname):
            return None  # "Mark" is also a word: "Will Power", "Grant Park" are no people
        if all(lex.is_common(w) and w not in lex.first_names for w in surname):
            # "Rose Oil", "Holly Berries": a common word needs a title or a speech verb.
            before = words[i - 1] if i > 0 else ""
            after = words[end] if end < st.n else ""
            after2 = words[end + 1] if end + 1 < st.n else ""
            if not (lex.is_title(before) or after in lex.reporting or after2 in lex.reporting
                    or before in lex.reporting or after == ","):
                return None
        if any(self._lookup_tokens(st, [w]) and self._lookup_tokens(st, [w]).label == "NORP"
               for w in words[i:end]):
            return None
        return Mention(i, end, "PERSON", "")

    def _may_open_person(self, word: str) -> bool:
        """A given name that is also a word ("Mark", "Will"), but never a function word or a
        month ("May", "June")."""
        low = word.lower()
        return low not in STOP_WORDS and low not in _CALENDAR and self.lex.people.may_be_given_name(word)

    def _glued_verb(self, word: str) -> bool:
        """"Okafortold": a surname run into the reporting verb after it (a missing space)."""
        return any(len(word) - len(v) >= 3 and word.endswith(v) for v in self.lex.reporting
                   if len(v) >= 4 and v.islower())

    def _person_after_title(self, st: _Doc, t: int) -> Mention | None:
        lex, words = self.lex, st.words
        k = t + 1
        if words[t][:1].isupper() and not st.namey(t) and words[t] not in lex.honorifics:
            return None
        if k < st.n and words[k] in ("of", "for") and words[t][:1].isupper():
            return self._person_after_title_complement(st, t)
        if k >= st.n or not st.namey(k) or lex.is_title(words[k]):
            return None
        end = self._name_chain(st, k)
        if end == k:
            return None
        if end < st.n and (lex.is_title(words[end]) or words[end] in lex.org_heads or (
                words[end] == "of" and not (words[k] in lex.first_names and end - k >= 2))):
            return None  # "Deputy Foreign Minister": still the title
        chain = words[k:end]
        if self._lookup_tokens(st, chain) is not None:
            return None  # "President Iran"? a known place or organisation
        if all(lex.is_common(w) and w not in lex.first_names for w in chain) and not (
                end < st.n and words[end] in lex.reporting):
            return None  # but "the blogger Sight writes"
        role = self._title_phrase(st, t)
        return Mention(k, end, "PERSON", "", [role] if role else [])

    def _person_after_title_complement(self, st: _Doc, t: int) -> Mention | None:
        """ "Minister of Foreign Affairs Mohammad Zarif", "Coordinator for Puerto Rico Ana Ruiz":
        the name starts at a given name or right after a known place."""
        lex, words = self.lex, st.words
        k = t + 2
        if k < st.n and words[k] == "the":
            k += 1
        end = k
        while end < st.n and end - k < 8 and st.namey(end) and words[end] not in lex.org_heads:
            end += 1
        split = None
        for p in range(end - 2, k, -1):  # a known place first: "Puerto Rico", not "Rico"
            entry = self._lookup_tokens(st, words[k:p])
            if entry is not None and entry.label in ("GPE", "LOC"):
                split = p
                break
        for p in range(k + 1, end - 1) if split is None else ():
            if words[p] in lex.first_names and not (lex.is_common(words[p])
                                                    and lex.is_common(words[p + 1])):
                split = p
                break
        if split is None or end - split > 4 or end - split < 2:
            return None
        name_end = self._name_chain(st, split, limit=4)
        if name_end - split < 2:
            return None
        role = self._title_phrase(st, t)
        role = f"{role} {st.span_text(t + 1, split)}" if role else st.span_text(t, split)
        return Mention(split, name_end, "PERSON", "", [role])

    def _title_phrase(self, st: _Doc, t: int) -> str:
        """The title before a name: "Deputy Transport Minister", "U.S. Secretary of Energy"."""
        lex, words = self.lex, st.words
        start = t
        j = t - 1
        while j >= 0 and t - j < 8:
            w = words[j]
            if (st.namey(j) and not st.sent_start(j)) or lex.is_title(w):
                start = j
                j -= 1
                continue
            if w == "-" and st.glued(j + 1) and st.glued(j) and j > 0 and st.namey(j - 1):
                j -= 1  # "Secretary-General"
                continue
            if st.namey(j) and st.sent_start(j) and w.lower() not in STOP_WORDS:
                start = j  # "Prime Minister" opening a sentence
            break
        while start < t and (words[start] in ("of", "for") or words[start] in lex.honorifics):
            start += 1
        if words[t] in lex.honorifics and start == t:
            return ""
        return st.span_text(start, t + 1)

    def _person_by_apposition(self, st: _Doc, i: int) -> Mention | None:
        """ "Lena Forsyth, acting regional director", "Tomas Varga, the President of ..." """
        lex, words = self.lex, st.words
        if i > 0 and st.namey(i - 1):
            return None
        end = self._name_chain(st, i, limit=4)
        if end == i or end + 2 >= st.n or words[end] != ",":
            return None
        if st.sent_start(i) and lex.is_common(words[i]):
            return None
        if any(lex.is_common(w) and w not in lex.first_names for w in words[i:end]) and end - i == 1:
            return None
        k = end + 1
        if words[k] in ("Ph.D.", "Jr.", "Sr.", "PhD", "M.D.") and k + 1 < st.n and words[k + 1] == ",":
            k += 2
        if self._age_apposition(st, k) and end - i >= 2 and self._lookup_tokens(st, words[i:end]) is None:
            return Mention(i, end, "PERSON", "")  # "Tuan Vo, 57, said": news gives a person's age
        role_start = k
        if k < st.n and words[k].lower() in _DETERMINERS:
            k += 1
        for _ in range(6):
            if k >= st.n or words[k] in _ROLE_STOP:
                return None
            if words[k] in lex.org_nouns and k + 1 < st.n and words[k + 1] in (",", ".", ";", ")"):
                # "Zelox, the state news agency,": the name is the organisation's
                return Mention(i, end, "ORG", "ORG:" + st.span_text(i, end))
            if words[k].lower() in lex.titles:
                role_end = k + 1
                while role_end < st.n and role_end - role_start < 12 and words[role_end] not in _ROLE_STOP \
                        and not words[role_end].isspace() and words[role_end] not in lex.reporting \
                        and words[role_end] not in _ROLE_END:
                    role_end += 1
                if words[role_start].lower() in _DETERMINERS:
                    role_start += 1
                return Mention(i, end, "PERSON", "", [st.span_text(role_start, role_end)])
            k += 1
        return None

    @staticmethod
    def _age_apposition(st: _Doc, k: int) -> bool:
        """Tokens from ``k`` are an age set off by commas (", 57,")."""
        return k + 1 < st.n and st.words[k].isdigit() and len(st.words[k]) <= 3 \
            and 0 < int(st.words[k]) < 120 and st.words[k + 1] in (",", ")")

    # -- passes B and C: acronyms ---------------------------------------------------------------
    def _is_acronym(self, w: str) -> bool:
        return self.lex.people.is_acronym(w)

    def _acronym_definitions(self, st: _Doc) -> dict[str, Mention | None]:
        """ "Coastal Freight Authority (CFA)": the acronym is an alias from here on."""
        words, lex = st.words, self.lex
        defined: dict[str, Mention | None] = {}
        for i in range(1, st.n - 2):
            if words[i] != "(" or words[i + 2] != ")" or not self._is_acronym(words[i + 1]):
                continue
            acr = words[i + 1]
            if st.blocked[i + 1] or acr in defined:
                continue
            prev = st.mention_at(i - 1)
            held = st.taken[i + 1]
            if held is not None and prev is not None and prev.end == i and held.label == "ORG" \
                    and prev.label == "ORG" and held.key != prev.key:
                # "Iranian News Agency (IRNA)" where the gazetteer knows IRNA: one entity
                st.rekey[st.key_of(held.key)] = st.key_of(prev.key)
                defined[acr] = held
                continue
            if prev is not None and prev.end == i and prev.label != "ORG" and not self._initials_match(
                    acr, words[prev.start : prev.end]):
                long = self._loose_long_name(st, i, acr)
                if long is not None:
                    for k in range(long, i):
                        if st.taken[k] is not None:
                            st.remove(st.taken[k])
                    org = Mention(long, i, "ORG", "ORG:" + st.span_text(long, i))
                    st.add(org)
                    m = Mention(i + 1, i + 2, "ORG", org.key)
                    if st.add(m):
                        defined[acr] = m
                    continue
            if prev is None or prev.label in ("GPE", "NORP", "LOC"):
                # "Chile Seismic Survey (CSS)": the place is part of the name.
                start = self._chain_before(st, i, places=True)
                inner = {id(st.taken[k]): st.taken[k] for k in range(start, i) if st.taken[k]}
                covered = sum(m.end - m.start for m in inner.values())
                if inner and covered < i - start and self._initials_match(acr, words[start:i]) \
                        and all(m.start >= start for m in inner.values()):
                    for m in inner.values():
                        st.remove(m)
                    prev = None
            if prev is not None and prev.end == i:
                m = Mention(i + 1, i + 2, prev.label, prev.key)
                if st.add(m):
                    defined[acr] = m
                continue
            start = self._chain_before(st, i)
            long_words = words[start:i]
            if start < i and i - start >= 2 and self._initials_match(acr, long_words) \
                    and not any(w in lex.non_entity_heads for w in long_words) \
                    and not long_words[-1].endswith("s") and st.free(start, i):
                org = Mention(start, i, "ORG", "ORG:" + st.span_text(start, i))
                st.add(org)
                m = Mention(i + 1, i + 2, "ORG", org.key)
                st.add(m)
                defined[acr] = m
            else:
                defined[acr] = None  # "Consumer Price Index (CPI)": not an organisation
        return defined

    def _loose_long_name(self, st: _Doc, i: int, acr: str) -> int | None:
        """Start of the longest organisation name before "(" whose initials fit the acronym
        loosely ("United Nations ... Mission in Mali (MINUSMA)", an acronym from another
        language), or None."""
        lex, words = self.lex, st.words
        starts = []
        j = i - 1
        while j >= 0 and i - j <= _MAX_NAME:
            if st.namey(j):
                if self.lex.is_title(words[j]):
                    break  # "Head of ..." is a role, not part of the name
                starts.append(j)
                if st.sent_start(j):
                    break
            elif not (words[j] in ("of", "and", "for", "&", "on", "the", "in", "-") and st.namey(j - 1)):
                break
            j -= 1
        letters = sorted(c for c in acr if c.isalpha())
        for start in reversed(starts):
            if i - start < 3:
                break
            toks = words[start:i]
            if not any(w in lex.org_heads or w in lex.of_heads or w in lex.name_tails for w in toks):
                continue
            initials = [w[0] for w in toks if w[:1].isupper()]
            pool = list(initials)
            overlap = 0
            for c in letters:
                if c in pool:
                    pool.remove(c)
                    overlap += 1
            if overlap >= 0.6 * len(letters) and overlap >= 0.6 * len(initials) and len(initials) >= 3:
                return start
        return None

    def _chain_before(self, st: _Doc, i: int, places: bool = False) -> int:
        start = i
        j = i - 1
        while j >= 0 and i - j <= _MAX_NAME:
            held = st.taken[j]
            if st.namey(j) and (held is None or places and held.label in ("GPE", "NORP", "LOC")):
                start = j
                if st.sent_start(j):
                    break
            elif st.words[j] in ("of", "and", "for", "&", "on", "the", "-") and st.namey(j - 1):
                pass
            else:
                break
            j -= 1
        while start < i and not st.namey(start):
            start += 1
        if start < i and st.sent_start(start) and self.lex.is_common(st.words[start]):
            start += 1
        return start

    @staticmethod
    def _initials_match(acr: str, words: list[str]) -> bool:
        initials = [w[0] for w in words if w[:1].isupper()]
        letters = [c for c in acr if c.isalpha()]
        if not initials or not letters or initials[0] != letters[0]:
            return False
        k = 0
        for c in initials:
            if k < len(letters) and c == letters[k]:
                k += 1
        return k == len(letters) and len(letters) >= len(initials) - 2

    @staticmethod
    def _initials(words: list[str]) -> str:
        return "".join(c for w in words if w[:1].isupper() for c in (
            w.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.)+", w) else w[0]))

    def _lone_acronyms(self, st: _Doc, defined: dict[str, Mention | None]) -> None:
        """ "NWRC grants" after "National Water Research Council": the initials name it."""
        lex, words = self.lex, st.words
        by_initials: dict[str, Mention] = {}
        for m in st.mentions:
            if m.label == "ORG" and m.end - m.start >= 2:
                by_initials.setdefault(self._initials(words[m.start : m.end]), m)
        for acr, m in by_initials.items():
            if len(acr) >= 3 and acr not in defined:
                defined[acr] = m
        for i in [i for i, w in enumerate(words) if w.isupper()]:
            w = words[i]
            if st.taken[i] is not None or st.blocked[i] or not self._is_acronym(w) or st.shout(i):
                continue
            if w in defined:
                if defined[w] is not None:
                    st.add(Mention(i, i + 1, defined[w].label, defined[w].key))
                continue
            if len(w) < 3 or w in lex.acronym_stop:
                continue
            if (i > 0 and words[i - 1] in ("/", "-") and st.glued(i)) or (
                    i + 1 < st.n and words[i + 1] in ("/", "-") and st.glued(i + 1)):
                continue  # "EF-4", "KL/PR", "CPI-U"
            if (st.namey(i + 1) and st.taken[i + 1] is None) or (
                    i > 0 and st.namey(i - 1) and st.taken[i - 1] is None):
                continue  # "BMC Field Reports": part of a longer name
            if i + 1 < st.n and st.glued(i + 1) and words[i + 1][:1].isdigit():
                continue
            st.add(Mention(i, i + 1, "ORG", f"ORG:{w}"))

    # -- pass D: context ------------------------------------------------------------------------
    def _context(self, st: _Doc) -> None:
        lex, words = self.lex, st.words
        # Only the words one of the branches below starts on: most tokens start none.
        for i in [i for i, w in enumerate(words)
                  if w in _CONTEXT_WORDS or w in lex.reporting or w.lower() in _CONTEXT_LOWER]:
            w = words[i]
            if w in lex.reporting and not st.shout(i):
                self._speaker_before(st, i)
                self._speaker_after(st, i)
            elif w == "to" and i > 0 and words[i - 1].lower() == "according":
                self._speaker_after(st, i)
            elif w == "," and i + 1 < st.n:
                self._town_state(st, i)
            elif w in ("and", "or") and 0 < i < st.n - 1:
                self._coordinated_place(st, i)
            elif w.lower() in _PLACE_TYPES and i + 2 < st.n and words[i + 1] == "of":
                self._place_after(st, i + 2)
            elif w in _PLACE_HEADS and st.namey(i) and st.taken[i] is None:
                self._place_before_head(st, i)
            elif w in _FEATURE_HEADS and st.namey(i) and st.taken[i] is None:
                self._site_before(st, i, "LOC", with_head=True)
            elif w.lower() in _SITE_NOUNS and not st.namey(i):
                self._site_before(st, i, _SITE_NOUNS[w.lower()], with_head=False)

    def _site_before(self, st: _Doc, h: int, label: str, *, with_head: bool) -> None:
        """ "Kharg Island", "the South Pars gas field", "the Lavan refinery": a name before a
        geographic or industrial head word names the site itself."""
        end = h
        while end > 0 and h - end < 2 and st.words[end - 1].lower() in _SITE_MODIFIERS:
            end -= 1  # "gas" in "South Pars gas field"; "Oil" in "Azadegan Oil Field"
        # A small town's name may be a field's ("Azadegan field"), not a refinery's town.
        start = self._unknown_chain_before(st, end, over_weak=label == "LOC")
        if start == end or all(self.lex.is_common(w) for w in st.words[start:end]) and (
                end - start == 1 and not with_head or st.sent_start(start)):
            return  # "Oil field workers", "the Gas Field"
        if with_head and end - start == 1 and st.words[start] in self.lex.first_names:
            return  # "actress Sally Field": a given name and a surname
        for k in range(start, end):
            held = st.taken[k]
            if held is not None:
                st.remove(held)
        stop = h + 1 if with_head else end
        if not st.add(Mention(start, stop, label, f"{label}:{st.span_text(start, stop)}")):
            return

    def _unknown_chain_before(self, st: _Doc, i: int, *, over_weak: bool = False) -> int:
        start = i
        while start > 0 and i - start < 4 and st.namey(start - 1) and (
                st.taken[start - 1] is None or over_weak and st.taken[start - 1].weak):
            start -= 1
        return start

    def _role_appositions(self, st: _Doc) -> None:
        """ "the head of Iran's Plan and Budget Organization, Mohammad Nobakht, said": the name
        after a role phrase and a comma is a person who holds the role."""
        lex, words = self.lex, st.words
        for c in range(2, st.n - 2):
            if words[c] != "," or not st.namey(c + 1):
                continue
            end = self._name_chain(st, c + 1, limit=4)
            if end - (c + 1) < 2 or end >= st.n or not (words[end] in (",", ")", ".")
                                                       or words[end] in lex.reporting):
                continue
            held = {id(st.taken[k]): st.taken[k] for k in range(c + 1, end) if st.taken[k]}
            if any(m.label != "PERSON" or m.start != c + 1 or m.end != end for m in held.values()):
                continue
            j = c - 1
            t = None
            while j > 0 and c - j < 12:
                w = words[j]
                if lex.is_title(w) and words[j + 1] in ("of", "for") and not st.namey(j):
                    t = j
                    break
                if not (st.namey(j) or w in ("of", "for", "the", "and", "&", "'s", "’s")):
                    break
                j -= 1
            if t is None or t + 2 >= c:
                continue
            while t > 0 and lex.is_title(words[t - 1]) and not st.namey(t - 1):
                t -= 1  # "deputy head of"
            role = st.span_text(t, c)
            if held:
                person = next(iter(held.values()))
            else:
                person = Mention(c + 1, end, "PERSON", "")
                if not st.add(person):
                    continue
            if role not in person.roles:
                person.roles.append(role)

    def _found_names(self, st: _Doc) -> set[tuple[str, ...]]:
        if st.found_names is None:
            st.found_names = {tuple(st.words[m.start : m.end]) for m in st.mentions}
        return st.found_names

    def _speaker_before(self, st: _Doc, v: int) -> None:
        """ "Okafor added", "Lindqvist Berg says", "Harbour Gazette reported"."""
        lex, words = self.lex, st.words
        end = v
        if end > 0 and words[end - 1] in ("has", "had", "also", "further", "then", "later"):
            end -= 1
        start = self._unknown_chain_before(st, end, over_weak=True)
        while start < end and (words[start].lower() in STOP_WORDS or lex.is_title(words[start])
                               or words[start] in lex.org_heads):
            start += 1  # "The Department said", "Minister Zarif said" (titled elsewhere)
        if start == end:
            return
        chain = words[start:end]
        if len(chain) == 1 and lex.is_common(chain[0]) and not (
                words[v] in ("reported", "reports") and not st.sent_start(start)):
            return  # but ", Trend reports": an outlet
        if _calendar(chain):
            return
        if tuple(chain) in self._found_names(st) and not all(
                (held := st.taken[k]) is not None and held.weak for k in range(start, end)):
            return  # a later mention of a name found already: pass F links it
        before = words[start - 1].lower() if start > 0 else ""
        has_first = chain[0] in lex.first_names and len(chain) > 1
        if len(chain) == 1 and self._is_acronym(chain[0]):
            label = "ORG"
        elif has_first:
            label = "PERSON"
        elif words[v] in ("reported", "reports") or before in ("from", "at", "of", "by") \
                or any(w in lex.org_heads for w in chain) or lex.is_common(chain[-1]):
            label = "ORG"  # "Ana Ruiz from Northgate Futures said": the firm
        else:
            label = "PERSON"
        for k in range(start, end):
            weak = st.taken[k]
            if weak is not None and weak.weak:
                st.remove(weak)
        st.add(Mention(start, end, label, f"{label}:{st.span_text(start, end)}" if label == "ORG" else ""))

    def _speaker_after(self, st: _Doc, v: int) -> None:
        lex, words = self.lex, st.words
        k = v + 1
        while k < st.n and lex.is_title(words[k]) and words[k][:1].isupper():
            k += 1
        if k >= st.n or not st.namey(k) or st.taken[k] is not None:
            return
        end = self._name_chain(st, k, limit=4)
        if end == k or any(st.taken[j] is not None for j in range(k, end)):
            return
        chain = words[k:end]
        if _calendar(chain) or tuple(chain) in self._found_names(st):
            return
        if end < st.n and (words[end] in lex.org_heads or words[end] in ("’s", "'s", "of", "for")
                           or lex.is_title(words[end])):
            return  # "said Regional Recovery Coordinator ...": a title, not a name
        if len(chain) == 1 and (lex.is_common(chain[0]) or self._is_acronym(chain[0])):
            return
        st.add(Mention(k, end, "PERSON", ""))

    def _town_state(self, st: _Doc, comma: int) -> None:
        """ "Ashby, Minnesota", "St. Peter, Minn.", "towns of Lamesa and Dumas, Texas"."""
        words, lex = st.words, self.lex
        state = st.mention_at(comma + 1)
        abbrev = lex.states.get(words[comma + 1])
        if not ((state is not None and state.label == "GPE" and state.start == comma + 1)
                or abbrev):
            return
        if abbrev and state is None:
            state = Mention(comma + 1, comma + 2, "GPE", f"GPE:{abbrev}")
            if not st.add(state):
                return
        end = comma
        start = end
        while start > 0 and end - start < 3 and st.namey(start - 1):
            start -= 1
        if start == end:
            return
        # A nationality in this slot is a town ("Mexican, Missouri").
        old = st.mention_at(start)
        if old is not None and old.label == "NORP" and old.start == start and old.end == end:
            st.remove(old)
        if st.free(start, end) and not (st.sent_start(start) and lex.is_common(words[start])):
            st.add(Mention(start, end, "GPE", f"GPE:{st.span_text(start, end)}"))
            if start >= 2 and words[start - 1] == "and" and st.namey(start - 2):
                s2 = self._unknown_chain_before(st, start - 1)
                if s2 < start - 1:
                    st.add(Mention(s2, start - 1, "GPE", f"GPE:{st.span_text(s2, start - 1)}"))

    def _coordinated_place(self, st: _Doc, c: int) -> None:
        """ "between Tessalit and Gao", "such as Medan and Gengkulu": an unknown name joined to a
        known place after a place preposition is a place."""
        lex, words = self.lex, st.words
        right, left = st.mention_at(c + 1), st.mention_at(c - 1)
        if right is not None and right.label == "GPE" and right.start == c + 1:
            end, start = c, self._unknown_chain_before(st, c)
            if start == end or end - start > 2 or start == 0:
                return
            anchor = start - 1
        elif left is not None and left.label == "GPE" and left.end == c and st.namey(c + 1) \
                and st.taken[c + 1] is None:
            start = c + 1
            end = start
            while end < st.n and end - start < 2 and st.namey(end) and st.taken[end] is None:
                end += 1
            if st.namey(end):
                return
            anchor = left.start - 1
        else:
            return
        if anchor < 0 or words[anchor].lower() not in _PLACE_PREPOSITIONS:
            return
        chain = words[start:end]
        if any(lex.is_common(w) or w in lex.first_names or lex.is_title(w) for w in chain):
            return
        st.add(Mention(start, end, "GPE", f"GPE:{st.span_text(start, end)}"))

    def _place_after(self, st: _Doc, k: int) -> None:
        if not st.namey(k) or st.taken[k] is not None:
            return
        end = self._name_chain(st, k)
        if end > k and not all(self.lex.is_common(w) for w in st.words[k:end]):
            st.add(Mention(k, end, "GPE", f"GPE:{st.span_text(k, end)}"))

    def _place_before_head(self, st: _Doc, h: int) -> None:
        """ "X Province" with a spelling the gazetteer lacks; "West Region"."""
        start = self._unknown_chain_before(st, h)
        if start == h or st.sent_start(start) and self.lex.is_common(st.words[start]) and h - start == 1 \
                and st.words[start] not in _DIRECTIONS:
            return
        if h + 1 < st.n and st.words[h + 1][:1].isdigit():
            return  # "EPA Region 7" is an office
        name = st.span_text(start, h)
        if st.words[h] == "Region":
            st.add(Mention(start, h + 1, "LOC", f"LOC:{name} Region"))
            return
        best = process.extractOne(name, self.lex.subdivision_names, scorer=fuzz.ratio,
                                  score_cutoff=self.fuzzy_threshold)
        key = f"GPE:{best[0]}" if best else f"GPE:{name}"
        st.add(Mention(start, h + 1, "GPE", key))

    # -- pass E: a trained model -------------------------------------------------------------
    def _model(self, st: _Doc, ents: list[Span]) -> None:
        for ent in ents:
            label = MODEL_LABELS.get(ent.label_)
            if label is None:
                continue
            start, end = ent.start, ent.end
            text = ent.text
            st.add(Mention(start, end, label, f"{label}:{text}" if label != "PERSON" else ""))

    # -- pass F: later mentions --------------------------------------------------------------------
    def _repeats(self, st: _Doc, defined: dict[str, Mention | None]) -> None:
        words, lex = st.words, self.lex
        # A short name found by its own evidence ("Okonjo said") joins the full name.
        people = sorted((m for m in st.mentions if m.label == "PERSON"), key=lambda m: m.start - m.end)
        surnames = {words[m.end - 1] for m in people}
        for m in st.mentions:
            if m.weak and words[m.start] in surnames:
                st.remove(m)  # "Shelton" after "Mackie Shelton": the person, not the town
            elif m.label in ("GPE", "LOC") and m.end - m.start == 1 and words[m.start] in surnames \
                    and self._speaks(st, m.end):
                st.remove(m)  # "Paris said" after "Ada Paris": the person, not the city
        parts: dict[tuple[str, ...], str] = {}
        for m in people:
            toks = tuple(words[m.start : m.end])
            if not m.key:
                m.key = parts.get(toks) or "PERSON:" + st.span_text(m.start, m.end)
            first = 1 if toks[0] in lex.first_names else 0
            for a in range(first, len(toks)):
                for b in range(a + 1, len(toks) + 1):
                    if b - a < len(toks):
                        parts.setdefault(toks[a:b], m.key)
        # Later mentions: parts of full names ("Ruiz Olmedo", "Ruiz"), repeats of
        # any name, acronyms, and lower-case or all-capital repeats of organisations and places.
        exact: dict[str, dict[tuple[str, ...], Mention]] = {}
        folded: dict[str, dict[tuple[str, ...], Mention]] = {}
        for m in people:
            toks = words[m.start : m.end]
            for a in range(1, len(toks)):
                for b in range(len(toks), a, -1):
                    part = tuple(toks[a:b])
                    if re.fullmatch(r"[A-Z]\.", part[0]) or part[0].lower() in self.lex.particles:
                        continue
                    exact.setdefault(part[0], {}).setdefault(part, m)
        for m in st.mentions:
            toks = tuple(words[m.start : m.end])
            exact.setdefault(toks[0], {}).setdefault(toks, m)
            if m.label == "ORG" and len(toks) >= 3:
                for cut in range(1, len(toks) - 1):  # "Patent Office" after "U.S. Patent Office"
                    prefix = self._lookup_tokens(st, list(toks[:cut]))
                    if prefix is not None and prefix.label in ("GPE", "NORP"):
                        exact.setdefault(toks[cut], {}).setdefault(toks[cut:], m)
            if m.label in ("ORG", "LOC", "GPE") and len(toks) >= 2 and all(
                    t[:1].isupper() or t in ("of", "and", "the", "for", "&", "-", ",") for t in toks):
                low = tuple(t.lower() for t in toks)
                folded.setdefault(low[0], {}).setdefault(low, m)
        for acr, m in defined.items():
            if m is not None:
                exact.setdefault(acr, {}).setdefault((acr,), m)
        exact_lists = {w: sorted(d.items(), key=lambda pm: -len(pm[0])) for w, d in exact.items()}
        folded_lists = {w: sorted(d.items(), key=lambda pm: -len(pm[0])) for w, d in folded.items()}
        # Only a word that starts a known name can start a later mention.
        starts = [i for i, w in enumerate(words) if w in exact_lists or w.lower() in folded_lists]
        resume = 0  # the token after the last mention found
        for i in starts:
            if i < resume or st.taken[i] is not None or st.blocked[i]:
                continue
            w = words[i]
            hit = None
            for part, m in exact_lists.get(w, ()):
                end = i + len(part)
                if tuple(words[i:end]) == part and st.free(i, end):
                    if m.label == "PERSON" and len(part) == 1 and st.sent_start(i) \
                            and lex.is_common(w) and not self._speaks(st, end):
                        continue  # but "Wilkins said": a surname that speaks
                    hit = Mention(i, end, m.label, m.key)
                    break
            if hit is None and w.lower() in folded_lists:
                for part, m in folded_lists[w.lower()]:
                    end = i + len(part)
                    if tuple(t.lower() for t in words[i:end]) == part and st.free(i, end):
                        hit = Mention(i, end, m.label, m.key)
                        break
            if hit is None:
                continue
            if hit.label == "PERSON":
                # "Marta Ruiz Olmedo" after "Ruiz Olmedo added": take the given name.
                s = hit.start
                while s > 0 and hit.start - s < 2 and st.namey(s - 1) and st.taken[s - 1] is None \
                        and not lex.is_common(words[s - 1]) and not lex.is_title(words[s - 1]):
                    s -= 1
                if s < hit.start:
                    hit.start = s
                    full = "PERSON:" + st.span_text(s, hit.end)
                    if st.key_of(hit.key) != full:
                        st.rekey[st.key_of(hit.key)] = full
                    hit.key = full
            st.add(hit)
            resume = hit.end

    def _speaks(self, st: _Doc, k: int) -> bool:
        """A reporting verb stands at token ``k``, or after one adverb ("Ruiz also said")."""
        words, reporting = st.words, self.lex.reporting
        if k < st.n and words[k] in reporting:
            return True
        return k + 1 < st.n and words[k] in _SPEECH_ADVERBS and words[k + 1] in reporting

    # -- pass G: roles and the lead's unnamed subject ----------------------------------------------
    def _lead_role(self, st: _Doc, defined: dict[str, Mention | None]) -> None:
        """ "Head of X says ..." then "..., NAME said": the role belongs to NAME (news lead)."""
        words, lex = st.words, self.lex
        sentences = self._sentences(st)
        people = [m for m in st.mentions if m.label == "PERSON"]
        for s_idx, (s, e) in enumerate(sentences[:_LEAD_SENTENCES]):
            if s_idx + 1 >= len(sentences):
                break
            k = s
            while k < e and (st.taken[k] is not None and st.taken[k].label in ("GPE", "LOC")
                             and k == s or words[k] in ("-", "–", "—", ",", "(", ")")
                             or words[k].lower() in _DETERMINERS):
                k += 1  # past the dateline
            if k + 2 >= e or not lex.is_title(words[k]) or not words[k][:1].isupper():
                continue
            if any(s <= m.start < e for m in people):
                continue
            title_end = k + 1
            while title_end < e and lex.is_title(words[title_end]):
                title_end += 1
            if words[title_end] != "of":
                continue
            org = st.mention_at(title_end + 1)
            if org is None or org.label not in ("ORG", "GPE"):
                continue
            after = org.end
            short = None
            if after + 2 < e and words[after] == "(" and words[after + 2] == ")":
                short = words[after + 1]
                after += 3
            if after >= e or words[after] not in lex.reporting:
                continue
            role = f"{st.span_text(k, title_end)} of {short or st.span_text(org.start, org.end)}"
            ns, ne = sentences[s_idx + 1]
            for m in sorted((m for m in people if ns <= m.start < ne), key=lambda m: m.start):
                near = words[max(ns, m.start - 1) : min(ne, m.end + 2)]
                if any(w in lex.reporting for w in near):
                    if role not in m.roles:
                        m.roles.append(role)
                    break

    @staticmethod
    def _sentences(st: _Doc) -> list[tuple[int, int]]:
        """The layout's sentences as token ranges; the space after a sentence belongs to it."""
        starts = sorted({0, *(k for k in st.sentence_starts if 0 < k < st.n)})
        return [(a, b) for a, b in zip(starts, starts[1:] + [st.n], strict=True) if a < b]

    # -- output --------------------------------------------------------------------------------
    def _short_org_names(self, st: _Doc) -> None:
        """ "Forest Service" after "U.S. Forest Service": a name less its place prefix."""
        orgs = sorted((m for m in st.mentions if m.label == "ORG" and m.end - m.start >= 2),
                      key=lambda m: m.start - m.end)
        full: dict[tuple[str, ...], str] = {}
        for m in orgs:
            toks = tuple(st.words[m.start : m.end])
            if toks in full:
                m.key = full[toks]
                continue
            full[toks] = m.key
            bare = toks[:-1] if toks[-1] in self.lex.legal_forms else toks
            while len(bare) > 1 and bare[-1] in ("&", "and", ","):
                bare = bare[:-1]  # "Dow Jones" after "Dow Jones & Co."
            if bare != toks:
                full.setdefault(bare, m.key)
            for cut in range(1, len(toks) - 1):
                prefix = self._lookup_tokens(st, list(toks[:cut]))
                if prefix is not None and prefix.label in ("GPE", "NORP"):
                    full.setdefault(toks[cut:], m.key)

    def _headline_people(self, st: _Doc) -> None:
        """ "Iran Oil Production Climbs": in a title-case line every word is capitalised, so
        the line alone is no evidence of a person; the body has to name them too."""
        heads = st.title_lines
        if not heads:
            return
        starts = [a for a, _ in heads]

        def in_headline(m: Mention) -> bool:
            k = bisect_right(starts, st.idx[m.start]) - 1
            return k >= 0 and st.idx[m.start] < heads[k][1]

        people = [m for m in st.mentions if m.label == "PERSON"]
        body_keys, body_words = set(), set()
        for m in people:
            if not in_headline(m):
                body_keys.add(st.key_of(m.key) if m.key else "")
                body_words.update(st.words[m.start : m.end])
        for m in people:
            if in_headline(m) and not (m.key and st.key_of(m.key) in body_keys) \
                    and not body_words.intersection(st.words[m.start : m.end]):
                st.remove(m)

    def _write(self, st: _Doc) -> None:
        doc = st.doc
        self._short_org_names(st)
        by_key: dict[str, list[Mention]] = {}
        for m in st.mentions:
            if not m.key:
                m.key = f"{m.label}:{st.span_text(m.start, m.end)}"
            m.key = st.key_of(m.key)
            by_key.setdefault(m.key, []).append(m)
        spans = []
        for key, ms in by_key.items():
            canonical = self._canonical(st, key, ms)
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

    def _canonical(self, st: _Doc, key: str, ms: list[Mention]) -> str:
        """The fullest name the text gives; an all-capital dateline takes the gazetteer's case."""
        texts = [st.span_text(m.start, m.end) for m in ms]
        name = key.split(":", 1)[1]
        if ms[0].label == "NORP" and name in texts:
            return name  # "Iranian", not "Iranians"
        cased = [t for t in texts if not t.isupper()]
        best = max(cased or texts, key=lambda t: (len(t.split()), t[:1].isupper(), len(t)))
        if best.isupper() and name.upper() == best.upper():
            return name
        return best


def read_gazetteer(path: str | Path) -> Iterable[dict[str, str]]:
    """User names: JSONL {"name", "label", "canonical"?} or TSV "name<TAB>LABEL[<TAB>canonical]"."""
    p = Path(path)
    with p.open(encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("{"):
                row = srsly.json_loads(line)
                yield {"name": row["name"], "label": row.get("label", "ORG"),
                       **({"canonical": row["canonical"]} if row.get("canonical") else {})}
                continue
            parts = line.split("\t")
            row = {"name": parts[0], "label": parts[1] if len(parts) > 1 else "ORG"}
            if len(parts) > 2 and parts[2]:
                row["canonical"] = parts[2]
            yield row


@Language.factory(
    "facts_entities",
    requires=["doc._.facts_layout", "doc.spans"],
    assigns=["doc.spans", "doc.ents", "span._.facts_entity"],
    default_config={"gazetteer": None, "rules": None, "merge_model": True, "fuzzy_threshold": 86.0},
)
def make_entities_component(
    nlp: Language,
    name: str,
    *,
    gazetteer: str | None,
    rules: str | None,
    merge_model: bool,
    fuzzy_threshold: float,
) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, gazetteer=gazetteer, rules=rules, merge_model=merge_model,
                            fuzzy_threshold=fuzzy_threshold)
