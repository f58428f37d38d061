"""Archives that are truncated, corrupted or built to exhaust the reader: every problem leaves an
error row, and nothing read from a damaged part is trusted."""

import gzip
import json
import zlib
from io import BytesIO

import pytest

from extractor.io.readers import Document, Failure, iter_documents, read_document


def make_warc(path, n, gzipped):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzipped)
        for i in range(n):
            body = f"Harbour traffic rose {i} percent in August, the port board said on Tuesday.".encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example/{i}", "response",
                                                          payload=BytesIO(body), http_headers=http))


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]


@pytest.mark.parametrize("gzipped", [True, False])
@pytest.mark.parametrize("fraction", [0.3, 0.55, 0.81])
def test_a_truncated_warc_leaves_an_error(tmp_path, gzipped, fraction):
    whole = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    make_warc(whole, 20, gzipped)
    cut = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    data = whole.read_bytes()
    cut.write_bytes(data[: int(len(data) * fraction)])
    docs, failures = split(iter_documents([str(cut)]))
    assert 0 < len(docs) < 20
    assert len(failures) == 1 and "truncated" in failures[0].reason, failures
    # What was read is exactly the start of the archive, every document whole.
    assert [d.text for d in docs] == [d.text for d in split(iter_documents([str(whole)]))[0][: len(docs)]]


def flip_without_deflate_error(data: bytes) -> bytes:
    """``data`` (one gzip member) with a byte changed so that it still inflates, to garbage
    that only the CRC at the member's end reveals."""
    for pos in range(len(data) // 3, len(data) - 8):
        for mask in (0x01, 0x04, 0x10):
            bad = bytearray(data)
            bad[pos] ^= mask
            d = zlib.decompressobj(47)
            try:
                out = d.decompress(bytes(bad[:-8]))
            except zlib.error:
                continue
            if out != gzip.decompress(data):
                return bytes(bad)
    raise AssertionError("no suitable byte found")


def test_documents_of_a_corrupted_gzip_are_not_trusted(tmp_path):
    lines = [json.dumps({"id": f"d{i}", "text": f"Exports rose {i} percent in May, officials said."}).encode()
             + b"\n" for i in range(60)]
    good_member = gzip.compress(b"".join(lines[:30]))
    bad_member = flip_without_deflate_error(gzip.compress(b"".join(lines[30:])))
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(good_member + bad_member)
    docs, failures = split(iter_documents([str(path)]))
    # The first member verifies: its documents are kept, whole; nothing of the second is.
    assert [d.id for d in docs] == [f"d{i}" for i in range(30)]
    assert len(failures) == 1 and "corrupt gzip data" in failures[0].reason
    path.write_bytes(bad_member)  # one member: nothing of it can be trusted
    docs, failures = split(iter_documents([str(path)]))
    assert docs == [] and "corrupt gzip data" in failures[0].reason


def test_a_gzipped_pipe_is_checked_too(tmp_path, monkeypatch):
    import io
    import sys

    data = flip_without_deflate_error(gzip.compress(b'{"text": "Exports rose 5 percent in May."}\n' * 50))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    docs, failures = split(iter_documents(["-"], format="jsonl"))
    assert docs == [] and "corrupt gzip data" in failures[0].reason


def test_a_gzip_bomb_of_newlines_is_stopped_with_an_error(tmp_path):
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\n" * (1 << 20)
    bomb = b"".join(packer.compress(chunk) for _ in range(200)) + packer.flush()  # 200 MB in ~200 kB
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "Exports rose 5 percent in May."}\n') + bomb)
    docs, failures = split(iter_documents([str(path)]))
    assert len(failures) == 1 and "gzip bomb" in failures[0].reason
    assert len(docs) == 1  # the verified member before it is kept


def test_text_with_a_utf16_bom_is_read(tmp_path):
    path = tmp_path / "note.txt"
    text = "Exports rose 12 percent in May, the ministry said."
    path.write_bytes(text.encode("utf-16"))  # with its byte order mark
    assert read_document(str(path)).text == text
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8")  # a lone surrogate: not UTF-16
    with pytest.raises(Exception, match="not UTF-16 text"):
        read_document(str(path))


def test_invalid_json_says_where_once(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "unterminated')
    _, failures = split(iter_documents([str(path)]))
    assert failures[0].reason == "line 1: invalid JSON (Unterminated string starting at column 10)"
