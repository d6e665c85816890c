"""The reader's corrections in the window: context menus on an article's entities, mentions and
quotes, each a `Correction` kept in the store with the article's text and shown at once.

The tab always shows the store's analysis of its text with every correction applied, so the
view, the panels, the export and the JSON agree; undo removes the article's latest own
correction. One a library alias rule made is the rule's: Undo leaves it and hands it to
`rule_undo` (reader.gui.library.alias_actions offers the rule's removal in its dialog), and while
a rule is being applied no correction is written: every path that writes one (the article's
menus and review commands, Undo, the Library's entity menu) asks `waiting` first, which says
why on the status bar, so the GUI thread never waits for the rule's transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from reader.core.model import Entity, Kind, Mention, Quote
from reader.core.render.palette import STYLES
from reader.core.render.quote_table import analysis_quotes, quote_citation
from reader.core.store.corrections import Correction, CorrectionError
from reader.core.store.database import StoreError, content_hash
from reader.gui.article.article_tab import ArticleTab
from reader.gui.article.models import ITEM_ROLE, KEY_ROLE
from reader.gui.window import dialogs
from reader.gui.window.menus import MenuRegistry, Place
from reader.gui.window.stored import StoredAnalyses

NO_SPEAKER = "(no speaker)"
STATUS_MS = 8000


class Corrections(QObject):
    """Makes and takes back the reader's corrections of the tabs' analyses (kept by the store)."""

    changed = Signal()  # a correction was made or undone: the library's counts may differ

    def __init__(
        self,
        stored: StoredAnalyses,
        current_tab: Callable[[], ArticleTab | None],
        status: Callable[[str, int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._stored = stored
        self._current_tab = current_tab
        self._status = status
        # Adds "… in the Whole Library" to an entity's menu (reader.gui.library.alias_actions).
        self.library_actions: Callable[[QMenu, ArticleTab, Entity, tuple[Entity, ...]], None]
        self.library_actions = lambda *_: None
        # Alias rules (reader.gui.library.alias_actions): why a correction must wait now (None:
        # it need not), and what Undo does when the article's latest change is rule `id`'s.
        self.blocked: Callable[[], str | None] = lambda: None
        self.rule_undo: Callable[[ArticleTab, int], None] = lambda _tab, _id: None

    @property
    def possible(self) -> bool:
        """Whether corrections can be kept (there is a store)."""
        return self._stored.store is not None

    def attach(self, tab: ArticleTab) -> None:
        """Give a new tab the correction menus."""
        CorrectionMenus(tab, self)

    def waiting(self) -> bool:
        """Whether corrections must wait now (an alias rule is being applied on the store's
        lane: a write here would wait for its transaction on the GUI thread); the status bar
        then says why."""
        why = self.blocked()
        if why is not None:
            self._status(why, STATUS_MS)
        return why is not None

    def correct(
        self, tab: ArticleTab, correction: Correction, said: str = "Correction saved"
    ) -> None:
        """Keep `correction` of the tab's text and show the corrected analysis at once; the
        status bar then says `said` and how to take it back."""
        analysis = tab.analysis
        if not self.possible or analysis is None or tab.article is None or self.waiting():
            return
        try:
            corrected = self._stored.correct(tab.article, analysis.model, correction)
        except (StoreError, CorrectionError) as error:
            dialogs.show_error(tab, "Cannot make the correction", str(error))
            return
        if corrected is not None:
            tab.show_analysis(corrected)
        self._status(f"{said} (Edit ▸ Undo Correction takes it back)", STATUS_MS)
        self.changed.emit()

    def can_undo(self, tab: ArticleTab | None) -> bool:
        return tab is not None and tab.article is not None and self._stored.can_undo(tab.article)

    def undo(self, tab: ArticleTab) -> None:
        """Take back the tab's latest correction and show the analysis without it; when that
        correction is an alias rule's, leave it to `rule_undo`."""
        if self.waiting():
            return
        if not self.can_undo(tab) or tab.analysis is None or tab.article is None:
            self._status("No correction to undo in this article", STATUS_MS)
            return
        try:
            latest = self._stored.store.corrections(content_hash(tab.article))[-1:]
            if latest and latest[0].rule is not None:
                self.rule_undo(tab, latest[0].rule)
                return
            analysis = self._stored.undo(tab.article, tab.analysis.model)
        except StoreError as error:
            dialogs.show_error(tab, "Cannot undo the correction", str(error))
            return
        if analysis is not None:
            tab.show_analysis(analysis)
        self._status("Correction undone", STATUS_MS)
        self.changed.emit()

    def undo_current(self) -> None:
        """Edit ▸ Undo Correction: in the current tab."""
        if (tab := self._current_tab()) is not None:
            self.undo(tab)

    # -- review mode (issue 22): the doubtful quotes one by one, each confirmed or fixed

    def add_review_commands(self, menus: MenuRegistry) -> None:
        """Follow ▸ Next/Previous Doubtful Quote; Edit ▸ Confirm Speaker, Change Speaker…"""
        add = menus.add_action
        add(Place.MENTIONS, "Next &Doubtful Quote", lambda: self._step(1), ["Ctrl+."])
        add(Place.MENTIONS, "Pre&vious Doubtful Quote", lambda: self._step(-1), ["Ctrl+,"])
        add(Place.CORRECTIONS, "&Confirm Speaker", self.confirm_current, ["Ctrl+Return"])
        add(Place.CORRECTIONS, "Change &Speaker…", self.fix_current, ["F2"])

    def _step(self, step: int) -> None:
        if (tab := self._current_tab()) is not None:
            tab.review.step(step)

    def _reviewed(self) -> tuple[ArticleTab, Quote] | None:
        """The current tab and its marked quote, now under review; None (said) if none."""
        tab = self._current_tab()
        quote = tab.view.marked_quote if tab is not None else None
        if tab is None or quote is None:
            self._status("Select a quote first (Ctrl+. goes to the next doubtful one)", STATUS_MS)
            return None
        tab.review.review(quote)
        return tab, quote

    def confirm_current(self) -> None:
        """The marked quote's speaker is right: never doubtful again; on to the next."""
        if (reviewed := self._reviewed()) is not None:
            tab, quote = reviewed
            self.correct(tab, Correction("confirm_speaker", start=quote.start))

    def fix_current(self) -> None:
        """Choose the marked quote's speaker; then on to the next doubtful quote."""
        if (reviewed := self._reviewed()) is not None:
            tab, quote = reviewed
            if (menus := tab.findChild(CorrectionMenus)) is not None:
                menus.change_speaker(quote)


