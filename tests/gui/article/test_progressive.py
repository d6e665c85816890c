"""The window while analyses run: preliminary highlights chunk by chunk, progress with Cancel,
queued articles, closed tabs, a crashed pipeline, files read off the GUI thread, long lines.
The analysis is a fake on the real worker thread; nothing here is timed."""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from reader.core.analysis.analyzer import AnalysisCancelled, Progress
from reader.core.model import Kind
from reader.core.text.article import Article
from reader.gui.window import loading
from reader.gui.work.remote import PipelineCrashError
from tests.gui.articles import SEED
from tests.gui.conftest import fake_analyze, fake_pipeline
from tests.gui.window.test_window import formats_at

WAIT_MS = 10_000


class Chunked:
    """A fake analysis reported paragraph by paragraph, held after the first until `go` is set.

    Articles whose file name holds "forever" never finish unless stopped; "crash" ends as a dead
    spaCy child would. `change_first` makes the first preliminary mention a different kind
    from the final one.
    """

    def __init__(self, change_first: bool = False) -> None:
        self.go = threading.Event()
        self.first_chunk = threading.Event()
        self.change_first = change_first
        self.threads: set[str] = set()

    def __call__(self, article: Article, nlp: Any, *, on_progress=None, should_stop=None):
        whole = fake_analyze(article, nlp)
        blocks = [
            b for b in article.blocks if any(b.start <= m.start < b.end for m in whole.mentions)
        ]
        for number, block in enumerate(blocks):
            if should_stop():
                raise AnalysisCancelled
            inside = tuple(m for m in whole.mentions if block.start <= m.start < block.end)
            if number == 0 and self.change_first:
                inside = (replace(inside[0], kind=Kind.ORG), *inside[1:])
            on_progress(Progress(block.end, len(article.text), block.start, block.end, inside))
            if number == 0:
                self.first_chunk.set()
                while not self.go.wait(0.01):
                    if should_stop():
                        raise AnalysisCancelled
                    if "crash" in article.display_name:
                        raise PipelineCrashError("The spaCy process was stopped by SIGKILL.")
        while "forever" in article.display_name:
            if should_stop():
                raise AnalysisCancelled
            self.go.wait(0.01)
        return whole


def short_article(folder: Path, name: str, text: str = "Lavrov spoke in Moscow.\n") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def blocks_with_mentions(tab) -> int:
    return len(
        {
            tab.view.document().findBlock(tab.view.offsets.to_document(m.start)).blockNumber()
            for m in tab.analysis.mentions
        }
    )


def test_first_highlights_show_while_the_rest_is_analysed_real_thread(make_window, qtbot):
    analysis = Chunked()
    window = make_window(analyze=analysis)
    tab = window.open_paths([SEED])[0]
    qtbot.wait_until(analysis.first_chunk.is_set)
    qtbot.wait_until(lambda: tab.view.highlighter is not None and tab.view.highlighter.blocks_drawn)
    assert tab.analysis is None  # the rest is still being analysed
    bar = tab.analysis_bar
    assert bar.isVisible() and bar.progress.isVisible() and bar.cancel.isVisible()
    assert 0 < bar.progress.value() < bar.progress.maximum()  # determinate
    first = tab.view.drawn.spans[0][2]
    assert formats_at_range(tab, first.start, first.end)
    with qtbot.wait_signal(tab.analysis_shown, timeout=WAIT_MS):
        analysis.go.set()
    assert not bar.isVisible()
    for mention in tab.analysis.mentions:
        assert formats_at(tab, mention), mention
    # Each block was drawn once: the final analysis agreed with the preliminary highlights.
    assert tab.view.highlighter.blocks_drawn == blocks_with_mentions(tab)


def formats_at_range(tab, start: int, end: int):
    block = tab.view.document().findBlock(tab.view.offsets.to_document(start))
    local = tab.view.offsets.to_document(start) - block.position()
    return [r for r in block.layout().formats() if r.start == local and r.length == end - start]


