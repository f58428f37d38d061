"""The word lists and shapes that say a capitalised word is part of a person's or an
organisation's name, loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import shared, word_set
from .given import given_name_gender

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
# One romanised Chinese, Korean or Vietnamese syllable, the unit of East Asian names
# ("Tai", "man", "Cheuk", "Jong", "Kwok", "Park"): an optional initial, an optional glide,
# one to three vowels and an optional final. Pinyin, Wade-Giles, Hong Kong's Cantonese
# spelling and Korean romanisation all write syllables of this shape.
_SYLLABLE = re.compile(
    r"(?:chh|ch|ts|tz|hs|sh|zh|ng|kw|gw|kh|ph|th|[bcdfghjklmnpqrstwxyz])?[wy]?"
    r"[aeiou]{1,3}(?:ng|rk|[nmptkhlr])?")


class NameModel:
    """Given names, titles, honorifics, organisation heads and legal forms.

    - ``given_names``: words that open a person's name ("Marta Ruiz");
    - ``titles`` (lower case) and ``honorifics`` ("Dr.", "Mrs"): words before a name;
    - ``roles`` (lower case): nouns naming a person by function ("farmer", "the official");
    - ``plain_titles`` ("Cdr", "Cllr") and ``full_name_titles`` ("Rabbi", "Admiral"):
      nameparser's titles the hand lists lack, capitalised (``name_titles``: both);
    - ``title_prefixes`` ("Deputy", "Acting"): capitalised words that stand before a name
      as part of a title, read in speaker phrases (see :meth:`is_speaker_title`);
    - ``org_heads`` ("Ministry", "Council"), ``of_heads`` (heads that take "of": "Bank of
      X"), ``name_tails`` (words that end a name: "Partners") and ``org_nouns`` (a
      kind of organisation in lower case: "agency");
    - ``legal_forms`` ("Inc.", "GmbH"): the company suffixes;
    - ``surname_words`` ("lodge", "baker"): common words that are also frequent surnames;
    - ``particles`` ("van", "bin"): lower-case words inside a person's name, and
      ``elided_particles`` ("d'", "dell'"): particles written onto the surname
      ("d'Ottavio").
    """

    def __init__(self) -> None:
        self.given_names = word_set("entities/first_names.txt")
        self.titles = shared.roles()
        self.honorifics = shared.honorifics()
        self.org_heads = shared.org_words("head")
        self.of_heads = shared.org_words("of")
        self.name_tails = shared.org_words("tail")
        self.org_nouns = frozenset(w.lower() for w in shared.org_words("apposition"))
        # The hand-kept company words ("Holdings", "GmbH") and cleanco's legal forms.
        self.legal_forms = shared.org_words("legal") | word_set("shared/legal_forms.txt")
        self.particles = word_set("entities/name_particles.txt")
        self.elided_particles = tuple(sorted(word_set("entities/name_elided_particles.txt")))
        # Common words that are also frequent surnames ("lodge", "baker"), in lower case.
        self.surname_words = word_set("entities/surname_words.txt")
        self.roles = self.titles | frozenset(w.lower() for w in shared.role_words("role"))
        self.title_prefixes = shared.role_words("prefix")
        self.plain_titles, self.full_name_titles = self._name_titles()
        self.name_titles = self.plain_titles | self.full_name_titles
        self._speaker_titles = frozenset(t.rstrip(".").lower() for t in self.honorifics | self.title_prefixes)

    def _name_titles(self) -> tuple[frozenset[str], frozenset[str]]:
        """nameparser's titles, capitalised as before a name, in two kinds: those that are no
        English word, given name or surname ("Cdr", "Cllr", "Signora") title any name after
        them; the others ("Admiral", "Pastor", "Alderman") may be a name or a word themselves
        and title only a full name after them (see entities.people.person_after_name_title)."""
        common = word_set("entities/common_words.txt")
        plain: set[str] = set()
        full_name: set[str] = set()
        for title in shared.name_titles():
            written = title.capitalize()
            if title in common or title in self.surname_words or written in self.given_names \
                    or given_name_gender(written) is not None:
                full_name.add(written)
            else:
                plain.add(written)
        return frozenset(plain), frozenset(full_name)

    def is_title(self, word: str) -> bool:
        return word.lower() in self.titles or word in self.honorifics

    def is_role(self, low: str) -> bool:
        """A noun naming a person by office or function; ``low`` in lower case."""
        return low in self.roles

    def is_speaker_title(self, low: str) -> bool:
        """A word of the title before a speaker's name: an honorific, a title prefix or a
        role; ``low`` in lower case with its closing full stops trimmed ("dr", "deputy")."""
        return low in self._speaker_titles or low in self.roles

    def is_given_name(self, word: str) -> bool:
        """A word of the given-name list: it opens a person's name by itself."""
        return word in self.given_names

    def may_be_given_name(self, word: str) -> bool:
        """A given name the list leaves out because it is also a word ("Mark", "Will"):
        it opens a person's name only before a surname that is no common word."""
        return word not in self.given_names and given_name_gender(word) is not None

    def heads_org(self, word: str) -> bool:
        """A word that makes the name around it an organisation's."""
        return word in self.org_heads or word in self.of_heads or word in self.name_tails \
            or word in self.legal_forms

    def is_elided_surname(self, word: str) -> bool:
        """ "d'Ottavio", "dell’Arco": a lower-case particle elided onto a capitalised surname."""
        if not word[:1].islower() or ("'" not in word and "’" not in word):
            return False
        for particle in self.elided_particles:
            if word.replace("’", "'").startswith(particle):
                rest = word[len(particle):]
                return rest[:1].isupper() and rest[1:].isalpha()
        return False

    @staticmethod
    def is_syllable(word: str) -> bool:
        """ "Tai", "man", "Cheuk", "Jong": one romanised East Asian syllable (see _SYLLABLE)."""
        return len(word) <= 7 and bool(_SYLLABLE.fullmatch(word.lower()))

    @staticmethod
    def is_acronym(word: str) -> bool:
        """"NWRC", "AT&T": two to eight capitals, not a Roman numeral."""
        return bool(_ACRONYM.match(word)) and not _ROMAN.match(word)


@lru_cache(maxsize=1)
def name_model() -> NameModel:
    """The process-wide model: the lists are read-only."""
    return NameModel()
