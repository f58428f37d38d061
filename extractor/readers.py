"""Turn inputs into texts: plain text files and stdin."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

MAX_BYTES = 10 * 1024 * 1024


@dataclass
class Document:
    """One text to extract from, with what the input says about it."""

    text: str
    id: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text of ``data``, or an InputError naming ``name`` and what is wrong with it."""
    if not data.strip():
        raise InputError(f"{name}: empty input")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise InputError(f"{name}: empty input")
    return text


def read_text(source: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read one plain-text document from a path or ``-`` (stdin)."""
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{source}: no such file")
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not a file")
        try:
            with path.open("rb") as f:
                data = f.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
        name = source
    if len(data) > max_bytes:
        raise InputError(f"{name}: too large (over {max_bytes} bytes)")
    return Document(text=decode_text(data, name), id=None if source == "-" else Path(source).stem,
                    source=None if source == "-" else str(source))
