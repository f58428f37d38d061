"""Batch output as tables: SQLite, Parquet or CSV, written as a stream and put in place whole.

``extractor batch`` writes JSON Lines shards of ArticleFacts; a user who loads millions of
facts wants tables to query. :func:`export` flattens every record into seven tables that
join on ``doc`` (the document's number in the export) and, for mentions, ``entity``:

- ``documents``: ``doc``, ``shard``, ``line`` (where the record is) and the ``meta`` fields;
- ``entities``: ``doc``, ``entity`` (its id, "e1"), name, label, aliases and roles (JSON arrays);
- ``mentions``: ``doc``, ``entity``, text, start, end;
- ``quantities``, ``dates``, ``quotations``, ``terms``: ``doc`` and the record's fields; a
  nested field becomes columns named with an underscore (``interval_start``,
  ``speaker_mention_text``, ``range_interval_end``).

The columns come from the record models (:mod:`extractor.records`), so a field added there
is exported without a change here. Rows are written in batches as the shards are read, so
memory stays flat however many shards there are; the result is written beside its target
and renamed into place only when complete.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sqlite3
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal

from pydantic import BaseModel

from ..records import DateFact, Entity, Mention, Meta, Quantity, Quotation, Term
from .atomic import atomic_path

FORMATS = ("sqlite", "parquet", "csv")
BATCH_ROWS = 5000
_SHARD_GLOB = "shard-*.jsonl"


class ExportError(Exception):
    """An export that cannot be made; the message names the input or output and the problem."""


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Column:
    name: str
    path: tuple[str, ...]  # where the value is in the record's JSON
    kind: str  # int, float, bool, str, date or json (a list, as JSON text)


def _kind(annotation: Any) -> tuple[str, type[BaseModel] | None]:
    """The column kind of a field's annotation, or the model a nested field holds."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        if set(args) == {int, float}:
            return "float", None
        return _kind(args[0])
    if origin is Literal:
        return "str", None
    if origin is list:
        return "json", None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "", annotation
    if annotation is bool:
        return "bool", None
    if annotation is int:
        return "int", None
    if annotation is float:
        return "float", None
    if annotation is dt.date:
        return "date", None
    return "str", None


def model_columns(model: type[BaseModel], skip: tuple[str, ...] = (), prefix: tuple[str, ...] = ()) -> list[Column]:
    """The columns of a record model, nested models flattened into ``outer_inner`` names."""
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        kind, nested = _kind(info.annotation)
        path = (*prefix, name)
        if nested is not None:
            columns.extend(model_columns(nested, prefix=path))
        else:
            columns.append(Column("_".join(path), path, kind))
    return columns


def _rename(columns: list[Column], old: str, new: str) -> list[Column]:
    return [Column(new, c.path, c.kind) if c.name == old else c for c in columns]


def _id_first(columns: list[Column]) -> list[Column]:
    return sorted(columns, key=lambda c: c.name != "id")  # stable: the rest keep their order


DOC = Column("doc", ("doc",), "int")
TABLES: dict[str, list[Column]] = {
    "documents": [DOC, Column("shard", ("shard",), "str"), Column("line", ("line",), "int"),
                  *model_columns(Meta)],
    "entities": [DOC, *_rename(model_columns(Entity, skip=("mentions",)), "id", "entity")],
    "mentions": [DOC, Column("entity", ("entity",), "str"), *model_columns(Mention)],
    "quantities": [DOC, *_id_first(model_columns(Quantity))],
    "dates": [DOC, *_id_first(model_columns(DateFact))],
    "quotations": [DOC, *_id_first(model_columns(Quotation))],
    "terms": [DOC, *_id_first(model_columns(Term))],
}
_LISTS = {"quantities": "quantities", "dates": "dates", "quotations": "quotations", "terms": "terms"}


