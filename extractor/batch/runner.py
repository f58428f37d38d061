"""The batch runner: many documents in, JSON Lines shards of ArticleFacts out, resumable.

The main process streams the inputs (:mod:`extractor.io.readers`), groups documents into
shards and hands each shard to an engine (:mod:`.local_engine`, :mod:`.dask_engine`); workers
build the pipeline once and send back compact JSON lines, never Docs. The output directory
holds:

- ``shard-NNNNNN.jsonl``: one ``ArticleFacts`` per line, ``meta.id`` and ``meta.source`` set;
  written to a temporary file and renamed, so a shard file is always complete;
- ``errors.jsonl``: one line per document that failed, with its ``key`` and ``reason``;
- ``manifest.jsonl``: one line per finished shard with the keys of its documents. It is
  appended only after the shard and its errors are on disk, so it is the record of what is
  done: ``--resume`` drops anything newer (a shard renamed just before a crash, errors
  appended without their manifest line) and skips exactly the documents it lists.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable

from ..io.atomic import atomic_open
from ..io.readers import MAX_BYTES, count_documents, expand_inputs, iter_documents
from ..timeout import DEFAULT_SECONDS
from .engine import SHARD_BYTES, SHARD_DOCS, BatchError, Engine, Shard, make_shards, peak_rss
from .local_engine import LocalEngine

MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"
LOCK = ".lock"
_SHARD_NAME = re.compile(r"^shard-(\d+)\.jsonl$")


# --------------------------------------------------------------------------- output directory


def _valid_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON object lines of ``path``; a torn last line (a crash mid-write) is dropped."""
    if not path.exists():
        return []
    rows = []
    with path.open("rb") as f:
        for line in f:
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict):
                rows.append(row)
    return rows


class OutputDir:
    """The shards, errors and manifest of one batch run, committed shard by shard."""

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise BatchError(f"{self.path}: exists and is not a directory")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise BatchError(f"{self.path}: cannot be a directory (a part of the path is a file)") from None
        self._lock = _lock_directory(self.path)
        try:
            self._open(resume)
        except BaseException:
            self._lock.close()
            raise

    def _open(self, resume: bool) -> None:
        manifest = _valid_lines(self.path / MANIFEST)
        shard_files = [p for p in self.path.iterdir() if _SHARD_NAME.match(p.name)]
        if not resume and (manifest or shard_files or (self.path / ERRORS).exists()):
            raise BatchError(f"{self.path}: holds an earlier batch run; pass --resume to finish it "
                             "or choose an empty directory")
        committed = {row["shard"] for row in manifest if isinstance(row.get("shard"), int)}
        self.done: set[str] = set()
        self.written = self.failed = 0
        for row in manifest:
            self.done.update(row.get("done", ()))
            self.done.update(row.get("failed", ()))
            self.written += len(row.get("done", ()))
            self.failed += len(row.get("failed", ()))
        self.next_shard = max(committed, default=0) + 1
        if resume:
            self._drop_uncommitted(committed, manifest)
        self._manifest = (self.path / MANIFEST).open("a", encoding="utf-8")
        self._errors = (self.path / ERRORS).open("a", encoding="utf-8")

    def _drop_uncommitted(self, committed: set[int], manifest: list[dict[str, Any]]) -> None:
        for p in self.path.iterdir():
            m = _SHARD_NAME.match(p.name)
            if (m and int(m.group(1)) not in committed) or (p.name.startswith(".shard-") and p.name.endswith(".tmp")):
                p.unlink()
        errors = [row for row in _valid_lines(self.path / ERRORS) if row.get("shard") in committed]
        for name, rows in ((ERRORS, errors), (MANIFEST, manifest)):
            if (self.path / name).exists():
                with atomic_open(self.path / name) as f:
                    f.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)

    def commit(self, number: int, records: list[str], done: list[str], failures: list[dict[str, Any]]) -> None:
        """Put a finished shard on disk: shard file, then its errors, then its manifest line."""
        name = None
        if records:
            name = f"shard-{number:06d}.jsonl"
            with atomic_open(self.path / name) as f:
                f.write("\n".join(records) + "\n")
        if failures:
            self._errors.writelines(json.dumps({**row, "shard": number}, ensure_ascii=False) + "\n"
                                    for row in failures)
            self._sync(self._errors)
        entry = {"shard": number, "file": name, "done": done, "failed": [row["key"] for row in failures]}
        self._manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._sync(self._manifest)
        self.written += len(done)
        self.failed += len(failures)

    @staticmethod
    def _sync(f: Any) -> None:
        f.flush()
        os.fsync(f.fileno())

    def close(self) -> None:
        self._manifest.close()
        self._errors.close()
        self._lock.close()  # closing the file releases the lock


