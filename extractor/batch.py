"""Batch runs: many documents in, JSON Lines shards of ArticleFacts out, resumable.

The main process streams the inputs (:mod:`extractor.io.readers`), groups documents into
shards and hands each shard to an engine; workers build the pipeline once and send back
compact JSON lines, never Docs. The output directory holds:

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
import resource
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol

from .io.atomic import atomic_open
from .errors import InputError
from .io.readers import MAX_BYTES, Document, Failure, Unreadable, count_documents, expand_inputs, iter_documents, load_html

SHARD_DOCS = 200
SHARD_BYTES = 8 * 1024 * 1024
MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"
_SHARD_NAME = re.compile(r"^shard-(\d+)\.jsonl$")


class BatchError(Exception):
    """A batch run that cannot start or go on; the message says what to do."""


# --------------------------------------------------------------------------- worker side

_NLP: Any = None
_NLP_MODEL: str | None = None
_NLP_LOCK = threading.RLock()  # a Dask worker may run tasks in threads; one Doc at a time


def load_worker_pipeline(model: str | None = None) -> Any:
    """Build this process's pipeline once; later calls return it."""
    global _NLP, _NLP_MODEL
    with _NLP_LOCK:
        if _NLP is None or _NLP_MODEL != model:
            from .pipeline import build_pipeline

            _NLP, _NLP_MODEL = build_pipeline(model), model
    return _NLP


def _init_local_worker(model: str | None, ready: Any) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_worker_pipeline(model)
    ready.put(os.getpid())


def peak_rss() -> int:
    """Peak resident memory of this process in bytes."""
    # getrusage's ru_maxrss survives exec, so a process started from a big parent would report
    # the parent's peak; Linux's VmHWM belongs to this process's own address space.
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _first_line(text: str, limit: int = 300) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:limit]


def _extract_item(nlp: Any, item: dict[str, Any]) -> str:
    from . import extract_doc

    doc = Document(text=item.get("text") or "", id=item.get("id"), source=item.get("source"),
                   meta=dict(item.get("meta") or {}), key=item["key"], html=item.get("html"))
    load_html(doc)
    published = doc.meta.get("published")
    facts = extract_doc(nlp, doc.text, published=published, meta=doc.record_meta())
    facts.meta.id, facts.meta.source = doc.id, doc.source
    return facts.model_dump_json()


def process_items(items: list[dict[str, Any]], model: str | None = None) -> dict[str, Any]:
    """Extract the facts of one shard's documents: the unit of work of every engine."""
    start, cpu_start = time.perf_counter(), time.process_time()
    preloaded = _NLP is not None and _NLP_MODEL == model  # built by the worker initializer or plugin
    nlp = _NLP if preloaded else load_worker_pipeline(model)
    records: list[str] = []
    done: list[str] = []
    failures: list[dict[str, Any]] = []
    with _NLP_LOCK:
        for item in items:
            try:
                records.append(_extract_item(nlp, item))
                done.append(item["key"])
            except Unreadable as exc:
                failures.append(_failure_dict(item, exc.problem))
            except Exception as exc:  # one bad document must not stop the shard
                failures.append(_failure_dict(
                    item, f"extraction error: {type(exc).__name__}: {_first_line(str(exc))}"))
    return {"records": records, "done": done, "failures": failures,
            "seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu_start,
            "rss": peak_rss(), "pid": os.getpid(),
            "preloaded": preloaded}


def _failure_dict(item: dict[str, Any] | Failure, reason: str | None = None) -> dict[str, Any]:
    if isinstance(item, Failure):
        return {"key": item.key, "id": item.id, "source": item.source, "reason": item.reason}
    return {"key": item["key"], "id": item.get("id"), "source": item.get("source"), "reason": reason}


# --------------------------------------------------------------------------- shards


@dataclass
class Shard:
    number: int
    items: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.items) + len(self.failures)


def _item(doc: Document) -> dict[str, Any]:
    item: dict[str, Any] = {"key": doc.key, "id": doc.id, "source": doc.source, "meta": doc.meta}
    if doc.html is not None:
        item["html"] = doc.html
    else:
        item["text"] = doc.text
    return item


def make_shards(docs: Iterable[Document | Failure], *, first: int = 1, shard_docs: int = SHARD_DOCS,
                shard_bytes: int = SHARD_BYTES) -> Iterator[Shard]:
    """Group a stream of documents into shards of at most ``shard_docs`` documents and about
    ``shard_bytes`` of text, numbered from ``first``."""
    shard, size = Shard(first), 0
    for doc in docs:
        if isinstance(doc, Failure):
            shard.failures.append(_failure_dict(doc))
        else:
            shard.items.append(_item(doc))
            size += len(doc.html) if doc.html is not None else len(doc.text)
        if len(shard) >= shard_docs or size >= shard_bytes:
            yield shard
            shard, size = Shard(shard.number + 1), 0
    if len(shard):
        yield shard


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
        self.path.mkdir(parents=True, exist_ok=True)
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


