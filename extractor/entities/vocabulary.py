"""The word lists and limits the entity passes read, loaded once from ``resources/entities/``.

Each list names a class of words: ``PLACE_HEADS`` holds heads such as "Province" that follow
a place name ("West Java Province"), ``SITE_NOUNS`` maps lower-case site nouns ("field",
"refinery") to the label of the site they name, ``CALENDAR`` holds day and month words that
are never names by themselves ("Thursday", "June").
"""

from __future__ import annotations

import re

from ..lexicon import load_table, shared, word_set
from ..lexicon.rows import CompassPoint, NameHead, QualifiedHead, SiteNoun

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW")
# Labels other NER schemes use for the same things.
MODEL_LABELS = {"PER": "PERSON", "MISC": None, **{label: label for label in LABELS}}

MAX_NAME = 12  # tokens; names run longer only in pathological input
DETERMINERS = {"the", "a", "an"}
# Function words that never stand inside a person's name: capitalised after a name they open
# the next phrase of a caption or a title-case line ("Mara Ip In the harbour district").
# "To", "Or" and "The" are left out: they are also surnames ("Tony To", "Helen Or",
# Vietnamese "Minh The").
NAME_BREAKERS = {"In", "On", "At", "For", "From", "With", "By", "Into", "After", "Before",
                 "During", "Since", "Until", "And", "But", "If", "When", "While", "As"}
# "Republic of Korea Navy": a state name inside an organisation name.
STATE_WORDS = shared.org_words("state")
DIRECTIONS = word_set("entities/directions.txt")
PLACE_HEADS = word_set("entities/place_heads.txt")
PLACE_TYPES = word_set("entities/place_types.txt")
# Capitalised heads of natural features ("Tesh Island") and lower-case heads of named
# sites ("the North Avel gas field" is a place; "the Velk refinery" a facility).
FEATURE_HEADS = word_set("entities/feature_heads.txt")
SITE_NOUNS = {row.name: row.label for row in load_table("entities/site_nouns.tsv", SiteNoun)}
SITE_MODIFIERS = word_set("entities/site_modifiers.txt")
PERSON_NOUNS = word_set("entities/person_nouns.txt")
_COMPASS = load_table("entities/compass_points.tsv", CompassPoint)
COMPASS_POINTS = frozenset(row.point for row in _COMPASS)
# "N." -> "North": "N. Korea" is the gazetteer's "North Korea".
COMPASS_ABBREVIATIONS = {row.abbreviation: row.point for row in _COMPASS}
NOT_NAMES = word_set("entities/not_names.txt")
LEAD_SENTENCES = 3  # the unnamed "Head of X says" subject belongs to a story's lead
ROLE_STOP = {",", ".", ";", ":", "(", ")", "“", "”", '"', "said", "says", "and"}
# Words that end a role phrase: a relative clause or a verb follows the role itself.
ROLE_END = {"who", "which", "that", "whose", "whom", "where", "when", "while", "since", "after",
            "before", "because", "is", "was", "has", "had", "have", "are", "were", "will",
            "would", "told"}
# "Parti Ruritanien", "Front démocratique": heads of organisation names in other languages.
FOREIGN_ORG_HEADS = word_set("entities/foreign_org_heads.txt")
# Articles, prepositions and conjunctions inside such names ("Partei der Arbeit", "Partido
# de los Trabajadores", "Lega per l'Ambiente"): a closed class of function words.
FOREIGN_NAME_LINKS = {"de", "du", "des", "der", "die", "das", "del", "della", "dei", "degli",
                      "di", "da", "do", "dos", "la", "le", "les", "los", "las", "per",
                      "pour", "para", "por", "y", "e", "et", "und", "en", "für", "van", "voor",
                      "het", "och", "og", "i", "al", "au", "aux"}
# Adjective endings of French, Italian, Spanish and Portuguese ("nationale", "populaire",
# "socialista", "democratico", "verde" is left to capitals): no English word that is no
# frequent word ends so.
FOREIGN_ADJECTIVE = re.compile(
    r"(?:ale|ali|aire|aires|ique|iques|iste|istes|ista|ienne|aise|oise|ano|ani|ico|ici"
    r"|ica|ese|esi|ario|aria|ivo|iva|ense|eur|euse|elle)$")


def major_language_names() -> frozenset[str]:
    """One-word names of the languages with a two-letter ISO 639-1 code ("Khmer", "Persian",
    "Swahili"), from pycountry: the language services of broadcasters are named by them."""
    import pycountry

    return frozenset(
        name for lang in pycountry.languages if getattr(lang, "alpha_2", None)
        for name in [lang.name.split(";")[0].split(" (")[0].strip()]
        if name.isalpha() and name[:1].isupper())


LANGUAGE_NAMES = major_language_names()
WEEKDAYS = shared.weekday_words()
# Month names, their abbreviations with a full stop ("jan.", "sept."), and the deictic days
# (a closed class of four adverbs, kept here).
CALENDAR = WEEKDAYS | shared.month_names() | {a.lower() + "." for m in shared.months() for a in m.abbr} \
    | {"today", "yesterday", "tomorrow", "tonight"}
SENTENCE_ADVERBS = {"meanwhile", "also", "still", "now", "then", "last", "next", "earlier",
                    "later", "despite", "unlike", "under", "following", "according", "shares",
                    "officials", "analysts", "several", "senior", "local", "both", "each"}
LEGAL_HEADS = frozenset(h.word for h in load_table("entities/heads.tsv", NameHead) if h.has("law"))
# Heads that close a name of their own kind (a law, an event, a facility, a survey): the name
# words before them belong to no person, organisation or nationality ("the Tesh Relief Act").
CLOSING_HEADS = frozenset(h.word for h in load_table("entities/heads.tsv", NameHead) if h.has("closes"))
_QUALIFIED = load_table("entities/qualified_heads.tsv", QualifiedHead)
# "Space" before "Center" makes a facility; "Geological" before "Survey" an agency.
FACILITY_QUALIFIERS = {q.head: q.modifier_words() for q in _QUALIFIED if q.label == "FAC"}
ORG_QUALIFIERS = {q.head: q.modifier_words() for q in _QUALIFIED if q.label == "ORG"}
# Adverbs between a speaker and the reporting verb ("Ruiz also said").
SPEECH_ADVERBS = {"also", "further", "then", "later", "again", "has", "had"}
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
PLACE_PREPOSITIONS = {"in", "between", "from", "to", "near", "as", "across", "into", "at",
                      "outside", "towards", "toward"}
WEAK_HEADS = shared.org_words("unit")
# "Council on Foreign Relations": heads that take "on" and a field.
ON_HEADS = shared.org_words("on")
# The words the context pass looks at (besides the reporting verbs), as written and in lower case.
CONTEXT_WORDS = {"to", ",", "and", "or"} | PLACE_HEADS | FEATURE_HEADS | COMPASS_POINTS
# Plural and collective nouns of kin: "Ana Velk and her children" names her as surely as "and
# her son" (a person noun in the singular would make "the children, Ana" a given name).
KIN_PLURALS = frozenset({"children", "sons", "daughters", "parents", "brothers", "sisters",
                         "grandchildren", "family"})
CONTEXT_LOWER = PLACE_TYPES | set(SITE_NOUNS) | PERSON_NOUNS | KIN_PLURALS


def is_calendar(words: list[str]) -> bool:
    """ "Thursday", "June": a day or month is never a name by itself."""
    return bool(words) and (words[0].lower() in WEEKDAYS or len(words) == 1 and words[0].lower() in CALENDAR)
