"""The entity lexicon: gazetteer names by first token, and the name model's word lists.

Places, place variants, nationalities and known organisations are read once per process
into ``Lexicon.names``, keyed by their first token; an invented place "Port Avel" is filed
under "Port" as ``Entry(("Port", "Avel"), "GPE", "GPE:Port Avel", tier=1)``. Given names,
titles and organisation heads come from the shared name model (``extractor.names``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import iter_table, load_rows, load_table, load_words, shared, word_set
from ..lexicon.rows import NameHead, NameToCanonical, NameVariant, Place, StateAbbreviation, Unit
from ..names import name_model

_DIR = "entities/"

Tokenize = Callable[[str], list[str]]


@dataclass
class Entry:
    """One gazetteer name: its tokens, label, entity key and tier (0 known organisation,
    1 country or province, 2 small town)."""

    tokens: tuple[str, ...]
    label: str
    key: str
    tier: int


# The most frequent common words: in capitals they are emphasis ("a HUGE gain", "UNLESS"),
# not an organisation's initials; rarer ones ("TASS", "NAS") may well be initials.
FREQUENT_WORDS = 5000


def abbreviation_words() -> frozenset[str]:
    """All-capital words that name no organisation: frequent English words, month names
    and their abbreviations ("SEPT"), weekday names, titles ("CEO", "CFO") and the symbols
    of units of measure in capitals ("MW", "BTU")."""
    frequent = load_words(_DIR + "common_words.txt")[:FREQUENT_WORDS]
    symbols = {s for u in load_rows("quantities/units.jsonl", Unit) for s in u.symbols if s.isupper()}
    calendar = {w for m in shared.months() for w in (*m.names, *m.abbr)} \
        | {w for d in shared.weekdays() for w in d.names}
    return frozenset(w.upper().rstrip(".") for w in (*frequent, *calendar, *shared.roles())) | symbols


def _words(name: str) -> frozenset[str]:
    return word_set(_DIR + name)


class Lexicon:
    """Names and word lists, loaded once per process and shared by all pipelines."""

    def __init__(self, tokenize: Tokenize) -> None:
        self.names: dict[str, list[Entry]] = {}
        for place in iter_table(_DIR + "places.tsv", Place):
            tokens = place.tokens.split(" ") if place.tokens else place.surface.split(" ")
            self._add(tokens, place.label, place.canonical, place.tier)
        for variant in load_table(_DIR + "place_variants.tsv", NameVariant):
            self._add(tokenize(variant.name), variant.label, variant.canonical, 1)
        for file in ("demonyms.tsv", "norp_extra.tsv", "peoples.tsv"):
            for row in load_table(_DIR + file, NameToCanonical):
                self._add(tokenize(row.name), "NORP", row.canonical, 1)
        for row in load_table(_DIR + "organizations.tsv", NameToCanonical):
            self._add(tokenize(row.name), "ORG", row.canonical, 0)
        for entries in self.names.values():
            entries.sort(key=lambda e: (-len(e.tokens), e.tier))
        # Each name by its tokens, and the lengths of the names under each first token,
        # longest first: the name at a token is found with one lookup per length instead of
        # a walk through hundreds of names that share a first word ("San", "North").
        self.by_tokens: dict[tuple[str, ...], Entry] = {
            e.tokens: e for entries in self.names.values() for e in entries}
        self.name_lengths: dict[str, tuple[int, ...]] = {
            first: tuple(sorted({len(e.tokens) for e in entries}, reverse=True))
            for first, entries in self.names.items()}
        states = load_table(_DIR + "state_abbreviations.tsv", StateAbbreviation)
        self.states = {row.abbreviation: row.state for row in states if row.form == "ap"}
        # Postal codes are English words too ("IN", "OR", "ME"): trusted in fewer places.
        self.postal_states = {row.abbreviation: row.state for row in states if row.form == "postal"}
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
        self.common_or_stop = self.common | STOP_WORDS
        self.non_entity_heads = frozenset(h.word for h in load_table(_DIR + "heads.tsv", NameHead) if h.has("other"))
        self.reporting = shared.finite_reporting_forms() | _words("speaker_verbs.txt")
        self.acronym_stop = _words("acronym_stoplist.txt") | _words("currency_codes.txt") \
            | abbreviation_words()

    def _add(self, tokens: list[str] | tuple[str, ...], label: str, canonical: str, tier: int) -> None:
        tokens = tuple(tokens)
        if not tokens or not tokens[0]:
            return
        bucket = self.names.setdefault(tokens[0], [])
        if any(e.tokens == tokens for e in bucket):
            return
        bucket.append(Entry(tokens, label, f"{label}:{canonical}", tier))

    def is_title(self, word: str) -> bool:
        # The name model's test, inlined: the passes ask it of most tokens.
        return word.lower() in self.titles or word in self.honorifics

    def is_common(self, word: str) -> bool:
        return word.lower() in self.common_or_stop

    def lookup(self, tokens: list[str] | tuple[str, ...]) -> Entry | None:
        """The gazetteer entry spelled exactly ``tokens``, or None."""
        return self.by_tokens.get(tuple(tokens))

    def longest_at(self, words: list[str], i: int) -> Entry | None:
        """The longest gazetteer name that ``words`` spell from index ``i``, or None."""
        n = len(words)
        for length in self.name_lengths.get(words[i], ()):
            if i + length <= n:
                e = self.by_tokens.get(tuple(words[i:i + length]))
                if e is not None:
                    return e
        return None


_LEXICONS: dict[str | None, Lexicon] = {}


def shared_lexicon(lang: str | None, tokenize: Tokenize) -> Lexicon:
    """One lexicon per language for the whole process: the data are read-only."""
    if lang not in _LEXICONS:
        _LEXICONS[lang] = Lexicon(tokenize)
    return _LEXICONS[lang]
