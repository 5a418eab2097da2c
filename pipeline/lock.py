"""One writer per output folder.

A run holds an exclusive ``flock`` on ``OUT/.lock`` for as long as it writes
there; a second run into the same folder stops at once with E315, naming the
process that holds it.  The kernel drops the lock when its process dies, so a
lock file left by a killed run never blocks the next one.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .errors import PipelineError

LOCK_FILE = ".lock"


class OutputLock:
    def __init__(self, out: Path):
        self.path = Path(out) / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> "OutputLock":
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise PipelineError("E301", path=str(self.path.parent), detail=exc.strerror or str(exc)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise PipelineError("E315", path=str(self.path.parent), pid=holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock; the file may stay
            self._fd = None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()
