"""Tests with the real spaCy pipeline on the real worker thread (loaded once per session)."""

from __future__ import annotations

import itertools
import time
from array import array
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

import reader.gui.app as app_module
from reader.core.model import Kind
from reader.gui.article_view import is_dark, scheme_for
from reader.gui.remote import PipelineError, RemotePipeline
from reader.gui.worker import AnalysisService, remote_analyze
from tests.gui.articles import SEED, long_article_text

MAX_GAP_SECONDS = 0.25


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


def real_service(pipeline: SimpleNamespace) -> AnalysisService:
    return AnalysisService(lambda _name: pipeline)


def test_window_stays_responsive_during_long_analysis_real_model_real_thread(
    make_window, qtbot, tmp_path, real_pipeline
):
    article = tmp_path / "long.txt"
    article.write_text(long_article_text(300_000), encoding="utf-8")
    window = make_window(pipeline=lambda _name: real_pipeline, analyze=remote_analyze)
    qtbot.wait_until(lambda: window.model_label.text() == f"spaCy: {real_pipeline.label}")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    ticks.append(started)
    tab = window.open_paths([article])[0]
    with qtbot.wait_signal(tab.analysis_shown, timeout=240_000):  # under the hard limit
        pass
    ticks.append(time.perf_counter())
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(tab.analysis.mentions) > 1000
    assert ticks[-1] - started > 1.0, "the analysis was too quick to measure anything"
    assert max(gaps) < MAX_GAP_SECONDS, f"largest gap {max(gaps) * 1000:.0f} ms"


def test_screenshot_of_the_seed_article_real_model(
    qapp, monkeypatch, errors, tmp_path, real_pipeline
):
    monkeypatch.setattr(app_module, "AnalysisService", lambda: real_service(real_pipeline))
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
