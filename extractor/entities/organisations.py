"""Organisation names built around a head word: "Ministry of ..." with its "of" phrase and
coordinations, and capitalised words before a head ("Norvian Freight Authority").

In an invented "the Ministry of Roads, Ports and Water said", ``org_by_head`` at
"Ministry" returns the tokens "Ministry of Roads, Ports and Water".
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from .document import EntityDoc
from .gazetteer import Lexicon
from .vocabulary import (
    CALENDAR,
    FOREIGN_ADJECTIVE,
    FOREIGN_NAME_LINKS,
    FOREIGN_ORG_HEADS,
    MAX_NAME,
    ON_HEADS,
    ORDINAL,
    ORG_QUALIFIERS,
    SENTENCE_ADVERBS,
    STATE_WORDS,
    WEAK_HEADS,
)


def org_by_head(st: EntityDoc, i: int) -> tuple[int, int] | None:
    """The organisation name around a head word at ``i`` ("Authority", "Ministry of ..."),
    as a token range, or None."""
    lex, words = st.lex, st.words
    head = words[i]
    end = phrase_after_head(st, i)
    qualified = head in ORG_QUALIFIERS and has_modifier(st, i, ORG_QUALIFIERS[head])
    if end == i + 1 and head not in lex.org_heads and head not in lex.name_tails and not qualified \
            and (head not in lex.legal_forms or words[i - 1] == "-" and st.glued(i)):
        return None  # a legal form ends a name, but is never hyphenated to it ("BY-SA")
    if end == i + 1 and (head in lex.name_tails or head in WEAK_HEADS) and st.namey(end) \
            and not lex.is_title(words[end]) and words[end] not in lex.first_names:
        return None  # "Regional Freight Operations Contract", "Science Letters Open": goes on
    if words[end - 1] in ("of", "for", "the"):
        end = i + 1  # "Department of" with nothing after it
    start = extend_left(st, i, end)
    if end > i + 1 and names_a_second_place(st, start, i, end):
        end = i + 1  # "Nevada State University of the US": the state's country
    if start == i and end == i + 1:
        return None
    if end - start > MAX_NAME:
        return None
    return start, end


def phrase_after_head(st: EntityDoc, i: int) -> int:
    """End of the name at the head ``i`` with the phrase after it: "of" or "for" and a name
    after heads that take them ("Ministry of Oil", "Centre for Coastal Studies"), "on" and a
    field ending in a common word after heads that take it ("Council on Foreign Relations")."""
    lex, words = st.lex, st.words
    end = i + 1
    if end + 1 >= st.n:
        return end
    linker = words[end]
    if not (linker in ("of", "for") and words[i] in lex.of_heads
            or linker == "on" and words[i] in ON_HEADS):
        return end
    k = end + 1
    if words[k] == "the" and st.namey(k + 1):
        k += 1
    if not st.namey(k):
        return end
    tail = of_phrase(st, k)
    if linker == "on" and not lex.is_common(words[tail - 1]):
        return end  # "the Council on Ruritania": a topic, not a field in the name
    return tail


def has_modifier(st: EntityDoc, i: int, modifiers: frozenset[str]) -> bool:
    """One of ``modifiers`` stands in the name before the head at ``i`` ("Greek Orthodox
    Church", "Orlan Space and Rocket Center")."""
    return any(w in modifiers for w in st.words[extend_left(st, i) : i])


def names_a_second_place(st: EntityDoc, start: int, i: int, end: int) -> bool:
    """The phrase after the head at ``i`` is only a place ("of the US"), and a place stands
    in the name before the head already: the phrase locates the body, it is no part of it."""
    words, lex = st.words, st.lex
    k = i + 2 if words[i + 2] != "the" else i + 3
    after = lex.lookup(words[k:end])
    if after is None or after.label != "GPE":
        return False
    for j in range(start, i):
        e = lex.longest_at(words, j)
        if e is not None and e.label == "GPE" and e.tier <= 1 and j + len(e.tokens) <= i:
            return True
    return False


def stops_name(st: EntityDoc, k: int) -> bool:
    """Token ``k`` opens a person's name or a title, which ends an organisation name."""
    w = st.words[k]
    if w in st.lex.honorifics:
        return True
    if w.lower() in st.lex.titles and w not in st.lex.org_heads:
        # "Department of Justice" ends with one; "Ministry of Oil Minister Zanganeh" does not.
        nxt = st.words[k + 1] if k + 1 < st.n else ""
        return st.namey(k + 1) and (nxt in st.lex.first_names or not st.lex.is_common(nxt)
                                    or st.lex.is_title(nxt))
    if w not in st.lex.first_names or not st.namey(k + 1):
        return False
    # A given name that is also a word ("Grace", "Maria") opens a person only before a
    # surname that is none ("University of Orlan Maria Velk"; "Ministry of Grace Affairs").
    nxt = st.words[k + 1]
    return not st.lex.is_common(w) or not st.lex.is_common(nxt) and not st.lex.people.heads_org(nxt) \
        and not st.starts_known(k + 1)


def of_phrase(st: EntityDoc, k: int) -> int:
    """End of "Fisheries, Forests and Water" after "Ministry of"."""
    words, n = st.words, st.n
    conjunct_lengths: list[int] = []
    length = 0
    end = k
    nested = False
    coordinated = False
    while end < n and end - k < MAX_NAME:
        if end > k and is_group(st, end):
            break  # "House of Representatives Republicans": members, not the body
        if st.namey(end) and not stops_name(st, end):
            length += 1
            end += 1
            continue
        w = words[end]
        if w == "-" and st.glued(end) and st.namey(end + 1) and st.glued(end + 1):
            end += 1
            continue
        if w in ("of", "for") and end > k and st.namey(end - 1):
            # "Court for the Western District of Kentucky": a unit of a unit; "Office for
            # the Coordination of Coastal Repairs": a task of a task. A known name
            # after the second "of" belongs to it only when a unit word precedes.
            unit = words[end - 1] in st.lex.of_heads or words[end - 1] in st.lex.org_heads
            nxt = end + 2 if end + 2 < n and words[end + 1] == "the" else end + 1
            if st.namey(nxt) and not stops_name(st, nxt) and (
                    unit or not conjunct_lengths and not coordinated
                    and not st.starts_known(nxt) and not heads_org(st, nxt)):
                end = nxt
                nested = True
                continue
        if w == "," and not nested and st.namey(end + 1) and comma_list_ahead(st, end) \
                and not is_place(st, end - 1):
            conjunct_lengths.append(length)
            length = 0
            end += 1
            continue
        if w in ("and", "&") and st.namey(end + 1) and not stops_name(st, end + 1):
            tail = end + 1
            while tail < n and tail - k < MAX_NAME and st.namey(tail) \
                    and not stops_name(st, tail):
                tail += 1
            if any(words[t] in st.lex.org_heads for t in range(end + 1, tail)):
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


def opens_sentence_name(st: EntityDoc, j: int, i: int, end: int) -> bool:
    """A common word opening a sentence belongs to the organisation name after it when
    more name words follow ("World Steel Association"), the head is a company suffix
    ("Acme Corp."), or the name is the subject of a reporting verb ("Energy Ministry said")."""
    w = st.words[j]
    low = w.lower()
    if low in STOP_WORDS or low in CALENDAR or low.endswith(("ly", "ing")) or low in SENTENCE_ADVERBS:
        return False
    if i - j >= 2 or st.words[i] in st.lex.legal_forms:
        return True
    return end < st.n and st.words[end] in st.lex.reporting


def extend_left(st: EntityDoc, i: int, end: int | None = None) -> int:
    """Start of an organisation name whose head is at ``i``: the name words before it,
    over hyphens, ordinals, "of" after a state word and coordinations of one name."""
    lex, words = st.lex, st.words
    end = i + 1 if end is None else end
    start = i
    j = i - 1
    titled = False  # "Attorney General's Office": titles own the office
    if j >= 1 and words[j] in ("'s", "’s") and st.glued(j) and lex.is_title(words[j - 1]) \
            and st.namey(j - 1):
        titled = True
        j -= 1
    while j >= 0 and i - j < MAX_NAME:
        w = words[j]
        if st.namey(j):
            if lex.is_title(w) and w not in lex.org_heads and not titled and not (
                    j == i - 1 and w[:1].isupper() and not st.namey(i + 1)):
                break  # but "Justice Department": a title word right before the head
            if st.sent_start(j) and (lex.is_common(w) and w not in lex.org_heads
                                      and not st.lex.lookup([w])
                                      and not opens_sentence_name(st, j, i, end)):
                break
            start = j
            if st.sent_start(j):
                break
            j -= 1
            continue
        if w == "-" and st.glued(j + 1) and st.glued(j) and st.namey(j - 1):
            j -= 1
            continue
        if w == "," and j == i - 1 and words[i] in lex.legal_forms and st.namey(j - 1):
            j -= 1  # "Northwind Holdings, Inc."
            continue
        if ORDINAL.match(w) and start == j + 1:
            start = j  # "21st Century Fox"
            break
        if w in ("and", "&") and st.namey(j - 1):
            if coordination_ends_name(st, j, i):
                break
            j -= 1
            continue
        if w == "of" and j > 0 and st.namey(j - 1) and (
                words[j - 1] in STATE_WORDS or words[j - 1] in lex.of_heads):
            j -= 1
            continue
        break
    # A name does not begin with a connector, nor with an article capitalised in a title
    # ("a protest against The Church of the Open Door").
    while start < i and words[start] in ("of", "and", "&", "-", "The"):
        start += 1
    return start


def coordination_ends_name(st: EntityDoc, j: int, i: int) -> bool:
    """The "and" or "&" at ``j`` before the head at ``i`` joins two names rather than
    the words of one ("Harbour and Ports Authority" is one)."""
    lex, words = st.lex, st.words
    w = words[j]
    left = j - 1
    while left > 0 and st.namey(left - 1):
        left -= 1
    conjunct = words[left:j]
    if any(c in lex.org_heads or c in lex.legal_forms for c in conjunct):
        return True
    known = st.lex.lookup(conjunct) if w == "and" else None
    if known is not None and known.label in ("GPE", "ORG", "NORP"):
        return True  # "the U.S. and European Union", "the Journal and New York Post"
    if w == "and" and any(e.label == "GPE" and (e.tier <= 1 or j + 1 + len(e.tokens) == i) and tuple(
            words[j + 1 : j + 1 + len(e.tokens)]) == e.tokens
                          for e in lex.names.get(words[j + 1], ())):
        return True  # "the Daily Ledger and Boston Globe": a place opens a new name
    # "Ministry of Roads and Urban Development and Tabriz Tractor Company": the
    # coordination belongs to the ministry's "of" phrase, not to this name.
    first = left
    while first > 1 and (st.namey(first - 1) or words[first - 1] in ("and", ",")) \
            and left - first < MAX_NAME:
        first -= 1
    while first < left and not st.namey(first):
        first += 1
    return first >= 2 and words[first - 1] == "of" and words[first - 2] in lex.of_heads


def is_group(st: EntityDoc, k: int) -> bool:
    """Token ``k`` alone is a plural nationality or party ("Republicans", "Kurds")."""
    w = st.words[k]
    if not w.endswith("s"):
        return False
    e = st.lex.by_tokens.get((w,))
    return e is not None and e.label == "NORP"


def heads_org(st: EntityDoc, k: int) -> bool:
    """The capitalised words from ``k`` on contain an organisation word ("the White House")."""
    j = k
    while j < st.n and j - k < 4 and st.namey(j):
        if st.words[j] in st.lex.org_heads or st.words[j] in st.lex.of_heads:
            return True
        j += 1
    return False


def is_place(st: EntityDoc, k: int) -> bool:
    """Token ``k`` ends a gazetteer place ("... of Kentucky, ...")."""
    for j in range(max(0, k - 3), k + 1):
        e = st.lex.by_tokens.get(tuple(st.words[j : k + 1]))
        if e is not None and e.label == "GPE" and j + len(e.tokens) == k + 1:
            return True
    return False


def comma_list_ahead(st: EntityDoc, k: int) -> bool:
    """The comma at ``k`` opens a list of names that ends in "and" or "&" and a name."""
    j = k
    while j < st.n and j - k < MAX_NAME:
        if st.words[j] in (",",) and st.namey(j + 1):
            j += 1
            while j < st.n and st.namey(j) and j - k < MAX_NAME:
                j += 1
            continue
        return st.words[j] in ("and", "&") and st.namey(j + 1)
    return False


def foreign_org_at(st: EntityDoc, i: int) -> tuple[int, int] | None:
    """ "Parti Ruritanien", "Front démocratique", "Partei der Arbeit": a foreign head of an
    organisation name with the capitalised words, function words and lower-case foreign
    adjectives after it, as a token range, or None. A head that is also an English word
    ("Front", "Union", "Option") opens such a name only when a word after it is plainly
    foreign: with an accent, a foreign function word or a foreign adjective ending
    ("Coalition Avenir Ruritanie" is not enough, "Union Carbide" stays out)."""
    lex, words, n = st.lex, st.words, st.n
    if words[i] not in FOREIGN_ORG_HEADS or not st.namey(i):
        return None
    english_head = lex.is_common(words[i])
    foreign = False
    end = k = i + 1
    while k < n and k - i < MAX_NAME:
        w = words[k]
        if w in FOREIGN_NAME_LINKS and st.namey(k + 1):
            foreign = True
            k += 1
            continue
        if not w.isalpha() or stops_name(st, k) or lex.is_title(w) or w in lex.org_heads \
                or k + 1 < n and words[k + 1] == "." and st.glued(k + 1):
            break  # "Union Maj. Gen. ...": an abbreviated title
        if st.namey(k):
            foreign = foreign or not english_head or not w.isascii()
        elif w.islower() and looks_foreign(lex, w):
            foreign = True
        else:
            break
        k += 1
        end = k
    if end == i + 1 or not foreign:
        return None
    return i, end


def looks_foreign(lex: Lexicon, word: str) -> bool:
    """A lower-case word that is no English word: no frequent one, and written with an
    accent or with a French, Italian or Spanish adjective ending ("nationale", "populaire",
    "democratico"); an English inflection ("began") has neither."""
    return not lex.is_common(word) and (not word.isascii() or FOREIGN_ADJECTIVE.search(word) is not None)


def name_with_foreign_adjective(st: EntityDoc, i: int) -> tuple[int, int] | None:
    """ "Mérovie solidaire", "Garde républicaine": capitalised name words ending at ``i``
    and a lower-case foreign adjective after them name an organisation, as a token range,
    or None. The adjective is plainly foreign (an accent) or follows a place's or a
    people's name; a French phrase going on ("chargé d'affaires") is a title."""
    lex, words = st.lex, st.words
    k = i + 1
    if k >= st.n or not words[k].islower() or not words[k].isalpha() or st.glued(k) \
            or st.namey(k + 1) or not looks_foreign(lex, words[k]) \
            or k + 1 < st.n and words[k + 1][:2].lower() in ("d'", "d’"):
        return None
    start = i
    while start > 0 and st.namey(start - 1) and i - start < 4 and not st.sent_start(start):
        start -= 1
    while start <= i and (words[start].lower() in STOP_WORDS or lex.is_title(words[start])):
        start += 1  # "The timescale", "This nano": a determiner, no name
    if start > i:
        return None
    if words[k].isascii() and words[start].isascii() and st.lex.longest_at(words, start) is None:
        return None
    return start, k + 1
