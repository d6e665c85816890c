"""Typed access to the preferences kept across runs (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.gui.theme import Theme

MAX_RECENT = 10
DEFAULT_COLUMN = 95  # about 720 pixels at the default size


class Settings:
    """The model choice, window geometry, recent files, the last session and the reading
    preferences; tests pass a QSettings on a temp file."""

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
        return _paths(self._store.value("files/recent", []))

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

    def theme(self) -> Theme:
        try:
            return Theme(str(self._store.value("view/theme", Theme.SYSTEM.value)))
        except ValueError:  # an unknown name (a newer or edited file): the system's look
            return Theme.SYSTEM

    def set_theme(self, theme: Theme) -> None:
        self._store.setValue("view/theme", theme.value)

    def font_step(self) -> int:
        """Steps of the article's text size away from the default (Ctrl+= up, Ctrl+- down)."""
        return _int(self._store.value("view/font_step", 0), 0)

    def set_font_step(self, step: int) -> None:
        self._store.setValue("view/font_step", step)

    def column_chars(self) -> int | None:
        """The text column's width in average characters; None: the whole view."""
        value = _int(self._store.value("view/column_chars", DEFAULT_COLUMN), DEFAULT_COLUMN)
        return value or None

    def set_column_chars(self, chars: int | None) -> None:
        self._store.setValue("view/column_chars", chars or 0)

    def side_panels(self) -> bool:
        return str(self._store.value("view/side_panels", "true")).lower() == "true"

    def set_side_panels(self, shown: bool) -> None:
        self._store.setValue("view/side_panels", "true" if shown else "false")

    def session(self) -> list[Path]:
        """The articles open when Reader last closed, in tab order."""
        return _paths(self._store.value("files/session", []))

    def set_session(self, paths: list[Path]) -> None:
        self._store.setValue("files/session", [str(p.resolve()) for p in paths])

    def collection(self) -> tuple[list[Path], str]:
        """The library's collection when Reader last closed: its files and its name."""
        return _paths(self._store.value("library/paths", [])), str(
            self._store.value("library/name", "") or "Collection"
        )

    def set_collection(self, paths: list[Path], name: str) -> None:
        self._store.setValue("library/paths", [str(p) for p in paths])
        self._store.setValue("library/name", name)

    def pipeline_label(self) -> tuple[str | None, str | None]:
        """The pipeline choice (None: best installed) that last loaded, and its label (name
        and version, as analyses carry it), so stored analyses are found before it loads."""
        name = str(self._store.value("library/model_name", "") or "") or None
        label = str(self._store.value("library/model_label", "") or "") or None
        return name, label

    def set_pipeline_label(self, name: str | None, label: str) -> None:
        self._store.setValue("library/model_name", name or "")
        self._store.setValue("library/model_label", label)

    def sync(self) -> None:
        self._store.sync()


def _paths(value: object) -> list[Path]:
    if isinstance(value, str):  # QSettings returns a lone string for one-item lists
        value = [value]
    return [Path(item) for item in value or [] if item]  # type: ignore[union-attr]


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
