"""The HTML view without a browser: markup of overlapping facts, the page, `extractor view`."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from typer.testing import CliRunner

from extractor import extract
from extractor.cli import app
from extractor.view import render_view
from extractor.view.marks import Mark, mark_up

from conftest import CORPUS

GOLDEN = CORPUS / "isipo_surge_in_production.txt"


class _Fragments(HTMLParser):
    """The text of each data-fact, gathered over its fragments, and the text as a whole."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str | None] = []
        self.texts: dict[str, str] = {}
        self.plain: list[str] = []
        self.first: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            a = dict(attrs)
            self.open.append(a.get("data-fact"))
            if a.get("tabindex") == "0":
                self.first.add(a["data-fact"])

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        self.plain.append(data)
        for fact in self.open:
            self.texts[fact] = self.texts.get(fact, "") + data


def _parse(markup: str) -> _Fragments:
    parser = _Fragments()
    parser.feed(markup)
    parser.close()
    return parser


def test_nested_and_crossing_marks_keep_text_and_spans():
    text = "The <Acme> board met on Monday & Tuesday."
    marks = [Mark(0, 22, "quotation", "s1", "q"), Mark(4, 10, "entity", "e1-m1", "e"),
             Mark(17, 30, "date", "d1", "d"), Mark(24, 40, "date", "d2", "d")]
    parsed = _parse(mark_up(text, marks))
    assert "".join(parsed.plain) == text
    assert parsed.texts == {"s1": text[0:22], "e1-m1": text[4:10], "d1": text[17:30], "d2": text[24:40]}
    assert parsed.first == {"s1", "e1-m1", "d1", "d2"}  # one focusable fragment each
    assert parsed.open == []


def test_the_golden_page_marks_every_fact_once_with_its_record():
    source = GOLDEN.read_text(encoding="utf-8")
    facts = extract(source, published="2020-06-01")
    html = render_view(source, facts)
    article = re.search(r'<article id="text"[^>]*>(.*)</article>', html, re.S).group(1)
    parsed = _parse(article)
    assert "".join(parsed.plain) == source
    expected = {f"{e.id}-m{i + 1}": m.text for e in facts.entities for i, m in enumerate(e.mentions)}
    expected |= {f.id: f.text for f in [*facts.quantities, *facts.dates, *facts.quotations, *facts.terms]}
    assert parsed.texts == expected
    assert 'data-tip="Quantity (count): 1,500\ncounted: inactive production units"' in html
    relayed = next(q for q in facts.quotations if q.via == "IRIB")
    assert f"cue: says\nvia: IRIB [{relayed.via_id}]" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "default-src 'none'" in html


def test_extractor_view_writes_the_page(tmp_path):
    out = tmp_path / "facts.html"
    result = CliRunner().invoke(app, ["view", str(GOLDEN), "--published", "2020-06-01", "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="fact-q1"' in page and "Mohsen Salehinia" in page
    bad = CliRunner().invoke(app, ["view", str(GOLDEN), "--published", "June"])
    assert bad.exit_code == 2 and "--published" in bad.output
    missing = CliRunner().invoke(app, ["view", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "nope.txt" in missing.output

