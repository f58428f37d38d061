"""``facts_quotations``: direct and reported speech, with the speaker resolved.

Direct speech is what stands between paired quotation marks (``extractor.quotations.marks``)
next to a reporting verb ("“...,” he said", "X said: “...”", "according to X, “...”"), a
quotation continuing the previous one ("“...,” said X. “...”"), or a block quote introduced
by "X writes:". Reported speech is "X said (that) ...", "..., X said", "according to X,
...", "..., adding that ...": ``direct: false``, the content without "that" and without
the final punctuation. Short quoted words that are not speech (mottos, scare quotes,
titles) go to ``doc.spans["facts_terms"]``. Speakers are resolved by
``extractor.quotations.speakers`` against the entities of the document.

Spans go to ``doc.spans["facts_quotations"]`` with ``span._.facts_quotation``
(see :mod:`extractor.extensions`).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..extensions import BOILERPLATE, QUOTATIONS, TERMS, doc_text, ensure_extensions
from ..payloads import QuotationPayload, as_extent
from ..lexicon import alternation, shared, word_set
from .lexicon import FILES, Cue, SpeechLexicon
from .marks import QuotePair, pair_quotes
from .mentions import EntityMentions
from .phrases import Phrase, PhraseReader
from ..layout.component import layout_of
from ..layout.model import Layout
from ..names import load_gender_detector
from .speakers import SpeakerResolver

_TERMINAL = ".!?\u2026"
_WORD = re.compile(r"[\w\u00c0-\u024f][\w\u00c0-\u024f'\u2019.-]*")
_QUOTE_CHARS = "\"\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb'"
# A clause cannot start with these right after a bare "said": "said in", "said to".
_NOT_CLAUSE = frozenset({"to", "by", "in", "on", "at", "with", "for", "of", "and", "or", "but",
                         "as", "so", "from", "than", "about", "after", "before", "during",
                         "nothing", "something", "anything", "hello", "goodbye", "yes", "no",
                         "thanks", "sorry", "amen", "otherwise", "earlier", "later", "so."})
_MAX_CUES_PER_SENTENCE = 24
_POSTPOSED_TAIL = re.compile(r"\s*(?:[.!?\u201d\"]|$|,\s*(?:[a-z]+ing|according)\b)|\s+(?:citing|quoting)\b")
# A finite verb somewhere early in a bare reported clause ("added the plant was closed").
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|"
                     r"did|does|do|shall|\w{3,}ed)\b")
_TOLD_OBJECT = re.compile(r"\s+(?:reporters|journalists|lawmakers|parliament|the\s+\w+|him|her|them|us|me|"
                          r"[A-Z][\w.&'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w.&'\u2019-]*){0,4})(?=\s)")
_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas)\s|;\s")
# What may precede the speaker's name after a closing mark: lower-case modifiers ("union
# leader X said") or an appositive role ("the mayor, X, said").
_POST_LEAD = re.compile(r"(?:[a-z][\w-]*\s+){1,3}|(?:(?:the|a|an|The)\s+)?(?:[\w'\u2019.-]+\s+){0,5}[\w'\u2019.-]+,\s*")
_PREV_WORD = re.compile(r"(?<![\w'\u2019-])([A-Za-z][\w'\u2019-]*)\s+$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b")
# Verbs that take a person before the that-clause ("told reporters that", "warned investors that").
_OBJECT_THAT = word_set("quotations/object_that_verbs.txt")
# Words that open an adjunct between a reporting verb and its "that" ("said in a statement that").
_ADJUNCT_OPENERS = frozenset({"to", "in", "on", "at", "during", "after", "before", "for", "with", "from",
                              "via", "through", "over", "earlier", "later", "last", "this", "yesterday",
                              "today", "tonight", "again", "also", "while", "when", "under", "amid",
                              "following", "since", "within", "among", "without", "by", "that", "as",
                              "once", "then", "further", "recently", "previously", "here", "there",
                              "separately", "too", "instead", "however", "both", "not"}) | shared.weekday_words()
_RELAY_LEAD = re.compile(r"\s*,\s*(?=[A-Za-z])")
_CITING = re.compile(r"\s*,?\s*(?:citing|quoting)\s")  # "according to X, citing Y"
_COMMA_BEFORE = re.compile(r"[,:]\s*$")
_NOUN_FOLLOWERS = frozenset({"by", "of", "from", "about"})
_FRAGMENT_WORDS = 5  # at most this many quoted words may be a fragment of a reported clause
_PP_WORDS = frozenset({"of", "at", "for", "in", "with", "from", "by"})
_DETERMINERS_PP = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
_PHRASE_STOPS = frozenset({"that", "which", "who", "whom", "whose", "and", "or", "but", "as", "if",
                           "is", "are", "was", "were", "has", "have", "had", "will", "would"})
_CAP_RUN = r"[A-Z][\w.&'\u2019-]*(?:\s+(?:(?:of|and|for|on|the|&)\s+)*[A-Z][\w.&'\u2019-]*){0,6}"
_OWNER_REACH = 3000  # characters back to look for who issued "the report"
_THAT_REACH = 16  # words a reporting verb may stand from its "that" ("pointed out to X ... that")


@dataclass
class Attribution:
    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None = None
    phrase: Phrase | None = None
    anchor: int = 0
    source: "Attribution | None" = None  # a continuation takes its speaker from here
    speaker: str | None = None
    mention: tuple[int, int] | None = None
    ref: tuple[int, int] | None = None
    partial: bool = False  # the cue stands apart from the marks ("reports the area as “...”")


@dataclass
class CueMatch:
    start: int
    end: int
    cue: Cue | None  # None for "according to"

    @property
    def according(self) -> bool:
        return self.cue is None


class QuotationRecognizer:
    """Finds quotations and quoted terms; rules come from a lexicon directory."""

    def __init__(self, nlp: Language, name: str = "facts_quotations", *,
                 lexicon: str | None = None, min_quote_words: int = 5) -> None:
        self.name = name
        self.min_quote_words = min_quote_words
        self._load(lexicon)
        # The given-name lexicon takes about a second to build: pay it here, not on the
        # first document.
        load_gender_detector()
        ensure_extensions()

    def _load(self, directory: str | Path | None) -> None:
        self.lex = SpeechLexicon(directory)
        self.reader = PhraseReader(self.lex)
        docs = alternation(self.lex.documents)
        # Who issued a document named before: "X's complaint", "a report published by X".
        self._owned_document = re.compile(
            rf"(?P<owner>{_CAP_RUN})['\u2019]s\s+(?:[a-z-]+\s+){{0,2}}(?P<doc>{docs})(?![\w-])"
            rf"|(?<![\w-])(?P<doc2>{docs})\s+(?:[a-z]+\s+){{0,2}}(?:by|from)\s+(?:the\s+)?(?P<owner2>{_CAP_RUN})")

    # -- spaCy ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        quotes, terms = self.find(doc)
        spans = []
        for q in quotes:
            span = doc.char_span(q.start, q.end, alignment_mode="contract")
            if span is None or not span.text.strip():
                continue
            span._.facts_quotation = QuotationPayload(
                q.direct, q.speaker, as_extent(q.mention), as_extent(q.ref), as_extent(q.cue))
            spans.append(span)
        term_spans = [s for s in (doc.char_span(a, b, alignment_mode="contract") for a, b in terms)
                      if s is not None and s.text.strip()]
        doc.spans[QUOTATIONS] = spans
        doc.spans[TERMS] = term_spans
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.copyfile(self.lex.files[name], path / name)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "QuotationRecognizer":
        self._load(ensure_path(path))
        return self

    # -- the work ---------------------------------------------------------------------
    def find(self, doc: Doc) -> tuple[list[Attribution], list[tuple[int, int]]]:
        text = doc_text(doc)
        if not text.strip():
            return [], []
        layout = layout_of(doc)
        paragraphs = layout.paragraphs
        boiler = [(s.start_char, s.end_char) for s in doc.spans[BOILERPLATE]] \
            if BOILERPLATE in doc.spans else []
        pairs = [p for p in pair_quotes(text, paragraphs)
                 if not any(a <= p.start and p.end <= b for a, b in boiler)]
        cues = [CueMatch(m.start(), m.end(), None if m.group("according") else self.lex.cue(m.group()))
                for m in self.lex.cue_re.finditer(text)
                if not any(a <= m.start() < b for a, b in boiler)]
        cues = [c for c in cues if c.cue is None or not self._noun_use(text, c)]
        cues = _with_quoted_by(cues, [CueMatch(m.start(), m.end(), self.lex.quoted_by_cue)
                                      for m in self.lex.quoted_by_re.finditer(text)
                                      if not any(a <= m.start() < b for a, b in boiler)])
        mentions = EntityMentions.of_doc(doc)
        reader = self.reader.for_mentions(mentions)
        ctx = _Context(self, reader, text, layout, pairs, cues)
        direct, terms = ctx.direct_quotes()
        direct += ctx.block_quotes(direct)
        reported, embedded = ctx.reported_speech(direct)
        if embedded:
            # A few quoted words inside a longer reported clause are part of it, not speech
            # of their own: they stay as a quoted term.
            direct = [a for a in direct if id(a) not in embedded]
            terms = sorted(terms + [(embedded[k].start, embedded[k].end) for k in embedded])
        found = _nest(sorted(direct + reported, key=lambda a: (a.start, -a.end)))
        if found:
            self._resolve(SpeakerResolver(reader, text, mentions), found, text)
        return found, terms

    def _noun_use(self, text: str, c: "CueMatch") -> bool:
        """A verb form that is a noun here: "Preliminary reports by X say", "the claims"."""
        if c.cue.tense not in ("s", "base"):
            return False
        before = _PREV_WORD.search(text, max(0, c.start - 24), c.start)
        if before and before.group(1).lower() in self.lex.noun_modifiers:
            return True
        after = _NEXT_WORD.match(text, c.end)
        if after:
            word = after.group(1)
            if word in _NOUN_FOLLOWERS:
                return True
            nxt = self.lex.cue(word)
            if nxt is not None and nxt.tense in ("s", "past", "base") and word.islower():
                return True  # "reports say", "claims suggest"
        return False

    def _resolve(self, resolver: SpeakerResolver, found: list[Attribution], text: str) -> None:
        named = []
        for a in found:
            if a.phrase is not None and a.phrase.kind == "name" and a.phrase.name is not None:
                linked = resolver.link_name(a.phrase.name)
                if linked is not None:
                    named.append((a.phrase.start, linked[0]))
        resolver.named_speakers = sorted(named, key=lambda x: x[0])
        for a in sorted(found, key=lambda a: (a.anchor, a.start)):
            if a.source is not None:
                src = a.source
                while src.source is not None and src.source is not src:
                    src = src.source
                a.phrase, a.cue = src.phrase, src.cue
            if a.phrase is None:
                continue
            if a.phrase.kind == "document":
                res = self._document_speaker(resolver, a.phrase, text)
                a.speaker, a.ref = res.speaker, res.ref
                a.mention = (a.phrase.start, a.phrase.end)
                continue
            res = resolver.resolve(a.phrase, a.anchor)
            a.speaker, a.ref = res.speaker, res.ref
            a.mention = (a.phrase.start, a.phrase.end)


    def _document_speaker(self, resolver: SpeakerResolver, phrase: Phrase, text: str):
        """A document speaks for its owner: the one the phrase names, else the one named with
        the same kind of document shortly before ("the SEC's complaint ... The complaint"),
        else no one."""
        name = phrase.name
        if name is None:
            last = None
            for m in self._owned_document.finditer(text, max(0, phrase.start - _OWNER_REACH), phrase.start):
                doc = (m.group("doc") or m.group("doc2")).lower()
                if re.sub(r"\s+", " ", doc) == phrase.head:
                    last = m
            if last is not None:
                key = "owner" if last.group("owner") else "owner2"
                toks = resolver.reader.tokens(text, last.start(key), last.end(key))
                owner = resolver.reader.classify(text, toks) if toks else None
                if owner is not None and owner.kind in ("name", "org"):
                    name = owner.name
        if name is None:
            return resolver.resolve(None, phrase.start)
        kind = "name" if name.label == "PERSON" else "org"
        return resolver.resolve(Phrase(name.start, name.end, kind, name=name), phrase.start)


def _with_quoted_by(cues: list[CueMatch], quoted_by: list[CueMatch]) -> list[CueMatch]:
    """Merge the "was quoted by X as saying" cues in, dropping the cues they contain."""
    if not quoted_by:
        return cues
    out, k = [], 0
    for c in cues:
        while k < len(quoted_by) and quoted_by[k].end <= c.start:
            out.append(quoted_by[k])
            k += 1
        if k < len(quoted_by) and quoted_by[k].start <= c.start < quoted_by[k].end:
            continue
        out.append(c)
    out.extend(quoted_by[k:])
    return out


def _nest(found: list[Attribution]) -> list[Attribution]:
    """Drop duplicates and spans that cross an earlier one (spans may nest, never cross)."""
    out: list[Attribution] = []
    stack: list[Attribution] = []
    seen = set()
    for a in found:
        if (a.start, a.end) in seen or a.end <= a.start:
            continue
        while stack and stack[-1].end <= a.start:
            stack.pop()
        if stack and a.end > stack[-1].end:
            continue  # crosses the enclosing span
        seen.add((a.start, a.end))
        out.append(a)
        stack.append(a)
    return out


class _Context:
    """One document's working state."""

    def __init__(self, rec: QuotationRecognizer, reader: PhraseReader, text: str, layout: Layout,
                 pairs: list[QuotePair], cues: list[CueMatch]) -> None:
        self.rec, self.lex, self.reader = rec, rec.lex, reader
        self.text, self.layout = text, layout
        self.pairs = pairs
        self.top = [p for p in pairs if p.depth == 0]
        self.cues = cues
        self._cue_starts = [c.start for c in cues]

    # -- helpers ----------------------------------------------------------------------
    def cues_between(self, start: int, end: int) -> list[CueMatch]:
        from bisect import bisect_left

        k = bisect_left(self._cue_starts, start)
        out = []
        while k < len(self.cues) and self.cues[k].start < end:
            out.append(self.cues[k])
            k += 1
            if len(out) >= _MAX_CUES_PER_SENTENCE:
                break
        return out

    def words(self, start: int, end: int) -> int:
        return sum(1 for _ in _WORD.finditer(self.text, start, end))

    def clause_start(self, sentence_start: int, limit: int) -> int:
        """Where a sentence's own words begin: after a dateline and leading space."""
        text = self.text
        pos = sentence_start
        dateline = self.layout.dateline
        if dateline is not None and dateline.start == pos and dateline.end <= limit:
            pos = dateline.end
        while pos < limit and text[pos].isspace():
            pos += 1
        return pos

    def subject(self, cue: CueMatch, floor: int) -> Phrase | None:
        ss, _ = self.layout.sentence(cue.start)
        cs = self.clause_start(ss, cue.start)
        # The dateline is no part of the subject: "PLACE (date) - The agency announced".
        return self.reader.subject_before(self.text, max(floor, cs), cue.start, cs)

    def main_subject(self, before: int, floor: int) -> Phrase | None:
        """The speaker of the clause a participle ("adding", "noting") hangs on."""
        ss, _ = self.layout.sentence(before)
        floor = max(ss, floor)
        for c in reversed(self.cues_between(floor, before)):
            if c.cue is not None and c.cue.tense != "ing":
                p = self.subject(c, floor)
                if p is not None:
                    return p
        toks = self.reader.tokens(self.text, floor, before)
        for k, t in enumerate(toks[:40]):
            if t.low in ("he", "she", "they") and len(t.text) <= 4:
                return self.reader._pronoun(t)
            if t.cap and k > 0 and t.text.isalpha():
                run = [t]
                for u in toks[k + 1:k + 5]:
                    if u.cap:
                        run.append(u)
                    else:
                        break
                p = self.reader.classify(self.text, run)
                if p is not None and p.kind == "name":
                    return p
        return None

    def content_end(self, start: int, sentence_end: int, stops: list[int]) -> int:
        """End of a reported clause: the sentence end, a participle or a later attribution."""
        end = sentence_end
        for s in stops:
            if start < s < end:
                end = s
        return self.trim_end(start, end)

    def trim_end(self, start: int, end: int) -> int:
        text = self.text
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if end > start and text[end - 1] in "\u201d\"":
            # a stray closing mark at the end of a paragraph with no opener
            end -= 1
        while end > start and text[end - 1] in _TERMINAL:
            end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return end

    # -- direct speech ----------------------------------------------------------------
    def direct_quotes(self) -> tuple[list[Attribution], list[tuple[int, int]]]:
        out: list[Attribution] = []
        terms: list[tuple[int, int]] = []
        prev: Attribution | None = None
        prev_pair: QuotePair | None = None
        by_pair: dict[int, Attribution] = {}
        for pair in self.top:
            content = (pair.start, pair.end)
            if pair.end - pair.start < 1 or not self.text[pair.start:pair.end].strip():
                continue
            att = self.attribute_direct(pair, prev_pair)
            nwords = self.words(*content)
            inner = self.text[pair.start:pair.end].rstrip()
            terminal = bool(inner) and inner[-1] in _TERMINAL + ",?!"
            if pair.open is not None and self._is_term(pair, att, nwords, terminal):
                terms.append(content)
                continue
            if pair.unopened and att is None:
                continue
            if att is None:
                src = self._continuation_source(pair, prev, prev_pair)
                if src is None and nwords < self.rec.min_quote_words:
                    terms.append(content)
                    continue
                att = Attribution(pair.start, pair.end, True, anchor=pair.start, source=src)
            out.append(att)
            by_pair[id(pair)] = att
            prev, prev_pair = att, pair
        # A quotation that runs over paragraphs shares one attribution.
        for pair in self.top:
            if pair.next is not None and id(pair) in by_pair and id(pair.next) in by_pair:
                a, b = by_pair[id(pair)], by_pair[id(pair.next)]
                if a.phrase is None and b.phrase is not None and a.source is None:
                    a.source = b
                elif b.phrase is None and a.phrase is not None:
                    b.source = a
        return out, terms

    def _is_term(self, pair: QuotePair, att: Attribution | None, nwords: int, terminal: bool) -> bool:
        text = self.text
        if self.lex.term_cue_re.search(text, max(0, pair.open - 60), pair.open):
            return not terminal or nwords <= 4
        if terminal or nwords > 4:
            if att is None and not terminal:
                words = _WORD.findall(text, pair.start, pair.end)
                caps = sum(1 for w in words if w[0].isupper())
                return caps * 10 >= len(words) * 7  # a title in Title Case
            return False
        # Short words with no speaker in sight are a scare quote or a name; with a
        # speaker in the sentence they are that speaker's words ("said she was “shocked”").
        return att is None

    def _continuation_source(self, pair: QuotePair, prev: Attribution | None,
                             prev_pair: QuotePair | None) -> Attribution | None:
        if prev is None or prev_pair is None or pair.open is None:
            return None
        if pair.prev is not None:
            return prev
        pi = self.layout.paragraph_index(pair.open)
        qi = self.layout.paragraph_index(prev_pair.start)
        if pi == qi:
            return prev
        if pi == qi + 1 and pair.open == self.layout.paragraphs[pi][0]:
            return prev
        return None

    def attribute_direct(self, pair: QuotePair, prev_pair: QuotePair | None) -> Attribution | None:
        post = self._post_attribution(pair) if pair.close is not None else None
        pre = self._pre_attribution(pair, prev_pair) if pair.open is not None else None
        inner = self.text[pair.start:pair.end].rstrip()
        if post is not None and (pre is None or (inner and inner[-1] in ",?!\u2014-")
                                 or pre.partial):
            return post
        return pre or post

    def _post_attribution(self, pair: QuotePair) -> Attribution | None:
        text = self.text
        pos = pair.close + 1
        ss, se = self.layout.sentence(pair.close)
        if se <= pos:
            return None
        limit = min(se, pos + 240)
        for p in self.top:
            if pos <= (p.open if p.open is not None else p.start) < limit:
                limit = p.open
                break
        m = re.compile(r"[\s,.!?\u2014\u2013-]*").match(text, pos, limit)
        start = m.end() if m else pos
        for c in self.cues_between(start, limit)[:3]:
            if c.according:
                continue
            if text[start:c.start].strip() == "":
                # "..." said X  (inverted)
                phrase = self.reader.phrase_after(text, c.end, se)
                if phrase is None:
                    return None
                return Attribution(pair.start, pair.end, True, (c.start, c.end), phrase, anchor=c.start)
            phrase = self.reader.subject_before(text, start, c.start, start)
            lead = text[start:phrase.start] if phrase is not None else ""
            if phrase is not None and (len(lead) <= 2 or _POST_LEAD.fullmatch(lead)):
                return Attribution(pair.start, pair.end, True, (c.start, c.end), phrase, anchor=c.start)
            return None
        return None

    def _pre_attribution(self, pair: QuotePair, prev_pair: QuotePair | None) -> Attribution | None:
        text = self.text
        ss, _ = self.layout.sentence(pair.open)
        floor = ss
        if prev_pair is not None and prev_pair.close is not None and prev_pair.close < pair.open:
            floor = max(floor, prev_pair.close + 1)
        floor = max(floor, pair.open - 400)
        cues = self.cues_between(floor, pair.open)
        for c in reversed(cues):
            gap = text[c.end:pair.open]
            adjacent = re.fullmatch(r"\s*(?:" + self.lex.adverbial_re.pattern + r")?\s*(?:that\s*)?[,:]?\s*", gap) \
                is not None
            if c.according:
                phrase, after = self._according_phrase(c.end, pair.open)
                if phrase is None:
                    continue
                att = Attribution(pair.start, pair.end, True, (c.start, c.end), phrase, anchor=c.start)
                att.partial = not adjacent and text[after:pair.open].strip() not in ("", ",")
                return att
            if c.cue.tense == "ing":
                phrase = self.main_subject(c.start, floor)
            else:
                phrase = self.subject(c, floor)
                if phrase is None:
                    # "..., said X: “...”"
                    after = self.reader.phrase_after(text, c.end, pair.open)
                    if after is not None and adjacent is False and re.search(r"[,:]\s*$", gap):
                        phrase = after
            if phrase is None:
                continue
            att = Attribution(pair.start, pair.end, True, (c.start, c.end), phrase, anchor=c.start)
            att.partial = not adjacent
            return att
        return None

    def _according_phrase(self, pos: int, limit: int) -> tuple[Phrase | None, int]:
        """The source after "according to" and where the reported clause starts."""
        text = self.text
        toks = self.reader.tokens(text, pos, min(limit, pos + 320))
        k = 0
        out = []
        while k < len(toks):
            t = toks[k]
            if t.text == ",":
                # an organisation's list of names ("Ministry of Fisheries, Forests and Water")
                rest = toks[k + 1:k + 6]
                if rest and rest[0].cap and any(u.low == "and" for u in rest) and all(
                        u.cap or u.low in ("and", "of", "the") for u in rest[:rest.index(next(u for u in rest if u.low == "and")) + 2]
                        if u is not None):
                    out.append(t)
                    k += 1
                    continue
                if out and toks[k + 1:k + 2] and (toks[k + 1].low in ("the", "a", "an") or toks[k + 1].low
                                                   in self.lex.roles) and not out[-1].low in self.lex.roles:
                    # an appositive: "X, the spokesman of Y,"
                    out.append(t)
                    k += 1
                    continue
                break
            if t.text in ";:\u2014\u2013\"\u201c\u201d":
                break
            if t.text == "(" and out:
                m = k + 1
                while m < len(toks) and toks[m].text != ")" and m - k < 14:
                    m += 1
                if m < len(toks) and toks[m].text == ")":
                    out.extend(toks[k:m + 1])
                    k = m + 1
                    continue
                break
            if t.text.islower() and out and (t.low in self.lex.documents or out[-1].low in _PP_WORDS or (
                    out[-1].low in _DETERMINERS_PP and len(out) > 1 and out[-2].low in _PP_WORDS)):
                j = self._lowercase_object_end(toks, k)
                if j > k:
                    # "according to head of the country's customs office (X)": the object of
                    # a preposition in lower case, up to the punctuation that ends the source
                    out.extend(toks[k:j])
                    k = j
                    continue
            if not (t.cap or t.text in "()" or t.low in _PHRASE_WORDS or t.low in self.lex.roles
                    or t.low in self.lex.generic or t.low in self.lex.data_sources
                    or (out and out[0].low in ("the", "a", "an") and t.text.islower() and len(out) < 6
                        and k + 1 < len(toks) and (toks[k + 1].cap or toks[k + 1].low in self.lex.roles
                                                   or toks[k + 1].low in self.lex.generic))):
                break
            out.append(t)
            k += 1
            if len(out) > 40:
                return None, pos
        while out and (out[-1].text == "," or out[-1].low in ("and", "of", "the", "a")):
            out.pop()
        if not out:
            return None, pos
        if any(t.low in self.lex.data_sources and not t.cap for t in out) and not any(
                t.low in self.lex.roles or t.low in self.lex.generic for t in out):
            return None, pos
        phrase = self.reader.classify(text, out)
        if phrase is None or phrase.kind == "org" and self._document_of(out) is not None:
            phrase = self._document_of(out)
        if phrase is None:
            return None, pos
        after = out[-1].end
        m = re.compile(r"\s+(?:and|or)\s+(?:[\w-]+\s+){0,3}[\w-]+\s*,\s*").match(text, after, limit)
        if m and not self.cues_between(after, m.end()):
            return phrase, m.end()  # "according to Radio Nord and press agencies, ..."
        m = re.compile(r"\s*,?\s*").match(text, after)
        return phrase, (m.end() if m else after)

    # -- block quotes -----------------------------------------------------------------
    def block_quotes(self, direct: list[Attribution]) -> list[Attribution]:
        text = self.text
        out = []
        paras = self.layout.paragraphs
        covered = [(a.start, a.end) for a in direct]
        for k, (ps, pe) in enumerate(paras[:-1]):
            if text[pe - 1] != ":":
                continue
            cues = self.cues_between(max(ps, pe - 120), pe)
            if not cues:
                continue
            c = cues[-1]
            if not re.fullmatch(r"(?:\s*\[[^\]\n]{0,24}\])*\s*(?:\w+ly\s*)?(?:that\s*)?:", text[c.end:pe]):
                continue
            if c.according:
                continue
            phrase = self.main_subject(c.start, ps) if c.cue.tense == "ing" else self.subject(c, ps)
            if phrase is None:
                continue
            qs, qe = paras[k + 1]
            if text[qs] in _QUOTE_CHARS or any(a < qe and qs < b for a, b in covered):
                continue
            out.append(Attribution(qs, qe, True, (c.start, c.end), phrase, anchor=c.start))
        return out

    # -- reported speech --------------------------------------------------------------
    def reported_speech(self, direct: list[Attribution]) -> list[Attribution]:
        text = self.text
        out: list[Attribution] = []
        # A cue standing apart from the marks it attributes ("said that while X, print
        # “remained weak” and ...") also reports the clause around them.
        used = {a.cue for a in direct if a.cue is not None and not a.partial}
        inside = sorted((a.start, a.end) for a in direct)
        direct_spans = sorted((a.start, a.end) for a in direct)
        from bisect import bisect_right

        istarts = [s for s, _ in inside]

        def in_quote(pos: int) -> bool:
            k = bisect_right(istarts, pos) - 1
            return k >= 0 and inside[k][0] <= pos < inside[k][1]

        by_sentence: dict[tuple[int, int], list[CueMatch]] = {}
        for c in self.cues:
            if (c.start, c.end) in used or in_quote(c.start):
                continue
            sent = self.layout.sentence(c.start)
            lst = by_sentence.setdefault(sent, [])
            if len(lst) < _MAX_CUES_PER_SENTENCE:
                lst.append(c)
        embedded: dict[int, Attribution] = {}
        for (ss, se), cues in by_sentence.items():
            found = self._reported_in_sentence(ss, se, cues)
            for a in found:
                fragments = self._embedded_fragments(a, direct)
                if fragments:
                    embedded.update((id(d), d) for d in fragments)
                    out.append(a)
                    continue
                if any(a.start <= s < a.end and (e >= a.end or 2 * (e - s) > a.end - a.start
                                                  or self.words(e, a.end) < 3)
                       for s, e in direct_spans if (s, e) != (a.start, a.end)):
                    continue  # the reported clause ends in a direct quotation: keep that one
                # (a few quoted words inside a longer reported clause nest in it)
                if any(s <= a.start and a.end <= e for s, e in direct_spans):
                    continue
                if a.end - a.start < 2 or self.words(a.start, a.end) < 3:
                    continue
                out.append(a)
        return out, embedded

    def _embedded_fragments(self, a: Attribution, direct: list[Attribution]) -> list[Attribution]:
        """Short quoted words inside reported clause ``a`` that have no attribution of their
        own ("said the outlook was “highly uncertain.”"), when the clause says more than they do."""
        from bisect import bisect_left

        k = bisect_left(self._direct_starts(direct), a.start)
        inside = []
        quoted_words = 0
        for d in self._direct_sorted[k:k + 8]:
            if d.start >= a.end:
                break
            if d.end > a.end + 3:
                return []  # the clause ends inside the quotation: the quotation is the speech
            if d.source is not None or not (d.cue is None or d.cue == a.cue):
                return []
            n = self.words(d.start, d.end)
            if n > _FRAGMENT_WORDS:
                return []
            quoted_words += n
            inside.append(d)
        if not inside or self.words(a.start, a.end) - quoted_words < max(4, quoted_words):
            return []
        return inside

    def _direct_starts(self, direct: list[Attribution]) -> list[int]:
        if getattr(self, "_direct_key", None) is not direct:
            self._direct_key = direct
            self._direct_sorted = sorted(direct, key=lambda d: d.start)
            self._direct_start_list = [d.start for d in self._direct_sorted]
        return self._direct_start_list

    def _reported_in_sentence(self, ss: int, se: int, cues: list[CueMatch]) -> list[Attribution]:
        text = self.text
        cs = self.clause_start(ss, se)
        # Where a quotation closes inside the sentence, the clause before it is not reported.
        floor = cs
        for p in self.top:
            if p.close is not None and cs <= p.close < cues[0].start:
                floor = max(floor, p.close + 1)
        plans = []
        stops: list[int] = [m.start() for m in _CLAUSE_BREAK.finditer(text, cs, se)]
        # "..., adding, “...”": a participle or a quotation set off by a comma ends the clause;
        # the quotation is its own (direct) record.
        for c in self.cues_between(cs, se):
            if c.cue is not None and c.cue.tense == "ing":
                m = _COMMA_BEFORE.search(text, max(cs, c.start - 4), c.start)
                if m:
                    stops.append(m.start())
        for p in self.top:
            if p.open is not None and cs < p.open < se:
                m = _COMMA_BEFORE.search(text, max(cs, p.open - 4), p.open)
                if m:
                    stops.append(m.start())
        for c in cues:
            if c.start < cs:
                continue
            plan = self._plan(c, cs, floor, se)
            if plan is None:
                continue
            plans.append(plan)
            if plan[0] == "post":
                stops.append(plan[2])
            if plan[0] == "participle":
                stops.append(plan[4])
        out = []
        for plan in plans:
            kind = plan[0]
            if kind == "post":
                _, c, comma, phrase = plan
                start = floor
                end = self.trim_end(start, comma)
                if self._has_open_quote(start, end):
                    continue
                start = self._skip_stray_marks(start, end)
                out.append(Attribution(start, end, False, (c.start, c.end), phrase, anchor=c.start))
            elif kind == "whole":
                _, c, start, phrase = plan
                out.append(Attribution(start, self.trim_end(start, se), False, (c.start, c.end), phrase,
                                       anchor=c.start))
            else:
                _, c, content_start, phrase = plan[:4]
                end = self.content_end(content_start, se, stops)
                out.append(Attribution(content_start, end, False, (c.start, c.end), phrase, anchor=c.start))
        return out

    def _skip_stray_marks(self, start: int, end: int) -> int:
        """A clause never opens with the punctuation a broken quotation left behind."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:.!?)]\u201d\u2019\"'\u2014\u2013-"):
            start += 1
        return start

    def _has_open_quote(self, start: int, end: int) -> bool:
        return any(start <= (p.open if p.open is not None else p.start) < end and not p.unopened
                   for p in self.top if p.end - p.start > 0 and self.words(p.start, p.end) > 4)

    def _plan(self, c: CueMatch, cs: int, floor: int, se: int):
        """How a cue reports speech: ("pre", cue, content_start, phrase), ("post", cue,
        comma, phrase), ("whole", cue, clause_start, phrase) or ("participle", cue,
        content_start, phrase, comma); None when it reports nothing here."""
        if c.according:
            return self._plan_according(c, cs, se)
        if c.cue.tense == "ing":
            return self._plan_participle(c, cs, se)
        return self._plan_finite(c, cs, floor, se)

    def _plan_according(self, c: CueMatch, cs: int, se: int):
        """"According to X, CLAUSE" (pre) or "CLAUSE, according to X." (post)."""
        text = self.text
        phrase, after = self._according_phrase(c.end, se)
        if phrase is None:
            return None
        lead = text[cs:c.start].strip()
        if lead == "" or lead.endswith(("\u2013", "\u2014", "-")):
            if self._attributed_clause(after, se):
                return None  # "According to IRNA, Askari said that ...": IRNA is the channel
            return ("pre", c, after, phrase)
        if lead.endswith(",") and (text[after:se].strip(" .\n") == "" or _CITING.match(text, after, se)):
            if self.cues_between(cs, c.start):
                return None  # "he said, according to Nordic Wire": the source of a quotation
            return ("post", c, text.rindex(",", cs, c.start), phrase)
        return None

    def _plan_participle(self, c: CueMatch, cs: int, se: int):
        """"..., adding that CLAUSE": the clause belongs to the main clause's speaker."""
        text = self.text
        lead = text[cs:c.start]
        if not lead.strip() or not lead.rstrip().endswith(","):
            return None
        m = re.compile(r"\s+that\s+").match(text, c.end)
        if not m and c.cue.frame == "bare":
            m = self._bare_clause(c.end, se)  # "..., saying the country had exported ..."
        if not m:
            return None
        phrase = self.main_subject(c.start, cs)
        if phrase is None:
            return None
        return ("participle", c, m.end(), phrase, text.rindex(",", cs, c.start))

    def _plan_finite(self, c: CueMatch, cs: int, floor: int, se: int):
        """A finite reporting verb: its subject, then where the reported clause stands."""
        text, cue = self.text, c.cue
        verb_end = pos = self._after_adverbial(c.end, se)
        told = cue.lemma == "tell" and _TOLD_OBJECT.match(text, pos, se)
        if told:
            pos = told.end()  # "told Reuters the talks had collapsed": a clause after the object
        if not told and not self._may_report_clause(c, cs, pos, se):
            return None  # no clause this verb could report: spare the phrase reading
        phrase = self._finite_subject(c, cs, floor)
        if phrase is None:
            return self._plan_inverted(c, cs, se)
        placed = self._plan_postposed(c, cs, verb_end, pos, se, phrase)
        if placed is not None:
            return placed
        pre_comma = text[cs:phrase.start].rstrip()
        if phrase.start > cs and not pre_comma.endswith((",", ";", ":")) and not self._subject_ok(phrase, cs):
            return None
        return self._plan_preposed(c, pos, se, phrase, bool(told))

    def _after_adverbial(self, pos: int, se: int) -> int:
        m = self.lex.adverbial_re.match(self.text, pos, se)
        return m.end() if m else pos

    def _may_report_clause(self, c: CueMatch, cs: int, pos: int, se: int) -> bool:
        """Whether a clause this verb could report may follow or precede it (cheap test)."""
        text, lead, rest = self.text, self.text[cs:c.start], self.text[pos:se]
        return c.cue.frame == "bare" or " that " in text[pos - 1:min(se, pos + 200)] \
            or lead.rstrip().endswith(",") or bool(_POSTPOSED_TAIL.match(rest)) or rest.lstrip().startswith(",")

    def _finite_subject(self, c: CueMatch, cs: int, floor: int) -> Phrase | None:
        """The subject before a finite cue; None when there is none or the verb form is a noun
        ("the payroll report that showed")."""
        phrase = self.reader.subject_before(self.text, max(floor, cs), c.start, cs)
        if phrase is None and floor <= cs:
            phrase = self._noun_subject(cs, c.start)
        if phrase is not None and c.cue.tense == "base" and not (
                phrase.kind == "generic" or (phrase.kind == "pronoun" and phrase.head in ("they", "we", "i"))
                or self._plural_head(phrase)):
            return None
        return phrase

    def _plan_inverted(self, c: CueMatch, cs: int, se: int):
        """"CLAUSE, said the minister.": the speaker after the verb."""
        text, cue = self.text, c.cue
        lead = text[cs:c.start]
        if (cue.tense == "past" or (cue.tense == "s" and cue.frame == "bare")) and \
                lead.rstrip().endswith(",") and lead.strip() != ",":
            after = self.reader.phrase_after(text, c.end, se)
            if after is not None and text[after.end:se].strip(" .,\n\u201d\"") == "":
                return ("post", c, text.rindex(",", cs, c.start), after)
        return None

    def _plan_postposed(self, c: CueMatch, cs: int, verb_end: int, pos: int, se: int, phrase: Phrase):
        """"CLAUSE, X said (on Sunday)." (post) or "The plan, officials said, will cost $2
        billion" (whole: the whole sentence is reported). ``verb_end``: after the verb and its
        adverbials; ``pos``: after the hearer of "told" too."""
        text = self.text
        tail = text[verb_end:se].strip()
        pre_comma = text[cs:phrase.start].rstrip()
        if not pre_comma.endswith(",") or phrase.start <= cs:
            return None
        if tail in ("", ".", "!", "?") or re.match(r"^[.,]?\s*(?:[a-z]+ing\b|according\s+to\b)", tail) \
                and self._participle_or_according(tail) or self._relay_after(pos, se):
            return ("post", c, text.rindex(",", cs, phrase.start), phrase)
        if tail.startswith(",") and self.words(cs, phrase.start) <= 6 and self.words(pos, se) >= 3:
            return ("whole", c, cs, phrase)
        return None

    def _plan_preposed(self, c: CueMatch, pos: int, se: int, phrase: Phrase, told: bool):
        """"X said (that) CLAUSE": the clause after the verb, after "that" or bare."""
        text, cue = self.text, c.cue
        m = re.compile(r"\s*that\s+").match(text, pos, se)
        if m:
            return ("pre", c, m.end(), phrase)
        if cue.frame in ("that", "bare") or cue.lemma == "tell":
            start = self._distant_that(c, pos, se)
            if start is not None:
                return ("pre", c, start, phrase)
        if cue.frame != "bare" and not told:
            return None
        start = self._bare_reported_clause(c, pos, se, told)
        return None if start is None else ("pre", c, start, phrase)

    def _distant_that(self, c: CueMatch, pos: int, se: int) -> int | None:
        """Start of the clause after a "that" a few words on ("pointed out to central bank
        governor X in a meeting this week that ..."), when only an adjunct or the hearer
        stands between the verb and "that"."""
        text = self.text
        first = _WORD.search(text, pos, min(se, pos + 40))
        if first is not None and c.cue.lemma not in _OBJECT_THAT and not (
                first.group().lower() in _ADJUNCT_OPENERS or first.group().endswith("ly")):
            # "reported quarterly profit that missed estimates": an object with a relative
            # clause, not a that-clause (only an adjunct may stand between verb and "that").
            return None
        words = 0
        for w in _WORD.finditer(text, pos, min(se, pos + 200)):
            words += 1
            if words > _THAT_REACH:
                break
            if text[pos:w.start()].count(",") or any(ch in text[pos:w.start()] for ch in ";:\"\u201c"):
                break
            if w.group() == "that" and words > 1:
                return w.end() + (1 if w.end() < se and text[w.end()].isspace() else 0)
        return None

    def _bare_reported_clause(self, c: CueMatch, pos: int, se: int, told: bool) -> int | None:
        """Start of a clause right after the verb without "that" ("said, the plant ...",
        "said the plant was closed"); None when what follows is no clause."""
        text = self.text
        m = re.compile(r"\s*,\s*").match(text, pos, se)
        if m:
            w = _WORD.match(text, m.end())
            if w and w.group().lower() not in _NOT_CLAUSE and self.lex.cue(w.group()) is None \
                    and w.group().lower() != "according" and text[m.end()] not in _QUOTE_CHARS:
                return m.end()
            return None
        m = re.compile(r"\s+").match(text, pos, se)
        if not m:
            return None
        w = _WORD.match(text, m.end())
        if not w or text[m.end()] in _QUOTE_CHARS:
            return None
        first = w.group().lower()
        if first in _NOT_CLAUSE and not re.match(r"in order|as (?:many|much|few|little|well|long|high|low|of)\b",
                                                  text[m.end():m.end() + 12]):
            return None
        if self.lex.cue(w.group()) is not None:
            return None
        if (c.cue.lemma != "say" or told) and not _FINITE.search(text, m.end(), min(se, m.end() + 120)):
            return None  # "shares added 2 percent": an object, not a reported clause
        return m.end()

    def _bare_clause(self, pos: int, se: int):
        """A clause right after a participle without "that": it opens with a word that can
        start a clause and has a finite verb soon ("adding the plant was closed")."""
        m = re.compile(r"\s+").match(self.text, pos, se)
        if not m or m.end() >= se or self.text[m.end()] in _QUOTE_CHARS:
            return None
        w = _WORD.match(self.text, m.end())
        if not w or w.group().lower() in _NOT_CLAUSE or w.group().lower() in _ADJUNCT_OPENERS \
                or self.lex.cue(w.group()) is not None:
            return None
        if not _FINITE.search(self.text, w.end(), min(se, w.end() + 120)):
            return None
        return m

    def _lowercase_object_end(self, toks: list, k: int) -> int:
        """End index of a run of up to five lower-case words from ``k`` that reaches a comma, a
        parenthesis, a capitalised word or the end of the window; ``k`` if there is none."""
        j = k
        while j < len(toks) and j - k < 5:
            t = toks[j]
            word = t.text[:-2] if t.text[-2:] in ("'s", "\u2019s") else t.text
            if not (word.isalpha() and word.islower()) or t.low in _PHRASE_STOPS or (
                    self.lex.cue(t.text) is not None and t.low not in self.lex.documents):
                break
            j += 1
        if j == k:
            return k
        if j == len(toks) or toks[j].text in ",(" or toks[j].cap:
            return j
        return k

    def _document_of(self, toks: list):
        """A document as the source ("the report", "the SEC's complaint", "a letter from X"):
        kind "document", ``name`` its owner when the phrase names one."""
        head = next((n for n, t in enumerate(toks) if t.low in self.lex.documents and t.text.islower()), None)
        if head is None or any(t.low in self.lex.roles or t.low in self.lex.generic for t in toks[:head]):
            return None
        owner = None
        before = toks[:head]
        poss = next((n for n in range(len(before) - 1, -1, -1)
                     if before[n].text[-2:] in ("'s", "\u2019s") and before[n].cap), None)
        if poss is not None:
            a = poss
            while a > 0 and before[a - 1].cap:
                a -= 1
            end = before[poss].end - 2
            owner = self.reader.classify(self.text, self.reader.tokens(self.text, before[a].start, end))
        elif head + 2 < len(toks) and toks[head + 1].low in ("by", "from", "of") :
            rest = [t for t in toks[head + 2:] if t.text not in ",;"]
            owner = self.reader.classify(self.text, rest) if rest and any(t.cap for t in rest) else None
        name = owner.name if owner is not None and owner.kind in ("name", "org") else None
        return Phrase(toks[0].start, toks[-1].end, "document", head=toks[head].low, name=name,
                      definite=toks[0].low not in ("a", "an"))

    def _noun_subject(self, start: int, cue: int):
        """A short subject the phrase reader leaves: a document ("The SEC's complaint
        alleges") or a speaker noun with a lower-case complement ("Critics of the plan said")."""
        toks = self.reader.tokens(self.text, start, cue)
        while toks and toks[-1].low in self.lex.auxiliary:
            toks.pop()
        if not toks or len(toks) > 9 or toks[-1].low in self.lex.passive:
            return None
        if toks[-1].low in self.lex.documents and toks[-1].text.islower():
            return self._document_of(toks)
        k = 1 if toks[0].low in _DETERMINERS_PP else 0
        if k + 2 < len(toks) and toks[k + 1].low in _PP_WORDS and all(
                t.text.islower() or t.cap or t.text[-2:] in ("'s", "\u2019s") for t in toks[k + 2:]):
            head = toks[k].low
            if head in self.lex.generic and (head not in self.lex.roles or head.endswith("s")):
                return Phrase(toks[0].start, toks[-1].end, "generic", head=head, definite=k == 1)
            if head in self.lex.roles:
                return Phrase(toks[0].start, toks[-1].end, "role", head=head,
                              definite=toks[0].low not in ("a", "an"))
        return None

    def _relay_after(self, pos: int, se: int) -> bool:
        """", IRNA reported." / ", the paper quoted him as saying.": a source that relays what
        the attribution before it reports, ending the sentence."""
        m = _RELAY_LEAD.match(self.text, pos, se)
        if not m:
            return False
        for c in self.cues_between(m.end(), se)[:3]:
            if c.according or c.cue.tense not in ("s", "past") or self.words(m.end(), c.start) > 6:
                continue
            if self.text[c.end:se].strip(" .,\n\u201d\"") == "" or \
                    re.fullmatch(r"\s*(?:him|her|them|it)?\s*(?:as\s+saying)?[\s.]*", self.text[c.end:se]):
                ph = self.reader.subject_before(self.text, m.end(), c.start, m.end())
                return ph is not None and ph.kind in ("name", "org", "generic", "role")
        return False

    def _attributed_clause(self, start: int, se: int) -> bool:
        """Whether a clause opens with its own speaker and reporting verb ("X said that")."""
        for c in self.cues_between(start, min(se, start + 160)):
            if c.cue is None or c.cue.tense not in ("s", "past") or self.words(start, c.start) > 10:
                continue
            ph = self.reader.subject_before(self.text, start, c.start, start)
            if ph is not None and ph.kind in ("name", "pronoun", "role", "org"):
                return True
        return False

    def _plural_head(self, phrase: Phrase) -> bool:
        """"Reports by the agency say": a plural source noun heads the phrase."""
        return any(t.low in self.lex.generic and t.low.endswith("s") for t in
                   self.reader.tokens(self.text, phrase.start, min(phrase.end, phrase.start + 60))[:4])

    def _participle_or_according(self, tail: str) -> bool:
        m = re.match(r"^[.,]?\s*([a-z]+)", tail)
        if not m:
            return False
        word = m.group(1)
        if word in ("according", "citing", "quoting"):
            return True  # "..., Delta Wire reports citing Harbour News."
        cue = self.lex.cue(word)
        return cue is not None and cue.tense == "ing"

    def _subject_ok(self, phrase: Phrase, cs: int) -> bool:
        """A subject that does not open its clause must be a plain name or pronoun."""
        return phrase.kind in ("pronoun", "name", "org", "role", "generic")


_PHRASE_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "at", "in", "on", "from", "to",
                           "de", "al", "bin", "van", "von", "&", "senior", "top", "former", "acting",
                           "deputy", "its", "his", "her", "their"})


@Language.factory(
    "facts_quotations",
    requires=["doc._.facts_layout", "doc.spans"],
    assigns=["doc.spans", "span._.facts_quotation"],
    default_config={"lexicon": None, "min_quote_words": 5},
)
def make_quotations_component(nlp: Language, name: str, *, lexicon: str | None,
                              min_quote_words: int) -> QuotationRecognizer:
    return QuotationRecognizer(nlp, name, lexicon=lexicon, min_quote_words=min_quote_words)
