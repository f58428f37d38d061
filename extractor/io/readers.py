"""Turn inputs into texts: plain text, HTML pages, JSON Lines archives, WARC crawls, stdin.

Every input is streamed: an archive is read record by record and never held whole, and no
single document may exceed ``max_bytes``. A document that cannot be read becomes a
:class:`Failure` naming where it is and what is wrong with it, so a batch run goes on.

Each document carries a ``key``, its position in the input ("archive.jsonl.gz:12" for line 12,
"crawl.warc.gz@5120" for the record at that byte offset, the path for a single file): the
batch engine uses it to resume exactly where a run stopped.
"""

from __future__ import annotations

import codecs
import datetime as dt
import glob
import gzip
import io
import json
import os
import shutil
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Container, Iterable, Iterator

from ..errors import InputError
from .gzip_check import GzipCheck, check_gzip

MAX_BYTES = 10 * 1024 * 1024
FORMATS = ("text", "html", "jsonl", "warc")

_SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".arc": "warc",
}
# Keys of a JSONL record's ``meta`` that describe the article (the rest of extractor's Meta).
_META_KEYS = ("title", "published", "dateline", "publisher", "byline", "license")
_GZIP_MAGIC = b"\x1f\x8b"


class Unreadable(InputError):
    """A document that cannot be read; ``problem`` says why without naming the input."""

    def __init__(self, problem: str, name: str | None = None) -> None:
        self.problem = problem
        super().__init__(f"{name}: {problem}" if name else problem)


@dataclass
class Document:
    """One text to extract from, with what the input says about it.

    ``html`` holds the raw page of an HTML document whose main text is not extracted yet
    (batch runs leave that work to the worker processes); :func:`load_html` fills ``text``.
    """

    text: str
    id: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    key: str | None = None
    html: bytes | None = None

    def record_meta(self) -> dict[str, Any]:
        """What the input says about the article, as keys of the records' ``meta``."""
        meta = {k: self.meta[k] for k in _META_KEYS if self.meta.get(k) and k != "published"}
        meta.update(id=self.id, source=self.source)
        return meta


@dataclass
class Failure:
    """A document of the input that could not be read."""

    key: str
    reason: str
    id: str | None = None
    source: str | None = None


# --------------------------------------------------------------------------- plain text


