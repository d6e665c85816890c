"""Typed access to the preferences kept across runs (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

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

    def legacy_collection(self) -> tuple[list[Path], str]:
        """The one collection Readers before named collections kept here: its files and name
        (the store's first named collection once read; see `forget_legacy_collection`)."""
        return _paths(self._store.value("library/paths", [])), str(
            self._store.value("library/name", "") or "Collection"
        )

    def forget_legacy_collection(self) -> None:
        self._store.remove("library/paths")
        self._store.remove("library/name")

    def current_collection(self) -> int | None:
        """The id in the store of the collection open when Reader last closed."""
        return _int(self._store.value("library/current", 0), 0) or None

    def set_current_collection(self, collection_id: int | None) -> None:
        self._store.setValue("library/current", collection_id or 0)

    def library_width(self) -> int | None:
        """The Library dock's width as the reader left it (None: never set)."""
        return _int(self._store.value("library/width", 0), 0) or None

    def set_library_width(self, width: int) -> None:
        self._store.setValue("library/width", width)

    def header_state(self, table: str) -> QByteArray | None:
        """A library table's column widths as the reader left them."""
        value = self._store.value(f"library/columns/{_key(table)}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_header_state(self, table: str, state: QByteArray) -> None:
        self._store.setValue(f"library/columns/{_key(table)}", state)

    def table_view(self, collection_id: int, table: str) -> tuple[int, bool, str]:
        """How a table of one collection was left: its sort column (-1: the given order),
        whether descending, and its filter text."""
        prefix = f"library/view/{collection_id}/{_key(table)}"
        column = _int(self._store.value(f"{prefix}/sort", -1), -1)
        descending = str(self._store.value(f"{prefix}/descending", "false")).lower() == "true"
        return column, descending, str(self._store.value(f"{prefix}/filter", "") or "")

    def set_table_view(
        self, collection_id: int, table: str, column: int, descending: bool, text: str
    ) -> None:
        prefix = f"library/view/{collection_id}/{_key(table)}"
        self._store.setValue(f"{prefix}/sort", column)
        self._store.setValue(f"{prefix}/descending", "true" if descending else "false")
        self._store.setValue(f"{prefix}/filter", text)

    def forget_table_views(self, collection_id: int) -> None:
        self._store.remove(f"library/view/{collection_id}")

    def last_folder(self) -> str:
        """Where file dialogs open: the folder last used in one, else the documents folder."""
        folder = str(self._store.value("files/last_folder", "") or "")
        if folder and Path(folder).is_dir():
            return folder
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def set_last_folder(self, folder: Path) -> None:
        self._store.setValue("files/last_folder", str(folder))

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


def _key(name: str) -> str:
    """A table's name as one settings key (no slashes or spaces)."""
    return "_".join(name.replace("/", " ").split()).lower()


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