def _value(record: dict[str, Any], column: Column) -> Any:
    value: Any = record
    for key in column.path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    if value is None:
        return None
    if column.kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if column.kind == "float":
        return float(value)
    if column.kind == "date":
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    return value


def table_rows(facts: dict[str, Any], doc: int, shard: str, line: int) -> Iterator[tuple[str, list[Any]]]:
    """The rows one ArticleFacts record (as JSON) gives, as (table, values in column order)."""
    # Rows are lists, not tuples: freed tuples stay in the interpreter's free lists, which
    # would make the export's memory look as if it grew with the number of rows.
    def row(table: str, item: dict[str, Any]) -> tuple[str, list[Any]]:
        return table, [_value(item, c) for c in TABLES[table]]

    yield row("documents", {**(facts.get("meta") or {}), "doc": doc, "shard": shard, "line": line})
    for entity in facts.get("entities") or ():
        yield row("entities", {**entity, "doc": doc, "entity": entity.get("id")})
        for mention in entity.get("mentions") or ():
            yield row("mentions", {**mention, "doc": doc, "entity": entity.get("id")})
    for table, key in _LISTS.items():
        for item in facts.get(key) or ():
            yield row(table, {**item, "doc": doc})


# --------------------------------------------------------------------------- reading the shards


def shard_files(facts_dir: str | Path) -> Iterator[Path]:
    """The finished shards of a batch output directory, in order: those its manifest lists
    (a shard a crashed run left unlisted is not finished), else every shard file. The
    manifest is read as the shards are: its length does not matter."""
    root = Path(facts_dir)
    if not root.is_dir():
        raise ExportError(f"{root}: not a directory of batch output")
    manifest = root / "manifest.jsonl"
    if not manifest.exists():
        files = sorted(root.glob(_SHARD_GLOB))
        if not files:
            raise ExportError(f"{root}: holds no shards (shard-NNNNNN.jsonl); is it the --out of `extractor batch`?")
        yield from files
        return
    with manifest.open("rb") as f:
        for line in f:
            try:
                name = json.loads(line).get("file")
            except (ValueError, AttributeError):
                continue  # a torn last line
            if isinstance(name, str):
                yield root / name


def iter_rows(facts_dir: str | Path) -> Iterator[tuple[str, list[Any]]]:
    """Every row of every table, shard by shard, line by line: nothing is held but one record."""
    doc = 0
    for path in shard_files(facts_dir):
        with path.open("rb") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    facts = json.loads(line)
                except ValueError as exc:
                    raise ExportError(f"{path}:{lineno}: not a JSON record ({exc})") from None
                doc += 1
                yield from table_rows(facts, doc, path.name, lineno)


# --------------------------------------------------------------------------- writers


@dataclass
class ExportSummary:
    path: str
    format: str
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    repeated_ids: int | None = None  # document ids that occur more than once (SQLite only)


