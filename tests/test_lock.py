"""One writer per output folder (pipeline.lock)."""
import os
import signal
import subprocess
import sys

import pytest

from pipeline.errors import PipelineError
from pipeline.lock import LOCK_FILE, OutputLock
from pipeline.runner import run


def test_second_run_into_a_held_folder_stops_with_e315(tmp_path):
    (tmp_path / "a.txt").write_text("قال مسؤول إن الاجتماع انتهى.", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out):
        with pytest.raises(PipelineError) as exc:
            run([tmp_path / "a.txt"], out, stage_names=("normalise",))
    assert exc.value.code == "E315"
    assert str(os.getpid()) in str(exc.value)
    assert not (out / "feed.jsonl").exists()
    # released: the same run now goes through
    m = run([tmp_path / "a.txt"], out, stage_names=("normalise",))
    assert m["counts"]["records"] == 1


def test_a_lock_left_by_a_killed_run_does_not_block(tmp_path):
    code = ("import sys, time; sys.path.insert(0, sys.argv[2]); from pipeline.lock import OutputLock; "
            "OutputLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(60)")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    child = subprocess.Popen([sys.executable, "-c", code, str(tmp_path), root], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(PipelineError) as exc:
            OutputLock(tmp_path).acquire()
        assert str(child.pid) in str(exc.value)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert (tmp_path / LOCK_FILE).exists()  # the file stays behind ...
    lock = OutputLock(tmp_path).acquire()  # ... and does not block
    lock.release()
