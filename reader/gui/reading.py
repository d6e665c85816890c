"""Reading preferences and the View and Help menus: theme, text size, column width, side
panels, the last session's articles, and the window listing the keyboard shortcuts.

Also joins the reading aids of each new tab (quote marks, scroll-bar ticks, the quote list kept
in step with the text), so the tab itself stays about showing one article.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from reader.core.model import Quote
from reader.gui import dialogs
from reader.gui.shortcuts import shortcut_rows
from reader.gui.theme import Theme, apply_theme

if TYPE_CHECKING:
    from reader.gui.article_tab import ArticleTab
    from reader.gui.main_window import MainWindow

COLUMNS: dict[str, int | None] = {"Narrow": 60, "Medium": 75, "Wide": 95, "Full Width": None}
MIN_FONT_STEP, MAX_FONT_STEP = -4, 10


class ReadingControls(QObject):
    """Builds the View and Help menus on the window and applies the preferences to its tabs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self._build_view_menu()
        self._build_help_menu()
        self._build_session_action()
        if self.settings.theme() != Theme.SYSTEM:
            self.choose_theme(self.settings.theme())

    # -- menus ------------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, shortcuts: list[str], slot) -> QAction:
        action = menu.addAction(text)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        self.window.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_view_menu(self) -> None:
        menu_bar = self.window.menuBar()
        settings_menu = _menu(self.window, "Settings")
        view = QMenu("&View", menu_bar)
        if settings_menu is not None:
            menu_bar.insertMenu(settings_menu.menuAction(), view)
        else:
            menu_bar.addMenu(view)
        self.view_menu = view
        theme_menu = view.addMenu("&Theme")
        self.theme_actions: dict[Theme, QAction] = {}
        group = QActionGroup(self)
        for theme in Theme:
            action = theme_menu.addAction(theme.value.capitalize())
            action.setCheckable(True)
            action.setChecked(theme == self.settings.theme())
            action.triggered.connect(lambda _=False, t=theme: self.choose_theme(t))
            group.addAction(action)
            self.theme_actions[theme] = action
        view.addSeparator()
        self.larger_action = self._action(
            view, "&Larger Text", ["Ctrl+=", "Ctrl++"], lambda: self.step_font(1)
        )
        self.smaller_action = self._action(
            view, "&Smaller Text", ["Ctrl+-"], lambda: self.step_font(-1)
        )
        self.default_size_action = self._action(
            view, "&Default Text Size", ["Ctrl+0"], lambda: self.set_font_step(0)
        )
        column_menu = view.addMenu("Text &Column")
        self.column_actions: dict[int | None, QAction] = {}
        columns = QActionGroup(self)
        for name, chars in COLUMNS.items():
            label = f"{name} ({chars} characters)" if chars else name
            action = column_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(chars == self.settings.column_chars())
            action.triggered.connect(lambda _=False, c=chars: self.set_column(c))
            columns.addAction(action)
            self.column_actions[chars] = action
        view.addSeparator()
        self.panels_action = self._action(
            view,
            "Show Side &Panels",
            ["F9"],
            lambda: self.show_panels(self.panels_action.isChecked()),
        )
        self.panels_action.setCheckable(True)
        self.panels_action.setChecked(self.settings.side_panels())

    def _build_help_menu(self) -> None:
        menu = self.window.menuBar().addMenu("&Help")
        self.shortcuts_action = self._action(
            menu, "&Keyboard Shortcuts", ["F1"], self.show_shortcuts
        )

    def _build_session_action(self) -> None:
        """File ▸ Reopen Last Session, placed after Open Recent."""
        file_menu = _menu(self.window, "File")
        if file_menu is None:
            return
        self.session_action = QAction("Reopen &Last Session", self.window)
        self.session_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.session_action.triggered.connect(self.reopen_session)
        self.window.addAction(self.session_action)
        actions = file_menu.actions()
        recent = next((i for i, a in enumerate(actions) if a.menu() is not None), None)
        if recent is not None and recent + 1 < len(actions):
            file_menu.insertAction(actions[recent + 1], self.session_action)
        else:
            file_menu.addAction(self.session_action)

    # -- preferences ------------------------------------------------------------------------

    def choose_theme(self, theme: Theme) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        apply_theme(app, theme)
        self.settings.set_theme(theme)
        self.theme_actions[theme].setChecked(True)

    def step_font(self, step: int) -> None:
        self.set_font_step(self.settings.font_step() + step)

    def set_font_step(self, step: int) -> None:
        step = max(MIN_FONT_STEP, min(MAX_FONT_STEP, step))
        self.settings.set_font_step(step)
        for tab in self.window.article_tabs():
            tab.view.set_font_step(step)

    def set_column(self, chars: int | None) -> None:
        self.settings.set_column_chars(chars)
        self.column_actions[chars].setChecked(True)
        for tab in self.window.article_tabs():
            tab.view.set_column_chars(chars)

    def show_panels(self, shown: bool) -> None:
        self.settings.set_side_panels(shown)
        self.panels_action.setChecked(shown)
        for tab in self.window.article_tabs():
            tab.splitter.widget(1).setVisible(shown)

    # -- the session ------------------------------------------------------------------------

    def save_session(self) -> None:
        """Remember the open articles, in tab order, for the next start."""
        self.settings.set_session([tab.path for tab in self.window.article_tabs() if tab.path])

    def session_paths(self) -> list[Path]:
        """The last session's articles that still exist."""
        return [path for path in self.settings.session() if path.is_file()]

    def reopen_session(self) -> None:
        """Open the last session's articles (those open already just get their tab)."""
        paths = self.session_paths()
        if paths:
            self.window.open_paths(paths)
        else:
            self.window.statusBar().showMessage(
                "No articles from the last session to reopen.", 6000
            )

    # -- shortcuts --------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        dialogs.show_shortcuts(self.window, shortcut_rows(self.window))

    # -- each tab ---------------------------------------------------------------------------

    def attach(self, tab: ArticleTab) -> None:
        """Apply the preferences to a new tab and join its reading aids."""
        view, quotes = tab.view, tab.quotes
        view.set_font_step(self.settings.font_step())
        view.set_column_chars(self.settings.column_chars())
        tab.splitter.widget(1).setVisible(self.settings.side_panels())
        tab.legend.quotes_toggled.connect(view.set_quote_marks_visible)
        tab.follow_bar.following.connect(
            lambda entity: view.show_scroll_marks(entity.mentions if entity else ())
        )
        view.quote_marked.connect(quotes.show_marked)
        view.quote_clicked.connect(lambda quote: _select_quote(tab, quote))
        quotes.filtered.connect(lambda: _keep_marked_quote(tab))
        tab.analysis_shown.connect(lambda: _count_quotes(tab))