def format_of(target: str | Path, format: str | None) -> str:
    if format is not None:
        if format not in FORMATS:
            raise ExportError(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
        return format
    suffix = Path(target).suffix.lower()
    if suffix in (".sqlite", ".sqlite3", ".db"):
        return "sqlite"
    if suffix == ".parquet":
        return "parquet"
    raise ExportError(f"{target}: cannot tell the format from the name; name it .sqlite or .parquet, "
                      "or give --format (csv writes a directory of .csv files)")


def export(facts_dir: str | Path, target: str | Path, format: str | None = None) -> ExportSummary:
    """Write the facts under ``facts_dir`` to ``target`` as SQLite (one file), Parquet or CSV
    (a directory with one file per table). ``target`` appears only when complete."""
    fmt = format_of(target, format)
    summary = ExportSummary(str(target), fmt)
    rows = iter_rows(facts_dir)
    if fmt == "sqlite":
        _write_sqlite(rows, Path(target), summary)
    elif fmt == "parquet":
        _write_parquet(rows, Path(target), summary)
    else:
        _write_csv(rows, Path(target), summary)
    return summary


_SQL_TYPES = {"int": "INTEGER", "float": "REAL", "bool": "INTEGER", "str": "TEXT", "date": "TEXT", "json": "TEXT"}


def _write_sqlite(rows: Iterator[tuple[str, list[Any]]], target: Path, summary: ExportSummary) -> None:
    with atomic_path(target) as tmp:
        con = sqlite3.connect(tmp)
        try:
            for table, columns in TABLES.items():
                cols = ", ".join(f'"{c.name}" {_SQL_TYPES[c.kind]}' for c in columns)
                con.execute(f'CREATE TABLE "{table}" ({cols})')
            inserts = {t: f'INSERT INTO "{t}" VALUES ({", ".join("?" * len(cs))})' for t, cs in TABLES.items()}
            # One cursor for every batch: each executemany on the connection makes a cursor
            # that keeps its batch alive until the garbage collector finds it.
            cur = con.cursor()
            pending: dict[str, list[list[Any]]] = {t: [] for t in TABLES}
            for table, values in rows:
                pending[table].append([v.isoformat() if isinstance(v, dt.date) else v for v in values])
                summary.rows[table] += 1
                if len(pending[table]) >= BATCH_ROWS:
                    cur.executemany(inserts[table], pending[table])
                    pending[table].clear()
            for table, batch in pending.items():
                cur.executemany(inserts[table], batch)
            con.execute('CREATE UNIQUE INDEX "documents_doc" ON "documents" ("doc")')
            con.execute('CREATE INDEX "documents_id" ON "documents" ("id")')
            for table in TABLES:
                if table != "documents":
                    con.execute(f'CREATE INDEX "{table}_doc" ON "{table}" ("doc")')
            summary.repeated_ids = con.execute(
                'SELECT COUNT(*) FROM (SELECT "id" FROM "documents" WHERE "id" IS NOT NULL '
                'GROUP BY "id" HAVING COUNT(*) > 1)').fetchone()[0]
            con.commit()
        finally:
            con.close()


def _write_csv(rows: Iterator[tuple[str, list[Any]]], target: Path, summary: ExportSummary) -> None:
    with atomic_path(target, directory=True) as tmp:
        files = {t: (tmp / f"{t}.csv").open("w", encoding="utf-8", newline="") for t in TABLES}
        try:
            writers = {t: csv.writer(f) for t, f in files.items()}
            for table, columns in TABLES.items():
                writers[table].writerow([c.name for c in columns])
            for table, values in rows:
                writers[table].writerow(values)
                summary.rows[table] += 1
            for f in files.values():
                f.flush()
                os.fsync(f.fileno())
        finally:
            for f in files.values():
                f.close()


def _write_parquet(rows: Iterator[tuple[str, list[Any]]], target: Path, summary: ExportSummary) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet needs pyarrow: pip install 'news-facts-extractor[export]'") from None
    types_ = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string(),
              "date": pa.date32(), "json": pa.string()}
    schemas = {t: pa.schema([(c.name, types_[c.kind]) for c in cs]) for t, cs in TABLES.items()}
    with atomic_path(target, directory=True) as tmp:
        writers = {t: pq.ParquetWriter(tmp / f"{t}.parquet", schemas[t]) for t in TABLES}
        pending: dict[str, list[list[Any]]] = {t: [] for t in TABLES}

        def flush(table: str) -> None:
            columns = list(zip(*pending[table], strict=True)) or [()] * len(TABLES[table])
            writers[table].write_table(pa.Table.from_arrays(
                [pa.array(list(col), type=f.type) for col, f in zip(columns, schemas[table], strict=True)],
                schema=schemas[table]))
            pending[table].clear()

        try:
            for table, values in rows:
                pending[table].append(values)
                summary.rows[table] += 1
                if len(pending[table]) >= BATCH_ROWS:
                    flush(table)
            for table in TABLES:
                if pending[table]:
                    flush(table)
        finally:
            for w in writers.values():
                w.close()
