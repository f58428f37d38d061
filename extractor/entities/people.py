"""People found by their own evidence: a given name opening a name, a title or role noun
before a name, an apposition after it (a role or an age), two names joined by "and".

In an invented "Deputy Minister Ana Velk said", ``person_after_title`` at "Minister"
gives the person "Ana Velk" with the role "Deputy Minister".
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import word_set
from .chains import inside_known_name, name_chain, syllable_name, unknown_chain_before
from .document import EntityDoc, Mention
from .gazetteer import Lexicon
from .vocabulary import (
    CALENDAR,
    DETERMINERS,
    FEATURE_HEADS,
    NAME_BREAKERS,
    PLACE_HEADS,
    ROLE_END,
    ROLE_STOP,
    is_calendar,
)

INSTITUTION_NOUNS = word_set("entities/institution_nouns.txt")
WORK_NOUNS = word_set("entities/work_nouns.txt")


def coordinated_people(st: EntityDoc, i: int) -> list[Mention]:
    """ "Barry Dyer and Mackie Shelton pleaded": two-word names joined by "and", one of them
    opening with a given name, are two people."""
    lex, words = st.lex, st.words
    if i > 0 and (st.namey(i - 1) or words[i - 1] in ("of", "for")):
        return []
    a_end = name_chain(st, i)
    if not 2 <= a_end - i <= 3 or a_end + 3 > st.n or words[a_end] != "and":
        return []
    b = a_end + 1
    b_end = name_chain(st, b)
    if not 2 <= b_end - b <= 3 or st.namey(b_end):
        return []
    pair_a, pair_b = words[i:a_end], words[b:b_end]
    for pair in (pair_a, pair_b):
        if any(w in lex.org_heads or w in lex.name_tails or w in lex.non_entity_heads
               for w in pair):
            return []
        if st.lex.lookup(pair) is not None or any(
                (e := st.lex.lookup([w])) is not None and e.tier < 2
                and (n > 0 or w not in lex.first_names) for n, w in enumerate(pair)):
            return []  # a country or province: "Jordan Valley and Dead Sea"
    if not (pair_a[0] in lex.first_names or pair_b[0] in lex.first_names):
        return []
    if all(lex.is_common(w) for w in pair_a[1:] + pair_b[1:]):
        return []
    return [Mention(i, a_end, "PERSON", ""), Mention(b, b_end, "PERSON", "")]


def person_from_first_name(st: EntityDoc, i: int) -> Mention | None:
    """A person whose name opens with the given name at ``i`` ("Ana Velk"), or None."""
    lex, words = st.lex, st.words
    if inside_known_name(st, i):
        return None
    end = name_chain(st, i, limit=4)
    if end - i < 2:
        return None
    if end < st.n and (words[end] in lex.org_heads or words[end] in lex.of_heads
                       or words[end] in INSTITUTION_NOUNS):
        return None  # "George Washington University", "the Velmor Tash clinic"
    if names_a_title_or_edition(st, i) or opens_with_name_title(st, i):
        return None
    surname = [w for w in words[i + 1 : end] if not re.fullmatch(r"[A-Z]\.", w)]
    if words[i] not in lex.first_names and any(
            lex.is_common(w) or st.lex.lookup([w]) is not None or glued_verb(st.lex, w)
            for w in surname):
        return None  # "Mark" is also a word: "Will Power", "Grant Park" are no people
    if all(lex.is_common(w) and w not in lex.first_names for w in surname) \
            and not given_and_surname_word(st, i, end):
        # "Rose Oil", "Holly Berries": a common word needs a title or a speech verb.
        before = words[i - 1] if i > 0 else ""
        after = words[end] if end < st.n else ""
        after2 = words[end + 1] if end + 1 < st.n else ""
        if not (lex.is_title(before) or after in lex.reporting or after2 in lex.reporting
                or before in lex.reporting or after == "," and given_name_alone(st, i)):
            return None
    if any((e := st.lex.lookup([w])) is not None and e.label == "NORP" for w in words[i:end]):
        return None
    return Mention(i, name_before_common_words(st, i, end), "PERSON", "")


def given_name_alone(st: EntityDoc, i: int) -> bool:
    """The given name at ``i`` is no place's name and no month: before a common word and a
    comma, "Jordan Valley," and "Victoria Commune," are no people, but "Wanda Barley," is one."""
    word = st.words[i]
    return st.lex.lookup([word]) is None and not is_calendar([word])


def names_a_title_or_edition(st: EntityDoc, i: int) -> bool:
    """ "her novel Silver Orchard", "the 2030 Summer Games": a capitalised run right after a
    noun for a creative work is its title, and one after "the" and a year names an edition
    of an event; neither is a person."""
    words = st.words
    if i > 0 and words[i - 1] in WORK_NOUNS:
        return True
    return i > 1 and words[i - 2].lower() == "the" and len(words[i - 1]) == 4 \
        and words[i - 1].isdigit()


def name_before_common_words(st: EntityDoc, i: int, end: int) -> int:
    """ "Marta Kelling Revival", "Ana Velk Photographic Legacy": after two names a
    capitalised common word that is no surname opens a title of which the name is a part,
    so the person ends before it; a surname that is also a word stays ("Henry Cabot Lodge",
    "Anna Nicole Smith"), and so does a function word ("Trinh Minh The")."""
    lex, words = st.lex, st.words
    surname_words = lex.people.surname_words
    names = 0
    for p in range(i, end):
        w = words[p]
        low = w.lower()
        if names >= 2 and w[:1].isupper() and low in lex.common and low not in STOP_WORDS \
                and low not in surname_words and low not in lex.particles \
                and w not in lex.first_names and words[p - 1].isalpha() and len(words[p - 1]) > 1:
            return p  # but not after an initial: "George C. Herring"
        if w.isalpha() and len(w) > 1 and low not in lex.particles and words[p - 1] != "-":
            names += 1  # "Jean-Paul" is one given name
    return end


def person_by_syllables(st: EntityDoc, i: int) -> Mention | None:
    """ "Fong Wai-lam", "Seo Min-Jae": a surname and a hyphenated given name, all three
    romanised East Asian syllables, are a person's name without a known given name."""
    if not st.namey(i + 1) or not syllable_name(st, i):
        return None
    if not (st.words[i + 3].islower() or st.namey(i + 3)) or st.words[i] in NAME_BREAKERS \
            or st.lex.is_title(st.words[i]) or inside_known_name(st, i):
        return None  # "In Tai-po", "Minister Ka-wing"
    return Mention(i, i + 4, "PERSON", "")


