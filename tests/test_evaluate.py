"""The scorer of ``extractor evaluate`` on small hand-made gold / prediction pairs."""

import json
import subprocess
import sys

import pytest

from extractor.evaluate import (
    format_markdown,
    format_table,
    load_set,
    maximum_matching,
    parse_kinds,
    score_dates,
    score_entities,
    score_quantities,
    score_quotations,
    score_text,
    unit_matches,
    values_equal,
)

TEXT = ("Farm output rose 12 percent to 3,400 tons last year, while about 250 workers "
        "were hired in March.")


def span(text, surface, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def gq(surface, value, unit=None, counted=None):
    s, e = span(TEXT, surface)
    item = {"surface": surface, "start": s, "end": e, "value": value, "unit": unit,
            "counted": counted}
    if counted:
        item["counted_start"], item["counted_end"] = span(TEXT, counted)
    return item


def as_pred(item, **changes):
    """A record-shaped prediction made from a gold annotation."""
    rec = {"text": item.get("surface") or item.get("content"), "start": item["start"],
           "end": item["end"], "value": item.get("value", item.get("iso")),
           "unit": item.get("unit"), "counted": item.get("counted"),
           "counted_start": item.get("counted_start"), "counted_end": item.get("counted_end"),
           "speaker": item.get("speaker"), "direct": item.get("direct", True)}
    rec.update(changes)
    return rec


def row(score, name):
    c = score.counts[name]
    return (round(100 * c.precision, 1), round(100 * c.recall, 1), round(100 * c.f1, 1))


GOLD_Q = [gq("12 percent", 12, "percent", "Farm output"), gq("3,400 tons", 3400, "ton"),
          gq("about 250", 250, None, "workers")]


def test_perfect_quantities_score_100():
    s = score_quantities(GOLD_Q, [as_pred(g) for g in GOLD_Q])
    for name in ("span overlap", "value", "value+unit"):
        assert row(s, name) == (100.0, 100.0, 100.0)
    assert s.accuracies["counted phrase (of value matches)"].value == 1.0
    assert s.errors == []


def test_a_miss_lowers_recall_only():
    s = score_quantities(GOLD_Q, [as_pred(g) for g in GOLD_Q[:2]])
    assert row(s, "value") == (100.0, 66.7, 80.0)
    assert [(e.category, e.surface) for e in s.errors] == [("missed", "about 250")]


def test_a_false_positive_lowers_precision_only():
    extra = {"text": "March", "start": TEXT.index("March"), "end": TEXT.index("March") + 5,
             "value": 3, "unit": None}
    s = score_quantities(GOLD_Q, [as_pred(g) for g in GOLD_Q] + [extra])
    assert row(s, "value") == (75.0, 100.0, 85.7)
    assert [(e.category, e.surface) for e in s.errors] == [("spurious", "March")]


def test_wrong_value_and_wrong_unit_are_told_apart():
    preds = [as_pred(GOLD_Q[0], value=1.2), as_pred(GOLD_Q[1], unit="pound"), as_pred(GOLD_Q[2])]
    s = score_quantities(GOLD_Q, preds)
    assert s.counts["span overlap"].tp == 3
    assert s.counts["value"].tp == 2
    assert s.counts["value+unit"].tp == 1
    assert sorted(e.category for e in s.errors) == ["wrong unit", "wrong value"]


def test_span_overlap_is_enough_for_a_value_match():
    g = gq("about 250", 250, None, "workers")
    s, e = span(TEXT, "250 workers")
    s2 = score_quantities([g], [{"text": "250 workers", "start": s, "end": e, "value": 250}])
    assert s2.counts["value"].tp == 1


def test_values_tolerate_rounding_of_the_gold_figure():
    assert values_equal(0.6667, 2 / 3)
    assert values_equal(4.5e6, 4500000)
    assert values_equal(37400000000, 37.4e9)
    assert not values_equal(288000, 288001)
    assert not values_equal(0.6667, 0.66)
    assert not values_equal(12, None)
    assert not values_equal(1, True)


def test_count_unit_accepts_null_or_the_counted_noun_phrase():
    gold = {"unit": None, "counted": "dairy farms"}
    assert unit_matches(gold, None)
    assert unit_matches(gold, "dairy farms")
    assert unit_matches(gold, "Farms")
    assert not unit_matches(gold, "dairy")
    assert not unit_matches(gold, "ton")
    assert not unit_matches({"unit": None, "counted": None}, "farms")
    assert unit_matches({"unit": "USD per barrel"}, "usd  per barrel")
    assert not unit_matches({"unit": "percent"}, None)
    assert unit_matches({"unit": "square kilometre"}, "square kilometer")
    assert unit_matches({"unit": "year of age"}, "year")
    assert not unit_matches({"unit": "kilometre"}, "meter")


def test_matching_is_one_to_one():
    g = gq("3,400 tons", 3400, "ton")
    s, e = span(TEXT, "3,400")
    preds = [as_pred(g), {"text": "3,400", "start": s, "end": e, "value": 3400, "unit": None}]
    sc = score_quantities([g], preds)
    assert row(sc, "value") == (50.0, 100.0, 66.7)
    assert [e.category for e in sc.errors] == ["spurious"]
    assert sc.errors[0].surface == "3,400"  # the better (exact, right-unit) pair is kept


def test_maximum_matching_beats_greedy():
    # gold 0 prefers pred 0, but pred 0 is the only partner of gold 1
    m = maximum_matching([(9, 0, 0), (1, 0, 1), (5, 1, 0)])
    assert m == {0: 1, 1: 0}


DATE_TEXT = "The plan was signed on Monday, March 2, 2020 and revised last year."


def gd(surface, iso):
    s, e = span(DATE_TEXT, surface)
    return {"surface": surface, "start": s, "end": e, "iso": iso}


def pd(surface, value):
    s, e = span(DATE_TEXT, surface)
    return {"text": surface, "start": s, "end": e, "value": value}


def test_dates_strict_relaxed_and_value():
    gold = [gd("Monday, March 2, 2020", "2020-03-02"), gd("last year", "2019")]
    perfect = score_dates(gold, [pd("Monday, March 2, 2020", "2020-03-02"),
                                 pd("last year", "2019")])
    for name in ("strict", "relaxed", "relaxed+value"):
        assert row(perfect, name) == (100.0, 100.0, 100.0)
    assert perfect.accuracies["value (of relaxed matches)"].value == 1.0

    s = score_dates(gold, [pd("March 2, 2020", "2020-03-02"), pd("last year", "2020")])
    assert row(s, "strict") == (50.0, 50.0, 50.0)
    assert row(s, "relaxed") == (100.0, 100.0, 100.0)
    assert row(s, "relaxed+value") == (50.0, 50.0, 50.0)
    assert s.accuracies["value (of relaxed matches)"].value == 0.5
    assert sorted(e.category for e in s.errors) == ["wrong span", "wrong value"]


def test_null_iso_wants_null_value():
    gold = [gd("last year", None)]
    name = "value (of relaxed matches)"
    assert score_dates(gold, [pd("last year", None)]).accuracies[name].hits == 1
    assert score_dates(gold, [pd("last year", "2019")]).accuracies[name].hits == 0


QUOTE_TEXT = ('"Our exports grew strongly this spring," the trade minister, Maria Lopez, said. '
              "Lopez added that prices would stay high until the end of the year.")
ENTS = [{"text": "Maria Lopez", "label": "PERSON", "aliases": ["Lopez"]}]


def gquote(content, speaker, direct):
    s, e = span(QUOTE_TEXT, content)
    return {"content": content, "start": s, "end": e, "speaker": speaker, "direct": direct}


def pquote(content, speaker, direct=True):
    s, e = span(QUOTE_TEXT, content)
    return {"text": content, "start": s, "end": e, "speaker": speaker, "direct": direct}


GOLD_QUOTES = [gquote("Our exports grew strongly this spring,", "Maria Lopez", True),
               gquote("prices would stay high until the end of the year", "Maria Lopez", False)]


def test_perfect_quotations_score_100():
    preds = [pquote(g["content"], g["speaker"], g["direct"]) for g in GOLD_QUOTES]
    s = score_quotations(GOLD_QUOTES, preds, ENTS)
    for name in ("content >=30%", "content >=80%", "exact content"):
        assert row(s, name) == (100.0, 100.0, 100.0)
    assert s.counts["direct speech (recall)"].recall == 1.0
    assert s.counts["reported speech (recall)"].recall == 1.0
    assert s.accuracies["speaker (of >=30% matches)"].value == 1.0


def test_quotation_overlap_thresholds_and_speaker_alias():
    preds = [pquote("Our exports grew strongly this spring,", "LOPEZ"),  # alias, other case
             pquote("prices would stay high", "the trade minister", False)]  # ~45% of the gold
    s = score_quotations(GOLD_QUOTES, preds, ENTS)
    assert s.counts["content >=30%"].tp == 2
    assert s.counts["content >=80%"].tp == 1
    assert s.counts["exact content"].tp == 1
    assert s.accuracies["speaker (of >=30% matches)"].hits == 1
    assert {e.category for e in s.errors} == {"wrong speaker", "wrong span"}


def test_direct_and_reported_recall_are_separate():
    preds = [pquote("Our exports grew strongly this spring,", "Maria Lopez")]
    s = score_quotations(GOLD_QUOTES, preds, ENTS)
    assert s.counts["direct speech (recall)"].recall == 1.0
    assert s.counts["reported speech (recall)"].recall == 0.0
    assert s.counts["direct speech (recall)"].precision is None
    assert row(s, "content >=30%") == (100.0, 50.0, 66.7)


def test_a_short_fragment_does_not_match_a_long_quote():
    preds = [pquote("exports", "Maria Lopez")]
    s = score_quotations(GOLD_QUOTES[:1], preds, ENTS)
    assert s.counts["content >=30%"].tp == 0


GOLD_ENTS = [
    {"text": "World Health Organization", "label": "ORG", "aliases": ["WHO"]},
    {"text": "Kenya", "label": "GPE", "aliases": []},
    {"text": "Amina Odhiambo", "label": "PERSON", "aliases": ["Odhiambo"]},
]


def test_entities_match_by_name_or_alias_per_label():
    preds = [{"name": "WHO", "label": "ORG", "aliases": []},  # alias only
             {"name": "Kenya", "label": "ORG", "aliases": []},  # wrong label
             {"name": "Dr. Odhiambo", "label": "PERSON", "aliases": ["Odhiambo"]},
             {"name": "Nairobi", "label": "GPE", "aliases": []},  # not annotated
             {"name": "Vaccine Act", "label": "LAW", "aliases": []}]  # label not scored
    s = score_entities(GOLD_ENTS, preds)
    assert s.counts["overall"].tp == 2
    assert s.counts["overall"].pred == 4
    assert s.counts["any label"].tp == 3
    assert row(s, "PERSON") == (100.0, 100.0, 100.0)
    assert row(s, "GPE") == (0.0, 0.0, 0.0)
    assert sorted((e.category, e.surface) for e in s.errors) == [("spurious", "Nairobi"),
                                                                   ("wrong label", "Kenya")]


def test_perfect_entities_and_one_to_one():
    preds = [{"name": g["text"], "label": g["label"], "aliases": g["aliases"]} for g in GOLD_ENTS]
    assert row(score_entities(GOLD_ENTS, preds), "overall") == (100.0, 100.0, 100.0)
    twice = preds + [{"name": "WHO", "label": "ORG", "aliases": []}]
    assert row(score_entities(GOLD_ENTS, twice), "overall") == (75.0, 100.0, 85.7)


def test_score_text_uses_gold_entities_for_speakers():
    line = {"id": "t1", "text": QUOTE_TEXT, "quotes": GOLD_QUOTES[:1], "entities": ENTS}
    facts = {"quotations": [pquote("Our exports grew strongly this spring,", "Lopez")]}
    s = score_text("quotations", line, facts)
    assert s.accuracies["speaker (of >=30% matches)"].hits == 1


def test_malformed_lines_are_reported_and_skipped(tmp_path):
    good = {"id": "a", "text": TEXT, "published": "2021-05-04", "quantities": GOLD_Q}
    bad_offsets = {"id": "b", "text": TEXT, "quantities": [dict(GOLD_Q[0], start=0)]}
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join([json.dumps(good), "{not json", "", json.dumps(bad_offsets),
                               json.dumps([1, 2]), json.dumps(good)]) + "\n")
    loaded = load_set(path)
    assert [t.line for t in loaded.texts] == [1, 6]
    assert [n for n, _ in loaded.skipped] == [2, 4, 5]
    assert "not valid JSON" in loaded.skipped[0][1]
    assert loaded.kinds == ["quantities"]
    assert str(loaded.texts[0].published) == "2021-05-04"


