"""The command line through a subprocess, as a user or a script runs it (real model)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").iterdir())


def run_reader(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_analyze_every_seed_prints_one_valid_object_each_real_model():
    result = run_reader("analyze", *SEEDS, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(SEEDS)
    for seed, line in zip(SEEDS, lines, strict=True):
        record = json.loads(line)
        assert record["path"] == str(seed)
        assert record["model"].startswith("en_core_web")
        assert record["title"]
        for entity in record["entities"]:
            assert record["text"][entity["start"] : entity["end"]] == entity["text"]
            assert entity["kind"] in ("PERSON", "COUNTRY", "ORG")
        assert isinstance(record["quotes"], list)


def test_failed_files_are_reported_and_the_others_still_processed_real_model(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Angela Merkel visited France on Monday.\n", "utf-8")
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    empty = tmp_path / "empty.txt"
    empty.touch()
    missing = tmp_path / "missing.txt"
    folder = tmp_path / "no-articles"
    folder.mkdir()
    files = [missing, good, folder, png, empty]

    result = run_reader("analyze", *files, "--format", "jsonl")

    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(f) for f in files]
    assert [("error" in r) for r in records] == [True, False, True, True, True]
    assert records[1]["entities"]
    stderr_lines = result.stderr.strip().splitlines()
    assert len(stderr_lines) == 4
    assert all(line.startswith("reader: ") for line in stderr_lines)


@pytest.mark.parametrize("args", [["analyze"], ["analyze", "x.txt", "--format", "xml"], ["export"]])
def test_usage_errors_exit_with_2(args):
    result = run_reader(*args)
    assert result.returncode == 2
    assert "usage" in result.stderr


def test_export_writes_a_page_real_model(tmp_path):
    out = tmp_path / "page.html"
    result = run_reader("export", ROOT / "seeds" / "tillerson-lavrov.txt", "-o", out)
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Tillerson" in page


def test_export_of_a_missing_file_fails_cleanly(tmp_path):
    result = run_reader("export", tmp_path / "nope.txt", "-o", tmp_path / "out.html")
    assert result.returncode == 1
    assert "does not exist" in result.stderr
    assert not (tmp_path / "out.html").exists()
