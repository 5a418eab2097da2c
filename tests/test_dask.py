"""--engine dask: a real LocalCluster of 2 worker processes gives the same bytes
as the local engine, and so does an existing cluster named by its address."""
from __future__ import annotations

import socket

import pytest

from arabic_corpus import same_outputs, write_archive
from pipeline import runner
from pipeline.errors import PipelineError

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    d = tmp_path_factory.mktemp("archive")
    write_archive(d, 30, files=2)
    (d / "empty.txt").write_text("   \n", encoding="utf-8")  # an input error travels too
    return d


@pytest.fixture(scope="module")
def reference(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref")
    runner.run([archive], out, cache=False, chunk_size=4)
    return out


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(archive, reference, tmp_path):
    m = runner.run([archive], tmp_path, engine="dask", cache=False, chunk_size=4)
    assert m["engine"] == {"engine": "dask", "workers": 2, "scheduler": "LocalCluster"}
    assert m["counts"]["inputs"] == 31 and m["counts"]["errors"] == 1
    assert same_outputs(reference, tmp_path) == []


@pytest.mark.slow
def test_dask_existing_scheduler_and_cache(archive, reference, tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        m = runner.run([archive], tmp_path, engine="dask", scheduler=cluster.scheduler_address, chunk_size=4)
        assert m["engine"]["scheduler"] == cluster.scheduler_address and m["engine"]["workers"] == 2
        assert same_outputs(reference, tmp_path) == []
        assert m["counts"]["processed"] == 30
    # the cache written by Dask workers' results serves a local rerun
    m2 = runner.run([archive], tmp_path, chunk_size=4)
    assert (m2["counts"]["processed"], m2["counts"]["cached"]) == (0, 30)
    assert same_outputs(reference, tmp_path) == []


def test_unreachable_scheduler_is_a_numbered_error(archive, tmp_path):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(PipelineError) as e:
        runner.run([archive], tmp_path, engine="dask", scheduler=f"tcp://127.0.0.1:{port}")
    assert e.value.code == "E311"
    assert not (tmp_path / "feed.jsonl").exists()