def test_parse_kinds():
    assert parse_kinds("quotes, dates") == ["quotations", "dates"]
    with pytest.raises(ValueError):
        parse_kinds("people")


def run(*args):
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True,
                          text=True, timeout=120)


def test_cli_scores_a_set_and_reports_a_bad_line(tmp_path):
    path = tmp_path / "mini.jsonl"
    line = {"id": "mini-1", "text": DATE_TEXT, "published": "2020-03-04",
            "dates": [gd("last year", "2019")]}
    path.write_text(json.dumps(line) + "\n[\n")
    proc = run("evaluate", str(path), "--json", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    assert f"{path}:2:" in proc.stderr
    data = json.loads(proc.stdout)["sets"][0]
    assert data["texts"] == 1 and list(data["kinds"]) == ["dates"]
    assert data["kinds"]["dates"]["scores"]["relaxed"]["gold"] == 1


def test_cli_missing_file_is_a_one_line_error(tmp_path):
    proc = run("evaluate", str(tmp_path / "absent.jsonl"))
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "absent.jsonl" in proc.stderr


def test_table_and_markdown_render(tmp_path):
    from extractor.evaluate import KindScore, SetReport

    scores = {"quantities": score_quantities(GOLD_Q, [as_pred(g) for g in GOLD_Q[:2]], "x")}
    report = SetReport(tmp_path / "s.jsonl", 1, [], scores, 0.5, len(TEXT))
    table = format_table([report], 3)
    assert "value+unit" in table and "missed" in table and "about 250" in table
    md = format_markdown([report])
    assert md.splitlines()[0].startswith("| set |")
    assert "| s.jsonl (1 texts) | quantities | value | 100.0 | 66.7 | 80.0 | |" in md
    assert isinstance(KindScore().worst_errors(5), list)


def test_a_failing_pipeline_is_scored_as_empty_and_reported(tmp_path):
    from extractor.evaluate import evaluate_set

    class Broken:
        def make_doc(self, text):
            raise RuntimeError("component under construction")

    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT, "quantities": GOLD_Q}) + "\n")
    report = evaluate_set(load_set(path), Broken(), progress=False)
    assert report.failures and report.failures[0][0] == "a"
    assert report.kinds["quantities"].counts["value"].gold == 3
    assert report.kinds["quantities"].counts["value"].tp == 0


