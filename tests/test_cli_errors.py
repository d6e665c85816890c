"""Every failure of `reader analyze` / `reader export` is one line on stderr and exit 1.

Most run reader.cli.main in this process with a blank spaCy pipeline saved to disk (fast, no
model); the few that are about the process itself (pipes, stdout encoding, permissions) run it
in a subprocess.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_run import run_main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "Angela Merkel met Emmanuel Macron in Paris.\n\nShe said: “We agreed.”\n"


def blank(model: str) -> tuple[str, ...]:
    """The options of a run with the blank pipeline that leaves the user's store alone."""
    return ("--model", model, "--no-store")


def analyze(capsys, model: str, *paths: Path) -> tuple[int, str, list[str]]:
    return run_main(capsys, "analyze", *paths, *blank(model), "--jobs", "1")


def run_reader(*args: str | Path, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(os.fsdecode, args)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
        **kwargs,
    )


def assert_one_line_failure(code: int, err: list[str], *expected: str) -> None:
    assert code == 1
    assert len(err) == 1, err
    assert err[0].startswith("reader: ")
    assert "Traceback" not in err[0]
    for part in expected:
        assert part in err[0]


def test_a_fifo_is_refused_at_once(tmp_path, capsys, blank_model):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, out, err = analyze(capsys, blank_model, fifo)
    assert_one_line_failure(code, err, "is a named pipe (FIFO)")
    assert json.loads(out)["error"].endswith("not an article file.")


def test_a_link_to_dev_zero_is_refused(tmp_path, capsys, blank_model):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    code, _, err = analyze(capsys, blank_model, link)
    assert_one_line_failure(code, err, "is a device")


def test_a_symlink_loop_is_called_a_loop(tmp_path, capsys, blank_model):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    code, _, err = analyze(capsys, blank_model, tmp_path / "a.txt")
    assert_one_line_failure(code, err, "symbolic links form a loop")
    assert "does not exist" not in err[0]


def test_export_of_a_symlink_loop_is_one_line(tmp_path, capsys, blank_model):
    (tmp_path / "a.txt").symlink_to(tmp_path / "a.txt")
    code, _, err = run_main(
        capsys, "export", tmp_path / "a.txt", "-o", tmp_path / "o.html", *blank(blank_model)
    )
    assert_one_line_failure(code, err, "symbolic links form a loop")


