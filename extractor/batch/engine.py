"""What every batch engine is and does: the engine interface and the pieces all engines share.

An engine takes :class:`Shard` objects and gives back, for each, the result of
:func:`process_items` run by one of its workers. A worker builds the pipeline once
(:func:`load_worker_pipeline`) and sends back compact JSON lines, never Docs; a document that
fails becomes a failure row with its ``key`` and ``reason`` and the shard goes on.
"""

from __future__ import annotations

import gc
import os
import resource
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Protocol

from ..io.readers import Document, Failure, Unreadable, load_html
from ..timeout import DEFAULT_SECONDS, DocumentTimeout, time_limit

SHARD_DOCS = 200
SHARD_BYTES = 8 * 1024 * 1024
# What one worker may need: the pipeline (about 180 MB) and a 10 MB document (measured by
# benchmarks/throughput.py).
WORKER_MEMORY = 1536 * 1024 * 1024


class BatchError(Exception):
    """A batch run that cannot start or go on; the message says what to do."""


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


def _failure_dict(item: dict[str, Any] | Failure, reason: str | None = None) -> dict[str, Any]:
    if isinstance(item, Failure):
        return {"key": item.key, "id": item.id, "source": item.source, "reason": item.reason}
    return {"key": item["key"], "id": item.get("id"), "source": item.get("source"), "reason": reason}


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


# --------------------------------------------------------------------------- the engine interface


class Engine(Protocol):
    def __enter__(self) -> "Engine": ...

    def __exit__(self, *exc: Any) -> None: ...

    def run(self, shards: Iterable[Shard]) -> Iterator[tuple[Shard, dict[str, Any]]]: ...

    def abort(self) -> None: ...


def empty_result() -> dict[str, Any]:
    """The result of a shard with nothing to extract (all its documents failed to read)."""
    return {"records": [], "done": [], "failures": [], "seconds": 0.0, "cpu": 0.0, "rss": 0, "pid": None,
            "preloaded": True}


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def cap_workers(requested: int | None) -> tuple[int, str | None]:
    """The number of local workers to start for ``requested`` (None: one per core), and a
    note when it had to be lowered: never more workers than cores (the work is CPU-bound;
    more processes only compete) nor than the available memory holds at WORKER_MEMORY each."""
    cores = default_workers()
    asked = f"--workers {requested}" if requested is not None else f"one worker per core ({cores})"
    if requested is None:
        requested = cores
    if requested <= 0:
        return requested, None
    import psutil

    available = psutil.virtual_memory().available
    by_memory = max(1, available // WORKER_MEMORY)
    allowed = min(cores, by_memory)
    if requested <= allowed:
        return requested, None
    return allowed, (f"{asked} lowered to {allowed}: {cores} cores, "
                     f"{available / 2**30:.1f} GB of memory available at about "
                     f"{WORKER_MEMORY / 2**30:.1f} GB per worker")


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


# --------------------------------------------------------------------------- worker side

_NLP: Any = None
_NLP_MODEL: str | None = None
_NLP_LOCK = threading.RLock()  # a Dask worker may run tasks in threads; one Doc at a time


def load_worker_pipeline(model: str | None = None) -> Any:
    """Build this process's pipeline once; later calls return it."""
    global _NLP, _NLP_MODEL
    with _NLP_LOCK:
        if _NLP is None or _NLP_MODEL != model:
            from ..pipeline import build_pipeline

            _NLP, _NLP_MODEL = build_pipeline(model), model
            # The pipeline's lexicons are some 177k objects that live as long as the
            # process: frozen, the collector stops walking them on every full collection.
            gc.collect()
            gc.freeze()
    return _NLP


def _first_line(text: str, limit: int = 300) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:limit]


def _extract_item(nlp: Any, item: dict[str, Any]) -> str:
    # Looked up at call time, so that a test can replace extractor.extract_doc.
    from .. import extract_doc

    doc = Document(text=item.get("text") or "", id=item.get("id"), source=item.get("source"),
                   meta=dict(item.get("meta") or {}), key=item["key"], html=item.get("html"))
    load_html(doc)
    published = doc.meta.get("published")
    facts = extract_doc(nlp, doc.text, published=published, meta=doc.record_meta())
    facts.meta.id, facts.meta.source = doc.id, doc.source
    return facts.model_dump_json()


def process_items(items: list[dict[str, Any]], model: str | None = None,
                  timeout: float | None = DEFAULT_SECONDS) -> dict[str, Any]:
    """Extract the facts of one shard's documents: the unit of work of every engine.

    A document that runs over ``timeout`` seconds becomes a timeout failure."""
    start, cpu_start = time.perf_counter(), time.process_time()
    preloaded = _NLP is not None and _NLP_MODEL == model  # built by the worker initializer or plugin
    nlp = _NLP if preloaded else load_worker_pipeline(model)
    records: list[str] = []
    done: list[str] = []
    failures: list[dict[str, Any]] = []
    with _NLP_LOCK:
        for item in items:
            try:
                with time_limit(timeout):
                    records.append(_extract_item(nlp, item))
                done.append(item["key"])
            except DocumentTimeout:
                failures.append(_failure_dict(item, f"timeout: extraction took over {timeout:g} s"))
            except Unreadable as exc:
                failures.append(_failure_dict(item, exc.problem))
            except Exception as exc:  # one bad document must not stop the shard
                failures.append(_failure_dict(
                    item, f"extraction error: {type(exc).__name__}: {_first_line(str(exc))}"))
    return {"records": records, "done": done, "failures": failures,
            "seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu_start,
            "rss": peak_rss(), "pid": os.getpid(),
            "preloaded": preloaded}
