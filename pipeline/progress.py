"""A progress bar on stderr for long runs: files done, articles, articles/s,
words/s.  Silent when stderr is not a terminal (logs, CI, pipes)."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total_files: int | None = None, stream=None, enabled: bool | None = None, every: float = 0.25):
        self.stream = stream or sys.stderr
        if enabled is None:
            try:
                enabled = self.stream.isatty()
            except (AttributeError, ValueError):
                enabled = False
        self.enabled = enabled
        self.total = total_files
        self.every = every
        self.t0 = time.perf_counter()
        self.last = 0.0
        self.shown = False

    def line(self, files: int, articles: int, words: int, cached: int) -> str:
        dt = max(time.perf_counter() - self.t0, 1e-9)
        bar = ""
        if self.total:
            width = 24
            fill = int(width * min(files, self.total) / self.total)
            bar = f"[{'#' * fill}{'.' * (width - fill)}] {files}/{self.total} files  "
        return f"{bar}{articles} articles  {articles / dt:.1f} articles/s  {words / dt:,.0f} words/s  ({cached} cached)"

    def __call__(self, files: int, articles: int, words: int, cached: int = 0, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not final and now - self.last < self.every:
            return
        self.last = now
        self.stream.write("\r" + self.line(files, articles, words, cached) + "\x1b[K")
        if final:
            self.stream.write("\n")
        self.stream.flush()
        self.shown = True
