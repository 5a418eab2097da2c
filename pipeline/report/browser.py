"""Headless Chromium for checking and photographing the report.

    python -m pipeline.report.browser PAGE.html OUT.png [WIDTHxHEIGHT]

Install it with ``make browser`` (Debian's ``chromium`` package).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--hide-scrollbars")


def find_chromium() -> str | None:
    for n in NAMES:
        p = shutil.which(n)
        if p:
            return p
    return None


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    exe = find_chromium()
    if exe is None:
        raise FileNotFoundError("chromium is not installed (run `make browser`)")
    with tempfile.TemporaryDirectory(prefix="report-chromium-") as prof:
        return subprocess.run([exe, *FLAGS, f"--user-data-dir={prof}", *args], capture_output=True, timeout=timeout)


def dump_dom(page: str | Path, timeout: float = 90) -> str:
    """The DOM after Chromium has loaded and laid out ``page`` (scripts run)."""
    p = _run(["--virtual-time-budget=2000", "--dump-dom", Path(page).resolve().as_uri()], timeout)
    if p.returncode != 0:
        raise RuntimeError(f"chromium failed ({p.returncode}): {p.stderr.decode(errors='replace')[-500:]}")
    return p.stdout.decode("utf-8")


def screenshot(page: str | Path, png: str | Path, size: tuple[int, int] = (1100, 1000), timeout: float = 90) -> Path:
    png = Path(png).resolve()
    p = _run([f"--window-size={size[0]},{size[1]}", f"--screenshot={png}", Path(page).resolve().as_uri()], timeout)
    if p.returncode != 0 or not png.is_file():
        raise RuntimeError(f"chromium failed ({p.returncode}): {p.stderr.decode(errors='replace')[-500:]}")
    return png


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        raise SystemExit(2)
    w, h = (map(int, sys.argv[3].split("x")) if len(sys.argv) > 3 else (1100, 1000))
    try:
        print(screenshot(sys.argv[1], sys.argv[2], (w, h)))
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2)
