"""`reader FOLDER` / `python main.py FOLDER`: a folder named at the start opens as a collection in
the Library (as File ▸ Open Folder does), beside the files named, which open in tabs."""

from __future__ import annotations

from pathlib import Path

from reader.gui.app import open_start
from tests.gui.test_library import ARTICLES, WAIT_MS, fake_indexing, folder, rows, wait_model

__all__ = ["fake_indexing", "folder"]  # fixtures shared with the Library's tests


def test_a_folder_named_at_the_start_opens_as_a_collection_and_files_as_tabs(
    window, qtbot, folder: Path, fake_indexing, tmp_path: Path, errors
):
    single = tmp_path / "single.txt"
    single.write_text("Lavrov spoke in Geneva.\n", encoding="utf-8")
    wait_model(qtbot, window)
    with qtbot.wait_signal(window.library.collections.indexer.finished, timeout=WAIT_MS):
        open_start(window, [folder, single])
    library = window.library.collections
    assert library.dock.isVisible()
    assert library.current is not None and library.current.name == "week"
    assert [a.path.name for a in rows(library.panel.articles)] == [
        "monday.txt",
        "tuesday.txt",
        "wednesday.txt",
    ]
    qtbot.wait_until(lambda: len(window.article_tabs()) == 1, timeout=WAIT_MS)
    assert [tab.path for tab in window.article_tabs()] == [single]
    assert errors == []  # no "is a folder, not an article file"


def test_a_screenshot_of_a_folder_opens_it_as_a_collection_and_waits_for_its_analysis(
    qapp, monkeypatch, folder: Path, fake_indexing, tmp_path: Path, errors
):
    from reader.core.store.database import Store
    from reader.core.store.library import Collection
    from reader.gui import app as app_module
    from reader.gui.work.worker import PipelineRunner
    from tests.gui.conftest import fake_analyze, fake_pipeline

    fake = lambda: PipelineRunner(fake_pipeline, fake_analyze, lambda _nlp: ["fake_model"])  # noqa: E731
    monkeypatch.setattr(app_module, "PipelineRunner", fake)
    monkeypatch.setattr(app_module, "SCREENSHOT_TIMEOUT_MS", WAIT_MS)  # a hang fails, not waits
    out = tmp_path / "shot.png"
    assert app_module.run_app([str(folder), "--screenshot", str(out)]) == 0
    assert out.stat().st_size > 0
    assert errors == []  # no "is a folder, not an article file"
    assert [sorted(p.name for p in run) for run in fake_indexing] == [sorted(ARTICLES)]
    with Store.open(None) as store:  # $READER_STORE: every article analysed before the shot
        articles = Collection(store, sorted(folder.glob("*.txt")), "fake 1.0").articles()
        assert [a.analysed for a in articles] == [True, True, True]


def test_a_screenshot_of_a_folder_waits_for_the_collection_listed_and_analysed(
    window, qtbot, folder: Path, fake_indexing
):
    from reader.gui.app import _Settling

    wait_model(qtbot, window)
    waiting = _Settling(window, [folder])
    checks: list[bool] = []

    def check(*_args: object) -> None:
        checks.append(waiting.settled())

    waiting.connect(check)
    waiting.open()  # the collection is made; its list is read on its lane
    assert not waiting.settled()  # was: settled at once, the shot of "Analysing 0 of 10"
    assert "list of the collection “week”" in waiting.waiting_for()
    qtbot.wait_until(lambda: any(checks), timeout=WAIT_MS)
    library = window.library.collections
    assert not library.panel.progress.isVisible()
    assert [a.analysed for a in rows(library.panel.articles)] == [True, True, True]
    waiting.disconnect(check)
