"""Hostile files opened in the window, offscreen, all in one open (as a drop or the dialog does).

The window is the one of tests/gui (a fake analysis on the real worker thread): what is tried
here is reading and showing files, not the model. Nothing may escape `open_paths`, the readable
files of the same open must still get their tabs, one dialog names the unreadable ones.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random
from pathlib import Path

from tests.fuzz.conftest import writable
from tests.fuzz.hostile import KINDS
from tests.gui.conftest import (  # noqa: F401 (fixtures of the window tests, used by name)
    errors,
    make_window,
    settings,
    settings_folder,
    window,
)

UNREADABLE = (
    "fifo",
    "device link",
    "socket",
    "symlink loop",
    "dangling link",
    "folder named like an article",
    "empty",
    "garbage bytes",
    "svg only",
)
READABLE = (
    "legacy code page",
    "utf-16/32 without a mark",
    "odd file name",
    "very long word",
    "bidi overrides",
    "truncated utf-8",
    "deeply nested markdown",
)


def test_one_open_of_hostile_files_keeps_the_readable_ones(window, qtbot, errors, tmp_path):  # noqa: F811
    inputs = {}
    for number, kind in enumerate(UNREADABLE + READABLE):
        folder = tmp_path / str(number)
        folder.mkdir()
        inputs[kind] = KINDS[kind](folder, random.Random(number), 0.01)
    good = tmp_path / "good.txt"
    good.write_text("Angela Merkel met Emmanuel Macron in Paris.\n", "utf-8")
    paths = [hostile.path for hostile in inputs.values()] + [good]
    try:
        window.open_paths(paths)  # nothing escapes, whatever the files are
        qtbot.wait_until(lambda: len(errors) == 1, timeout=60_000)
        qtbot.wait(50)  # no second dialog comes
    finally:
        writable(tmp_path)
    assert len(errors) == 1
    shown = {Path(tab.path) for tab in window.article_tabs() if tab.path is not None}
    assert good in shown
    for kind in READABLE:
        assert inputs[kind].path in shown, kind
    for kind in UNREADABLE:
        assert inputs[kind].path not in shown, kind
    assert window.isVisible()