MENTION_TEXT = "Amina Odhiambo flew to Kenya. Odhiambo met WHO staff in Kenya."


def gm(surface, label, nth=0):
    s, e = span(MENTION_TEXT, surface, nth)
    return {"start": s, "end": e, "label": label, "text": surface, "entity": surface}


def pent(name, label, *mentions):
    return {"name": name, "label": label, "aliases": [],
            "mentions": [{"text": MENTION_TEXT[s:e], "start": s, "end": e} for s, e in mentions]}


GOLD_MENTIONS = [gm("Amina Odhiambo", "PERSON"), gm("Kenya", "GPE"), gm("Odhiambo", "PERSON", 1),
                 gm("WHO", "ORG"), gm("Kenya", "GPE", 1)]


def test_mentions_score_exact_span_and_label():
    preds = [pent("Amina Odhiambo", "PERSON", span(MENTION_TEXT, "Amina Odhiambo"),
                  span(MENTION_TEXT, "Odhiambo met")),  # too long: not exact
             pent("Kenya", "GPE", span(MENTION_TEXT, "Kenya"), span(MENTION_TEXT, "Kenya", 1)),
             pent("WHO", "GPE", span(MENTION_TEXT, "WHO")),  # wrong label
             pent("staff", "FAC", span(MENTION_TEXT, "staff"))]  # label not scored
    s = score_entities(GOLD_ENTS, preds, "m", GOLD_MENTIONS)
    overall = s.counts["mentions: overall"]
    assert (overall.tp, overall.pred, overall.gold) == (3, 5, 5)
    assert row(s, "mentions: GPE") == (66.7, 100.0, 80.0)
    assert row(s, "mentions: PERSON") == (50.0, 50.0, 50.0)
    assert row(s, "mentions: ORG") == (0.0, 0.0, 0.0)
    shown = [name for name, _ in s.rows()]
    assert "mentions: LOC" not in shown and "mentions: NORP" not in shown


