"""Companies in press releases: the ticker in "(NYSE: NWH)" after a company's name, and
the company's short form ("Northwind" after "Northwind Holdings, Inc.") are mentions of
that company.

In an invented "Northwind Holdings, Inc. (NYSE: NWH) ... Northwind said", "NWH" and the
later "Northwind" share the key ``ORG:Northwind Holdings, Inc.``.
"""

from __future__ import annotations

import re

from .document import EntityDoc, Mention
from .vocabulary import is_calendar

# Words that make the sentence an award of a contract: the name after "to" is the contractor.
CONTRACT_WORDS = {"contract", "contracts", "subcontract", "subcontracts", "awarded"}
# Lower-case nouns of a kind of organisation that name the organisation right after them
# ("the company Veltrix", "the union, Velmora,"): the name model's apposition nouns and
# "union", less those that also name a person's work ("producer", "publisher", "maker") or a
# place ("site", "shelter", "portal"), and the school nouns (a school's name is its own).
_LEFT_OUT = {"producer", "publisher", "maker", "site", "shelter", "portal", "paper",
             "university", "institute"}
# "NWH", "BRK.B": a ticker symbol as exchanges list it.
_TICKER = re.compile(r"^[A-Z]{1,5}(?:\.[A-Z])?$")


def ticker_definitions(st: EntityDoc) -> dict[str, Mention]:
    """ "Northwind Holdings, Inc. (NYSE: NWH; TSX: NWH.U)": each ticker after an exchange
    and a colon in parentheses right after an organisation names it from here on."""
    words = st.words
    defined: dict[str, Mention] = {}
    for i in range(1, st.n - 4):
        if words[i] != "(":
            continue
        org = st.mention_at(i - 1)
        if org is None or org.label != "ORG" or org.end != i:
            continue
        k = i + 1
        while k + 2 < st.n and st.namey(k) and words[k + 1] == ":" and _TICKER.match(words[k + 2]):
            ticker = Mention(k + 2, k + 3, "ORG", org.key or "ORG:" + st.span_text(org.start, org.end))
            org.key = ticker.key
            if st.add(ticker):
                defined.setdefault(words[k + 2], ticker)
            k += 3
            if words[k] not in (";", ","):
                break
            k += 1
    return defined


def short_forms(st: EntityDoc) -> None:
    """ "Northwind said" after "Northwind Holdings, Inc.": the first word of a company name
    that ends in a legal form or company word names the company alone, where it stands
    apart from other name words and is no common word, given name or known name."""
    lex, words = st.lex, st.words
    firsts: dict[str, Mention] = {}
    for m in st.mentions:
        if m.label != "ORG" or m.end - m.start < 2 or words[m.end - 1] not in lex.legal_forms:
            continue
        w = words[m.start]
        if w in firsts or not st.namey(m.start) or lex.is_common(w) or w in lex.first_names \
                or lex.lookup([w]) is not None or w in lex.legal_forms or lex.is_title(w):
            continue
        if not m.key:
            m.key = "ORG:" + st.span_text(m.start, m.end)
        firsts[w] = m
    if not firsts:
        return
    for i, w in enumerate(words):
        company = firsts.get(w)
        if company is None or i < company.end or st.taken[i] is not None or not st.namey(i) \
                or st.namey(i + 1) or (st.namey(i - 1) and not st.sent_start(i)):
            continue
        st.add(Mention(i, i + 1, "ORG", company.key))


def contract_recipients(st: EntityDoc) -> None:
    """ "the contract went to Harlow and Pike of Tesh City": in a sentence awarding a
    contract, the capitalised name after "to" and before "of" and a place is the
    contractor, a firm, even when it coordinates two surnames; a weak small-town reading
    of one of its words ("Pike") gives way."""
    words = st.words
    for j in range(st.n - 3):
        if words[j] != "to" or not contract_sentence(st, j):
            continue
        k = j + 2 if words[j + 1] == "the" else j + 1
        end = firm_name_end(st, k)
        if end is None or end + 1 >= st.n or words[end] != "of":
            continue
        place = st.mention_at(end + 1)
        if place is None or place.label != "GPE" or place.start != end + 1:
            continue
        held = st.held_in(k, end)
        if any(not m.weak for m in held):
            continue
        for m in held:
            st.remove(m)
        st.add(Mention(k, end, "ORG", "ORG:" + st.span_text(k, end)))


def contract_sentence(st: EntityDoc, j: int) -> bool:
    """A contract word stands before token ``j`` in its sentence."""
    k = j - 1
    while k >= 0 and j - k < 40:
        if st.words[k].lower() in CONTRACT_WORDS:
            return True
        if st.starts_sentence[k]:
            return False
        k -= 1
    return False


def firm_name_end(st: EntityDoc, k: int) -> int | None:
    """End of the capitalised name from ``k`` that may be a firm's ("Harlow and Pike",
    "Tesh Valley Builders"): no given name opens it, "and" or "&" joins name words; or
    None."""
    lex, words = st.lex, st.words
    if not st.namey(k) or words[k] in lex.first_names or lex.is_title(words[k]):
        return None
    end = k
    while end < st.n and end - k < 6:
        if st.namey(end):
            end += 1
        elif words[end] in ("and", "&") and end > k and st.namey(end + 1):
            end += 1
        else:
            break
    return end


def named_after_org_noun(st: EntityDoc) -> None:
    """ "the Ruritanian company Veltrix announced", "construction firm Tallin and Pike won",
    "the largest union, Velmora, said": a capitalised name right after a lower-case noun of
    a kind of organisation, or set off by commas after it, is that organisation, unless a
    given name or a title opens it or it is a known place."""
    lex, words = st.lex, st.words
    nouns = (lex.org_nouns | {"union"}) - _LEFT_OUT
    for i in range(st.n - 1):
        if words[i] not in nouns:
            continue
        apposed = words[i + 1] == ","
        k = i + 2 if apposed else i + 1
        end = firm_name_end(st, k)
        if end is None or not st.free(k, end) or is_calendar(words[k:end]) \
                or lex.lookup(words[k:end]) is not None:
            continue
        if end < st.n and (words[end] in ("-", "of", "for", "on") or apposed and words[end] != ","):
            continue  # "the group Party for a Free ...": a longer name; "the firm, Velk and": a list
        st.add(Mention(k, end, "ORG", "ORG:" + st.span_text(k, end)))
