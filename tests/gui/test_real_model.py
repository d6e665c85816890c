"""Tests with the real spaCy pipeline on the real worker thread (loaded once per session)."""

from __future__ import annotations

import os
import signal
from array import array
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

import reader.gui.app as app_module
from reader.core.model import Kind
from reader.gui.article.article_view import is_dark, scheme_for
from reader.gui.work.remote import PipelineError, RemotePipeline
from reader.gui.work.worker import PipelineRunner, remote_analyze, remote_pipeline
from tests.gui.articles import SEED, long_article_text


@pytest.fixture(scope="session")
def real_pipeline() -> Iterator[SimpleNamespace]:
    """The real pipeline in its child process, shared by the tests (windows never close it)."""
    remote = RemotePipeline(None)
    try:
        remote.wait_ready()
    except PipelineError as error:
        pytest.skip(str(error))
    yield SimpleNamespace(analyze=remote.analyze, label=remote.label, models=remote.models)
    remote.close()


def real_service(pipeline: SimpleNamespace) -> PipelineRunner:
    return PipelineRunner(lambda _name: pipeline)


def test_first_highlights_come_while_the_rest_is_analysed_real_model_real_thread(
    make_window, qtbot, tmp_path, real_pipeline
):
    """The window keeps processing events during a long analysis, shows the chunks'
    preliminary highlights before the final analysis, and then draws only what changed.
    (How long any of it takes is measured by bench/bench_gui.py, never here.)"""
    article = tmp_path / "long.txt"
    article.write_text(long_article_text(120_000), encoding="utf-8")
    window = make_window(pipeline=lambda _name: real_pipeline, analyze=remote_analyze)
    qtbot.wait_until(
        lambda: window.model_label.text() == f"spaCy: {real_pipeline.label}", timeout=120_000
    )
    seen: list[tuple[bool, int]] = []  # per timer tick: analysis shown yet, blocks drawn
    tab = window.open_paths([article])[0]

    def tick() -> None:
        highlighter = tab.view.highlighter
        seen.append((tab.analysis is not None, highlighter.blocks_drawn if highlighter else 0))

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    with qtbot.wait_signal(tab.analysis_shown, timeout=240_000):  # under the hard limit
        pass
    timer.stop()
    assert len(tab.analysis.mentions) > 1000
    before_final = [drawn for final, drawn in seen if not final]
    assert any(before_final), "no highlight before the whole article was analysed"
    blocks = {tab.view.offsets.place_of(m.start).number for m in tab.analysis.mentions}
    assert tab.view.highlighter.blocks_drawn < 2 * len(blocks)  # most blocks drawn once


def test_a_killed_spacy_process_is_reported_and_started_again_real_model_real_thread(
    make_window, qtbot, tmp_path
):
    window = make_window(pipeline=remote_pipeline, analyze=remote_analyze)
    qtbot.wait_until(lambda: window.model_label.text().startswith("spaCy: en"), timeout=120_000)
    long = tmp_path / "long.txt"
    long.write_text(long_article_text(200_000), encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("Rex Tillerson met Sergei Lavrov in Moscow.\n", encoding="utf-8")
    victim = window.open_paths([long])[0]
    qtbot.wait_until(
        lambda: victim.view.highlighter is not None and victim.request_id, timeout=120_000
    )
    waiting = window.open_paths([short])[0]
    qtbot.wait_until(lambda: waiting.request_id is not None, timeout=120_000)
    qtbot.wait_until(lambda: victim.analysis_bar.progress.value() > 0, timeout=120_000)
    os.kill(window.service.worker._nlp.pid, signal.SIGKILL)
    with qtbot.wait_signal(waiting.analysis_shown, timeout=180_000):
        pass
    assert "SIGKILL" in victim.analysis_bar.message.text()
    assert victim.analysis_bar.retry.isVisibleTo(victim)
    assert {e.name for e in waiting.analysis.entities} >= {"Rex Tillerson", "Sergei Lavrov"}


def test_screenshot_of_the_seed_article_real_model(
    qapp, monkeypatch, errors, tmp_path, real_pipeline
):
    monkeypatch.setattr(app_module, "PipelineRunner", lambda: real_service(real_pipeline))
    out = tmp_path / "shot.png"
    assert app_module.run_app(["--screenshot", str(out), str(SEED)]) == 0
    image = QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == app_module.SCREENSHOT_SIZE
    assert not errors
    # Taken once the highlights are drawn: every kind's colour covers part of the text area
    # (left of the side panels, below the legend, whose swatches would count too).
    pixels = array("I", bytes(image.constBits()))
    text_area = [
        pixels[y * image.width() + x] for y in range(100, image.height() - 40) for x in range(900)
    ]
    dark = is_dark(QApplication.palette())
    for kind in Kind:
        colour = QColor(scheme_for(kind, dark).background).rgb() & 0xFFFFFFFF
        assert text_area.count(colour) > 1000, kind


def test_unknown_pipeline_gives_a_message_for_the_user_real_process():
    remote = RemotePipeline("no_such_pipeline")
    with pytest.raises(PipelineError, match="no_such_pipeline"):
        remote.wait_ready()
