"""Fixtures for the window tests: a fake, fast analysis on the real worker thread, preferences in
a temporary folder, and a time limit that ends a hanging run instead of letting CI wait."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from reader.core.model import Analysis
from reader.core.text.article import Article
from reader.gui.app import create_window
from reader.gui.main_window import MainWindow
from reader.gui.window import dialogs
from reader.gui.window.settings import Settings
from reader.gui.work.worker import PipelineRunner
from tests.gui.articles import SEED
from tests.gui.fakes import NAMES, fake_analyze  # noqa: F401 (the tests import them from here)


def fake_pipeline(name: str | None) -> SimpleNamespace:
    """Looks like a loaded Language to the worker: only its meta is read."""
    return SimpleNamespace(meta={"name_full": name or "fake", "version": "1.0"})


@pytest.fixture(autouse=True, scope="session")
def settings_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where every QSettings opened without a file (as `Settings()` opens it) is written during
    the tests: a temporary folder, never the user's real preferences."""
    QStandardPaths.setTestModeEnabled(True)
    folder = tmp_path_factory.mktemp("qsettings")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(settings_format, scope, str(folder / scope.name))
    return folder


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Error dialogs shown, as (title, message); no real modal dialog ever blocks a test."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, msg: shown.append((title, msg)))
    return shown


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot, settings: Settings, errors) -> Iterator[WindowFactory]:
    """Build a shown, active window whose worker runs `analyze` (the fake one by default) and
    keeps its preferences in `settings` (the test's own file by default)."""
    windows: list[MainWindow] = []

    def make(
        analyze: Callable[[Article, Any], Analysis] = fake_analyze,
        pipeline: Callable[[str | None], Any] = fake_pipeline,
        settings: Settings = settings,
    ) -> MainWindow:
        service = PipelineRunner(pipeline, analyze, lambda _nlp: ["fake_model"])
        window = create_window(settings, service)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitActive(window)  # window shortcuts (F3, Esc, Ctrl+E) need the active window
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()  # the worker thread must be stopped before Qt tears down


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()


def open_and_wait(qtbot, window: MainWindow, path: Path = SEED):
    """Open one file and wait until its highlights are on screen."""
    tabs = window.open_paths([path])
    assert len(tabs) == 1
    with qtbot.wait_signal(tabs[0].analysis_shown, timeout=10_000):
        pass
    return tabs[0]


class Gate:
    """Holds the fake analysis on the worker thread until the test opens it."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.started = threading.Event()

    def analyze(self, article: Article, nlp: Any, **_options: Any) -> Analysis:
        self.started.set()
        self.event.wait(timeout=10)
        return fake_analyze(article, nlp)
