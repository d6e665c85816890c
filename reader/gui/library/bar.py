"""The collection list at the top of the Library: which collection is shown, and the commands
on collections (new, add files or a folder, rename, remove), each a signal the dock answers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from reader.core.store.collections import SavedCollection


def _button(parent: QWidget, text: str, tip: str) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button


class CollectionBar(QWidget):
    """A list of the store's collections (with their sizes) and the buttons beside it."""

    chosen = Signal(int)  # the id of the collection the reader picked
    new_requested = Signal()
    add_files_requested = Signal()
    add_folder_requested = Signal()
    rename_requested = Signal()
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName("Collection shown")
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(12)
        self.choice.activated.connect(self._on_activated)
        label = QLabel("&Collection", self)
        label.setBuddy(self.choice)
        self.new_button = _button(self, "New…", "Make a new, empty collection")
        self.new_button.clicked.connect(self.new_requested)
        self.add_button = _button(self, "Add", "Add articles to this collection")
        add_menu = QMenu(self.add_button)
        add_menu.addAction("Add &Files…").triggered.connect(self.add_files_requested)
        add_menu.addAction("Add F&older…").triggered.connect(self.add_folder_requested)
        self.add_button.setMenu(add_menu)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button = _button(self, "⋯", "Rename or remove this collection")
        more_menu = QMenu(self.more_button)
        more_menu.addAction("&Rename Collection…").triggered.connect(self.rename_requested)
        more_menu.addAction("Re&move Collection…").triggered.connect(self.remove_requested)
        self.more_button.setMenu(more_menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.choice, 1)
        for button in (self.new_button, self.add_button, self.more_button):
            layout.addWidget(button)
        self.set_collections((), None)

    def set_collections(self, collections: Sequence[SavedCollection], current: int | None) -> None:
        """List `collections`, `current` (an id) selected; the buttons that need one disabled
        while there is none."""
        self.choice.blockSignals(True)
        self.choice.clear()
        for collection in collections:
            articles = f"{collection.size} article{'s' if collection.size != 1 else ''}"
            self.choice.addItem(f"{collection.name} ({articles})", collection.id)
        self.choice.setCurrentIndex(max(self.choice.findData(current), 0) if collections else -1)
        self.choice.blockSignals(False)
        self.choice.setEnabled(bool(collections))
        self.add_button.setEnabled(current is not None)
        self.more_button.setEnabled(current is not None)

    def _on_activated(self, index: int) -> None:
        collection_id = self.choice.itemData(index)
        if collection_id is not None:
            self.chosen.emit(int(collection_id))
