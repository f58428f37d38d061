"""Batch runs: many documents in, JSON Lines shards of ArticleFacts out, resumable.

- :mod:`.engine`: the engine interface and what every engine shares (shards, the per-worker
  pipeline, processing one shard's documents);
- :mod:`.local_engine`: worker processes on this machine;
- :mod:`.dask_engine`: a ``dask.distributed`` cluster (imported only when chosen);
- :mod:`.runner`: :func:`run_batch`, the output directory (shards, ``errors.jsonl``,
  ``manifest.jsonl``) and ``--resume``.
"""

from ..errors import InputError
from .engine import (
    SHARD_BYTES,
    SHARD_DOCS,
    BatchError,
    Engine,
    Shard,
    default_workers,
    empty_result,
    load_worker_pipeline,
    make_shards,
    peak_rss,
    process_items,
)
from .local_engine import LocalEngine
from .runner import ERRORS, MANIFEST, BatchSummary, OutputDir, make_engine, run_batch

__all__ = ["ERRORS", "MANIFEST", "SHARD_BYTES", "SHARD_DOCS", "BatchError", "BatchSummary", "Engine",
           "InputError", "LocalEngine", "OutputDir", "Shard", "default_workers", "empty_result",
           "load_worker_pipeline", "make_engine", "make_shards", "peak_rss", "process_items", "run_batch"]