def ask_text(parent: QWidget, title: str, label: str, text: str) -> str | None:
    """One line of text from the reader, or None when cancelled or left empty."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None


def ask_choice(
    parent: QWidget, title: str, label: str, choices: list[str], current: int = 0
) -> str | None:
    """One of `choices`, `choices[current]` preselected (so OK keeps it); None when cancelled."""
    value, ok = QInputDialog.getItem(parent, title, label, choices, current, False)
    return value if ok else None


class CorrectionMenus(QObject):
    """Adds the correction commands to one tab's entity list, quote list and text."""

    def __init__(self, tab: ArticleTab, corrections: Corrections) -> None:
        super().__init__(tab)
        self.tab = tab
        self.corrections = corrections
        for widget, handler in (
            (tab.entities.list, self._entity_menu),
            (tab.quotes.list, self._quote_menu),
            (tab.view, self._text_menu),
        ):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(handler)

    # -- what the menus offer

    def _entities(self) -> tuple[Entity, ...]:
        return self.tab.analysis.entities if self.tab.analysis is not None else ()

    def _entity(self, key: str | None) -> Entity | None:
        return next((e for e in self._entities() if e.key == key), None)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object]) -> None:
        action = menu.addAction(text)
        action.setEnabled(self.corrections.possible)
        action.triggered.connect(slot)

    def _entity_actions(self, menu: QMenu, entity: Entity) -> None:
        self._add(menu, f"Rename “{entity.name}”…", lambda: self.rename(entity))
        kinds = menu.addMenu("Change Kind")
        for kind in Kind:
            action = kinds.addAction(STYLES[kind].label)
            action.setCheckable(True)
            action.setChecked(kind == entity.kind)
            action.setEnabled(self.corrections.possible and kind != entity.kind)
            action.triggered.connect(lambda _=False, k=kind: self.change_kind(entity, k))
        self._add(menu, f"Merge Another Entity into “{entity.name}”…", lambda: self.merge(entity))
        self.corrections.library_actions(menu, self.tab, entity, self._entities())

    def _entity_menu(self, point: QPoint) -> None:
        view = self.tab.entities.list
        entity = self._entity(view.indexAt(point).data(KEY_ROLE))
        if entity is None:
            return
        menu = QMenu(view)
        self._entity_actions(menu, entity)
        self._finish(menu)
        menu.exec(view.viewport().mapToGlobal(point))

    def _quote_menu(self, point: QPoint) -> None:
        view = self.tab.quotes.list
        quote: Quote | None = view.indexAt(point).data(ITEM_ROLE)
        if quote is None:
            return
        menu = QMenu(view)
        copy = menu.addAction("Copy Quote with Attribution")
        copy.triggered.connect(lambda: self.copy_citation(quote))
        menu.addSeparator()
        self._add(menu, "Change Speaker…", lambda: self.change_speaker(quote))
        confirm = Correction("confirm_speaker", start=quote.start)
        self._add(menu, "Confirm Speaker", lambda: self.corrections.correct(self.tab, confirm))
        clear = menu.addAction("Clear Speaker")
        clear.setEnabled(self.corrections.possible and quote.speaker is not None)
        clear.triggered.connect(lambda: self.set_speaker(quote, None))
        self._finish(menu)
        menu.exec(view.viewport().mapToGlobal(point))

    def _text_menu(self, point: QPoint) -> None:
        view = self.tab.view
        menu = view.createStandardContextMenu(point)
        mention = view.mention_at(point)
        entity = self._entity(mention.key) if mention is not None else None
        if mention is not None and entity is not None:
            menu.addSeparator()
            self._add(
                menu,
                f"Split This Mention Off “{entity.name}”…",
                lambda: self.split(mention),
            )
            self._entity_actions(menu, entity)
        self._finish(menu)
        menu.exec(view.viewport().mapToGlobal(point))

    def _finish(self, menu: QMenu) -> None:
        menu.addSeparator()
        undo = menu.addAction("Undo Correction")
        undo.setEnabled(self.corrections.can_undo(self.tab))
        undo.triggered.connect(lambda: self.corrections.undo(self.tab))

    # -- the corrections

    def rename(self, entity: Entity) -> None:
        if self.corrections.waiting():  # said before the reader types what would be refused
            return
        name = ask_text(self.tab, "Rename", f"New name for {entity.name}:", entity.name)
        if name is not None and name != entity.name:
            self.corrections.correct(self.tab, Correction("rename", key=entity.key, name=name))

    def change_kind(self, entity: Entity, kind: Kind) -> None:
        self.corrections.correct(self.tab, Correction("kind", key=entity.key, kind=str(kind)))

    def merge(self, entity: Entity) -> None:
        if self.corrections.waiting():
            return
        others = [e for e in self._entities() if e.key != entity.key]
        labels = [f"{e.name} ({STYLES[e.kind].label}, {e.count})" for e in others]
        chosen = ask_choice(self.tab, "Merge", f"Merge into {entity.name}:", labels)
        if chosen is not None:
            other = others[labels.index(chosen)]
            self.corrections.correct(
                self.tab, Correction("merge", key=entity.key, other_key=other.key)
            )

    def split(self, mention: Mention) -> None:
        if self.corrections.waiting():
            return
        name = ask_text(self.tab, "Split off", "Name of the entity it refers to:", mention.text)
        if name is not None:
            self.corrections.correct(
                self.tab, Correction("split", start=mention.start, end=mention.end, name=name)
            )

    def change_speaker(self, quote: Quote) -> None:
        if self.corrections.waiting():
            return
        speakers = [e for e in self._entities() if e.kind != Kind.COUNTRY]
        labels = [NO_SPEAKER] + [f"{e.name} ({STYLES[e.kind].label})" for e in speakers]
        said_by = quote.speaker.key if quote.speaker is not None else None
        current = next((i + 1 for i, e in enumerate(speakers) if e.key == said_by), 0)
        chosen = ask_choice(self.tab, "Speaker", "Who said it:", labels, current)
        if chosen is not None:
            index = labels.index(chosen)
            self.set_speaker(quote, speakers[index - 1] if index else None)

    def set_speaker(self, quote: Quote, entity: Entity | None) -> None:
        self.corrections.correct(
            self.tab,
            Correction(
                "speaker",
                start=quote.start,
                speaker_key=entity.key if entity else None,
                name=entity.name if entity else None,
            ),
            f"Speaker changed to “{entity.name}”" if entity else "Speaker removed",
        )

    def copy_citation(self, quote: Quote) -> None:
        """“…” — Name, in Title, Date on the clipboard."""
        analysis = self.tab.analysis
        if analysis is None:
            return
        item = next((q for q in analysis_quotes(analysis) if q.quote == quote), None)
        if item is not None:
            QGuiApplication.clipboard().setText(quote_citation(item))
            self.tab.status_message.emit("Quote copied with its attribution")
