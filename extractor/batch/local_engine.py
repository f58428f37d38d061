"""The local engine: shards run by worker processes on this machine.

Each worker builds the pipeline in its initializer and reports its process id, so the engine
knows its workers without looking inside the process pool, and can stop them at once when a
run is aborted.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterable, Iterator

from ..timeout import DEFAULT_SECONDS
from .engine import BatchError, Shard, cap_workers, empty_result, load_worker_pipeline, process_items


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when the process that started it is gone (killed with -9, say, so
    that it could not stop its workers): an orphan would hold its memory for nothing."""
    while True:
        time.sleep(every)
        if os.getppid() != parent:
            os._exit(1)


def _init_local_worker(model: str | None, ready: Any, parent: int) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="parent-watch").start()
    # Reported before the (slow) pipeline load, so that an engine whose start-up fails or is
    # interrupted can still stop a worker that is loading.
    ready.put(("started", os.getpid()))
    load_worker_pipeline(model)
    ready.put(("ready", os.getpid()))


def _next_report(ready: Any, timeout: float) -> tuple[str, int] | None:
    """The next (state, process id) a worker reports, or None if none does in ``timeout`` s."""
    try:
        state, pid = ready.get(timeout=timeout)
    except queue.Empty:
        return None
    return str(state), int(pid)


class LocalEngine:
    """Worker processes on this machine (``workers=0``: in this process, for debugging)."""

    def __init__(self, workers: int | None = None, *, model: str | None = None, startup_timeout: float = 300,
                 timeout: float | None = DEFAULT_SECONDS) -> None:
        self.workers, self.note = cap_workers(workers)
        self.model = model
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self._pool: ProcessPoolExecutor | None = None
        self._worker_pids: set[int] = set()

    def __enter__(self) -> "LocalEngine":
        if self.workers > 0:
            ctx = multiprocessing.get_context("spawn")
            ready = ctx.Queue()
            self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_local_worker,
                                             initargs=(self.model, ready, os.getpid()))
            try:
                self._wait_ready(self._pool, ready)
            except BaseException:
                self.abort()  # a failed or interrupted start leaves no worker behind
                raise
        return self

    def _wait_ready(self, pool: ProcessPoolExecutor, ready: Any) -> None:
        """Start every worker and wait until each has built its pipeline."""
        pings = [pool.submit(os.getpid) for _ in range(self.workers)]
        deadline = time.monotonic() + self.startup_timeout
        loaded: set[int] = set()
        while len(loaded) < self.workers:
            report = _next_report(ready, timeout=0.5)
            if report is not None:
                state, pid = report
                self._worker_pids.add(pid)
                if state == "ready":
                    loaded.add(pid)
                continue
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
                yield shard, process_items(shard.items, self.model, self.timeout) if shard.items else empty_result()
            return
        window = 2 * self.workers  # enough to keep workers busy; bounds memory whatever the input
        pending: dict[Future[dict[str, Any]], Shard] = {}
        try:
            for shard in shards:
                if not shard.items:
                    yield shard, empty_result()
                    continue
                pending[self._pool.submit(process_items, shard.items, self.model, self.timeout)] = shard
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
        """Stop now: cancel the queued shards and terminate the workers mid-shard."""
        if self._pool is not None:
            # Only live children can be terminated, so a worker that already exited is skipped
            # and its process id, possibly reused since, is never signalled.
            workers = [p for p in multiprocessing.active_children() if p.pid in self._worker_pids]
            self._pool.shutdown(wait=False, cancel_futures=True)
            for p in workers:
                p.terminate()
            self._pool = None
            self._worker_pids.clear()

    def __exit__(self, *exc: Any) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
            self._worker_pids.clear()
