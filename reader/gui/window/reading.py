"""Reading preferences and the View and Help menus: theme, text size, column width, side
panels, the last session's articles, and the window listing the keyboard shortcuts.

Also joins the reading aids of each new tab (quote marks, scroll-bar ticks, the quote list kept
in step with the text), so the tab itself stays about showing one article.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.model import Quote
from reader.gui.article.article_tab import ArticleTab
from reader.gui.theme import Theme, apply_theme
from reader.gui.window import dialogs
from reader.gui.window.menus import MenuRegistry, Place
from reader.gui.window.open_articles import OpenArticles
from reader.gui.window.settings import Settings
from reader.gui.window.shortcuts import shortcut_rows

COLUMNS: dict[str, int | None] = {"Narrow": 60, "Medium": 75, "Wide": 95, "Full Width": None}
MIN_FONT_STEP, MAX_FONT_STEP = -4, 10


class ReadingControls(QObject):
    """Puts the View and Help commands in the menus and applies the preferences to the tabs."""

    def __init__(
        self,
        settings: Settings,
        menus: MenuRegistry,
        articles: OpenArticles,
        status: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._articles = articles
        self._status = status
        self._parent = parent  # the window: the shortcuts dialog's parent, its actions listed
        self._build_view_menu(menus)
        menus.add_action(Place.HELP, "&Keyboard Shortcuts", self.show_shortcuts, ["F1"])
        self.session_action = menus.add_action(
            Place.RECENT, "Reopen &Last Session", self.reopen_session, ["Ctrl+Shift+T"]
        )
        articles.tab_added.connect(self.attach)
        if self.settings.theme() != Theme.SYSTEM:
            self.choose_theme(self.settings.theme())

    def _build_view_menu(self, menus: MenuRegistry) -> None:
        theme_menu = menus.add_menu(Place.THEME, "&Theme")
        self.theme_actions: dict[Theme, QAction] = {}
        group = QActionGroup(self)
        for theme in Theme:
            action = theme_menu.addAction(theme.value.capitalize())
            action.setCheckable(True)
            action.setChecked(theme == self.settings.theme())
            action.triggered.connect(lambda _=False, t=theme: self.choose_theme(t))
            group.addAction(action)
            self.theme_actions[theme] = action
        menus.add_action(
            Place.TEXT, "&Larger Text", lambda: self.step_font(1), ["Ctrl+=", "Ctrl++"]
        )
        menus.add_action(Place.TEXT, "&Smaller Text", lambda: self.step_font(-1), ["Ctrl+-"])
        menus.add_action(
            Place.TEXT, "&Default Text Size", lambda: self.set_font_step(0), ["Ctrl+0"]
        )
        column_menu = menus.add_menu(Place.TEXT, "Text &Column")
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
        self.panels_action = menus.add_action(
            Place.PANELS,
            "Show Side &Panels",
            lambda: self.show_panels(self.panels_action.isChecked()),
            ["F9"],
        )
        self.panels_action.setCheckable(True)
        self.panels_action.setChecked(self.settings.side_panels())

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
        for tab in self._articles.article_tabs():
            tab.view.set_font_step(step)

    def set_column(self, chars: int | None) -> None:
        self.settings.set_column_chars(chars)
        self.column_actions[chars].setChecked(True)
        for tab in self._articles.article_tabs():
            tab.view.set_column_chars(chars)

    def show_panels(self, shown: bool) -> None:
        self.settings.set_side_panels(shown)
        self.panels_action.setChecked(shown)
        for tab in self._articles.article_tabs():
            tab.splitter.widget(1).setVisible(shown)

    # -- the session ------------------------------------------------------------------------

    def save_session(self) -> None:
        """Remember the open articles, in tab order, for the next start."""
        self.settings.set_session([tab.path for tab in self._articles.article_tabs() if tab.path])

    def session_paths(self) -> list[Path]:
        """The last session's articles that still exist."""
        return [path for path in self.settings.session() if path.is_file()]

    def reopen_session(self) -> None:
        """Open the last session's articles (those open already just get their tab)."""
        paths = self.session_paths()
        if paths:
            self._articles.open_paths(paths)
        else:
            self._status("No articles from the last session to reopen.")

    # -- shortcuts --------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        dialogs.show_shortcuts(self._parent, shortcut_rows(self._parent))

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
        tab.legend.set_counts(tab.analysis, len(tab.analysis.quotes))
