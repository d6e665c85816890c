"""Running `reader …` in the test's own process."""

from __future__ import annotations

from pathlib import Path

from reader import cli


def run_main(capsys, *args: str | Path) -> tuple[int, str, list[str]]:
    """Exit code, stdout, and stderr's lines of an in-process `reader …`."""
    code = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()
