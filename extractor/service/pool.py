"""The worker process pool: extraction is CPU work and must never block the event loop.

Pebble's process pool gives each job a time limit counted from when a worker picks it up;
a worker that overruns it, or dies, is replaced by a fresh one (which builds its pipeline
again), and the other workers and their jobs go on untouched.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
from typing import Any, Callable

from pebble import ProcessExpired, ProcessFuture, ProcessPool

from .worker import init_worker, run_job

WARM_UP = "LONDON - Profits rose 12 percent to $3.5 billion, the company said on Monday."


class JobFailed(Exception):
    """A document that gave no records: ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


class ExtractionPool:
    """``workers`` processes, each with the pipeline built; ``timeout`` seconds per document."""

    def __init__(self, workers: int, *, model: str | None = None, timeout: float = 60.0,
                 job: Callable[..., dict[str, Any]] = run_job,
                 init: Callable[[str | None], None] = init_worker) -> None:
        self.workers = workers
        self.model = model
        self.timeout = timeout
        self.job = job
        self.init = init
        self.state = "loading"
        self.failure: str | None = None
        self._pool: ProcessPool | None = None
        self._running: set[ProcessFuture] = set()

    def start(self) -> None:
        self._pool = ProcessPool(max_workers=self.workers, initializer=self.init, initargs=(self.model,),
                                 context=multiprocessing.get_context("spawn"))

    async def warm_up(self) -> None:
        """Run one small document through the pool; ready once it comes back."""
        try:
            answer = await self.run({"text": WARM_UP, "published": "2021-02-01", "meta": {}})
        except JobFailed as exc:
            self.state, self.failure = "failed", exc.detail
            return
        if "facts" in answer:
            self.state = "ready"
        else:
            self.state, self.failure = "failed", str(answer.get("detail"))

    @property
    def busy(self) -> int:
        return sum(1 for f in list(self._running) if f.running())

    async def run(self, job: dict[str, Any]) -> dict[str, Any]:
        """The worker's answer to ``job``; JobFailed (503) when it overran or its worker died."""
        if self._pool is None:
            raise JobFailed(503, "the service is not started")
        future = self._pool.schedule(self.job, args=(job, self.model), timeout=self.timeout)
        self._running.add(future)
        future.add_done_callback(self._running.discard)
        try:
            # Shielded: a client that goes away leaves the worker to finish (or time out)
            # rather than having it killed and rebuilt.
            return await asyncio.shield(asyncio.wrap_future(future))
        except (TimeoutError, concurrent.futures.TimeoutError):
            raise JobFailed(503, f"extraction took longer than the limit of {self.timeout:g} s; "
                                 "the worker was restarted") from None
        except ProcessExpired as exc:
            raise JobFailed(503, f"the worker extracting this document stopped (exit code {exc.exitcode}); "
                                 "a new one has replaced it, retry") from None
        except concurrent.futures.process.BrokenProcessPool:
            raise JobFailed(503, "the worker pool is broken; restart the service") from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join(timeout=10)
            self._pool = None
