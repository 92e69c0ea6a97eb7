"""`timeline extract --scheduler`: the extraction on a real local Dask cluster of worker
processes gives the files a local run gives, byte for byte; cluster failures are one line."""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest
from storekit import snapshot

distributed = pytest.importorskip("distributed")  # the 'dask' extra; `make test` installs it

from timeline import cli  # noqa: E402
from timeline.commands import cluster as cluster_module  # noqa: E402
from timeline.commands.extract import make_extractor, run_extract  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from synth_articles import write_corpus  # noqa: E402

ARTICLES = 40


@pytest.fixture(scope="module")
def scheduler():
    """A scheduler and two worker processes, one thread each, for the whole module."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local.scheduler_address


def corpus(folder: Path) -> tuple[Path, dict[str, str]]:
    content = folder / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content/people.yml", content / "people.yml")
    written = write_corpus(content, ARTICLES, broken_share=0.1, seed=5)
    return content, written.broken


def run_cli(content: Path, *options: str, capsys: pytest.CaptureFixture[str]) -> tuple:
    code = cli.main(["--content", str(content), "extract", *options])
    out, err = capsys.readouterr()
    return code, out.replace(str(content.parent), "<project>"), err


@pytest.mark.expected_warnings  # the local cluster's own processes log at start and stop
def test_cluster_run_writes_the_files_of_a_local_run(
    tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]
):
    here, broken = corpus(tmp_path / "local")
    there, _ = corpus(tmp_path / "cluster")
    local = run_cli(here, capsys=capsys)
    remote = run_cli(there, "--scheduler", scheduler, capsys=capsys)
    assert remote == local  # exit status, every file named, every problem line
    assert local[0] == 1  # the broken articles fail both runs, one line each
    for rel in broken:
        assert sum(rel in line for line in local[2].splitlines()) >= 1
    files = snapshot(here)
    assert files == snapshot(there)
    assert sum(name.startswith("events/") for name in files) > ARTICLES / 2
    # and again with nothing changed: both skip everything, nothing is written
    assert (
        run_cli(there, "--scheduler", scheduler, capsys=capsys)[1:]
        == run_cli(here, capsys=capsys)[1:]
    )
    assert snapshot(there) == files


@pytest.mark.expected_warnings
def test_cluster_run_with_jobs_and_force_matches_too(tmp_path: Path, scheduler: str):
    here, _ = corpus(tmp_path / "local")
    there, _ = corpus(tmp_path / "cluster")
    run_extract(here, jobs=2, stream=io.StringIO())
    run_extract(there, stream=io.StringIO(), scheduler=scheduler)
    run_extract(there, force=True, stream=io.StringIO(), scheduler=scheduler)
    run_extract(here, force=True, stream=io.StringIO())
    assert snapshot(here) == snapshot(there)


def test_unreachable_scheduler_is_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT", 1.0)
    content, _ = corpus(tmp_path)
    before = snapshot(content)
    code, _, err = run_cli(content, "--scheduler", "tcp://127.0.0.1:9", capsys=capsys)
    assert code == 1
    assert snapshot(content) == before
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith("timeline extract: expected a Dask scheduler at tcp://127.0.0.1:9")


def test_a_bad_address_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    content, _ = corpus(tmp_path)
    code, _, err = run_cli(content, "--scheduler", "nosuch://x:1", capsys=capsys)
    assert code == 1 and "Traceback" not in err
    assert err.count("\n") == 1 and "expected a Dask scheduler at nosuch://x:1" in err


class DyingExtractor:
    """Kills its worker process on one article; extracts the others for real."""

    def __init__(self, people):  # type: ignore[no-untyped-def]
        self.real = make_extractor(people)

    def extract_events(self, article):  # type: ignore[no-untyped-def]
        if article.path.endswith("-report-00007.md"):
            os._exit(3)
        return self.real.extract_events(article)


@pytest.mark.expected_warnings  # the nanny logs each worker death
def test_a_task_that_kills_its_workers_costs_only_its_articles(tmp_path: Path, scheduler: str):
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests
    try:
        content, _ = corpus(tmp_path / "cluster")
        summary = run_extract(
            content, stream=io.StringIO(), factory=DyingExtractor, scheduler=scheduler
        )
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    lost = [p for p in summary.problems if "a worker died each time" in p.message]
    chunk = cluster_module.CHUNK
    assert 1 <= len(lost) <= chunk  # the articles of the one task, each named
    assert any(p.path.endswith("-report-00007.md") for p in lost)
    assert not summary.ok
    # the others were extracted and merged; a run without the dying article gets the rest
    again = run_extract(content, stream=io.StringIO(), scheduler=scheduler)
    assert again.skipped >= ARTICLES - chunk - 4 and again.new > 0


def test_workers_with_another_version_are_refused(monkeypatch: pytest.MonkeyPatch):
    class Client:
        def wait_for_workers(self, n: int, timeout: float) -> None:
            pass

        def run(self, function):  # type: ignore[no-untyped-def]
            return {"tcp://10.0.0.2:4000": {**function(), "dateparser": "0.1"}}

    with pytest.raises(cluster_module.ClusterError, match=r"expected dateparser .* on every"):
        cluster_module.Cluster(Client(), "tcp://x:8786")._check_workers()


def test_without_the_dask_extra_it_says_what_to_install(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as when not installed
    with pytest.raises(
        cluster_module.ClusterError, match=r"pip install 'uschina-timeline\[dask\]'"
    ):
        cluster_module.Cluster.connect("tcp://127.0.0.1:8786")


@pytest.mark.expected_warnings
def test_a_scheduler_without_workers_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setattr(cluster_module, "WORKER_WAIT", 1.0)
    content, _ = corpus(tmp_path)
    before = snapshot(content)
    with distributed.LocalCluster(n_workers=0, dashboard_address=":0") as empty:
        code, _, err = run_cli(content, "--scheduler", empty.scheduler_address, capsys=capsys)
    assert code == 1 and snapshot(content) == before and "Traceback" not in err
    assert err.count("\n") == 1 and "expected a worker connected to the scheduler" in err


class Workerless:
    """A client whose cluster has lost every worker."""

    def nthreads(self) -> dict[str, int]:
        return {}


def test_a_cluster_left_without_workers_stops_the_run(monkeypatch: pytest.MonkeyPatch):
    cluster = cluster_module.Cluster(Workerless(), "tcp://x:8786")
    since = cluster._without_workers(None)
    assert since is not None  # the wait starts
    monkeypatch.setattr(cluster_module, "WORKER_WAIT", 0.0)
    with pytest.raises(cluster_module.ClusterError, match="expected workers at tcp://x:8786"):
        cluster._without_workers(since - 1)
