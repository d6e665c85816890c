"""The modal dialogs the window uses, as module functions so tests can patch them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.text.loaders import IMAGE_SUFFIXES, SUPPORTED_SUFFIXES
from reader.gui.window.settings import Settings


def open_filter() -> str:
    """The file dialog filter: the formats the loaders read (pictures, read with OCR, too),
    pictures alone, then everything."""
    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES + IMAGE_SUFFIXES)
    pictures = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
    return f"Articles and scans ({patterns});;Scans and photos ({pictures});;All files (*)"


def ask_open_paths(parent: QWidget, directory: str) -> list[Path]:
    """Articles to open; the dialog starts in `directory`, else the documents folder (never
    the program's own folder)."""
    directory = directory or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    paths, _ = QFileDialog.getOpenFileNames(parent, "Open articles", directory, open_filter())
    return [Path(path) for path in paths]


def ask_folder(parent: QWidget, settings: Settings, title: str) -> Path | None:
    """A folder, the dialog opening where the last file dialog was left (remembered)."""
    folder = QFileDialog.getExistingDirectory(parent, title, settings.last_folder())
    if not folder:
        return None
    settings.set_last_folder(Path(folder))
    return Path(folder)


def ask_csv_path(parent: QWidget, settings: Settings, title: str) -> Path | None:
    """Where to write a CSV file, proposed as quotes.csv in the folder last used."""
    proposed = Path(settings.last_folder()) / "quotes.csv"
    name, _ = QFileDialog.getSaveFileName(parent, title, str(proposed), "CSV files (*.csv)")
    if not name:
        return None
    settings.set_last_folder(Path(name).parent)
    return Path(name)


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, "Export as HTML", str(suggested), "Web pages (*.html *.htm)"
    )
    return Path(path) if path else None


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A warning whose message is plain text (a file name may look like markup)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def show_shortcuts(parent: QWidget, rows: list[tuple[str, str]]) -> None:
    """A window listing (keys, what they do), as the window's actions report them."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard Shortcuts")
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels(["Keys", "Command"])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAccessibleName("Keyboard shortcuts")
    for row, (keys, what) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(what))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(520, 480)
    dialog.exec()