def test_the_final_analysis_redraws_only_the_blocks_that_differ_real_thread(make_window, qtbot):
    analysis = Chunked(change_first=True)
    window = make_window(analyze=analysis)
    tab = window.open_paths([SEED])[0]
    qtbot.wait_until(analysis.first_chunk.is_set)
    qtbot.wait_until(lambda: tab.view.highlighter.blocks_drawn and not tab.view.highlighter.busy)
    with qtbot.wait_signal(tab.analysis_shown, timeout=WAIT_MS):
        analysis.go.set()
    assert tab.view.highlighter.blocks_drawn == blocks_with_mentions(tab) + 1
    first = tab.analysis.mentions[0]
    assert formats_at(tab, first)[-1].format == tab.view.highlighter.mention_format(first)


def test_events_are_processed_while_the_analysis_runs_real_thread(make_window, qtbot):
    analysis = Chunked()
    window = make_window(analyze=analysis)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(analysis.go.is_set()))
    timer.start(10)
    tab = window.open_paths([SEED])[0]
    qtbot.wait_until(analysis.first_chunk.is_set)
    qtbot.wait_until(lambda: len(ticks) >= 5)  # the window runs while the analysis waits
    with qtbot.wait_signal(tab.analysis_shown, timeout=WAIT_MS):
        analysis.go.set()
    timer.stop()
    assert not any(ticks[:5])


def test_cancel_stops_the_analysis_and_retry_starts_it_again_real_thread(make_window, qtbot):
    analysis = Chunked()
    window = make_window(analyze=analysis)
    tab = window.open_paths([SEED])[0]
    qtbot.wait_until(analysis.first_chunk.is_set)
    qtbot.wait_until(lambda: tab.analysis_bar.cancel.isVisible())
    with qtbot.wait_signal(window.service.result_dropped, timeout=WAIT_MS):
        qtbot.mouseClick(tab.analysis_bar.cancel, Qt.MouseButton.LeftButton)
    assert tab.request_id is None and tab.analysis is None
    assert tab.analysis_bar.retry.isVisible() and "cancelled" in tab.analysis_bar.message.text()
    assert window.busy_label.text() == ""
    analysis.go.set()
    with qtbot.wait_signal(tab.analysis_shown, timeout=WAIT_MS):
        qtbot.mouseClick(tab.analysis_bar.retry, Qt.MouseButton.LeftButton)
    assert tab.analysis is not None and not tab.analysis_bar.isVisible()
    # The second analysis drew nothing again that the first had drawn the same way.
    assert tab.view.highlighter.blocks_drawn == blocks_with_mentions(tab)


def test_an_article_opened_during_a_long_analysis_says_it_waits_real_thread(
    make_window, qtbot, tmp_path
):
    analysis = Chunked()
    window = make_window(analyze=analysis)
    analysis.go.set()  # the long article never ends: only a stop ends it
    long_tab = window.open_paths([short_article(tmp_path, "forever.txt", SEED.read_text())])[0]
    qtbot.wait_until(analysis.first_chunk.is_set)
    short_tab = window.open_paths([short_article(tmp_path, "short.txt")])[0]
    qtbot.wait_until(lambda: not short_tab.loading)
    qtbot.wait_until(lambda: long_tab.title in short_tab.analysis_bar.message.text())
    # Closing the long article stops its analysis: the short one gets its turn at once.
    with qtbot.wait_signal(short_tab.analysis_shown, timeout=WAIT_MS):
        window.close_tab(window.tabs.indexOf(long_tab))
    assert {e.name for e in short_tab.analysis.entities} == {"Sergei Lavrov", "Russia"}


def test_a_crashed_pipeline_is_reported_in_its_tab_and_started_again_real_thread(
    make_window, qtbot, tmp_path
):
    analysis = Chunked()
    started = []
    window = make_window(
        analyze=analysis, pipeline=lambda name: (started.append(name), fake_pipeline(name))[1]
    )
    analysis.go.set()
    kept = window.open_paths([short_article(tmp_path, "kept.txt")])[0]
    with qtbot.wait_signal(kept.analysis_shown, timeout=WAIT_MS):
        pass
    analysis.go.clear()
    analysis.first_chunk.clear()
    crashing = window.open_paths([short_article(tmp_path, "crash.txt", SEED.read_text())])[0]
    qtbot.wait_until(analysis.first_chunk.is_set)
    # Another text than kept.txt's: the same text would come from the analysis store.
    waiting = window.open_paths(
        [short_article(tmp_path, "waiting.txt", "Lavrov spoke in Moscow again.\n")]
    )[0]
    qtbot.wait_until(lambda: not waiting.loading and waiting.request_id is not None)
    with qtbot.wait_signal(waiting.analysis_shown, timeout=WAIT_MS):
        analysis.go.set()
    assert len(started) == 2  # a new pipeline for the article that waited
    assert "SIGKILL" in crashing.analysis_bar.message.text()
    assert crashing.analysis_bar.retry.isVisibleTo(crashing)  # its tab is not the current one
    assert kept.analysis is not None and waiting.analysis is not None
    with qtbot.wait_signal(crashing.analysis_shown, timeout=WAIT_MS):
        analysis.go.set()
        crashing.analysis_bar.retry.click()


