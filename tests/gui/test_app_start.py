"""What a start opens: the files named, the last session, or the seed."""

from __future__ import annotations

from pathlib import Path

from reader.gui.app import SEED, start_paths


def test_a_start_opens_the_files_named_else_the_last_session_else_the_seed(
    make_window, settings, tmp_path: Path
):
    window = make_window()
    assert start_paths(window, []) == [SEED]
    kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
    kept.write_text("Lavrov spoke.\n", encoding="utf-8")
    settings.set_session([kept, gone])
    assert start_paths(window, []) == [kept.resolve()]
    named = [tmp_path / "named.txt"]
    assert start_paths(window, named) == named
