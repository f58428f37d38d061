"""The word lists and patterns of the quotations component, loaded from one directory."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .. import resources
from ..lexicon import alternation, load_rows, load_table, load_words, word_set
from ..lexicon.rows import NamedPattern, OrgKind, Pronoun, ReportingVerb
from ..lexicon.shared import org_words, reporting_verbs
from ..names import name_model

# The kind of organisation (the first noun of its row in org_kinds.tsv) that news outlets are.
OUTLET_KIND = "paper"

# The files a saved pipeline holds, by name; those not in the component's own directory come
# from resources/shared/.
FILES = ("reporting_verbs.jsonl", "attribution.jsonl", "pronouns.jsonl",
         "generic_speakers.txt", "data_sources.txt",
         "org_words.tsv", "term_cues.txt", "noun_modifiers.txt",
         "org_kinds.tsv", "documents.txt")


def find_files(directory: Path) -> dict[str, Path]:
    """Where each file of the lexicon is: in the directory, else among the shared lists."""
    shared = resources.path("shared")
    return {name: directory / name if (directory / name).exists() else shared / name for name in FILES}


@dataclass
class Cue:
    lemma: str
    frame: str  # "bare", "that" or "post"
    tense: str  # "base", "s", "past", "ing"
    quotes: bool = True  # whether it may attribute a quotation in marks


class SpeechLexicon:
    """Reporting verbs, speaker words and attribution patterns."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(directory) if directory else resources.path("quotations")
        self.files = f = find_files(self.directory)
        patterns = {r.name: r.pattern for r in load_rows(f["attribution.jsonl"], NamedPattern)}
        self.cues = self._read_cues(reporting_verbs(f["reporting_verbs.jsonl"]))
        # Finite forms are matched in lower case only ("Said" is also a given name);
        # participles and "according to" may open a sentence.
        forms = list(self.cues) + [f[0].upper() + f[1:] for f in self.cues if self.cues[f].tense == "ing"]
        self.cue_re = re.compile(
            r"(?<![\w'\u2019-])(?:(?P<according>[Aa]ccording\s+to)|(?P<verb>"
            + alternation(forms) + r"))(?![\w-])"
        )
        self.adverbial_re = re.compile(r"(?:[\s,]*(?:" + patterns["adverbial"] + r"))+")
        # The gap between a cue and the quotation it introduces when nothing else stands
        # there: adverbials, "that", a comma or a colon (compiled once, not per cue).
        self.adjacent_gap_re = re.compile(r"\s*(?:" + self.adverbial_re.pattern + r")?\s*(?:that\s*)?[,:]?\s*")
        # "X was quoted by <agency> as saying": one cue from "was" to "saying", read like "said".
        self.quoted_by_re = re.compile(patterns["quoted_by"])
        self.quoted_by_cue = Cue("say", "bare", "past")
        self.passive = frozenset(re.findall(r"[\w'\u2019]+", patterns["passive"]))
        self.auxiliary = frozenset(re.findall(r"[\w'\u2019]+", patterns["auxiliary"]))
        self.pronouns = {r.text: r.model_dump() for r in load_rows(f["pronouns.jsonl"], Pronoun)}
        # Titles and roles are the name model's, shared with facts_entities.
        self.names = name_model()
        self.roles = self.names.roles
        self.generic = word_set(f["generic_speakers.txt"], lower=True)
        self.data_sources = word_set(f["data_sources.txt"], lower=True)
        self.org_words = frozenset(w.lower() for w in org_words("speaker", f["org_words.tsv"]))
        self.documents = word_set(f["documents.txt"], lower=True)
        self.term_cue_re = re.compile(
            r"(?<![\w-])(?:" + alternation(load_words(f["term_cues.txt"]))
            + r")(?:\s+(?:of|is|was|as|which\s+is|called|named|the|a|an|its|their|this))*"
            r"[\s,:]*$", re.IGNORECASE)
        self.noun_modifiers = word_set(f["noun_modifiers.txt"], lower=True)
        # kind noun -> the words that show that kind in an organisation's name
        self.org_kinds: dict[str, frozenset[str]] = {}
        # The words of a news outlet: those of the kind "paper" ("broadcaster", "News").
        self.outlet_words: frozenset[str] = frozenset()
        for row in load_table(f["org_kinds.tsv"], OrgKind):
            words = frozenset(w.lower() for w in org_words("kind=" + row.kind(), f["org_words.tsv"]))
            nouns = [noun.strip() for noun in row.nouns.split(",")]
            for noun in nouns:
                self.org_kinds[noun] = words | {noun}
            if row.kind() == OUTLET_KIND:
                self.outlet_words = words | frozenset(nouns)
        self.org_kind_words = frozenset().union(*self.org_kinds.values()) if self.org_kinds else frozenset()

    @staticmethod
    def _read_cues(verbs: Iterable[ReportingVerb]) -> dict[str, Cue]:
        """Every form of every reporting verb, and its passive phrases with each form of "be"."""
        cues: dict[str, Cue] = {}
        be_forms = ("is", "are", "was", "were", "has been", "have been", "had been")
        for verb in verbs:
            for tense in ("base", "s", "past", "ing"):
                form = getattr(verb, tense)
                if form is not None:
                    cues.setdefault(form, Cue(verb.lemma, verb.frame, tense, verb.quotes))
            for phrase in verb.phrases:
                # A passive phrase is matched with its "be" so the speaker stands right before it.
                for be in be_forms if "{be}" in phrase else ("",):
                    cues.setdefault(phrase.replace("{be}", be).strip(), Cue(verb.lemma, verb.frame, "past", verb.quotes))
        return cues

    def cue(self, surface: str) -> Cue | None:
        key = re.sub(r"\s+", " ", surface)
        return self.cues.get(key) or self.cues.get(key[0].lower() + key[1:])
