"""`reader WORD`: a word that is no command and no file is a usage error on the command line
(exit 2, the commands listed), never a window saying the file does not exist; a file or a
folder named so still opens in the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import cli
from reader.gui import app


@pytest.fixture
def window_starts(monkeypatch, tmp_path):
    """The arguments each start of the window got (no window is made)."""
    started: list[list[str]] = []
    monkeypatch.setattr(app, "run_app", lambda argv: started.append(argv) or 0)
    monkeypatch.chdir(tmp_path)
    return started


def test_an_unknown_word_is_a_usage_error_without_a_window(window_starts, capsys):
    assert cli.main(["library"]) == cli.EXIT_USAGE
    assert window_starts == []
    err = capsys.readouterr().err.strip()
    assert err.startswith("reader: 'library' is not a command or a file; commands: analyze,")
    assert "aliases" in err and "\n" not in err


def test_a_file_or_folder_named_like_a_word_opens_in_the_window(window_starts, tmp_path):
    (tmp_path / "library").mkdir()
    (tmp_path / "notes").write_text("A short note.\n", encoding="utf-8")
    assert cli.main(["library"]) == 0
    assert cli.main(["notes", "--screenshot", "shot"]) == 0
    assert window_starts == [["library"], ["notes", "--screenshot", "shot"]]


def test_a_missing_file_name_is_still_the_window_s_to_report(window_starts, tmp_path):
    assert cli.main(["missing.txt"]) == 0
    assert cli.main([str(Path("sub") / "story")]) == 0
    assert cli.main(["--screenshot", "out"]) == 0
    assert cli.main([]) == 0
    assert len(window_starts) == 4


def test_a_broken_link_is_a_file_not_a_command(window_starts, tmp_path):
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    assert cli.main(["gone"]) == 0
    assert window_starts == [["gone"]]
