import json

import pytest
from pydantic import ValidationError

from extractor.records import ArticleFacts, json_schema
from conftest import ROOT

SCHEMA_FILE = ROOT / "schemas" / "article_facts.schema.json"


def test_checked_in_schema_is_current():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "schemas/article_facts.schema.json is stale: run `extractor schema --out "
        "schemas/article_facts.schema.json`"
    )


def test_schema_has_identity():
    schema = json_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["$id"].endswith("article_facts.schema.json")


def test_offsets_must_match_source():
    source = "Exports rose 12 percent."
    good = {"quantities": [{"id": "q1", "text": "12 percent", "start": 13, "end": 23,
                            "value": 12, "unit": "percent", "kind": "percent"}]}
    assert ArticleFacts.validate_against(good, source).quantities[0].value == 12
    bad = {"quantities": [{**good["quantities"][0], "start": 12, "end": 22}]}
    with pytest.raises(ValidationError, match="does not match"):
        ArticleFacts.validate_against(bad, source)


def test_unknown_fields_are_refused():
    with pytest.raises(ValidationError):
        ArticleFacts.model_validate({"quantities": [], "surprise": 1})


def test_nested_offsets_are_checked():
    source = "Sales rose 5 percent, Smith said."
    data = {"quotations": [{"id": "s1", "text": "Sales rose 5 percent", "start": 0, "end": 20,
                            "direct": False, "cue": "said", "cue_start": 28, "cue_end": 33}]}
    with pytest.raises(ValidationError, match="cue"):
        ArticleFacts.validate_against(data, source)
