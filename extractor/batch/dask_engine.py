"""The Dask engine: the same shard-in, shard-out work on a ``dask.distributed`` cluster.

Every worker builds the pipeline once, when it joins (:class:`PipelinePlugin`); the client
streams the inputs, submits one task per shard (a bounded number at a time, so memory stays
flat) and writes the shards as they come back. The workers need ``extractor`` installed;
they do not need to see the input or output files.
"""

from __future__ import annotations

import logging
from typing import Any, Hashable, Iterable, Iterator

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from ..timeout import DEFAULT_SECONDS
from .engine import (
    BatchError,
    Shard,
    cap_workers,
    default_workers,
    empty_result,
    load_worker_pipeline,
    process_items,
)


class PipelinePlugin(WorkerPlugin):
    """Loads the fact pipeline into each worker process as it starts."""

    idempotent = True
    name = "extractor-pipeline"

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        load_worker_pipeline(self.model)


class DaskEngine:
    """Runs shards on the cluster at ``scheduler``, or on a LocalCluster of ``workers`` processes."""

    def __init__(self, workers: int | None = None, *, scheduler: str | None = None,
                 model: str | None = None, timeout: float | None = DEFAULT_SECONDS) -> None:
        self.note: str | None = None
        if scheduler:
            self.workers = default_workers() if workers is None else max(1, workers)
        else:  # a LocalCluster runs on this machine: the local limits apply
            self.workers, self.note = cap_workers(max(1, workers) if workers is not None else None)
        self.scheduler = scheduler
        self.model = model
        self.timeout = timeout
        self.client: Client | None = None
        self.cluster: LocalCluster | None = None

    def __enter__(self) -> "DaskEngine":
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="30s")
            else:
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            self.__exit__()
            raise BatchError(f"cannot reach the Dask scheduler {self.scheduler or '(local)'}: {exc}") from None
        self.client.register_plugin(PipelinePlugin(self.model))
        return self

    def run(self, shards: Iterable[Shard]) -> Iterator[tuple[Shard, dict[str, Any]]]:
        assert self.client is not None
        window = 2 * max(1, sum(self.client.nthreads().values()))
        pending: dict[Hashable, Shard] = {}
        running = as_completed()
        for shard in shards:
            if not shard.items:
                yield shard, empty_result()
                continue
            future = self.client.submit(process_items, shard.items, self.model, self.timeout, pure=False)
            pending[future.key] = shard
            running.add(future)
            while running.count() >= window:
                yield self._collect(next(running), pending)
        for future in running:
            yield self._collect(future, pending)

    @staticmethod
    def _collect(future: Any, pending: dict[Hashable, Shard]) -> tuple[Shard, dict[str, Any]]:
        from distributed import KilledWorker

        try:
            result = future.result()
        except KilledWorker:
            raise BatchError("Dask workers died on a shard (out of memory?); the finished shards "
                             "are kept, rerun with --resume") from None
        future.release()
        return pending.pop(future.key), result

    def abort(self) -> None:
        """Nothing to do: closing the client (``__exit__``) releases its tasks on the cluster."""

    def __exit__(self, *exc: Any) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
