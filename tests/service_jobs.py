"""Job functions for testing the worker pool alone: importable by spawned worker processes."""

from __future__ import annotations

import os
import time
from typing import Any


def no_pipeline(model: str | None) -> None:
    """A worker initializer that builds nothing."""


def scripted(job: dict[str, Any], model: str | None = None) -> dict[str, Any]:
    """Does what the job's text says: "crash" ends the process, "sleep N" sleeps, else echoes."""
    text = job.get("text") or ""
    if text == "crash":
        os._exit(3)
    if text.startswith("sleep "):
        time.sleep(float(text.split()[1]))
    return {"facts": '{"pid": %d}' % os.getpid()}
