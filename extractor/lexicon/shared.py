"""The word lists more than one component reads, from ``resources/shared/``, loaded once.

A component takes its lists from here rather than keeping a copy, so that a title or a
reporting verb added once is known everywhere.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .loader import load_rows, load_table, word_set
from .rows import Month, OrgWord, ReportingVerb, RoleWord, Weekday

ROLES = "shared/roles.tsv"
HONORIFICS = "shared/honorifics.txt"
NAME_TITLES = "shared/name_titles.txt"
ORG_WORDS = "shared/org_words.tsv"
REPORTING_VERBS = "shared/reporting_verbs.jsonl"
MONTHS = "shared/months.jsonl"
WEEKDAYS = "shared/weekdays.jsonl"


def roles(name: str | Path = ROLES) -> frozenset[str]:
    """Titles and roles naming a person ("minister", "deputy director"), lower case."""
    return frozenset(w.lower() for w in role_words("title", name))


def role_words(use: str, name: str | Path = ROLES) -> frozenset[str]:
    """The words of the roles table with one use (title, role, prefix), as written."""
    return frozenset(r.word for r in load_table(name, RoleWord) if r.has(use))


def honorifics(name: str | Path = HONORIFICS) -> frozenset[str]:
    """Courtesy titles written before a name ("Mr.", "Dr"), as written."""
    return word_set(name)


def name_titles(name: str | Path = NAME_TITLES) -> frozenset[str]:
    """Titles written before a person's name, from nameparser ("rabbi", "cdr"), lower case."""
    return word_set(name)


def org_words(use: str, name: str | Path = ORG_WORDS) -> frozenset[str]:
    """The organisation words with one use (head, of, apposition, ...), as written."""
    return frozenset(r.word for r in load_table(name, OrgWord) if r.has(use))


def reporting_verbs(name: str | Path = REPORTING_VERBS) -> tuple[ReportingVerb, ...]:
    return load_rows(name, ReportingVerb)


@lru_cache(maxsize=None)
def reporting_forms() -> frozenset[str]:
    """Every inflected form of every reporting verb ("said", "tells", "pointing out")."""
    return frozenset(f for verb in reporting_verbs() for f in verb.forms())


@lru_cache(maxsize=None)
def finite_reporting_forms() -> frozenset[str]:
    """The third-person and past forms ("says", "said", "points out"): after a capitalised
    word they make it a subject. Base and -ing forms are left out: many are nouns too
    ("report", "answer", "comment")."""
    return frozenset(f for verb in reporting_verbs() for f in (verb.s, verb.past) if f)


def months() -> tuple[Month, ...]:
    return load_rows(MONTHS, Month)


def weekdays() -> tuple[Weekday, ...]:
    return load_rows(WEEKDAYS, Weekday)


@lru_cache(maxsize=None)
def month_words() -> frozenset[str]:
    """Month names and abbreviations, lower case, without full stops ("march", "sept")."""
    return frozenset(n.lower() for m in months() for n in (*m.names, *m.abbr))


@lru_cache(maxsize=None)
def month_names() -> frozenset[str]:
    """Full month names, lower case ("march")."""
    return frozenset(n.lower() for m in months() for n in m.names)


@lru_cache(maxsize=None)
def weekday_words() -> frozenset[str]:
    """Day names, lower case ("monday")."""
    return frozenset(n.lower() for d in weekdays() for n in d.names)