def _menu(window: MainWindow, title: str) -> QMenu | None:
    """The window's top-level menu with this title (without its & marker)."""
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            return action.menu()
    return None


def middle_elided(title: str, limit: int) -> str:
    """`title` in at most `limit` characters, cut in the middle so its start and end both show."""
    if len(title) <= limit:
        return title
    head = (limit - 1) // 2 + (limit - 1) % 2
    tail = limit - 1 - head
    return f"{title[:head].rstrip()}…{title[len(title) - tail :].lstrip()}"


def export_proposal(source: Path | None, title: str, opened: list[Path]) -> Path:
    """The file name the export dialog proposes: beside the source, named after it with .html,
    but never the source itself nor any other opened article (an .html source gets
    "name (highlighted).html")."""
    base = source or Path(title)
    taken = {_resolved(path) for path in opened} | ({_resolved(source)} if source else set())
    candidates = [base.with_name(f"{base.stem if base.suffix else base.name}.html")]
    candidates += [
        base.with_name(f"{base.stem if base.suffix else base.name} (highlighted{n}).html")
        for n in ["", *(f" {i}" for i in range(2, 100))]
    ]
    return next(path for path in candidates if _resolved(path) not in taken)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _select_quote(tab: ArticleTab, quote: Quote) -> None:
    """A quote clicked in the text: shown and selected in the quote list, filters widened if
    they hid it."""
    if not tab.quotes.row_of(quote).isValid():
        tab.quotes.show_all_speakers()
    if not tab.quotes.row_of(quote).isValid():
        tab.clear_filter()
    tab.view.mark_quote(quote)
    tab.quotes.show_marked(quote)


def _keep_marked_quote(tab: ArticleTab) -> None:
    """After a filter change: the list still selects the quote the text marks, or, when that
    quote is filtered out, the text marks none."""
    marked = tab.view.marked_quote
    if marked is None:
        return
    if tab.quotes.row_of(marked).isValid():
        tab.quotes.show_marked(marked)
    else:
        tab.view.mark_quote(None)


def _count_quotes(tab: ArticleTab) -> None:
    if tab.analysis is not None:
        tab.legend.set_counts(tab.analysis.kind_counts(), len(tab.analysis.quotes))
