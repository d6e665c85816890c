"""Every test runs with its own analysis store, so no test reads or fills the user's."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def private_store(tmp_path_factory, monkeypatch):
    """$READER_STORE points into a fresh folder (inherited by the commands tests start)."""
    path = tmp_path_factory.mktemp("store") / "reader.sqlite3"
    monkeypatch.setenv("READER_STORE", str(path))
    return path