# --------------------------------------------------------------------------- engines


class Engine(Protocol):
    def __enter__(self) -> "Engine": ...

    def __exit__(self, *exc: Any) -> None: ...

    def run(self, shards: Iterable[Shard]) -> Iterator[tuple[Shard, dict[str, Any]]]: ...

    def abort(self) -> None: ...


def _empty_result() -> dict[str, Any]:
    return {"records": [], "done": [], "failures": [], "seconds": 0.0, "cpu": 0.0, "rss": 0, "pid": None,
            "preloaded": True}


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """Worker processes on this machine (``workers=0``: in this process, for debugging)."""

    def __init__(self, workers: int | None = None, *, model: str | None = None, startup_timeout: float = 300) -> None:
        self.workers = default_workers() if workers is None else workers
        self.model = model
        self.startup_timeout = startup_timeout
        self._pool: Any = None

    def __enter__(self) -> "LocalEngine":
        if self.workers > 0:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context("spawn")
            ready = ctx.Queue()
            self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_local_worker,
                                             initargs=(self.model, ready))
            self._wait_ready(ready)
        return self

    def _wait_ready(self, ready: Any) -> None:
        """Start every worker and wait until each has built its pipeline."""
        import queue

        pings = [self._pool.submit(os.getpid) for _ in range(self.workers)]
        deadline = time.monotonic() + self.startup_timeout
        started = 0
        while started < self.workers:
            try:
                ready.get(timeout=0.5)
                started += 1
            except queue.Empty:
                for p in pings:
                    if p.done() and p.exception() is not None:
                        raise BatchError(f"a worker could not start: {p.exception()}")
                if time.monotonic() > deadline:
                    raise BatchError("workers did not start in time")
        for p in pings:
            p.result()

    def run(self, shards: Iterable[Shard]) -> Iterator[tuple[Shard, dict[str, Any]]]:
        if self._pool is None:
            for shard in shards:
                yield shard, process_items(shard.items, self.model) if shard.items else _empty_result()
            return
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        window = 2 * self.workers  # enough to keep workers busy; bounds memory whatever the input
        pending: dict[Any, Shard] = {}
        try:
            for shard in shards:
                if not shard.items:
                    yield shard, _empty_result()
                    continue
                pending[self._pool.submit(process_items, shard.items, self.model)] = shard
                while len(pending) >= window:
                    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in finished:
                        yield pending.pop(fut), fut.result()
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    yield pending.pop(fut), fut.result()
        except BrokenProcessPool:
            raise BatchError("a worker process died (out of memory?); the finished shards are kept, "
                             "rerun with --resume") from None

    def abort(self) -> None:
        if self._pool is not None:
            processes = list(getattr(self._pool, "_processes", {}).values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            for p in processes:
                p.terminate()
            self._pool = None

    def __exit__(self, *exc: Any) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None


def make_engine(engine: str, *, workers: int | None = None, scheduler: str | None = None,
                model: str | None = None) -> Engine:
    if engine == "local":
        if scheduler:
            raise BatchError("--scheduler needs --engine dask")
        return LocalEngine(workers, model=model)
    if engine == "dask":
        from .batch_dask import DaskEngine

        return DaskEngine(workers, scheduler=scheduler, model=model)
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
    progress: bool = True,
    on_shard: Callable[[Shard, dict[str, Any]], None] | None = None,
) -> BatchSummary:
    """Extract every document of ``inputs`` into shards under ``out``.

    Raises InputError for an input that names nothing, BatchError when ``out`` holds an
    earlier run and ``resume`` is false; documents that fail go to ``errors.jsonl``.
    """
    if model and isinstance(engine, str) and engine == "local":
        _check_model(model)
    paths = list(expand_inputs(inputs, format=format))
    outdir = OutputDir(out, resume=resume)
    summary = BatchSummary(out=str(out), skipped=len(outdir.done))
    bar = _progress(None, progress)
    total: list[int | None] = []  # filled by a thread: counting a big archive takes a while
    if progress:
        threading.Thread(target=lambda: total.append(count_documents(paths, format=format)), daemon=True).start()
    docs = iter_documents(paths, format=format, max_bytes=max_bytes, skip=outdir.done)
    shards = make_shards(docs, first=outdir.next_shard, shard_docs=shard_docs, shard_bytes=shard_bytes)
    start = time.perf_counter()
    runner = make_engine(engine, workers=workers, scheduler=scheduler, model=model) if isinstance(engine, str) else engine
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


__all__ = ["BatchError", "BatchSummary", "InputError", "LocalEngine", "OutputDir", "Shard",
           "make_shards", "process_items", "run_batch"]