def given_and_surname_word(st: EntityDoc, i: int, end: int) -> bool:
    """ "Ada Stones", "Peter Brown": a given name of the name list and no country, province
    or big city (a small town yields, as elsewhere), then a common word that is also a
    frequent surname, but no place word ("River", "Valley", "Harbor"). The name list already
    leaves out given names that are mostly words ("Will", "May", "Mark"); a dictionary word
    that is mostly a name ("peter", "mary") does not block the person."""
    if end - i != 2:
        return False
    lex = st.lex
    given, surname = st.words[i], st.words[i + 1]
    place = lex.lookup([given])
    return given in lex.first_names and (place is None or place.tier == 2) \
        and surname.lower() in lex.people.surname_words and surname not in FEATURE_HEADS \
        and surname not in PLACE_HEADS


def may_open_person(lex: Lexicon, word: str) -> bool:
    """A given name that is also a word ("Mark", "Will"), but never a function word or a
    month ("May", "June")."""
    low = word.lower()
    return low not in STOP_WORDS and low not in CALENDAR and lex.people.may_be_given_name(word)


def glued_verb(lex: Lexicon, word: str) -> bool:
    """"Okafortold": a surname run into the reporting verb after it (a missing space)."""
    return any(len(word) - len(v) >= 3 and word.endswith(v) for v in lex.reporting
               if len(v) >= 4 and v.islower())


