"""Readers: every format streamed into Documents, every unreadable record a Failure with its reason."""

import gzip
import io
import json
import sys
from io import BytesIO

import pytest

from extractor.errors import InputError
from extractor.io.readers import (
    Document, Failure, count_documents, expand_inputs, iter_documents, load_html, read_document,
    sniff_format,
)

PAGE = """<!DOCTYPE html><html><head><title>Harbour traffic climbs | The Coast Courier</title>
<meta property="og:site_name" content="The Coast Courier">
<meta property="article:published_time" content="2022-09-14T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/sport">Sport</a></nav>
<article><h1>Harbour traffic climbs</h1>
<p>PORTVILLE - Ship calls at the harbour rose by a fifth in August, the port board said on
Tuesday, as ferry routes reopened after the summer storms and two new cargo lines began.</p>
<p>"The quays have not been this busy in a decade," the harbour master told reporters.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


def jsonl(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def docs_and_failures(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)])


def make_warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=str(path).endswith(".gz"))
        for uri, status, ctype, body in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body),
                                                          http_headers=http))


def test_jsonl_records_carry_id_source_and_meta(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(jsonl(
        {"id": "a1", "text": "Bread prices rose 3 percent.", "published": "2023-02-01",
         "url": "https://news.example/a1", "meta": {"publisher": "Example Wire", "colour": "red"}},
        {"text": "Rail fares fell in May.", "title": "Fares", "published": "sometime"},
    ))
    (a, b), failures = docs_and_failures(iter_documents([str(path)]))
    assert failures == []
    assert (a.id, a.source, a.key) == ("a1", "https://news.example/a1", f"{path}:1")
    assert a.meta["publisher"] == "Example Wire" and "colour" not in a.meta
    assert str(a.meta["published"]) == "2023-02-01"
    assert (b.id, b.source) == ("wire:2", f"{path}:2")
    assert b.meta == {"title": "Fares"}  # an unreadable date is dropped, the text kept


def test_gzipped_jsonl_is_read_as_a_stream(tmp_path):
    path = tmp_path / "archive.jsonl.gz"
    with gzip.open(path, "wb") as f:
        f.write(jsonl(*({"id": str(i), "text": f"Story number {i}."} for i in range(50))))
    docs, failures = docs_and_failures(iter_documents([str(path)]))
    assert [d.id for d in docs] == [str(i) for i in range(50)] and failures == []
    assert count_documents([str(path)]) == 50


def test_broken_jsonl_lines_become_failures_with_line_numbers(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_bytes(jsonl(
        {"id": "ok1", "text": "Wheat output rose."},
        b'{"id": "cut", "text": "half a rec',
        b"\x00\x9f\x92\x96\xff binary junk",
        {"id": "blank", "text": "   \n "},
        {"id": "notext", "body": "Where is the text?"},
        {"id": "number", "text": 42},
        b"[1, 2, 3]",
        {"id": "huge", "text": "word " * 400},
        b"",
        {"id": "ok2", "text": "Coal imports fell."},
    ))
    docs, failures = docs_and_failures(iter_documents([str(path)], max_bytes=1000))
    assert [d.id for d in docs] == ["ok1", "ok2"]
    reasons = {f.key.rsplit(":", 1)[1]: f.reason for f in failures}
    assert set(reasons) == {"2", "3", "4", "5", "6", "7", "8"}
    assert reasons["2"].startswith("line 2: invalid JSON")
    assert reasons["3"].startswith("line 3: not UTF-8")
    assert reasons["4"] == "line 4: empty text"
    assert reasons["5"] == 'line 5: no "text" field'
    assert "not a string" in reasons["6"]
    assert "not a JSON object" in reasons["7"]
    assert "too large" in reasons["8"]
    assert {f.id for f in failures if f.key.endswith((":4", ":5"))} == {"blank", "notext"}


def test_skip_passes_over_done_documents(tmp_path):
    path = tmp_path / "w.jsonl"
    path.write_bytes(jsonl(*({"text": f"Item {i}."} for i in range(5))))
    docs, _ = docs_and_failures(iter_documents([str(path)], skip={f"{path}:2", f"{path}:4"}))
    assert [d.key for d in docs] == [f"{path}:{n}" for n in (1, 3, 5)]


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(str(path))
    assert "Ship calls at the harbour rose" in doc.text
    assert "Subscribe" not in doc.text and "Sport" not in doc.text
    assert doc.meta["title"] == "Harbour traffic climbs"
    assert doc.meta["publisher"] == "The Coast Courier"
    assert str(doc.meta["published"]) == "2022-09-14"
    assert (doc.id, doc.source) == ("story", str(path))


@pytest.mark.parametrize("page, problem", [(b"  ", "empty"), (b"<html><body></body></html>", "no main text")])
def test_html_without_text_is_refused(page, problem):
    with pytest.raises(InputError, match=problem):
        load_html(Document(text="", html=page))


def test_warc_responses_go_through_the_html_reader(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    make_warc(path, [
        ("https://news.example/harbour", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n...."),
        ("https://news.example/old", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
        ("https://news.example/empty", "200 OK", "text/html", b""),
        ("https://news.example/brief.txt", "200 OK", "text/plain", b"Tin prices rose 2 percent."),
    ])
    docs, failures = docs_and_failures(iter_documents([str(path)]))
    assert [d.source for d in docs] == ["https://news.example/harbour", "https://news.example/brief.txt"]
    assert docs[0].html is not None and "harbour rose" in load_html(docs[0]).text
    assert docs[1].text == "Tin prices rose 2 percent."
    assert [(f.source, f.reason) for f in failures] == [("https://news.example/empty", "empty input")]
    keys = [d.key for d in docs] + [f.key for f in failures]
    assert len(set(keys)) == 3 and all(k.startswith(f"{path}@") for k in keys)
    # Resuming skips a record by its offset.
    again, _ = docs_and_failures(iter_documents([str(path)], skip={docs[0].key}))
    assert [d.key for d in again] == [docs[1].key]


def test_directory_and_glob_expand_to_known_formats(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("a.txt", "b/c.html", "b/d.jsonl.gz", "e.png", ".hidden.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert [p[len(str(tmp_path)) + 1:] for p in expand_inputs([str(tmp_path)])] == ["a.txt", "b/c.html", "b/d.jsonl.gz"]
    assert list(expand_inputs([str(tmp_path / "b" / "*.html")])) == [str(tmp_path / "b" / "c.html")]
    with pytest.raises(InputError, match="no file matches"):
        list(expand_inputs([str(tmp_path / "*.warc")]))
    with pytest.raises(InputError, match="no such file"):
        list(expand_inputs([str(tmp_path / "missing.txt")]))


def test_unreadable_text_files_are_failures_not_exceptions(tmp_path):
    (tmp_path / "good.txt").write_text("Copper output rose.", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_bytes(b"a" * 2000)
    docs, failures = docs_and_failures(iter_documents([str(tmp_path)], max_bytes=1000))
    assert [d.id for d in docs] == ["good"]
    reasons = {f.key.rsplit("/", 1)[1]: f.reason for f in failures}
    assert reasons == {"big.txt": "too large (over 1000 bytes)", "empty.txt": "empty input",
                       "latin.txt": "not UTF-8 text (invalid byte at offset 3)"}


def test_sniffing_formats_of_unnamed_input():
    assert sniff_format(b"WARC/1.0\r\n") == "warc"
    assert sniff_format(b"\n<!DOCTYPE html><html>") == "html"
    assert sniff_format(b'{"text": "Oil rose.", "id": 1}\n{"text"') == "jsonl"
    assert sniff_format(b"{Braces} open this press release.") == "text"
    assert sniff_format(b"Exports rose 12 percent.") == "text"


def test_read_document_from_stdin_by_format(monkeypatch):
    data = jsonl({"id": "s1", "text": "Gold rose 1 percent."})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = read_document("-", format="jsonl")
    assert (doc.id, doc.text) == ("s1", "Gold rose 1 percent.")


def test_read_document_wants_exactly_one(tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_bytes(jsonl({"text": "One."}, {"text": "Two."}))
    with pytest.raises(InputError, match="more than one document"):
        read_document(str(path))
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"{oops\n")
    with pytest.raises(InputError, match=r"bad.jsonl: line 1: invalid JSON"):
        read_document(str(bad))
    with pytest.raises(InputError, match="unknown format"):
        read_document(str(path), format="pdf")


def test_extract_command_reads_html_with_its_metadata(tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    page = tmp_path / "story.htm"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout)["meta"]
    assert (meta["title"], meta["publisher"], meta["published"]) == (
        "Harbour traffic climbs", "The Coast Courier", "2022-09-14")
    assert (meta["id"], meta["source"]) == ("story", str(page))
