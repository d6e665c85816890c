"""The modal dialogs the window uses, as module functions so tests can patch them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.core.loaders import SUPPORTED_SUFFIXES


def open_filter() -> str:
    """The file dialog filter: the formats the loaders read, then everything."""
    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    return f"Articles ({patterns});;All files (*)"


def ask_open_paths(parent: QWidget, directory: str) -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Open articles", directory, open_filter())
    return [Path(path) for path in paths]


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, "Export as HTML", str(suggested), "Web pages (*.html *.htm)"
    )
    return Path(path) if path else None


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)