def person_after_title(st: EntityDoc, t: int) -> Mention | None:
    """A person named after the title or role noun at ``t`` ("Minister Ana Velk",
    "farmer Tuan Vo"), with the title as a role, or None."""
    lex, words = st.lex, st.words
    k = t + 1
    if words[t][:1].isupper() and not st.namey(t) and words[t] not in lex.honorifics:
        return None
    if k < st.n and words[k] in ("of", "for") and words[t][:1].isupper():
        return person_after_title_complement(st, t)
    if k >= st.n or not st.namey(k) or lex.is_title(words[k]):
        return None
    end = name_chain(st, k)
    if end == k:
        return None
    if end < st.n and (lex.is_title(words[end]) or words[end] in lex.org_heads or (
            words[end] == "of" and not (words[k] in lex.first_names and end - k >= 2))):
        return None  # "Deputy Foreign Minister": still the title
    chain = words[k:end]
    if st.lex.lookup(chain) is not None:
        return None  # "President Iran"? a known place or organisation
    if len(chain) == 1 and lex.people.is_acronym(chain[0]) and not (
            end < st.n and words[end] in lex.reporting):
        return None  # "the Captain KLT simulator": an acronym after a title is a thing's
    if all(lex.is_common(w) and w not in lex.first_names for w in chain) and not (
            end < st.n and words[end] in lex.reporting):
        return None  # but "the blogger Quill writes"
    role = title_phrase(st, t)
    return Mention(k, end, "PERSON", "", [role] if role else [])


def person_after_name_title(st: EntityDoc, t: int) -> Mention | None:
    """ "Rabbi Ilan Sorel", "Cllr Velk", "Cdr. Ilan Sorel": a person after a title of
    nameparser's lists, with the title as a role. A title that is also a word, a given name
    or a surname ("Admiral", "Pastor", "Alderman") may be the name itself ("Dean Orsk"), so
    it counts only before a full name: a given name, then a capitalised word."""
    lex, words = st.lex, st.words
    if t > 0 and words[t - 1] in ("of", "for") or lex.lookup([words[t]]) is not None \
            or inside_known_name(st, t) or continues_other_name(st, t):
        return None  # "Secretary of State Ana Velk", "British Ana Velk": no title of its own
    if words[t] in lex.people.plain_titles:
        k = t + 2 if t + 1 < st.n and words[t + 1] == "." and st.glued(t + 1) else t + 1
        return person_after_title(st, k - 1)  # "Cdr. Ilan Sorel": the stop is a token
    if t + 2 < st.n and words[t + 1] in lex.first_names and st.namey(t + 1) and st.namey(t + 2):
        return person_after_title(st, t)
    return None


def continues_other_name(st: EntityDoc, t: int) -> bool:
    """ "Director of Central Intelligence William Casey": a title word after a capitalised
    word that is no title and no known name is a word of some other name."""
    if t == 0 or not st.namey(t - 1) or st.sent_start(t - 1):
        return False
    prev = st.words[t - 1]
    return not st.lex.is_title(prev) and prev not in st.lex.people.name_titles \
        and st.lex.lookup([prev]) is None


def opens_with_name_title(st: EntityDoc, i: int) -> bool:
    """ "Pastor Ilan Sorel": a title that is also a given name opens a run of three
    capitalised words whose next two are a full name; the person is those two."""
    words = st.words
    return words[i] in st.lex.people.full_name_titles and i + 2 < st.n \
        and words[i + 1] in st.lex.first_names and st.namey(i + 1) and st.namey(i + 2)


def person_after_title_complement(st: EntityDoc, t: int) -> Mention | None:
    """ "Minister of Foreign Affairs Mohammad Zarif", "Coordinator for Puerto Rico Ana Ruiz":
    the name starts at a given name or right after a known place."""
    lex, words = st.lex, st.words
    k = t + 2
    if k < st.n and words[k] == "the":
        k += 1
    end = k
    while end < st.n and end - k < 8 and st.namey(end) and words[end] not in lex.org_heads:
        end += 1
    split = None
    for p in range(end - 2, k, -1):  # a known place first: "Puerto Rico", not "Rico"
        entry = st.lex.lookup(words[k:p])
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
    name_end = name_chain(st, split, limit=4)
    if name_end - split < 2:
        return None
    role = title_phrase(st, t)
    role = f"{role} {st.span_text(t + 1, split)}" if role else st.span_text(t, split)
    return Mention(split, name_end, "PERSON", "", [role])


def title_phrase(st: EntityDoc, t: int) -> str:
    """The title before a name: "Deputy Transport Minister", "U.S. Secretary of Energy"."""
    lex, words = st.lex, st.words
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


