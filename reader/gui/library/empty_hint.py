"""A one-line hint over a collection's article list while the collection holds no article: how
to put articles in it (the Add button's menu, `reader.gui.library.bar`), instead of a blank
table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout

if TYPE_CHECKING:
    from reader.gui.library.panel import LibraryPanel

EMPTY_COLLECTION = "No articles yet: use Add ▸ Add Files… or Add ▸ Add Folder…"
HINT_NAME = "emptyCollectionHint"


def add_empty_hint(panel: LibraryPanel) -> QLabel:
    """The hint, put between the article table's filter box and the table, shown while the
    panel shows a collection (not one being read) and the table's own model (not its filter's)
    has no row. Returns the hint."""
    page = panel.articles.parentWidget()
    layout = page.layout()
    assert isinstance(layout, QVBoxLayout)  # the filter box over the table (panel._filtered)
    hint = QLabel(EMPTY_COLLECTION, page)
    hint.setObjectName(HINT_NAME)
    hint.setWordWrap(True)
    hint.hide()
    layout.insertWidget(layout.indexOf(panel.articles), hint)
    records = panel.articles.records  # type: ignore[attr-defined]

    def update(*_args: object) -> None:
        hint.setVisible(panel.collection is not None and records.rowCount() == 0)

    for signal in (records.modelReset, records.rowsInserted, records.rowsRemoved):
        signal.connect(update)
    return hint
