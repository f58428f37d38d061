"""The one loader of lexicon files: word lists (.txt), tables (.tsv), rows (.jsonl, .json).

Every file has one entry a line; blank lines and lines starting with ``#`` are comments.
A table or row file is read into a row model (:mod:`extractor.lexicon.rows`); a line that
does not fit it (a missing field, a wrong type, an unknown key, a bad regular expression)
stops the load with a :class:`LexiconError` naming ``file:line`` and the reason, so a typo
in a data file is found when the pipeline is built, not as a wrong fact later.

A name is a path relative to ``extractor/resources/`` (``"shared/roles.tsv"``) or a path
on disk (a user's own file given in a component's config).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Sequence, TypeVar

from pydantic import BaseModel, ValidationError

from .. import resources
from .errors import LexiconError

RowT = TypeVar("RowT", bound=BaseModel)


def locate(name: str | Path) -> Path:
    """The file a name stands for: a path on disk if one exists, else a shipped resource."""
    p = Path(name)
    if p.is_absolute() or p.exists():
        return p
    return resources.path(str(name))


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line without its newline) for every line that is not blank or a comment."""
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                yield number, line.rstrip("\n")


def load_words(name: str | Path) -> tuple[str, ...]:
    """A word list in file order, one word or phrase a line."""
    return _words(*_version(name))


def _version(name: str | Path) -> tuple[str, int, int]:
    """The file with its modification time and size: the key under which a word list is
    cached, so a file rewritten in place (a pipeline saved and loaded again) is read anew."""
    path = locate(name)
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=None)
def _words(path: str, _mtime: int, _size: int) -> tuple[str, ...]:
    words = []
    for number, line in numbered_lines(Path(path)):
        if "\t" in line:
            raise LexiconError(path, number, "a tab in a word list (is this a .tsv table?)")
        words.append(line.strip())
    return tuple(words)


def word_set(name: str | Path, *, lower: bool = False) -> frozenset[str]:
    """A word list as a set, lower-cased on request."""
    words = load_words(name)
    return frozenset(w.lower() for w in words) if lower else frozenset(words)


def load_words_union(*names: str | Path, lower: bool = False) -> frozenset[str]:
    """Several word lists as one set (a shared list plus a component's own extra words)."""
    return frozenset().union(*(word_set(n, lower=lower) for n in names))


def load_table(name: str | Path, model: type[RowT]) -> tuple[RowT, ...]:
    """A tab-separated table, its columns in the order of the model's fields; missing
    trailing columns take the field's default."""
    return tuple(iter_table(name, model))


def iter_table(name: str | Path, model: type[RowT]) -> Iterator[RowT]:
    """The rows of a table one by one: a large gazetteer is never held twice in memory."""
    path = locate(name)
    fields = list(model.model_fields)
    for number, line in numbered_lines(path):
        cells = line.split("\t")
        if len(cells) > len(fields):
            raise LexiconError(path, number, f"{len(cells)} columns, {model.__name__} has {len(fields)}: "
                                             + ", ".join(fields))
        yield _validate(model, dict(zip(fields[:len(cells)], cells, strict=True)), path, number)


def load_rows(name: str | Path, model: type[RowT]) -> tuple[RowT, ...]:
    """A JSON-lines file, one object a line."""
    path = locate(name)
    rows = []
    for number, line in numbered_lines(path):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise LexiconError(path, number, f"not JSON: {e.msg} at column {e.colno}") from None
        if not isinstance(data, dict):
            raise LexiconError(path, number, f"a JSON object expected, got {type(data).__name__}")
        rows.append(_validate(model, data, path, number))
    return tuple(rows)


def load_json(name: str | Path, model: type[RowT]) -> RowT:
    """A JSON document read into one model; an error names the line of the offending key."""
    path = locate(name)
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise LexiconError(path, e.lineno, f"not JSON: {e.msg} at column {e.colno}") from None
    try:
        return model.model_validate(data)
    except ValidationError as e:
        lines = [_line_of_key(text, err["loc"][0]) for err in e.errors() if err["loc"]]
        raise LexiconError(path, min((n for n in lines if n), default=1), _reason(e)) from None


def as_dicts(rows: Sequence[BaseModel]) -> list[dict[str, Any]]:
    """Rows as the plain dicts they were written as (fields a line left out stay out)."""
    return [r.model_dump(by_alias=True, exclude_unset=True) for r in rows]


def _validate(model: type[RowT], data: dict[str, Any], path: str | Path, number: int) -> RowT:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise LexiconError(path, number, _reason(e)) from None


def _reason(error: ValidationError) -> str:
    parts = []
    for e in error.errors():
        where = ".".join(str(p) for p in e["loc"])
        if e["type"] == "extra_forbidden":
            parts.append(f"unknown key {where!r}")
        elif e["type"] == "missing":
            parts.append(f"missing key {where!r}")
        else:
            parts.append(f"{where}: {e['msg']}" if where else e["msg"])
    return "; ".join(parts)


def _line_of_key(text: str, key: str | int) -> int | None:
    """The first line where a key is written (None for a key the text lacks)."""
    needle = f'"{key}"'
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return None
