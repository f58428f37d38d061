"""A time limit for the work on one document.

Batch workers and the service run documents one after another; one that takes too long
must become a timeout error, not hold its worker forever. In a process's main thread the
limit is a SIGALRM timer; in any other thread (Dask runs tasks in threads) the exception is
raised in that thread by the interpreter. Either way it arrives between Python bytecodes,
which is soon enough: the tokenizer, the one long stretch of C, runs in linear time
(:mod:`extractor.tokenizing`).
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
from typing import Any, Iterator

DEFAULT_SECONDS = 300.0  # a 10 MB document takes about 100 s on one core


class DocumentTimeout(Exception):
    """The work on one document ran over its time limit."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = seconds
        super().__init__(f"timeout: over {seconds:g} s" if seconds else "timeout")


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the calling thread if the block runs over ``seconds``
    (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _async_raise_after(seconds):
            yield


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _ThreadTimeout(DocumentTimeout):
    """Raised in a thread asynchronously: the interpreter can only raise a class there."""


@contextlib.contextmanager
def _async_raise_after(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True}

    def expire() -> None:
        with lock:
            if state["active"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(_ThreadTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _ThreadTimeout:
        raise DocumentTimeout(seconds) from None
    finally:
        # Once inactive, the timer can no longer raise in this thread's later work.
        with lock:
            state["active"] = False
        timer.cancel()