def test_mentions_are_scored_only_where_the_line_carries_them():
    preds = [pent("Kenya", "GPE", span(MENTION_TEXT, "Kenya"))]
    without = score_text("entities", {"text": MENTION_TEXT, "entities": GOLD_ENTS},
                         {"entities": preds})
    assert not any(name.startswith("mentions") for name in without.counts)
    line = {"text": MENTION_TEXT, "entities": GOLD_ENTS, "entity_mentions": GOLD_MENTIONS}
    scored = score_text("entities", line, {"entities": preds})
    assert scored.counts["mentions: overall"].tp == 1
    assert scored.counts["mentions: overall"].gold == 5


def test_a_mention_twice_in_the_predictions_counts_once():
    twice = [pent("Kenya", "GPE", span(MENTION_TEXT, "Kenya")),
             pent("Republic of Kenya", "GPE", span(MENTION_TEXT, "Kenya"))]
    s = score_entities(GOLD_ENTS, twice, "m", [gm("Kenya", "GPE")])
    assert row(s, "mentions: overall") == (100.0, 100.0, 100.0)


def test_bad_entity_mentions_make_a_line_malformed(tmp_path):
    good = {"id": "a", "text": MENTION_TEXT, "entities": GOLD_ENTS,
            "entity_mentions": GOLD_MENTIONS}
    shifted = dict(good, id="b", entity_mentions=[dict(GOLD_MENTIONS[0], start=1)])
    unlabelled = dict(good, id="c", entity_mentions=[{"start": 0, "end": 5}])
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in (good, shifted, unlabelled)) + "\n")
    loaded = load_set(path)
    assert [t.id for t in loaded.texts] == ["a"]
    assert ["entity_mentions" in reason for _, reason in loaded.skipped] == [True, True]


