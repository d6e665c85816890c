"""Waiting for a process to end, judged by the kernel's process table (Linux /proc)."""

from __future__ import annotations

import time
from pathlib import Path


def ended(pid: int) -> bool:
    """Whether the process has exited: gone from the table, or a zombie waiting to be reaped
    (so it does not matter which thread reaps it, nor whether anyone does)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def wait_ended(pid: int) -> None:
    """Return once the process has exited. No time limit of its own: a process that never
    ends is a hang, which the suite's per-test limit (tests/conftest.py) reports."""
    while not ended(pid):
        time.sleep(0.05)
