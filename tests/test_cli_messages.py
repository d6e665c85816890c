"""What the command line says for new users: each failed file named once in its line, and
`reader --help` listing the window's arguments (FILE, FOLDER, --screenshot) with the commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import cli
from reader.commands import about_file


@pytest.mark.parametrize(
    ("path", "message", "line"),
    [
        ("docs/a.pdf", "a.pdf is damaged: no PDF.", "docs/a.pdf is damaged: no PDF."),
        ("a.pdf", "a.pdf: no text found.", "a.pdf: no text found."),
        ("docs/empty", "contains no article files.", "docs/empty: contains no article files."),
        ("x/notes.txt", "the text of notes.txt is too long.", "the text of notes.txt is too long."),
        ("x/a", "another thing went wrong.", "x/a: another thing went wrong."),  # not "a"
        ("x/a", "a.pdf is damaged.", "x/a: a.pdf is damaged."),  # another file's name
    ],
)  # fmt: skip
def test_a_failure_names_its_file_once(path, message, line):
    assert about_file(Path(path), message) == line


def test_analyze_names_a_damaged_file_once_by_its_path(tmp_path, capsys):
    damaged = tmp_path / "inbox" / "a.pdf"
    damaged.parent.mkdir()
    damaged.write_bytes(b"%PDF-1.4 not really")
    code = cli.main(["analyze", str(damaged), "--no-store", "--jobs", "1"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert len(err) == 1
    assert err[0].startswith(f"reader: {damaged} ")
    assert err[0].count("a.pdf") == 1


def test_help_lists_the_window_arguments_with_the_commands(capsys):
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "usage: reader [FILE|FOLDER ...] [--screenshot PATH]" in out
    for part in ("--screenshot PATH", "FOLDER", "collection", "analyze", "export"):
        assert part in out


def test_the_window_help_names_every_option_of_the_window_parser():
    from reader.gui.app import _parser as window_parser

    options = {
        option
        for action in window_parser()._actions
        for option in action.option_strings
        if option not in ("-h", "--help")
    }
    assert options and all(option in cli.WINDOW_HELP for option in options)


def test_analyze_notes_what_a_loader_left_out_once_and_in_the_record(tmp_path, capsys):
    import json

    import docx

    from reader.core.text.loaders.docx import HEADERS_LEFT_OUT

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Harbour Gazette, Monday edition"
    document.add_paragraph("The council agreed the harbour budget on Monday.")
    path = tmp_path / "budget.docx"
    document.save(path)
    code = cli.main(["analyze", str(path), "--no-store", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 0
    assert err.splitlines() == [f"reader: note: {path}: {HEADERS_LEFT_OUT}"]
    assert json.loads(out)["notices"] == [HEADERS_LEFT_OUT]


@pytest.mark.parametrize(
    "command",
    [
        ["analyze"], ["quotes"], ["speakers"], ["report"], ["export"],
        ["aliases"], ["aliases", "list"], ["aliases", "import"], ["aliases", "remove"],
    ],
)  # fmt: skip
def test_each_command_s_help_starts_with_its_own_usage_and_explains_every_argument(command, capsys):
    assert cli.main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: reader {' '.join(command)} [-h]")
    assert "FILE|FOLDER" not in out and "COMMAND" not in out
    listed = out.split("\n\n", 1)[1]  # the argument sections, after the usage
    for line in listed.splitlines():
        if line.startswith("  ") and not line.startswith("   "):
            # an argument with no help is a line of its own with nothing after the name
            name, _, help_text = line.strip().partition("  ")
            following = listed.split(line, 1)[1].split("\n", 2)
            wrapped = len(following) > 1 and following[1].startswith(" " * 10)
            assert help_text.strip() or wrapped, f"{name} has no help text"
