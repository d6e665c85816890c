"""Batch analysis: input order, failures in place, the store, worker processes and Dask."""

from __future__ import annotations

import os
import sys
import time

import pytest

from reader.core.service import batch
from reader.core.service.batch import analyze_files
from reader.core.store.database import Store
from tests.core.library_articles import save_tiny_pipeline, write_article
from tests.processes import ended, wait_ended

TEXTS = [
    f"Report {i}\nAda Lovelace met Tom Baker in France on day {i}.\n“Gears {i},” Baker said.\n"
    for i in range(12)
]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    return str(save_tiny_pipeline(tmp_path_factory.mktemp("pipeline") / "tiny"))


@pytest.fixture
def files(tmp_path):
    paths = [write_article(tmp_path / "in", f"{i:02d}.txt", t) for i, t in enumerate(TEXTS)]
    png = tmp_path / "in" / "05b.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    paths.insert(6, png)
    paths.insert(2, tmp_path / "missing.txt")
    return paths


def _names(results):
    return [r.analysis.article.text.split("\n", 1)[0] if r.analysis else r.error for r in results]


def test_results_keep_input_order_with_failures_in_place_in_two_worker_processes(pipeline, files):
    results = list(analyze_files(files, model=pipeline, jobs=2))
    assert [r.path for r in results] == files
    assert [r.error is not None for r in results] == [
        p.name in ("missing.txt", "05b.txt") for p in files
    ]
    assert "PNG image" in results[7].error
    good = [r.analysis for r in results if r.analysis]
    assert [a.article.text for a in good] == TEXTS
    assert all({m.key for m in a.mentions} >= {"person:tom-baker", "country:fr"} for a in good)


def test_one_failing_analysis_does_not_stop_the_others(pipeline, files, monkeypatch):
    from reader.core.analysis import analyzer as analysis

    real = analysis.analyze

    def fragile(article, nlp):
        if "day 3." in article.text:
            raise RuntimeError("gears jammed")
        return real(article, nlp)

    monkeypatch.setattr(analysis, "analyze", fragile)
    results = list(analyze_files(files, model=pipeline, jobs=1))
    failed = [r for r in results if r.error and "gears jammed" in r.error]
    assert [r.path.name for r in failed] == ["03.txt"]
    assert sum(r.analysis is not None for r in results) == len(TEXTS) - 1


def test_a_second_run_is_served_by_the_store_without_loading_the_pipeline(
    pipeline, files, tmp_path, monkeypatch
):
    with Store.open(tmp_path / "s.sqlite3") as store:
        first = list(analyze_files(files, model=pipeline, jobs=1, store=store))
        assert store.count() == len(TEXTS)
        monkeypatch.setattr(batch, "_pipelines", {})
        second = list(analyze_files(files, model=pipeline, jobs=1, store=store))
        assert batch._pipelines == {}
    assert [r.cached for r in second if r.analysis] == [True] * len(TEXTS)
    assert [r.analysis for r in second] == [r.analysis for r in first]


def test_a_store_that_fails_is_reported_once_and_the_run_goes_on(pipeline, files, tmp_path):
    store = Store.open(tmp_path / "s.sqlite3")
    store.close()  # every later use fails
    warnings = []
    results = list(analyze_files(files, model=pipeline, jobs=1, store=store, warn=warnings.append))
    assert len(warnings) == 1 and "cannot be used" in warnings[0]
    assert sum(r.analysis is not None for r in results) == len(TEXTS)


def test_the_dask_path_gives_the_same_analyses_on_a_local_cluster(pipeline, files):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        on_dask = list(
            analyze_files(files[:5], model=pipeline, scheduler=cluster.scheduler_address)
        )
    here = list(analyze_files(files[:5], model=pipeline, jobs=1))
    assert _names(on_dask) == _names(here)
    assert [r.analysis for r in on_dask] == [r.analysis for r in here]


def test_stored_corrections_apply_to_a_fresh_analysis(pipeline, files, tmp_path):
    from reader.core.store.corrections import Correction
    from reader.core.store.database import content_hash
    from reader.core.text.article import Article

    with Store.open(tmp_path / "s.sqlite3") as store:
        store.add_correction(
            content_hash(Article("t", TEXTS[4], ())),
            Correction("rename", key="country:fr", name="République française"),
        )
        results = list(analyze_files(files, model=pipeline, jobs=1, store=store))
    fixed = next(r.analysis for r in results if r.analysis and r.analysis.article.text == TEXTS[4])
    assert {m.name for m in fixed.mentions if m.key == "country:fr"} == {"République française"}
    assert all(m.corrected for m in fixed.mentions if m.key == "country:fr")


