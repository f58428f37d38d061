"""Every document up to the stated size works, in time linear in its length; bad text and bad
options get one-line errors."""

import gc
import time

import pytest

import extractor
from extractor.errors import InputError


def test_a_document_over_a_million_characters_is_extracted(nlp):
    # Long words keep it quick: the point is spaCy's nlp.max_length (1,000,000 by default).
    text = "Output rose 12 percent on Monday.\n" + ("w" * 999 + " ") * 1100
    assert len(text) > 1_100_000
    facts = extractor.extract_doc(nlp, text)
    assert [q.text for q in facts.quantities] == ["12 percent"]


def test_text_over_the_limit_or_not_unicode_is_a_one_line_error(nlp):
    from extractor.tokenizing import MAX_CHARS, tokenize

    with pytest.raises(InputError, match=rf"text too large: {MAX_CHARS + 1} characters \(the limit is {MAX_CHARS}\)"):
        tokenize(nlp, "a" * (MAX_CHARS + 1))
    with pytest.raises(InputError, match=r"lone surrogate U\+D800 at character 8"):
        extractor.extract("Exports \ud800 rose 5 percent.")


@pytest.mark.parametrize("text", [
    '"' * 100 + " He said.", "Prices: " + "$" * 40 + "5 and " + "%(" * 30 + " up.",
    "See " + "http://x.example/" * 100 + " now. It's " + "(" * 33 + "12) percent.", "a\u201c" * 600 + " b",
])
def test_long_runs_are_tokenized_with_exact_offsets(nlp, text):
    from extractor.tokenizing import tokenize

    doc = tokenize(nlp, text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert max(len(t.text) for t in doc) <= 1000
    assert [t.norm_ for t in doc if t.text == "'s"] == [t.norm_ for t in nlp.tokenizer(text) if t.text == "'s"]


def test_a_run_of_quotation_marks_gives_the_tokens_spacy_gives(nlp):
    from extractor.tokenizing import tokenize

    text = "\u00ab" * 50 + " done"
    assert [(t.text, t.whitespace_) for t in tokenize(nlp, text)] == \
        [(t.text, t.whitespace_) for t in nlp.tokenizer(text)]


@pytest.fixture(scope="module")
def quiet_heap():
    """The pipeline's long-lived objects out of the collector's way, so that a full collection
    does not land in one measurement and not the other."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


def seconds(nlp, text: str, repeats: int = 3) -> float:
    """The least CPU time of a few extractions (the load of other processes does not count),
    each without the garbage collector."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            extractor.extract_doc(nlp, text)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("unit, n", [
    ('"', 20000), ("\u201c", 20000), ("'", 20000), ("\u00ab", 20000),
    ("$", 20000), ("%", 20000), ("(", 20000), ('"Yes," he said. ', 1000),
    ('The minister said prices rose. "Yes," he said. ', 1000),
])
def test_time_grows_linearly_with_the_length(nlp, quiet_heap, unit, n):
    # Before the guards, runs of marks, "$", "%" and "(" took time quadratic in their length
    # (spaCy's affix search: 25 s for 20,000 marks), and so did attributing many quotations
    # and finding reported speech in a document with many quotations.
    # Eight times the length, at most twice the linear cost: quadratic time would be 64 times,
    # and the margin absorbs what a shared machine adds to the long run (a bound of 1.5 times
    # linear at four times the length failed once on CI with a linear 0.09 s -> 0.58 s).
    seconds(nlp, unit * 50)  # warm caches
    short, long = seconds(nlp, unit * n), seconds(nlp, unit * 8 * n)
    assert long < 16 * short, f"{unit!r}: {short:.3f} s at n={n}, {long:.3f} s at 8n"


def invoke(*args, input=None):
    from typer.testing import CliRunner

    from extractor.cli import app

    return CliRunner().invoke(app, list(args), input=input)


def test_published_must_be_a_whole_date():
    from extractor.pipeline import parse_date

    result = invoke("extract", "-", "--published", "2020-06-01garbage", input="Exports rose 5 percent.")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == ["error: --published: not a YYYY-MM-DD date: '2020-06-01garbage'"]
    assert str(parse_date("2020-06-01")) == str(parse_date("2020-06-01T08:00:00Z")) == "2020-06-01"


def test_out_under_a_file_names_the_file(tmp_path):
    (tmp_path / "plain.txt").write_text("x")
    out = tmp_path / "plain.txt" / "x.json"
    result = invoke("extract", "-", "--out", str(out), input="Exports rose 5 percent.")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {out}: cannot write ({tmp_path / 'plain.txt'} is a file, not a directory)"]