def test_export_refuses_to_write_over_its_own_source(tmp_path, capsys, blank_model):
    source = tmp_path / "story.txt"
    source.write_text(ARTICLE, "utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(source)
    for output in (source, link):
        code, _, err = run_main(capsys, "export", source, "-o", output, *blank(blank_model))
        assert_one_line_failure(code, err, "is the article being exported")
    assert source.read_text("utf-8") == ARTICLE


def test_export_to_a_250_byte_name_works(tmp_path, capsys, blank_model):
    source = tmp_path / "story.txt"
    source.write_text(ARTICLE, "utf-8")
    output = tmp_path / ("é" * 121 + "xxx.html")  # 242 + 3 + 5 bytes
    assert len(os.fsencode(output.name)) == 250
    code, _, err = run_main(capsys, "export", source, "-o", output, *blank(blank_model))
    assert code == 0, err
    assert "Angela Merkel" in output.read_text("utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([source.name, output.name])


def test_an_exception_with_no_message_is_one_sentence(tmp_path, capsys, blank_model, monkeypatch):
    import reader.core.render.export

    def fail(*args, **kwargs):
        raise AssertionError

    monkeypatch.setattr(reader.core.render.export, "write_export", fail)
    source = tmp_path / "story.txt"
    source.write_text(ARTICLE, "utf-8")
    code, _, err = run_main(
        capsys, "export", source, "-o", tmp_path / "o.html", *blank(blank_model)
    )
    assert_one_line_failure(code, err, "an unexpected AssertionError with no message.")


def test_a_paragraph_long_error_becomes_one_line(tmp_path, capsys, blank_model, monkeypatch):
    import reader.core.render.export

    def fail(*args, **kwargs):
        raise ValueError("[E088] Text of length 1200000 exceeds maximum of 1000000.\n\nMore.\n")

    monkeypatch.setattr(reader.core.render.export, "write_export", fail)
    source = tmp_path / "story.txt"
    source.write_text(ARTICLE, "utf-8")
    code, _, err = run_main(
        capsys, "export", source, "-o", tmp_path / "o.html", *blank(blank_model)
    )
    assert_one_line_failure(code, err, "longer than the spaCy pipeline accepts in one piece")


def test_over_a_million_characters_is_analysed_or_refused_in_one_line(
    tmp_path, capsys, blank_model
):
    source = tmp_path / "long.txt"
    # 1.2 M characters in long words: over spaCy's max_length, few tokens to keep it quick.
    source.write_text("Incomprehensibilities notwithstanding. " * 31_000, "utf-8")
    code, out, err = analyze(capsys, blank_model, source)
    assert code in (0, 1)
    assert len(err) == code
    assert not any("Traceback" in line for line in err)
    assert json.loads(out)["path"] == str(source)


def test_a_file_name_that_is_not_utf8_gives_valid_json(tmp_path, blank_model):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(ARTICLE, "utf-8")
    path = os.fsencode(tmp_path / name)
    for encoding in ({}, {"PYTHONIOENCODING": "utf-8"}):
        result = run_reader(
            "analyze", path, "--model", blank_model, "--no-store", "--jobs", "1", env=encoding
        )
        assert result.returncode == 0, result.stderr
        record = json.loads(result.stdout.decode("utf-8"))  # strict: no raw byte on stdout
        assert os.fsencode(record["path"]) == path


def test_a_closed_pipe_ends_quietly(tmp_path, blank_model):
    source = tmp_path / "story.txt"
    source.write_text(ARTICLE * 200, "utf-8")
    command = [sys.executable, "-m", "reader", "analyze", *[str(source)] * 30]
    command += ["--model", blank_model, "--no-store", "--jobs", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(1) == b"{"  # like `| head -c1`
    process.stdout.close()
    with process.stderr:
        stderr = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert b"Traceback" not in stderr and b"BrokenPipe" not in stderr
    assert stderr == b""


_SETPRIV_OVERRIDES = "-dac_override,-dac_read_search"


@pytest.fixture(scope="module")
def unsearchable_runs(tmp_path_factory, blank_model) -> list[subprocess.CompletedProcess]:
    """analyze and export of a file in a folder without x, and export into that folder."""
    tmp_path = tmp_path_factory.mktemp("unsearchable")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "story.txt").write_text(ARTICLE, "utf-8")
    locked.chmod(0o600)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("as root, needs setpriv to drop the permission-override capabilities")
        prefix = [
            setpriv,
            f"--inh-caps={_SETPRIV_OVERRIDES}",
            f"--bounding-set={_SETPRIV_OVERRIDES}",
        ]
    try:
        results = [
            subprocess.run(
                [*prefix, sys.executable, "-m", "reader", *args, "--model", blank_model],
                capture_output=True,
                text=True,
                cwd=ROOT,
                timeout=120,
            )
            for args in (
                ["analyze", str(locked / "story.txt"), "--no-store", "--jobs", "1"],
                ["export", str(locked / "story.txt"), "-o", str(tmp_path / "o.html"), "--no-store"],
                [
                    "export",
                    str(tmp_path / "missing.txt"),
                    "-o",
                    str(locked / "o.html"),
                    "--no-store",
                ],
            )
        ]
    finally:
        locked.chmod(0o700)
    return results


def test_a_folder_without_search_permission_is_one_line(unsearchable_runs):
    results = unsearchable_runs
    for result in results:
        assert_one_line_failure(result.returncode, result.stderr.splitlines())
    assert "permission denied on a folder in its path" in results[0].stderr
    assert "permission denied on a folder in its path" in results[1].stderr
