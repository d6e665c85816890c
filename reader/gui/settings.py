"""Typed access to the preferences kept across runs (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class Settings:
    """The model choice, window geometry and recent files; tests pass a QSettings on a temp file."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def model(self) -> str | None:
        """The chosen spaCy pipeline, or None for the best installed one."""
        value = self._store.value("analysis/model", "")
        return str(value) or None

    def set_model(self, name: str | None) -> None:
        self._store.setValue("analysis/model", name or "")

    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)

    def recent_files(self) -> list[Path]:
        value = self._store.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for one-item lists
            value = [value]
        return [Path(item) for item in value or [] if item]

    def add_recent(self, path: Path) -> None:
        """Put `path` first in the recent files, without duplicates."""
        path = path.resolve()
        recent = [path] + [p for p in self.recent_files() if p != path]
        self._store.setValue("files/recent", [str(p) for p in recent[:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != path.resolve()]
        self._store.setValue("files/recent", [str(p) for p in recent])

    def clear_recent(self) -> None:
        self._store.setValue("files/recent", [])

    def sync(self) -> None:
        self._store.sync()
