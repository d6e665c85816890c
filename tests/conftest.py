"""For every test: its own analysis store and OCR cache, so no test reads or fills the user's,
and a hard limit that ends a hanging run with every thread's traceback."""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Generator

import pytest

TEST_TIME_LIMIT_SECONDS = 300  # the slowest test (real model, long article) takes about 15 s
_real_stderr: int | None = None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator:
    """A test that hangs (a signal that never comes, a thread that never stops) ends the run
    with every thread's traceback instead of holding CI until its own limit.

    faulthandler is in the standard library and its watchdog thread fires even while the main
    thread is blocked inside Qt. Output capture is suspended between test phases, so file
    descriptor 2 is the real stderr here. (Setting pytest's own `faulthandler_timeout` would
    replace this watchdog: faulthandler keeps only one.)
    """
    global _real_stderr
    if _real_stderr is None:
        _real_stderr = os.dup(2)
    faulthandler.dump_traceback_later(TEST_TIME_LIMIT_SECONDS, exit=True, file=_real_stderr)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def private_store(tmp_path_factory, monkeypatch):
    """$READER_STORE points into a fresh folder (inherited by the commands tests start)."""
    path = tmp_path_factory.mktemp("store") / "reader.sqlite3"
    monkeypatch.setenv("READER_STORE", str(path))
    return path


@pytest.fixture(autouse=True)
def private_ocr_cache(tmp_path_factory, monkeypatch):
    """$READER_OCR_CACHE points into a fresh folder, so no test reads pages OCR'd by another."""
    path = tmp_path_factory.mktemp("ocr_cache")
    monkeypatch.setenv("READER_OCR_CACHE", str(path))
    return path


@pytest.fixture(scope="session")
def blank_model(tmp_path_factory) -> str:
    """A blank English pipeline saved to disk: `--model` loads it in a blink, no tagging."""
    import spacy  # here, not at the top: most tests never need it

    folder = tmp_path_factory.mktemp("blank-pipeline")
    spacy.blank("en").to_disk(folder)
    return str(folder)
