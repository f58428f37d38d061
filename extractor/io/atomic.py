"""Atomic file writes: a reader sees the old file or the whole new one, never a part."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterator


@lru_cache(maxsize=1)
def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _file_mode() -> int:
    """The mode ``open()`` would give a new file: 0666 less the process umask."""
    return 0o666 & ~_umask()


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        # mkdir's own message, "File exists", names neither the file nor the problem.
        blocker = next(p for p in reversed(path.parents) if p.exists() and not p.is_dir())
        raise NotADirectoryError(errno.ENOTDIR, f"{blocker} is a file, not a directory") from None


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    path = Path(path)
    _make_parent(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); the result should look like any new file.
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_open(path) as f:
        f.write(text)


@contextlib.contextmanager
def atomic_path(path: str | Path, *, directory: bool = False) -> Iterator[Path]:
    """A temporary file (or, with ``directory``, a directory) beside ``path`` for a writer
    that needs a name (SQLite, Parquet); renamed to ``path`` when the block succeeds.

    An existing file is replaced; an existing directory must be empty (a directory cannot
    be replaced in one step)."""
    path = Path(path)
    if directory and path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise FileExistsError(errno.EEXIST, f"{path} exists; remove it or choose another name")
    if not directory and path.is_dir():
        raise IsADirectoryError(errno.EISDIR, f"{path} is a directory")
    _make_parent(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    target = tmp if directory else tmp / path.name
    try:
        yield target
        if directory:
            os.chmod(tmp, _file_mode() | 0o111 & ~_umask())
            if path.exists():
                path.rmdir()
            os.replace(tmp, path)
        else:
            os.chmod(target, _file_mode())
            os.replace(target, path)
            tmp.rmdir()
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