def _lock_directory(path: Path) -> IO[str]:
    """Hold an exclusive lock on ``path`` for one run: two runs writing one directory would
    each number shards from the same manifest and overwrite each other's. The operating
    system releases the lock when the run ends, however it ends (kill -9 included)."""
    f = (path / LOCK).open("a+", encoding="utf-8")
    try:
        import fcntl
    except ImportError:  # no flock (Windows): unlocked, as before
        return f
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.seek(0)
        holder = f.read().strip()
        f.close()
        raise BatchError(f"{path}: another batch run{' (process ' + holder + ')' if holder else ''} is "
                         "writing here; wait for it to end or choose another --out") from None
    f.seek(0)
    f.truncate()
    f.write(str(os.getpid()))
    f.flush()
    return f


# --------------------------------------------------------------------------- choosing the engine


def make_engine(engine: str, *, workers: int | None = None, scheduler: str | None = None,
                model: str | None = None, timeout: float | None = DEFAULT_SECONDS) -> Engine:
    """The engine named on the command line; Dask is imported only when it is chosen."""
    if engine == "local":
        if scheduler:
            raise BatchError("--scheduler needs --engine dask")
        return LocalEngine(workers, model=model, timeout=timeout)
    if engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(workers, scheduler=scheduler, model=model, timeout=timeout)
    raise BatchError(f"unknown engine {engine!r} (choose local or dask)")


# --------------------------------------------------------------------------- the run


@dataclass
class BatchSummary:
    written: int = 0       # documents written in this run
    failed: int = 0        # documents that failed in this run
    skipped: int = 0       # documents an earlier run had finished (--resume)
    shards: int = 0        # shards finished in this run
    seconds: float = 0.0
    worker_peak_rss: int = 0
    main_peak_rss: int = 0
    out: str = ""

    @property
    def docs_per_second(self) -> float:
        return (self.written + self.failed) / self.seconds if self.seconds else 0.0


def run_batch(
    inputs: list[str],
    out: str | Path,
    *,
    engine: str | Engine = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    format: str | None = None,
    model: str | None = None,
    shard_docs: int = SHARD_DOCS,
    shard_bytes: int = SHARD_BYTES,
    max_bytes: int = MAX_BYTES,
    timeout: float | None = DEFAULT_SECONDS,
    progress: bool = True,
    on_shard: Callable[[Shard, dict[str, Any]], None] | None = None,
) -> BatchSummary:
    """Extract every document of ``inputs`` into shards under ``out``.

    Raises InputError for an input that names nothing, BatchError when ``out`` holds an
    earlier run and ``resume`` is false or another run is writing it; documents that fail
    (``timeout``: over that many seconds each) go to ``errors.jsonl``.
    """
    if model and isinstance(engine, str) and engine == "local":
        _check_model(model)
    paths = list(expand_inputs(inputs, format=format))
    runner = make_engine(engine, workers=workers, scheduler=scheduler, model=model, timeout=timeout) \
        if isinstance(engine, str) else engine
    outdir = OutputDir(out, resume=resume)
    note = getattr(runner, "note", None)
    if note:
        print(f"note: {note}", file=sys.stderr)
    summary = BatchSummary(out=str(out), skipped=len(outdir.done))
    bar = _progress(None, progress)
    total: list[int | None] = []  # filled by a thread: counting a big archive takes a while
    if progress:
        threading.Thread(target=lambda: total.append(count_documents(paths, format=format)), daemon=True).start()
    docs = iter_documents(paths, format=format, max_bytes=max_bytes, skip=outdir.done)
    shards = make_shards(docs, first=outdir.next_shard, shard_docs=shard_docs, shard_bytes=shard_bytes)
    start = time.perf_counter()
    try:
        with runner:
            start = time.perf_counter()
            try:
                for shard, result in runner.run(shards):
                    failures = shard.failures + result["failures"]
                    outdir.commit(shard.number, result["records"], result["done"], failures)
                    summary.written += len(result["done"])
                    summary.failed += len(failures)
                    summary.shards += 1
                    summary.worker_peak_rss = max(summary.worker_peak_rss, result["rss"])
                    if total and bar.total is None and total[0] is not None:
                        bar.total = max(0, total[0] - summary.skipped)
                    bar.update(len(shard))
                    if failures:
                        bar.set_postfix(failed=summary.failed, refresh=False)
                    if on_shard is not None:
                        on_shard(shard, result)
            except BaseException:
                runner.abort()
                raise
    finally:
        summary.seconds = time.perf_counter() - start
        summary.main_peak_rss = peak_rss()
        bar.close()
        outdir.close()
    return summary


def _check_model(model: str) -> None:
    """Fail before starting workers when the trained pipeline is not here to load."""
    from spacy.util import is_package

    if not (is_package(model) or Path(model).is_dir()):
        raise BatchError(f"spaCy pipeline {model!r} is not installed or not a pipeline directory")


def _progress(total: int | None, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, disable=not enabled, dynamic_ncols=True,
                smoothing=0.1, desc="extracting")

