"""The lexicon layer: one loader that validates every row, one alternation builder, and
shared word lists that exist once."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from extractor import resources
from extractor.dates.lexicon import (
    LEXICON,
    NameTables,
    Triggers,
    count_words,
    duration_units,
    fill,
    load_lexicon,
    load_patterns,
    name_tables,
    placeholders,
    trigger_words,
)
from extractor.lexicon import (
    LexiconError,
    alternation,
    load_json,
    load_rows,
    load_table,
    load_words,
    reverse_alternation,
    shared,
)
from extractor.lexicon.rows import (
    CATALOGUE,
    DatesLexicon,
    NamedPattern,
    NumberWord,
    OrgWord,
    Place,
    ReportingVerb,
)

ROOT = resources.path("")


def shipped(ext: str) -> list[Path]:
    return sorted(p for p in ROOT.rglob(f"*.{ext}") if "__pycache__" not in p.parts)


# -- the loader ----------------------------------------------------------------------------------


def test_a_bad_row_names_its_file_line_and_reason(tmp_path):
    rows = tmp_path / "verbs.jsonl"
    rows.write_text('# a comment\n{"lemma": "say", "frame": "bare"}\n\n{"lemma": "add", "frame": "loud"}\n',
                    encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_rows(rows, ReportingVerb)
    message = str(err.value)
    assert message.startswith(f"{rows}:4: ")
    assert "frame" in message and "\n" not in message
    assert err.value.line == 4 and isinstance(err.value, ValueError)


def test_an_unknown_key_is_rejected(tmp_path):
    rows = tmp_path / "patterns.jsonl"
    rows.write_text('{"name": "a", "pattern": "x+"}\n{"name": "b", "pattern": "y", "patern": "z"}\n',
                    encoding="utf-8")
    with pytest.raises(LexiconError, match=r"patterns\.jsonl:2: unknown key 'patern'"):
        load_rows(rows, NamedPattern)


def test_a_missing_key_a_bad_regex_and_bad_json_are_named(tmp_path):
    missing = tmp_path / "a.jsonl"
    missing.write_text('{"name": "a"}\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"a\.jsonl:1: missing key 'pattern'"):
        load_rows(missing, NamedPattern)
    regex = tmp_path / "b.jsonl"
    regex.write_text('{"name": "a", "pattern": "(unclosed"}\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"b\.jsonl:1: pattern: .*bad regular expression"):
        load_rows(regex, NamedPattern)
    broken = tmp_path / "c.jsonl"
    broken.write_text('{"name": "a",\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"c\.jsonl:1: not JSON"):
        load_rows(broken, NamedPattern)


def test_a_table_row_is_checked_column_by_column(tmp_path):
    table = tmp_path / "places.tsv"
    table.write_text("# surface, label, canonical, tier\nOslo\tGPE\tOslo\t1\nBergen\tGPE\tBergen\tone\n",
                     encoding="utf-8")
    with pytest.raises(LexiconError, match=r"places\.tsv:3: tier: "):
        load_table(table, Place)
    wide = tmp_path / "wide.tsv"
    wide.write_text("Ministry\thead\textra\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"wide\.tsv:1: 3 columns"):
        load_table(wide, OrgWord)
    uses = tmp_path / "uses.tsv"
    uses.write_text("Ministry\thead,nonsense\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"uses\.tsv:1: .*unknown use nonsense"):
        load_table(uses, OrgWord)


def test_a_word_list_refuses_a_table_line(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("alpha\nbeta\tgamma\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"words\.txt:2: a tab"):
        load_words(words)


def test_a_json_document_error_names_the_line_of_its_key(tmp_path):
    lexicon = resources.path("dates/lexicon.json").read_text(encoding="utf-8")
    bad = tmp_path / "lexicon.json"
    bad.write_text(lexicon.replace('"seasons"', '"sesons"'), encoding="utf-8")
    line = next(n for n, text in enumerate(bad.read_text().splitlines(), 1) if '"sesons"' in text)
    with pytest.raises(LexiconError, match=rf"lexicon\.json:{line}: .*unknown key 'sesons'"):
        load_json(bad, DatesLexicon)


def test_a_file_rewritten_in_place_is_read_again(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("alpha\n", encoding="utf-8")
    assert load_words(words) == ("alpha",)
    words.write_text("alpha\nbeta\n", encoding="utf-8")
    assert load_words(words) == ("alpha", "beta")


# -- every shipped file --------------------------------------------------------------------------


def test_every_shipped_resource_file_loads():
    for path in shipped("txt"):
        assert load_words(path), path
    for path in shipped("tsv") + shipped("jsonl") + shipped("json"):
        name = path.relative_to(ROOT).as_posix()
        assert name in CATALOGUE, f"{name} has no row model in lexicon.rows.CATALOGUE"
        model = CATALOGUE[name]
        if path.suffix == ".tsv":
            assert load_table(path, model), name
        elif path.suffix == ".jsonl":
            assert load_rows(path, model), name
        else:
            assert load_json(path, model), name


def _entries(path: Path) -> set[str]:
    if path.suffix == ".txt":
        return {w.lower() for w in load_words(path)}
    return {row.split("\t")[0].lower() for row in load_words_of_table(path)}


def load_words_of_table(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


# Vocabularies of a whole language (every common English word, every given name) hold the
# small lists by nature; they are not lists of one kind.
VOCABULARIES = {"entities/common_words.txt", "entities/first_names.txt"}


def test_no_word_list_exists_twice():
    """No two list files share more than half the entries of the smaller one."""
    files = shipped("txt") + [resources.path("shared/org_words.tsv"), resources.path("shared/roles.tsv")]
    lists = {name: _entries(p) for p in files
             if (name := p.relative_to(ROOT).as_posix()) not in VOCABULARIES}
    twice = [(a, b, sorted(wa & wb)[:10]) for (a, wa), (b, wb) in itertools.combinations(lists.items(), 2)
             if len(wa & wb) > min(len(wa), len(wb)) / 2]
    assert not twice


def test_shared_lists_live_in_one_place():
    names = {p.name for p in ROOT.rglob("*") if p.is_file()}
    for kind in ("titles.txt", "org_heads.txt", "org_words.txt", "reporting_verbs.txt", "roles.txt",
                 "roles.tsv", "speaker_roles.txt", "title_words.txt"):
        owners = [p for p in ROOT.rglob(kind)]
        assert len(owners) <= 1, owners
    assert "honorifics.txt" in names and resources.path("shared/honorifics.txt").exists()
    assert {"minister", "spokesman"} <= shared.roles()
    assert "said" in shared.reporting_forms()
    assert {"march", "sept", "may"} <= shared.month_words()
    assert "Ministry" in shared.org_words("head")


def test_numerals_live_in_one_place():
    """Dates count durations with the shared numerals; their own file keeps only the vague
    counts, which are no numerals."""
    lex = load_lexicon(LEXICON)
    counts = count_words(lex)
    assert counts["three"] == 3 and counts["ninety"] == 90 and counts["hundred"] == 100
    assert counts["several"] is None and counts["a"] == 1
    assert "thousand" not in counts and "zero" not in counts
    numerals = {w.word for w in load_rows("shared/number_words.jsonl", NumberWord)}
    assert not numerals & set(lex["vague_counts"])
    assert not list(ROOT.rglob("number_words.*"))[1:]


# -- the alternation builder ---------------------------------------------------------------------


WORDS = ["per cent", "percent", "per", "Jan", "January", "Jan.", "a+b", "(x)", "mid-year"]


@pytest.mark.parametrize("space", [r"\s+", None])
def test_the_trie_matches_exactly_its_words(space):
    regex = re.compile(rf"(?:{alternation(WORDS, space=space)})\Z")
    for word in WORDS:
        assert regex.match(word), word
    for other in ["pe", "perc", "Janu", "Jan..", "ab", "a+", "x", "mid", "cent", "", "per  cents"]:
        assert not regex.match(other), other
    assert bool(regex.match("per  \ncent")) is (space is not None)


def test_the_longest_word_wins_and_empty_lists_match_nothing():
    assert re.match(alternation(["Jan", "January", "Ja"]), "January 5").group() == "January"
    assert re.search(alternation([]), "anything") is None
    assert re.match(reverse_alternation(["US$", "$"]), "$SU").group() == "$SU"


# -- the date pattern loader, step by step -------------------------------------------------------


def test_the_date_lexicon_takes_months_and_weekdays_from_shared():
    lex = load_lexicon()
    assert [m["n"] for m in lex["months"]] == list(range(1, 13))
    assert len(lex["weekdays"]) == 7


def test_name_tables_read_every_spelling():
    names = name_tables(load_lexicon())
    assert isinstance(names, NameTables)
    assert names.month_names["sept"] == 9 and names.month_names["september"] == 9
    assert {"Sept.", "SEPT", "September", "SEPTEMBER"} <= set(names.full + names.abbr)
    assert "may" in names.ambiguous_months and names.weekday_names["sunday"] == 7


def test_placeholders_fill_patterns():
    lex = load_lexicon()
    places = placeholders(name_tables(lex), lex)
    regex = re.compile(fill(r"{MONTH}\s+{DAY},\s+{YEAR}", places), re.IGNORECASE)
    m = regex.fullmatch("Sept. 14, 2015")
    assert m and (m.group("m"), m.group("d"), m.group("y")) == ("Sept.", "14", "2015")
    assert not regex.fullmatch("sept. 14, 2015")  # month names are case-sensitive
    units = re.compile(places["UNITS"] + r"\Z")
    assert units.match("centuries") and units.match("days") and not units.match("centurys")
    assert duration_units(lex)[1][-1] == "centuries"


def test_triggers_share_one_scan():
    names = name_tables(load_lexicon()).by_placeholder()
    assert trigger_words("{MONTH}", names) >= {"Jan", "January"}
    assert trigger_words("re:\\d+", names) is None
    triggers = Triggers()
    first = triggers.add(("{MONTH}",), names)
    assert triggers.add(("{MONTH}",), names) == first and triggers.add((), names) is None
    other = triggers.add(("ago", "re:\\bQ[1-4]\\b"), names)
    scan = triggers.scan()
    found = [m.group() for m in scan.finditer("In January, two years ago")]
    assert found == ["January", "ago"]
    woken = triggers.woken_by()
    assert first in woken["January"] and other in woken["ago"]
    assert triggers.rest[other].search("in Q3")


def test_every_date_pattern_compiles_with_its_placeholders():
    lex = load_lexicon()
    places = placeholders(name_tables(lex), lex)
    for row in load_patterns():
        re.compile(fill(row["pattern"], places), re.IGNORECASE)