def person_by_apposition(st: EntityDoc, i: int) -> Mention | None:
    """ "Lena Forsyth, acting regional director", "Tomas Varga, the President of ..." """
    lex, words = st.lex, st.words
    if i > 0 and st.namey(i - 1):
        return None
    end = name_chain(st, i, limit=4)
    if end == i or end + 2 >= st.n or words[end] != ",":
        return None
    if st.sent_start(i) and lex.is_common(words[i]) or is_calendar(words[i:end]):
        return None  # "in February, Energy Minister Ana Velk said": a month is nobody
    if any(lex.is_common(w) and w not in lex.first_names for w in words[i:end]) and end - i == 1:
        return None
    k = end + 1
    if words[k] in ("Ph.D.", "Jr.", "Sr.", "PhD", "M.D.") and k + 1 < st.n and words[k + 1] == ",":
        k += 2
    if age_apposition(st, k) and end - i >= 2 and st.lex.lookup(words[i:end]) is None:
        return Mention(i, end, "PERSON", "")  # "Tuan Vo, 57, said": news gives a person's age
    role_start = k
    if k < st.n and words[k].lower() in DETERMINERS:
        k += 1
    for _ in range(6):
        if k >= st.n or words[k] in ROLE_STOP:
            return None
        if words[k] in lex.org_nouns and k + 1 < st.n and words[k + 1] in (",", ".", ";", ")"):
            # "Zelox, the state news agency,": the name is the organisation's
            return Mention(i, end, "ORG", "ORG:" + st.span_text(i, end))
        if words[k].lower() in lex.titles:
            role_end = k + 1
            while role_end < st.n and role_end - role_start < 12 and words[role_end] not in ROLE_STOP \
                    and not words[role_end].isspace() and words[role_end] not in lex.reporting \
                    and words[role_end] not in ROLE_END:
                role_end += 1
            if words[role_start].lower() in DETERMINERS:
                role_start += 1
            return Mention(i, end, "PERSON", "", [st.span_text(role_start, role_end)])
        k += 1
    return None


def age_apposition(st: EntityDoc, k: int) -> bool:
    """Tokens from ``k`` are an age set off by commas (", 57,")."""
    return k + 1 < st.n and st.words[k].isdigit() and len(st.words[k]) <= 3 \
        and 0 < int(st.words[k]) < 120 and st.words[k + 1] in (",", ")")


# Endings of plural names for a people, a side or a movement ("Ionians", "Crusaders",
# "Loyalists"): "the Velkans, who" speaks of many, not of one person.
GROUP_ENDINGS = ("ans", "ers", "ists", "istas", "ites", "ese")


def unknown_person_before(st: EntityDoc, end: int, *, after_place_word: bool) -> Mention | None:
    """A free run of up to three capitalised words ending before ``end`` that no list knows
    as a place, an organisation or a word, read as a person's name: the caller has seen the
    evidence after it ("and her husband", ", who"). A run after "of" or "in" counts only
    with ``after_place_word`` ("supporters of Sok Vanna and her husband")."""
    lex, words = st.lex, st.words
    start = unknown_chain_before(st, end)
    while start < end and (words[start].lower() in STOP_WORDS or lex.is_title(words[start])):
        start += 1  # "The", "Minister": titled people are found by their title
    chain = words[start:end]
    if not 1 <= len(chain) <= 3 or is_calendar(chain) or chain[-1].endswith(GROUP_ENDINGS):
        return None
    before = words[start - 1].lower() if start > 0 else ""
    if before in DETERMINERS or before == "," or not after_place_word and before in (
            "of", "in", "at", "from", "across", "throughout"):
        return None  # "the Velk Union, who", "the people of Orsa, who", "Commander, Orsa, who"
    if lex.lookup(chain) is not None or any(
            lex.lookup([w]) is not None or lex.is_common(w) or lex.people.is_acronym(w)
            or lex.people.heads_org(w) for w in chain):
        return None
    return Mention(start, end, "PERSON", "")


def person_before_kin(st: EntityDoc, k: int) -> None:
    """ "Backers of Chanto Rithy and her husband": a name joined by "and" to "her" or "his"
    and a noun of kin, or kin in the plural ("and his sons"), names that person ("France and
    her allies" takes no noun of kin)."""
    if k < 3 or st.words[k - 1].lower() not in ("her", "his") or st.words[k - 2] != "and":
        return
    person = unknown_person_before(st, k - 2, after_place_word=True)
    if person is not None:
        st.add(person)