_UTF16_32_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                  (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode(data: bytes) -> str:
    if not data.strip():
        raise Unreadable("empty input")
    for bom, encoding in _UTF16_32_BOMS:
        # Text saved as "Unicode" by Windows tools: its zero bytes are no sign of binary data.
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise Unreadable(f"not {encoding.upper()} text (invalid bytes at offset {exc.start})") from None
            if not text.strip():
                raise Unreadable("empty input")
            return text
    if b"\x00" in data[:8192]:
        raise Unreadable("binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise Unreadable("empty input")
    return text


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text of ``data``, or an InputError naming ``name`` and what is wrong with it."""
    try:
        return _decode(data)
    except Unreadable as exc:
        raise Unreadable(exc.problem, name) from None


def _read_limited(f: IO[bytes], max_bytes: int) -> bytes:
    data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Unreadable(f"too large (over {max_bytes} bytes)")
    return data


def _open_file(path: str) -> IO[bytes]:
    p = Path(path)
    if not p.exists():
        raise Unreadable("no such file")
    if p.is_dir():
        raise Unreadable("is a directory, not a file")
    try:
        return p.open("rb")
    except OSError as exc:
        raise Unreadable(f"cannot read ({exc.strerror or exc})") from None


def read_text(source: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read one plain-text document from a path or ``-`` (stdin)."""
    name = "<stdin>" if source == "-" else source
    try:
        if source == "-":
            data = _read_limited(sys.stdin.buffer, max_bytes)
        else:
            with _open_file(source) as f:
                data = _read_limited(f, max_bytes)
        text = _decode(data)
    except OSError as exc:
        raise Unreadable(f"cannot read ({exc.strerror or exc})", name) from None
    except Unreadable as exc:
        raise Unreadable(exc.problem, name) from None
    return Document(text=text, id=None if source == "-" else Path(source).stem,
                    source=None if source == "-" else str(source), key=name)


# --------------------------------------------------------------------------- HTML


def load_html(doc: Document) -> Document:
    """Fill ``doc.text`` and its metadata from ``doc.html`` with trafilatura's main-text extraction.

    Metadata the input already gave (a JSONL ``meta``, say) wins over what the page says.
    """
    if doc.html is None:
        return doc
    data, doc.html = doc.html, None
    if not data.strip():
        raise Unreadable("empty input")
    if b"\x00" in data[:8192]:
        raise Unreadable("binary data, not HTML")
    import trafilatura  # slow to import; only HTML needs it
    from trafilatura.settings import Document as ExtractedPage

    try:
        found = trafilatura.bare_extraction(
            data, url=doc.meta.get("url"), with_metadata=True, include_comments=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura and lxml raise a zoo of types on broken markup
        raise Unreadable(f"cannot parse HTML ({type(exc).__name__})") from None
    # Without as_dict, trafilatura returns its Document, or None when it finds nothing.
    text = (found.text or "") if isinstance(found, ExtractedPage) else ""
    if not isinstance(found, ExtractedPage) or not text.strip():
        raise Unreadable("no main text found in the HTML")
    doc.text = text
    page = {"title": found.title, "publisher": found.sitename or None,
            "published": _date_or_none(found.date)}
    if found.license:
        from ..layout.component import license_to_spdx

        page["license"] = license_to_spdx(found.license)
    for k, v in page.items():
        if v and not doc.meta.get(k):
            doc.meta[k] = v
    if doc.source is None and found.url:
        doc.source = found.url
    return doc


def _date_or_none(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------- JSON Lines


def _lines(f: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of ``f``; ``None`` for a line over ``max_bytes``, skipped without storing it."""
    lineno = 0
    while True:
        line = f.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
        else:
            yield lineno, line


def _jsonl_record(line: bytes) -> dict[str, Any]:
    try:
        raw = line.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not UTF-8 (invalid byte at offset {exc.start})") from None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        # Some messages end in "at" ("Unterminated string starting at"): the column completes them.
        where = f"{exc.msg} column" if exc.msg.endswith(" at") else f"{exc.msg} at column"
        raise Unreadable(f"invalid JSON ({where} {exc.colno})") from None
    if not isinstance(record, dict):
        raise Unreadable(f"not a JSON object but {type(record).__name__}")
    return record


def _doc_from_record(record: dict[str, Any], key: str, default_id: str, where: str) -> Document:
    rid = record.get("id")
    doc_id = str(rid) if isinstance(rid, (str, int)) and str(rid).strip() else default_id
    url = record.get("url") if isinstance(record.get("url"), str) else None
    meta: dict[str, Any] = {}
    extra = record.get("meta")
    if isinstance(extra, dict):
        meta.update({k: extra[k] for k in _META_KEYS if isinstance(extra.get(k), str)})
    if isinstance(record.get("title"), str):
        meta["title"] = record["title"]
    if isinstance(record.get("published"), str):
        meta["published"] = record["published"]
    if "published" in meta:
        # An unparseable date is dropped rather than failing the document: its text is fine.
        meta["published"] = _date_or_none(meta["published"])
        if meta["published"] is None:
            del meta["published"]
    if url:
        meta["url"] = url
    text = record.get("text")
    if text is None:
        raise Unreadable('no "text" field')
    if not isinstance(text, str):
        raise Unreadable(f'"text" is {type(text).__name__}, not a string')
    if not text.strip():
        raise Unreadable("empty text")
    return Document(text=text, id=doc_id, source=url or where, meta=meta, key=key)


def _iter_jsonl(f: IO[bytes], name: str, where: str, max_bytes: int,
                skip: Container[str]) -> Iterator[Document | Failure]:
    """The records of a JSON Lines stream; ``where`` is the input's canonical path, for keys."""
    stem = _stem(name)
    for lineno, line in _lines(f, max_bytes):
        key, source = f"{where}:{lineno}", f"{name}:{lineno}"
        if key in skip:
            continue
        if line is None:
            yield Failure(key, f"line {lineno}: too large (over {max_bytes} bytes)", source=source)
            continue
        if not line.strip():
            continue
        record: dict[str, Any] = {}
        try:
            record = _jsonl_record(line)
            yield _doc_from_record(record, key, f"{stem}:{lineno}", source)
        except Unreadable as exc:
            rid = record.get("id")
            yield Failure(key, f"line {lineno}: {exc.problem}",
                          id=str(rid) if isinstance(rid, (str, int)) else None, source=source)


# --------------------------------------------------------------------------- WARC


class _WarcCut(Exception):
    """The archive cannot be trusted from byte ``offset`` on."""

    def __init__(self, offset: int, problem: str) -> None:
        super().__init__(problem)
        self.offset, self.problem = offset, problem


def _warc_document(record: Any, max_bytes: int) -> Document | Failure | None:
    """The article a WARC record holds; None for records that are no articles."""
    if record.rec_type not in ("response", "resource"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not (headers.get_statuscode() or "").startswith("2"):
            return None  # redirects, errors, DNS records: not articles
        ctype = headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    kind = _kind_of_content_type(ctype)
    if kind is None:
        return None
    doc_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>") or None
    source = uri
    try:
        try:
            data = _read_limited(record.content_stream(), max_bytes)
        except Unreadable:
            raise
        except Exception as exc:  # a corrupt record body
            raise Unreadable(f"unreadable record ({type(exc).__name__}: {_first_line(str(exc))})") from None
        if kind == "html":
            if not data.strip():
                raise Unreadable("empty input")
            return Document(text="", id=doc_id, source=source, html=data,
                            meta={"url": uri} if uri else {})
        return Document(text=_decode(data), id=doc_id, source=source)
    except Unreadable as exc:
        return Failure("", exc.problem, id=doc_id, source=source)


def _whole_records(records: Any, check: GzipCheck | None,
                   read: Callable[[Any], Document | Failure | None]) -> Iterator[tuple[Document | Failure | None, int]]:
    """What ``read`` makes of each whole record of a warcio iterator, with the record's offset.

    Raises _WarcCut where the archive stops being trustworthy: a record past the verified
    gzip members, a record cut short, bytes after the last whole record (a record whose
    headers are cut off)."""
    for record in records:
        if check is not None and check.problem and records.offset >= check.trusted_in:
            raise _WarcCut(records.offset, check.problem)
        if record.format != "arc" and record.rec_headers.get_header("Content-Length") is None:
            # Every WARC record states its length: its headers are cut off.
            raise _WarcCut(records.offset, "truncated WARC: a record's headers are cut off")
        item = read(record)
        # warcio finds where a record ends (and so its offset) by reading on to its end.
        offset = records.get_record_offset()
        if getattr(record.raw_stream, "limit", 0) > 0:
            raise _WarcCut(offset, "truncated WARC: the record is cut off")
        yield item, offset
    if check is not None and check.problem:
        raise _WarcCut(max(records.offset, check.trusted_in), check.problem)
    if records.offset < records.fh.tell():
        raise _WarcCut(records.offset, "truncated WARC: the archive ends inside a record")


def _iter_warc(f: IO[bytes], name: str, where: str, max_bytes: int, skip: Container[str],
               check: GzipCheck | None = None) -> Iterator[Document | Failure]:
    """The articles of a WARC stream; ``check`` (of a gzipped file) says how far it is intact."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(f, arc2warc=True)
    try:
        for item, offset in _whole_records(records, check, lambda r: _warc_document(r, max_bytes)):
            key = f"{where}@{offset}"
            if item is None or key in skip:
                continue
            item.key, item.id, item.source = key, item.id or key, item.source or f"{name}@{offset}"
            yield item
    except _WarcCut as cut:
        yield from _cut_failure(cut.offset, cut.problem, name, where, skip, None)
    except ArchiveLoadFailed as exc:
        if records.offset == 0:
            yield Failure(f"{where}@?", f"not a readable WARC archive ({_first_line(str(exc))})", source=name)
            return
        yield from _cut_failure(records.offset, f"truncated or corrupt WARC record ({_first_line(str(exc))})",
                                name, where, skip, check)
    except Exception as exc:  # warcio on a record whose headers are cut off or garbled
        yield from _cut_failure(records.offset, f"truncated or corrupt WARC record ({type(exc).__name__}: "
                                f"{_first_line(str(exc))})", name, where, skip, check)


def _cut_failure(offset: int, problem: str, name: str, where: str, skip: Container[str],
                 check: GzipCheck | None) -> Iterator[Failure]:
    """The failure of a WARC archive that cannot be read on from ``offset``; a gzip check's
    finding, when there is one, is the better explanation."""
    if check is not None and check.problem:
        problem = check.problem
    if f"{where}@{offset}" not in skip:
        yield Failure(f"{where}@{offset}", f"{problem}; nothing after byte {offset} is read",
                      source=f"{name}@{offset}")


def _first_line(text: str, limit: int = 200) -> str:
    return text.strip().splitlines()[0][:limit] if text.strip() else ""


def _kind_of_content_type(ctype: str) -> str | None:
    ctype = ctype.split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype == "text/plain":
        return "text"
    return None


# --------------------------------------------------------------------------- dispatch


def _stem(name: str) -> str:
    base = os.path.basename(name) or name
    for suffix in (".gz", ".jsonl", ".ndjson", ".warc", ".arc", ".html", ".htm", ".txt"):
        if base.lower().endswith(suffix) and len(base) > len(suffix):
            base = base[: -len(suffix)]
    return base


def format_of_name(name: str) -> str | None:
    """The format a file name announces (``.jsonl.gz`` is JSONL), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return _SUFFIXES.get(os.path.splitext(lower)[1])


def sniff_format(head: bytes) -> str:
    """Guess the format of an input from its first bytes (after any gzip layer)."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    lower = stripped[:200].lower()
    if lower.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lower:
        return "html"
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            record = json.loads(first)
        except ValueError:
            return "text"
        if isinstance(record, dict) and "text" in record:
            return "jsonl"
    return "text"


class _Peekable(io.RawIOBase):
    """A stream that gives back ``head`` before the rest of ``raw``: sniffing without seeking."""

    def __init__(self, head: bytes, raw: IO[bytes]) -> None:
        self._head, self._raw = head, raw

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._raw.read(len(b))
        b[: len(data)] = data
        return len(data)


class _Trusted(io.RawIOBase):
    """The first ``limit`` bytes of ``raw``; reading on raises Unreadable(``problem``)."""

    def __init__(self, raw: IO[bytes], limit: int, problem: str) -> None:
        self._raw, self._left, self._problem = raw, limit, problem

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._left <= 0:
            raise Unreadable(self._problem)
        data = self._raw.read(min(len(b), self._left))
        self._left -= len(data)
        b[: len(data)] = data
        return len(data)


def _checked(f: IO[bytes]) -> tuple[IO[bytes], GzipCheck | None]:
    """``f`` from its start and, when it is gzip, how far its members verify. A gzipped pipe
    is first copied to a temporary file: its members must be checked before any is used."""
    if f.seekable():
        start = f.tell()
        head = f.read(2)
        f.seek(start)
    else:
        head = f.read(2)
        if head != _GZIP_MAGIC:
            return io.BufferedReader(_Peekable(head, f), 1 << 16), None
        spool = tempfile.TemporaryFile()
        spool.write(head)
        shutil.copyfileobj(f, spool, 1 << 20)
        spool.seek(0)
        f, start = spool, 0
    if head != _GZIP_MAGIC:
        return f, None
    check = check_gzip(f)
    f.seek(start)
    return f, check


def _open_stream(f: IO[bytes], check: GzipCheck | None = None) -> tuple[IO[bytes], bytes]:
    """``f`` with any gzip layer removed (served only as far as ``check`` verified it), and
    its first bytes for sniffing."""
    head = f.read(4096)
    stream: IO[bytes] = io.BufferedReader(_Peekable(head, f), 1 << 16)
    if head.startswith(_GZIP_MAGIC):
        inner: IO[bytes] = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        if check is not None and check.problem:
            inner = _Trusted(inner, check.trusted_out, check.problem)  # type: ignore[assignment]
        head = inner.read(4096) or b""
        return io.BufferedReader(_Peekable(head, inner), 1 << 16), head
    return stream, head


def _iter_stream(f: IO[bytes], name: str, where: str, format: str | None, max_bytes: int,
                 skip: Container[str]) -> Iterator[Document | Failure]:
    fmt = format or format_of_name(name)
    f, check = _checked(f)
    if fmt == "warc":  # warcio reads the gzip members itself, record by record
        yield from _iter_warc(f, name, where, max_bytes, skip, check)
        return
    stream, head = _open_stream(f, check)
    fmt = fmt or sniff_format(head)
    if fmt == "jsonl":
        yield from _iter_jsonl(stream, name, where, max_bytes, skip)
        return
    if fmt == "warc":
        yield from _iter_warc(stream, name, where, max_bytes, skip)
        return
    if where in skip:
        return
    data = _read_limited(stream, max_bytes)
    doc_id = None if name == "<stdin>" else _stem(name)
    source = None if name == "<stdin>" else name
    if fmt == "html":
        if not data.strip():
            raise Unreadable("empty input")
        yield Document(text="", id=doc_id, source=source, key=where, html=data)
    else:
        yield Document(text=_decode(data), id=doc_id, source=source, key=where)


def input_key(source: str) -> str:
    """How an input is named in document keys: its canonical path, however it was spelled
    ("a.jsonl", "./a.jsonl", "/data/a.jsonl"), so that --resume recognises it."""
    return "<stdin>" if source == "-" else os.path.realpath(source)


def iter_source(source: str, *, format: str | None = None, max_bytes: int = MAX_BYTES,
                skip: Container[str] = ()) -> Iterator[Document | Failure]:
    """The documents of one file (or ``-`` for stdin), streamed; HTML is left in ``doc.html``."""
    name = "<stdin>" if source == "-" else source
    where = input_key(source)
    if where in skip:
        return
    try:
        if source == "-":
            yield from _iter_stream(sys.stdin.buffer, name, where, format, max_bytes, skip)
            return
        with _open_file(source) as f:
            yield from _iter_stream(f, name, where, format, max_bytes, skip)
    except Unreadable as exc:
        yield Failure(where, exc.problem, source=name)
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(where, f"cannot read ({getattr(exc, 'strerror', None) or exc})", source=name)


def expand_inputs(inputs: Iterable[str], *, format: str | None = None) -> Iterator[str]:
    """Files named by paths, directories (searched recursively) and glob patterns, in order.

    A directory contributes the files whose names announce a known format (any non-hidden
    file when ``format`` is given). Raises InputError for a path or pattern that names nothing.
    """
    for item in inputs:
        if item == "-":
            yield item
        elif os.path.isdir(item):
            found = False
            for root, dirs, files in os.walk(item):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and (format or format_of_name(f)):
                        found = True
                        yield os.path.join(root, f)
            if not found:
                raise InputError(f"{item}: directory holds no text, HTML, JSONL or WARC files")
        elif os.path.exists(item):
            yield item
        elif glob.has_magic(item):
            matches = sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p))
            if not matches:
                raise InputError(f"{item}: no file matches")
            yield from matches
        else:
            raise InputError(f"{item}: no such file")


def iter_documents(inputs: Iterable[str], *, format: str | None = None, max_bytes: int = MAX_BYTES,
                   skip: Container[str] = ()) -> Iterator[Document | Failure]:
    """Every document of every input, streamed, with failures in their place.

    Documents whose key is in ``skip`` are passed over without being parsed.
    """
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
    for path in expand_inputs(inputs, format=format):
        yield from iter_source(path, format=format, max_bytes=max_bytes, skip=skip)


def count_documents(paths: Iterable[str], *, format: str | None = None) -> int | None:
    """About how many documents the inputs hold (lines, files, WARC responses), read cheaply.

    None when an input is stdin. Used for a progress bar's ETA, so approximate is fine.
    """
    total = 0
    for path in paths:
        if path == "-":
            return None
        fmt = format or format_of_name(path)
        try:
            if fmt == "warc":
                from warcio.archiveiterator import ArchiveIterator

                with open(path, "rb") as f:
                    total += sum(1 for r in ArchiveIterator(f) if r.rec_type in ("response", "resource"))
                continue
            with open(path, "rb") as raw:
                stream, head = _open_stream(raw)
                if (fmt or sniff_format(head)) != "jsonl":
                    total += 1
                    continue
                ends_with_newline = True
                while chunk := stream.read(1 << 20):
                    total += chunk.count(b"\n")
                    ends_with_newline = chunk.endswith(b"\n")
                total += 0 if ends_with_newline else 1
        except Exception:
            total += 1
    return total


def read_document(source: str, *, format: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Exactly one document from a file of any format (or ``-``), its HTML already extracted.

    Plain text from stdin unless ``format`` says otherwise. Raises InputError naming the input.
    """
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
    if format == "text" or (format is None and (source == "-" or format_of_name(source) == "text")):
        return read_text(source, max_bytes=max_bytes)
    name = "<stdin>" if source == "-" else source
    found: Document | None = None
    for item in iter_source(source, format=format, max_bytes=max_bytes):
        if found is not None:
            raise InputError(f"{name}: holds more than one document; use `extractor batch`")
        if isinstance(item, Failure):
            raise Unreadable(item.reason, name)
        found = item
    if found is None:
        raise InputError(f"{name}: holds no document")
    try:
        return load_html(found)
    except Unreadable as exc:
        raise Unreadable(exc.problem, name) from None
