"""``facts_quotations``: direct and reported speech, with the speaker resolved.

Direct speech is what stands between paired quotation marks (``extractor.quotations.marks``)
next to a reporting verb ("“...,” he said", "X said: “...”", "according to X, “...”"), a
quotation continuing the previous one ("“...,” said X. “...”"), or a block quote introduced
by "X writes:". Reported speech is "X said (that) ...", "..., X said", "according to X,
...", "..., adding that ...": ``direct: false``, the content without "that" and without
the final punctuation. Short quoted words that are not speech (mottos, scare quotes,
titles) go to ``doc.spans["facts_terms"]``. Speakers are resolved by
``extractor.quotations.speakers`` against the entities of the document.

The stages, in the order ``find`` runs them: ``cues`` (reporting cues), ``direct`` (quotations
between marks, with ``terms`` for the quoted words that are no speech), ``blocks`` (block
quotes), ``reported`` (reported clauses, planned by ``plans`` with ``clauses`` and
``sources``), ``relays`` (an outlet that relays an attribution becomes its ``via``),
``attribution`` (the records and their nesting) and ``binding`` (speakers and outlets).
They share one document's state, ``context.SpeechContext``.

Spans go to ``doc.spans["facts_quotations"]`` with ``span._.facts_quotation``
(see :mod:`extractor.extensions`).
"""


from __future__ import annotations

import re
import shutil
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..extensions import BOILERPLATE, QUOTATIONS, TERMS, doc_text, ensure_extensions
from ..layout.component import layout_of
from ..lexicon import alternation
from ..names import load_gender_detector
from ..payloads import QuotationPayload, as_extent
from .attribution import Attribution, nest
from .binding import bind_speakers
from .blocks import block_quotes
from .context import SpeechContext
from .cues import find_cues
from .direct import direct_quotes
from .lexicon import FILES, SpeechLexicon
from .marks import pair_quotes
from .mentions import EntityMentions
from .phrases import PhraseReader
from .relays import apply_relays
from .reported import reported_speech
from .speakers import SpeakerResolver
from .terms import fragments_to_terms

_CAP_RUN = r"[A-Z][\w.&'\u2019-]*(?:\s+(?:(?:of|and|for|on|the|&)\s+)*[A-Z][\w.&'\u2019-]*){0,6}"


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
        # A span's text is the document's text between its character offsets; slicing it
        # is cheaper than letting spaCy join the span's tokens.
        text = doc_text(doc)
        spans = []
        for q in quotes:
            span = doc.char_span(q.start, q.end, alignment_mode="contract")
            if span is None or not text[span.start_char:span.end_char].strip():
                continue
            via = (q.via.start, q.via.end) if q.via is not None else None
            span._.facts_quotation = QuotationPayload(
                q.direct, q.speaker, as_extent(q.mention), as_extent(q.ref), as_extent(q.cue),
                q.via_name, as_extent(via), as_extent(q.via_ref))
            spans.append(span)
        term_spans = [s for s in (doc.char_span(a, b, alignment_mode="contract") for a, b in terms)
                      if s is not None and text[s.start_char:s.end_char].strip()]
        doc.spans[QUOTATIONS] = spans
        doc.spans[TERMS] = term_spans
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        target: Path = ensure_path(path)
        target.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.copyfile(self.lex.files[name], target / name)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "QuotationRecognizer":
        self._load(ensure_path(path))
        return self

    # -- the work ---------------------------------------------------------------------
    def find(self, doc: Doc) -> tuple[list[Attribution], list[tuple[int, int]]]:
        """The quotations of ``doc`` with their speakers, and the extents of its quoted terms."""
        text = doc_text(doc)
        if not text.strip():
            return [], []
        layout = layout_of(doc)
        boiler = [(s.start_char, s.end_char) for s in doc.spans[BOILERPLATE]] \
            if BOILERPLATE in doc.spans else []
        pairs = [p for p in pair_quotes(text, layout.paragraphs)
                 if not any(a <= p.start and p.end <= b for a, b in boiler)]
        mentions = EntityMentions.of_doc(doc)
        reader = self.reader.for_mentions(mentions)
        ctx = SpeechContext(self.lex, reader, text, layout, pairs, find_cues(self.lex, text, boiler))
        direct, terms = direct_quotes(ctx, self.min_quote_words)
        direct += block_quotes(ctx, direct)
        reported, embedded = reported_speech(ctx, direct)
        direct, terms = fragments_to_terms(direct, terms, embedded)
        found = nest(sorted(apply_relays(ctx, direct + reported), key=lambda a: (a.start, -a.end)))
        if found:
            bind_speakers(SpeakerResolver(reader, text, mentions, layout), found, text, self._owned_document)
        return found, terms


@Language.factory(
    "facts_quotations",
    requires=["doc._.facts_layout", "doc.spans"],
    assigns=["doc.spans", "span._.facts_quotation"],
    default_config={"lexicon": None, "min_quote_words": 5},
)
def make_quotations_component(nlp: Language, name: str, *, lexicon: str | None,
                              min_quote_words: int) -> QuotationRecognizer:
    return QuotationRecognizer(nlp, name, lexicon=lexicon, min_quote_words=min_quote_words)