def test_files_are_read_off_the_gui_thread(window, qtbot, monkeypatch):
    threads = []
    real = loading.load_article

    def load(path: Path) -> Article:
        threads.append(threading.current_thread())
        return real(path)

    monkeypatch.setattr(loading, "load_article", load)
    tab = window.open_paths([SEED])[0]
    with qtbot.wait_signal(tab.analysis_shown, timeout=WAIT_MS):
        pass
    assert threads and threads[0] is not threading.main_thread()


def test_an_exception_while_opening_one_file_spares_the_others(
    window, qtbot, monkeypatch, errors, tmp_path
):
    real = loading.load_article
    bad = short_article(tmp_path, "only-an-svg.html", "<svg></svg>")

    def load(path: Path) -> Article:
        if path == bad:
            raise AssertionError
        return real(path)

    monkeypatch.setattr(loading, "load_article", load)
    good = short_article(tmp_path, "good.txt")
    window.open_paths([bad, good, SEED])  # a batch: each tab comes once its file is read
    qtbot.wait_until(lambda: len(errors) == 1)
    assert "only-an-svg.html" in errors[0][1] and "AssertionError" in errors[0][1]
    assert [t.path for t in window.article_tabs()] == [good, SEED]
    qtbot.wait_until(
        lambda: all(t.analysis is not None for t in window.article_tabs()), timeout=WAIT_MS
    )


@pytest.mark.parametrize("filler", ["x", "word "])
def test_a_long_unbroken_line_is_shown_in_pieces_with_offsets_right(
    window, qtbot, tmp_path, filler
):
    line = (filler * (60_000 // len(filler)))[:60_000]
    text = f"Long line\n\n{line} Tillerson met Lavrov.\n\nRussia said so.\n"
    tab = window.open_paths([short_article(tmp_path, "long-line.txt", text)])[0]
    with qtbot.wait_signal(tab.analysis_shown, timeout=WAIT_MS):
        pass
    document = tab.view.document()
    assert document.blockCount() >= 30
    assert max(document.findBlockByNumber(n).length() for n in range(document.blockCount())) <= 2001
    assert tab.view.toPlainText().replace("\u2029", "").replace("\n", "") == text.replace("\n", "")
    for mention in tab.analysis.mentions:
        tab.view.select_range(mention.start, mention.end)
        assert tab.view.textCursor().selectedText() == mention.text
        assert formats_at(tab, mention), mention


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_like_an_article_holds_up_no_other_file(window, qtbot, errors, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = short_article(tmp_path, "good.txt")
    try:
        window.open_paths([fifo, good])  # a batch: each tab comes once its file is read
        qtbot.wait_until(
            lambda: [t.analysis is not None for t in window.article_tabs()] == [True],
            timeout=WAIT_MS,
        )
        assert window.isVisible() and window.article_tabs()[0].path == good
    finally:  # a loader that did block on the FIFO gets its end of file
        with contextlib.suppress(OSError):
            descriptor = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(descriptor)


def test_a_symlink_loop_gives_one_error_and_the_other_files_open(window, qtbot, errors, tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    good = short_article(tmp_path, "good.txt")
    window.open_paths([loop, good])  # a batch: each tab comes once its file is read
    qtbot.wait_until(lambda: len(errors) == 1)
    assert "loop.txt" in errors[0][1]
    assert [t.path for t in window.article_tabs()] == [good]
    qtbot.wait_until(lambda: window.article_tabs()[0].analysis is not None, timeout=WAIT_MS)
