"""Edit ▸ Alias Rules…: the library's alias rules (`reader.core.store.alias_rules`) listed, each
removable, imported from and exported to the small JSON file colleagues share
(`reader.core.store.alias_file`).

Removing a rule takes back everything it changed in every article. Removing and importing run
on the store's lane (`reader.gui.window.alias_rule_work`): meanwhile a progress bar and a line
under the list say how far it is, Remove and Import… wait, and the window works on; the list is
read again when it is done. A file that cannot be read, or is not an alias rule file, is
refused whole and said in one line under the list; so is a store that fails. The file dialogs
are module functions so tests can patch them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.store.alias_file import SUFFIX, AliasFileError, write_rules_file
from reader.core.store.alias_rules import read_rules
from reader.core.store.database import Store, StoreError
from reader.gui.window.alias_rule_work import AliasRuleWork, RuleOutcome

FILE_FILTER = f"Alias rules (*{SUFFIX});;All files (*)"
RULE_ID_ROLE = Qt.ItemDataRole.UserRole


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def ask_import_path(parent: QWidget) -> Path | None:
    """An alias rule file to import, or None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, "Import alias rules", _documents(), FILE_FILTER)
    return Path(name) if name else None


def ask_export_path(parent: QWidget) -> Path | None:
    """Where to write the alias rules (proposed: alias-rules.json), or None when cancelled."""
    proposed = str(Path(_documents()) / f"alias-rules{SUFFIX}")
    name, _ = QFileDialog.getSaveFileName(parent, "Export alias rules", proposed, FILE_FILTER)
    return Path(name) if name else None


class AliasRulesDialog(QDialog):
    """The rules of `store`, one a line (“the Donald” → Donald Trump (person:donald-trump)),
    with Remove, Import… and Export…; the changes run through `work`."""

    def __init__(self, store: Store, work: AliasRuleWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.work = work
        self.setWindowTitle("Alias Rules")
        self.resize(620, 360)
        intro = QLabel(
            "Each rule applies to every article in the library, now and analysed later. "
            "Removing one takes back what it changed."
        )
        intro.setWordWrap(True)
        self.rules = QListWidget()
        self.rules.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the first count comes
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.remove_button = self._button(buttons, "&Remove", self.remove_selected)
        self.import_button = self._button(buttons, "&Import…", self.import_file)
        self.export_button = self._button(buttons, "&Export…", self.export_file)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.rules, self.progress, self.note, buttons):
            layout.addWidget(widget)
        self.rules.itemSelectionChanged.connect(self._update_buttons)
        work.progress.connect(self._on_progress)
        work.busy_changed.connect(self._on_busy)
        work.done.connect(self._on_done)
        self.reload()
        self._on_busy(work.busy)

    @staticmethod
    def _button(buttons: QDialogButtonBox, text: str, slot: object) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def reload(self) -> None:
        """List the store's rules again, oldest first."""
        self.rules.clear()
        try:
            kept = read_rules(self.store)
        except StoreError as error:
            self.note.setText(str(error))
            kept = ()
        for rule_id, rule in kept:
            item = QListWidgetItem(rule.describe())
            item.setData(RULE_ID_ROLE, rule_id)
            self.rules.addItem(item)
        if not kept and not self.note.text():
            self.note.setText(
                "No rules yet. Choose “… in the Whole Library” on an entity, or import a file."
            )
        self._update_buttons()

    def select_rule(self, rule_id: int, note: str) -> None:
        """Select the rule `rule_id` (for Remove) and say `note` under the list."""
        for row in range(self.rules.count()):
            item = self.rules.item(row)
            item.setSelected(item.data(RULE_ID_ROLE) == rule_id)
            if item.isSelected():
                self.rules.scrollToItem(item)
        self.note.setText(note)

    def _update_buttons(self) -> None:
        busy = self.work.busy
        self.remove_button.setEnabled(not busy and bool(self.rules.selectedItems()))
        self.import_button.setEnabled(not busy)
        self.export_button.setEnabled(self.rules.count() > 0)

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self._update_buttons()

    def _on_progress(self, text: str) -> None:
        self.note.setText(text)

    def _on_done(self, outcome: RuleOutcome) -> None:
        self.note.setText(outcome.message)
        self.reload()

    def remove_selected(self) -> None:
        """Forget the selected rules and what they changed (on the store's lane)."""
        ids = [item.data(RULE_ID_ROLE) for item in self.rules.selectedItems()]
        if ids and not self.work.busy:
            self.work.remove(ids)

    def import_file(self) -> None:
        """Add the rules of a shared file (all of them, or none when it is refused)."""
        path = ask_import_path(self)
        if path is not None and not self.work.busy:
            self.work.import_file(path)

    def export_file(self) -> None:
        """Write every rule to a file to share."""
        path = ask_export_path(self)
        if path is None:
            return
        try:
            rules = [rule for _id, rule in read_rules(self.store)]
            write_rules_file(path, rules)
        except (AliasFileError, StoreError) as error:
            self.note.setText(str(error))
            return
        self.note.setText(f"Wrote {len(rules)} rules to {path.name}.")