def test_results_do_not_pile_up_behind_an_unfinished_batch(pipeline, tmp_path, monkeypatch):
    """One new article, then many stored ones: the new one's batch is sent off and its result
    given before every stored one is loaded and held."""
    from reader.core.text import loaders

    texts = [f"Note {i}\nAda Lovelace in France, item {i}.\n" for i in range(120)]
    paths = [write_article(tmp_path / "in", f"{i:03d}.txt", t) for i, t in enumerate(texts)]
    with Store.open(tmp_path / "s.sqlite3") as store:
        list(analyze_files(paths[1:], model=pipeline, jobs=1, store=store))
        loaded = []
        real_load = loaders.load_article
        monkeypatch.setattr(loaders, "load_article", lambda p: loaded.append(p) or real_load(p))
        monkeypatch.setattr(batch, "_executor", lambda *_how: batch._InlineExecutor())
        results = analyze_files(paths, model=pipeline, jobs=2, store=store)
        first = next(results)
        assert first.path == paths[0] and not first.cached
        assert len(loaded) < len(paths) // 2
        assert [r.cached for r in results] == [True] * (len(paths) - 1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_stopping_a_run_ends_its_worker_processes_at_once_real_processes():
    executor = batch._executor(2, None, background=False)
    busy = [executor.submit(time.sleep, 600) for _ in range(2)]
    while len(executor._processes) < 2 or not all(f.running() for f in busy):
        time.sleep(0.05)
    pids = [process.pid for process in executor._processes.values()]
    batch._stop(executor)
    # The executor's own thread may reap the workers first, after which Process.is_alive()
    # cannot tell; the kernel's process table can.
    for pid in pids:
        wait_ended(pid)
    assert [ended(pid) for pid in pids] == [True, True]


def test_in_this_process_each_result_comes_as_soon_as_it_is_made(pipeline, files, monkeypatch):
    from reader.core.analysis import analyzer as analysis

    made = []
    real = analysis.analyze
    monkeypatch.setattr(analysis, "analyze", lambda a, nlp: made.append(a) or real(a, nlp))
    results = analyze_files(files, model=pipeline, jobs=1)
    assert next(results).analysis is not None
    assert len(made) == 1
    results.close()


def test_a_pipeline_that_cannot_load_stops_the_run_with_one_error(files, tmp_path):
    from reader.core.analysis.pipeline import ModelError

    with pytest.raises(ModelError):
        list(analyze_files(files, model=str(tmp_path / "no-such-pipeline"), jobs=2))


def test_a_background_run_of_a_few_files_goes_to_a_worker_process_real_process(
    pipeline, files, monkeypatch
):
    workers: list[int] = []
    real = batch._executor

    def watched(jobs, scheduler, background):
        made = real(jobs, scheduler, background)
        workers.append(getattr(made, "_max_workers", 0))  # 0: this process (inline)
        return made

    monkeypatch.setattr(batch, "_executor", watched)
    results = list(analyze_files(files[:2], model=pipeline, jobs=2, background=True))
    assert workers == [1]  # one worker process for two files, not this process
    assert [r.analysis.article.text for r in results] == TEXTS[:2]
    list(analyze_files(files[:2], model=pipeline, jobs=2))
    assert workers == [1, 0]  # as before for the command line: two files in this process


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities")
def test_the_workers_of_a_background_run_yield_the_cpu_real_processes():
    from reader.core.service.priority import BACKGROUND_NICENESS

    here = os.nice(0)
    background = batch._executor(2, None, background=True)
    command_line = batch._executor(2, None, background=False)
    try:
        assert background.submit(os.nice, 0).result() == min(here + BACKGROUND_NICENESS, 19)
        assert command_line.submit(os.nice, 0).result() == here
    finally:
        background.shutdown()
        command_line.shutdown()


def test_the_pipeline_label_is_read_without_importing_spacy():
    import subprocess

    code = (
        "import sys; from reader.core.service.analyses import pipeline_label;"
        "from reader.core.analysis.models import installed_models;"
        "label = pipeline_label(installed_models()[0]) if installed_models() else '';"
        "pipeline_label(None) if label else None;"
        "print('spacy' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
