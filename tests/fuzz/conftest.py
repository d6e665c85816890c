"""Fixtures of the fuzz suite: the socket guard, a blank pipeline on disk, a folder for exports,
and a watchdog that ends a hung test with every thread's traceback instead of eating CI."""

from __future__ import annotations

import faulthandler
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fuzz.runner import NetworkGuard

HANG_LIMIT_SECONDS = 600  # far above any input's cost: this is a guard, not a measurement


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    faulthandler.dump_traceback_later(HANG_LIMIT_SECONDS, exit=True, file=sys.__stderr__)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def socket_guard() -> Iterator[NetworkGuard]:
    """Blocks and records every connection attempt during the test; none may happen."""
    guard = NetworkGuard()
    with guard.installed():
        yield guard
    assert guard.attempts == []


def writable(folder: Path) -> None:
    """Give back the permissions hostile inputs took away, so pytest can clean up."""
    subprocess.run(["chmod", "-R", "u+rwx", str(folder)], check=False)