def person_before_who(st: EntityDoc, c: int) -> None:
    """ "to stay with Quenby, who had a room": a name set off before "who" is a person's;
    a plural or a known place does not count ("the Velkans, who"; "Orsa, who")."""
    if c + 1 >= st.n or st.words[c + 1] != "who":
        return
    person = unknown_person_before(st, c, after_place_word=False)
    if person is not None:
        st.add(person)


def given_name_and_i(st: EntityDoc, a: int) -> None:
    """ "Teodor and I drove it back": a given name joined by "and" to "I" or "me" names a
    person, even opening a sentence, where a lone capitalised word is no evidence; a small
    town spelled alike yields."""
    if a < 1 or a + 1 >= st.n or st.words[a + 1] not in ("I", "me"):
        return
    g = a - 1
    if st.words[g] not in st.lex.first_names or st.blocked[g] \
            or (g > 0 and st.namey(g - 1) and not st.sent_start(g)):
        return
    held = st.taken[g]
    if held is not None:
        if not held.weak or (held.start, held.end) != (g, a):
            return
        st.remove(held)
    st.add(Mention(g, a, "PERSON", ""))


def people_in_lists(st: EntityDoc) -> None:
    """ "with Jesse Marlo, Tom Oster, and Velo Amrani": an item of two or three unknown
    capitalised words in a list of people is a person too, though its words alone are no
    evidence; two people must stand beside it in the list."""
    for m in sorted((m for m in st.mentions if m.label == "PERSON"), key=lambda m: m.start):
        k = next_item(st, m.end)
        if k is not None:
            end = k
            while end < st.n and end - k < 4 and st.namey(end) and st.taken[end] is None:
                end += 1
            if list_item(st, k, end) and (person_ending(st, previous_item(st, m.start))
                                          or person_starting(st, next_item(st, end))):
                st.add(Mention(k, end, "PERSON", ""))
        e = previous_item(st, m.start)
        if e is not None:
            start = e
            while start > 0 and e - start < 4 and st.namey(start - 1) and st.taken[start - 1] is None:
                start -= 1
            if list_item(st, start, e) and (person_starting(st, next_item(st, m.end))
                                            or person_ending(st, previous_item(st, start))):
                st.add(Mention(start, e, "PERSON", ""))


def next_item(st: EntityDoc, e: int) -> int | None:
    """Start of the list item after a separator at ``e`` (",", "and", ", and")."""
    if e < st.n and st.words[e] == ",":
        e += 1
    elif not (e < st.n and st.words[e] == "and"):
        return None
    if e < st.n and st.words[e] == "and":
        e += 1
    return e if e < st.n else None


def previous_item(st: EntityDoc, s: int) -> int | None:
    """End of the list item before a separator that ends at ``s``."""
    if s > 0 and st.words[s - 1] == "and":
        s -= 1
        if s > 0 and st.words[s - 1] == ",":
            s -= 1
    elif s > 0 and st.words[s - 1] == ",":
        s -= 1
    else:
        return None
    return s if s > 0 else None


def person_starting(st: EntityDoc, k: int | None) -> bool:
    held = st.mention_at(k) if k is not None else None
    return held is not None and held.label == "PERSON" and held.start == k


def person_ending(st: EntityDoc, e: int | None) -> bool:
    held = st.mention_at(e - 1) if e is not None else None
    return held is not None and held.label == "PERSON" and held.end == e


def list_item(st: EntityDoc, start: int, end: int) -> bool:
    """Tokens ``start`` to ``end`` are two or three capitalised words that are a whole list
    item, that no list knows as a place, an organisation or a date, and that are not all
    romanised East Asian syllables."""
    lex, words = st.lex, st.words
    if not 2 <= end - start <= 3 or st.namey(start - 1) or st.namey(end):
        return False
    chain = words[start:end]
    if is_calendar(chain) or lex.lookup(chain) is not None:
        return False
    if all(lex.people.is_syllable(w) for w in chain):
        return False  # "Nha Trang, Cam Ranh, and Da Lat": romanised syllables name places too
    return not any(lex.people.heads_org(w) or lex.people.is_acronym(w) or not w.isalpha()
                   or (lex.lookup([w]) is not None and w not in lex.first_names) for w in chain)