def test_mention_rows_reach_the_table_json_and_markdown(tmp_path):
    from extractor.evaluate import SetReport, format_json

    preds = [pent("Kenya", "GPE", span(MENTION_TEXT, "Kenya"), span(MENTION_TEXT, "Kenya", 1))]
    scores = {"entities": score_entities(GOLD_ENTS, preds, "m", GOLD_MENTIONS)}
    report = SetReport(tmp_path / "s.jsonl", 1, [], scores, 0.5, len(MENTION_TEXT))
    assert "mentions: GPE" in format_table([report])
    data = json.loads(format_json([report]))["sets"][0]["kinds"]["entities"]["scores"]
    assert data["mentions: overall"]["matched"] == 2 and data["mentions: overall"]["gold"] == 5
    md = format_markdown([report])
    assert "| s.jsonl (1 texts) | entities | mentions: overall | 100.0 | 40.0 | 57.1 | |" in md


def test_unit_names_of_one_unit_match():
    """Datasets name one unit differently ("degree Celsius", "celsius", "metre", "meter")."""
    assert unit_matches({"unit": "degree Celsius"}, "celsius")
    assert unit_matches({"unit": "degree fahrenheit"}, "fahrenheit")
    assert unit_matches({"unit": "celsius"}, "degrees Celsius")
    assert not unit_matches({"unit": "degree Celsius"}, "fahrenheit")
    assert not unit_matches({"unit": "degree"}, "celsius")
