"""The status bar of a batch open: "Reading N files…" while the files are read, then how the
batch ended (it used to keep saying "Reading 4 files…" after four refusals)."""

from __future__ import annotations

from pathlib import Path

from reader.gui.window.open_batch import outcome

WAIT_MS = 10_000


def _binary(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(bytes(range(256)) * 64)  # no text in any encoding: refused by the loader
    return path


def test_a_batch_of_unreadable_files_ends_its_reading_status(window, qtbot, errors, tmp_path):
    files = [_binary(tmp_path, f"broken{n}.txt") for n in range(4)]
    bar = window.statusBar()
    with qtbot.wait_signal(
        bar.messageChanged,
        timeout=WAIT_MS,
        check_params_cb=lambda text: text == "None of the 4 files could be opened.",
    ):
        window.open_paths(files)
        assert bar.currentMessage() == "Reading 4 files…"
    assert bar.currentMessage() == "None of the 4 files could be opened."
    assert len(errors) == 1  # the one dialog listing the four


def test_a_batch_with_readable_files_says_how_many_were_read(window, qtbot, errors, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Lavrov met Tillerson in Geneva.\n", encoding="utf-8")
    files = [good, _binary(tmp_path, "broken.txt")]
    with qtbot.wait_signal(
        window.statusBar().messageChanged,
        timeout=WAIT_MS,
        check_params_cb=lambda text: text == "Read 1 of 2 files; 1 could not be opened.",
    ):
        window.open_paths(files)


def test_the_outcome_line_of_a_batch():
    assert outcome(3, 0) == "Read 3 files."
    assert outcome(3, 3) == "None of the 3 files could be opened."
    assert outcome(3, 1) == "Read 2 of 3 files; 1 could not be opened."
