"""The word lists and patterns of the quotations component, loaded from one directory."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .. import resources

FILES = ("reporting_verbs.jsonl", "attribution.jsonl", "pronouns.jsonl", "roles.txt",
         "titles.txt", "generic_speakers.txt", "data_sources.txt", "org_words.txt",
         "term_cues.txt", "abbreviations.txt", "noun_modifiers.txt", "org_kinds.tsv",
         "documents.txt")


def _words(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.lstrip().startswith("#")]


def _rows(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in _words(path)]


def trie_pattern(words: list[str]) -> str:
    """One regular expression for many words, shared prefixes factored out (fast to scan)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub)
                    for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends else body

    return build(trie)


@dataclass
class Cue:
    lemma: str
    frame: str  # "bare", "that" or "post"
    tense: str  # "base", "s", "past", "ing"


class SpeechLexicon:
    """Reporting verbs, speaker words and attribution patterns."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(directory) if directory else resources.path("quotations")
        d = self.directory
        self.cues: dict[str, Cue] = {}
        patterns = {r["name"]: r["pattern"] for r in _rows(d / "attribution.jsonl")}
        be_forms = ("is", "are", "was", "were", "has been", "have been", "had been")
        for row in _rows(d / "reporting_verbs.jsonl"):
            for tense in ("base", "s", "past", "ing"):
                if tense in row:
                    self.cues.setdefault(row[tense], Cue(row["lemma"], row["frame"], tense))
            for phrase in row.get("phrases", ()):
                # A passive phrase is matched with its "be" so the speaker stands right before it.
                for be in be_forms if "{be}" in phrase else ("",):
                    self.cues.setdefault(phrase.replace("{be}", be).strip(), Cue(row["lemma"], row["frame"], "past"))
        # Finite forms are matched in lower case only ("Said" is also a given name);
        # participles and "according to" may open a sentence.
        forms = list(self.cues) + [f[0].upper() + f[1:] for f in self.cues if self.cues[f].tense == "ing"]
        self.cue_re = re.compile(
            r"(?<![\w'\u2019-])(?:(?P<according>[Aa]ccording\s+to)|(?P<verb>"
            + trie_pattern(forms) + r"))(?![\w-])"
        )
        self.adverbial_re = re.compile(r"(?:[\s,]*(?:" + patterns["adverbial"] + r"))+")
        # "X was quoted by <agency> as saying": one cue from "was" to "saying", read like "said".
        self.quoted_by_re = re.compile(patterns["quoted_by"])
        self.quoted_by_cue = Cue("say", "bare", "past")
        self.passive = frozenset(re.findall(r"[\w'\u2019]+", patterns["passive"]))
        self.auxiliary = frozenset(re.findall(r"[\w'\u2019]+", patterns["auxiliary"]))
        self.pronouns = {r["text"]: r for r in _rows(d / "pronouns.jsonl")}
        self.roles = frozenset(w.lower() for w in _words(d / "roles.txt"))
        self.titles = frozenset(_words(d / "titles.txt"))
        self.generic = frozenset(w.lower() for w in _words(d / "generic_speakers.txt"))
        self.data_sources = frozenset(w.lower() for w in _words(d / "data_sources.txt"))
        self.org_words = frozenset(w.lower() for w in _words(d / "org_words.txt"))
        self.documents = frozenset(w.lower() for w in _words(d / "documents.txt"))
        term_cues = sorted(_words(d / "term_cues.txt"), key=len, reverse=True)
        self.term_cue_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in term_cues)
            + r")(?:\s+(?:of|is|was|as|which\s+is|called|named|the|a|an|its|their|this))*"
            r"[\s,:]*$", re.IGNORECASE)
        self.abbreviations = _words(d / "abbreviations.txt")
        self.noun_modifiers = frozenset(w.lower() for w in _words(d / "noun_modifiers.txt"))
        # kind noun -> the words that show that kind in an organisation's name
        self.org_kinds: dict[str, frozenset[str]] = {}
        for line in _words(d / "org_kinds.tsv"):
            nouns, _, names = line.partition("\t")
            words = frozenset(names.split())
            for noun in nouns.split(","):
                self.org_kinds[noun.strip()] = words | {noun.strip()}
        self.org_kind_words = frozenset().union(*self.org_kinds.values()) if self.org_kinds else frozenset()

    def cue(self, surface: str) -> Cue | None:
        key = re.sub(r"\s+", " ", surface)
        return self.cues.get(key) or self.cues.get(key[0].lower() + key[1:])
