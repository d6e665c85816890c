"""A batch of hostile files opened at once (issue 26, deliverable 4): every file is told and read
on the loader's lane, never on the GUI thread; a refused file gets no tab; the batch ends in one
dialog listing every refusal; the tabs already open keep working meanwhile; the readable files of
the batch get their tabs in the order given. No timing here: bench/bench_hostile_open.py
measures the event loop's gaps."""

from __future__ import annotations

import os
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.text.article import Article
from reader.core.text.loaders.zip_members import PARTS_BOUND
from reader.gui.window import loading
from tests.gui.conftest import open_and_wait
from tests.gui.window.test_window import click_entity

GOOD = "Tillerson met Lavrov in Moscow.\n\nCongress said nothing.\n"


def zip_bomb(path: Path) -> Path:
    """A .docx whose document part unpacks past the bound of the parts Reader reads."""
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(PARTS_BOUND // len(chunk) + 1):
            member.write(chunk)
    return path


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[list[Path]]:
    """Special files, a file too big, binary, a ZIP bomb and text in no one encoding."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    loop = folder / "loop.txt"
    (folder / "other.txt").symlink_to(loop)
    loop.symlink_to(folder / "other.txt")
    zero = folder / "zero.md"
    zero.symlink_to("/dev/zero")
    sparse = folder / "sparse.txt"
    with sparse.open("wb") as handle:
        handle.write(b"A story.")
        handle.seek(21 * 1024 * 1024)
        handle.write(b"end")
    binary = folder / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    undecidable = folder / "legacy.txt"
    undecidable.write_bytes(bytes(range(0x80, 0x100)) * 40)
    switching = folder / "switching.txt"
    switching.write_bytes(
        ("Die Bürger wählten. " * 500).encode() + ("Ο λόγος. " * 900).encode("utf-16-le")
    )
    folder_named = folder / "story.html"
    folder_named.mkdir()
    yield [
        fifo,
        loop,
        zero,
        sparse,
        binary,
        zip_bomb(folder / "bomb.docx"),
        undecidable,
        switching,
        folder_named,
    ]


def test_a_hostile_batch_ends_in_one_dialog_and_the_open_tab_keeps_working(
    window, qtbot, errors, hostile, tmp_path
):
    tab = open_and_wait(qtbot, window)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    window.open_paths([*hostile, good])
    click_entity(qtbot, tab, "person:sergei-lavrov")  # while the batch is read
    assert tab.followed is not None and tab.followed.key == "person:sergei-lavrov"
    qtbot.wait_until(lambda: len(errors) == 1, timeout=30_000)
    qtbot.wait(50)  # no second dialog comes
    assert len(errors) == 1
    title, message = errors[0]
    assert title == "Cannot open some articles"
    assert len(message.split("\n\n")) == len(hostile)  # one line (paragraph) per refusal
    for path in hostile:
        assert path.name in message, path.name
    assert [t.path for t in window.article_tabs()] == [tab.path, good]
    window.tabs.setCurrentWidget(tab)
    window.find()
    qtbot.keyClicks(tab.find_bar.edit, "serious")
    assert tab.find_bar.count.text().startswith("1 of ")
    qtbot.wait_until(lambda: window.article_tabs()[1].analysis is not None, timeout=10_000)


def test_files_are_told_off_the_gui_thread(window, qtbot, errors, hostile):
    """While the open call runs, the GUI thread neither stats, resolves nor opens a file."""
    touched: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        for name in ("stat", "lstat", "open"):
            real = getattr(os, name)

            def spy(path, *args, _real=real, **kwargs):
                if threading.current_thread() is threading.main_thread():
                    touched.append(
                        os.fsdecode(path) if isinstance(path, str | bytes) else str(path)
                    )
                return _real(path, *args, **kwargs)

            patch.setattr(os, name, spy)
        window.open_paths(hostile)
    assert [t for t in touched if "hostile" in t] == []
    assert window.article_tabs() == []  # no tab was made for a refused file, even for a moment
    qtbot.wait_until(lambda: len(errors) == 1, timeout=30_000)


def test_a_batch_keeps_the_order_given_whatever_is_read_first(
    window, qtbot, errors, tmp_path, monkeypatch
):
    slow, fast, later = (tmp_path / f"{name}.txt" for name in ("slow", "fast", "later"))
    for path in (slow, fast, later):
        path.write_text(f"{path.stem.title()}: {GOOD}", "utf-8")
    release = threading.Event()
    real = loading.load_article

    def load(path: Path) -> Article:
        if path == slow:
            release.wait(timeout=20)
        return real(path)

    monkeypatch.setattr(loading, "load_article", load)
    window.open_paths([slow, fast, later])
    qtbot.wait_until(lambda: len(window.article_tabs()) == 2)
    assert [t.path for t in window.article_tabs()] == [fast, later]
    release.set()
    qtbot.wait_until(lambda: len(window.article_tabs()) == 3)
    assert [t.path for t in window.article_tabs()] == [slow, fast, later]
    assert window.current_tab().path == later  # the last file given ends current
    assert errors == []


def test_a_file_open_already_is_only_switched_to(window, qtbot, errors, tmp_path):
    tab = open_and_wait(qtbot, window)
    link = tmp_path / "same.txt"
    link.symlink_to(tab.path)
    other = tmp_path / "other.txt"
    other.write_text(GOOD, "utf-8")
    window.open_paths([link, other, other])
    qtbot.wait_until(lambda: len(window.article_tabs()) == 2)
    qtbot.wait(50)
    assert [t.path for t in window.article_tabs()] == [tab.path, other]
    window.open_paths([link])
    qtbot.wait_until(lambda: len(window.article_tabs()) == 2 and window.current_tab() is tab)
    assert errors == []
