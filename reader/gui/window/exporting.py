"""Writing out of the window: an article as one highlighted web page, quotes as CSV. Both ask
where, and neither writes over an article open in Reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from reader.core.render.export import ExportError, write_export
from reader.core.store.database import StoreError
from reader.gui.article.article_tab import ArticleTab
from reader.gui.window import dialogs
from reader.gui.window.naming import export_proposal, resolved
from reader.gui.window.settings import Settings


def export_article(parent: QWidget, tab: ArticleTab, opened: list[Path]) -> Path | None:
    """File ▸ Export as HTML for the tab: the file written, or None (cancelled, or a dialog
    said why not)."""
    if tab.analysis is None or tab.article is None:
        return None
    path = dialogs.ask_save_path(parent, export_proposal(tab.article.path, tab.title, opened))
    if path is None:
        return None
    if _is_open(path, opened):
        dialogs.show_error(
            parent,
            "Cannot export the article",
            f"{path} is an article open in Reader; export to another file name.",
        )
        return None
    try:
        write_export(tab.analysis, path)
    except ExportError as error:
        dialogs.show_error(parent, "Cannot export the article", str(error))
        return None
    return path


def export_quotes(
    parent: QWidget,
    settings: Settings,
    what: str,
    write: Callable[[Path], int],
    opened: list[Path],
) -> str | None:
    """File ▸ Export Quotes as CSV: `write` writes the quotes of the `what` ("article",
    "collection") to a path and counts them; the dialog opens in the folder last used. What
    the status bar says, or None (cancelled, or a dialog said why not)."""
    name = dialogs.ask_csv_path(parent, settings, f"Export the {what}'s quotes")
    if name is None:
        return None
    if _is_open(name, opened):
        dialogs.show_error(
            parent,
            "Cannot export the quotes",
            f"{name} is an article open in Reader; export to another file name.",
        )
        return None
    try:
        count = write(name)
    except (OSError, StoreError) as error:
        dialogs.show_error(parent, "Cannot export the quotes", str(error))
        return None
    return f"{count} quotes exported to {name}"


def _is_open(path: Path, opened: list[Path]) -> bool:
    target = resolved(path)
    return target is not None and target in {resolved(p) for p in opened}
