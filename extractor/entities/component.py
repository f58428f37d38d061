"""``facts_entities``: people, organisations, places and nationalities without a model.

Evidence comes from gazetteers (``resources/entities/``) and from the conventions of news
copy: organisation words ("... Organization", "Ministry of ..."), acronyms defined in
parentheses, titles and appositions around names, subjects of reporting verbs, datelines and
credit lines. Every mention goes to ``doc.spans["facts_entities"]`` with
``span._.facts_entity`` (an :class:`~extractor.payloads.EntityPayload`); mentions of one
entity share the key.
Non-overlapping mentions also become ``doc.ents``. When a trained pipeline has already set
``doc.ents``, its entities are evidence where the rules are silent, never an override
(``trained``: only with rule-side support for the label, never an organisation).

The work is done in named stages over one :class:`~.document.EntityDoc`; each pass only
fills token ranges still free:

1. ``layout_spans``: boilerplate blocked; the dateline place and the publisher forced;
2. ``user_rules``: the user's gazetteer and entity-ruler patterns, forced; ``other_names``:
   laws, events, facilities and surveys ("the Tesh Relief Act") blocked;
3. ``strong`` (pass A): gazetteer names, organisation words (``organisations``), titled,
   given-name and apposed people (``people``), longest first;
4. ``companies`` and ``acronyms`` (passes B and C): tickers after a company ("(NYSE: NWH)"),
   acronyms defined in parentheses, then other all-capital ones; a company's short form;
   the contractor a contract goes to, a name after an organisation noun ("the firm Velk");
5. ``context`` (pass D): reporting-verb subjects (``speakers``), "Town, State", "X Province",
   regions and sites (``places``);
6. ``roles``: role phrases apposed to a name;
7. ``trained`` (pass E): the trained model's entities the rule side supports;
8. ``repeats`` (pass F): later mentions (surnames, acronyms, lower-case or all-capital repeats);
9. ``roles``: the lead's unnamed "Head of X says" subject; ``headline``: people named only in
   a title-case headline dropped;
10. ``write``: keys merged, canonical names and roles, spans and ``doc.ents`` written.

The word lists live in ``vocabulary``, the gazetteer and name words in ``gazetteer``, the
runs of name words every pass walks in ``chains``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..extensions import ensure_extensions
from ..lexicon import as_dicts, load_rows
from ..lexicon.rows import EntityRule
from .acronyms import acronym_definitions, lone_acronyms
from .companies import contract_recipients, named_after_org_noun, short_forms, ticker_definitions
from .context import context_names
from .document import EntityDoc
from .gazetteer import shared_lexicon
from .headline import headline_people
from .layout_spans import block_boilerplate, layout_entities
from .other_names import block_other_names
from .repeats import later_mentions
from .roles import lead_role, role_appositions
from .strong import strong_names
from .trained import model_entities
from .user_rules import UserRules, read_gazetteer
from .write import write_spans

__all__ = ["EntityRecognizer", "make_entities_component", "read_gazetteer"]


class EntityRecognizer:
    """Finds and groups the named entities of a news text with rules and gazetteers."""

    def __init__(
        self,
        nlp: Language,
        name: str = "facts_entities",
        *,
        gazetteer: str | None = None,
        rules: str | None = None,
        merge_model: bool = True,
        fuzzy_threshold: float = 86.0,
    ) -> None:
        ensure_extensions()
        self.name = name
        self.nlp = nlp
        self.merge_model = merge_model
        self.fuzzy_threshold = fuzzy_threshold
        self.lex = shared_lexicon(nlp.lang, self.tokenize)
        self.user_gazetteer: list[dict[str, str]] = []
        self.user_rules: list[dict[str, Any]] = []
        if gazetteer:
            self.user_gazetteer = list(read_gazetteer(gazetteer))
        if rules:
            self.user_rules = as_dicts(load_rows(rules, EntityRule))
        self._compile_user()

    def tokenize(self, text: str) -> list[str]:
        """Token texts of ``text`` as this pipeline's tokenizer splits it."""
        return [t.text for t in self.nlp.make_doc(text)]

    def _compile_user(self) -> None:
        self._user = UserRules(self.nlp, self.user_gazetteer, self.user_rules)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add rules in spaCy's entity-ruler format: {"label", "pattern", "id"?}."""
        self.user_rules.extend(patterns)
        self._compile_user()

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        folder = ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(folder / "gazetteer.jsonl", self.user_gazetteer)
        srsly.write_jsonl(folder / "rules.jsonl", self.user_rules)
        srsly.write_json(folder / "cfg", {"merge_model": self.merge_model,
                                          "fuzzy_threshold": self.fuzzy_threshold})

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> EntityRecognizer:
        folder = ensure_path(path)
        if (folder / "gazetteer.jsonl").exists():
            self.user_gazetteer = list(srsly.read_jsonl(folder / "gazetteer.jsonl"))
        if (folder / "rules.jsonl").exists():
            self.user_rules = as_dicts(load_rows(folder / "rules.jsonl", EntityRule))
        if (folder / "cfg").exists():
            cfg = srsly.read_json(folder / "cfg")
            self.merge_model = cfg.get("merge_model", self.merge_model)
            self.fuzzy_threshold = cfg.get("fuzzy_threshold", self.fuzzy_threshold)
        self._compile_user()
        return self

    def __call__(self, doc: Doc) -> Doc:
        # Reading doc.ents walks every token: only when a model has set them.
        model_ents = list(doc.ents) if self.merge_model and doc.has_annotation("ENT_IOB") else []
        st = EntityDoc(doc, self.lex)
        block_boilerplate(st)
        layout_entities(st, self.tokenize)
        self._user.apply(st)
        block_other_names(st)
        strong_names(st)
        tickers = ticker_definitions(st)
        acronyms = acronym_definitions(st)
        acronyms.update(tickers)
        lone_acronyms(st, acronyms)
        short_forms(st)
        contract_recipients(st)
        named_after_org_noun(st)
        context_names(st, self.fuzzy_threshold)
        role_appositions(st)
        model_entities(st, model_ents)
        later_mentions(st, acronyms)
        lead_role(st)
        headline_people(st)
        write_spans(st)
        return doc


@Language.factory(
    "facts_entities",
    requires=["doc._.facts_layout", "doc.spans"],
    assigns=["doc.spans", "doc.ents", "span._.facts_entity"],
    default_config={"gazetteer": None, "rules": None, "merge_model": True, "fuzzy_threshold": 86.0},
)
def make_entities_component(
    nlp: Language,
    name: str,
    *,
    gazetteer: str | None,
    rules: str | None,
    merge_model: bool,
    fuzzy_threshold: float,
) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, gazetteer=gazetteer, rules=rules, merge_model=merge_model,
                            fuzzy_threshold=fuzzy_threshold)
