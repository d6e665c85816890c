"""A store from an older Reader is migrated at start off the GUI thread while a dialog says so
(`reader.gui.window.store_upgrade`); a store at this Reader's schema opens with no dialog."""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from reader.core.store.database import SCHEMA_VERSION, Store, StoreError, schema_behind
from reader.gui.window import store_upgrade


def _store_at(path, version: int):
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()
    return path


def _version(path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def _dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def test_an_older_store_is_migrated_while_a_dialog_says_so(qtbot, tmp_path, monkeypatch):
    path = _store_at(tmp_path / "reader.sqlite3", 5)
    assert schema_behind(path)
    seen: list[str] = []
    shown = threading.Event()
    real_open = Store.open

    def slow_open(where):
        # The migration waits until the GUI thread, still turning, has seen the dialog.
        assert shown.wait(10), "the GUI thread did not turn while the store was migrated"
        return real_open(where)

    def look() -> None:
        visible = [dialog for dialog in _dialogs() if dialog.isVisible()]
        if visible:
            seen.append(visible[0].labelText())
            shown.set()
        else:
            QTimer.singleShot(10, look)

    monkeypatch.setattr(store_upgrade.Store, "open", staticmethod(slow_open))
    QTimer.singleShot(0, look)

    assert store_upgrade.upgrade_store_first(path)

    assert seen and seen[0].startswith(store_upgrade.MESSAGE)
    assert _version(path) == SCHEMA_VERSION
    assert not schema_behind(path)
    assert not [dialog for dialog in _dialogs() if dialog.isVisible()]


def test_a_store_at_this_schema_opens_without_a_dialog(qtbot, tmp_path, monkeypatch):
    path = _store_at(tmp_path / "reader.sqlite3", SCHEMA_VERSION)

    def no_open(_where):
        raise AssertionError("a store at this schema is opened by the window alone")

    monkeypatch.setattr(store_upgrade.Store, "open", staticmethod(no_open))

    assert not store_upgrade.upgrade_store_first(path)
    assert not store_upgrade.upgrade_store_first(tmp_path / "none.sqlite3")
    (tmp_path / "damaged.sqlite3").write_bytes(b"not a database at all" * 100)
    assert not store_upgrade.upgrade_store_first(tmp_path / "damaged.sqlite3")


def test_a_migration_that_fails_is_left_to_the_window_to_say(qtbot, tmp_path, monkeypatch):
    path = _store_at(tmp_path / "reader.sqlite3", 5)

    def failing(_where):
        raise StoreError("The analysis store cannot be used (disk full).")

    monkeypatch.setattr(store_upgrade.Store, "open", staticmethod(failing))

    assert store_upgrade.upgrade_store_first(path)
    assert _version(path) == 5
