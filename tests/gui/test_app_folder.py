"""`reader FOLDER` / `python main.py FOLDER`: a folder named at the start opens as a collection in
the Library (as File ▸ Open Folder does), beside the files named, which open in tabs."""

from __future__ import annotations

from pathlib import Path

from reader.gui.app import open_start
from tests.gui.test_library import WAIT_MS, fake_indexing, folder, rows, wait_model

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
