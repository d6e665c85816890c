"""The reading experience: legend chips, quote marks, scroll-bar ticks, the quote list kept in
step with the text, titles, export names, and the state glitches a new reader ran into."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from reader.core.model import Analysis, Kind, Quote, Speaker
from reader.core.text.article import Article, Block, BlockKind
from reader.gui.article.article_tab import ArticleTab
from reader.gui.article.models import UNNAMED
from reader.gui.article.scroll_marks import MarkedScrollBar
from reader.gui.window import dialogs
from reader.gui.window.naming import export_proposal, middle_elided
from tests.gui.articles import long_article_text
from tests.gui.conftest import fake_analyze, open_and_wait


def quote_row(tab, quote: Quote):
    return tab.quotes.row_of(quote)


def click_quote_row(qtbot, tab, quote: Quote) -> None:
    index = quote_row(tab, quote)
    tab.quotes.list.scrollTo(index)
    rect = tab.quotes.list.visualRect(index)
    qtbot.mouseClick(tab.quotes.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def selected_quotes(tab) -> list[Quote]:
    return [i.data(Qt.ItemDataRole.UserRole + 4) for i in tab.quotes.list.selectedIndexes()]


def point_in(view, start: int) -> QPoint:
    """A viewport point on the character after article offset `start`."""
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_document(start) + 1)
    return view.cursorRect(cursor).center()


# -- legend ------------------------------------------------------------------------------------


def test_an_off_legend_chip_looks_and_says_off(window, qtbot):
    tab = open_and_wait(qtbot, window)
    chip = tab.legend.buttons[Kind.PERSON]
    on_icon = chip.icon().pixmap(14, 14).toImage()
    assert chip.isCheckable() and chip.accessibleDescription().startswith("Shown")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert not chip.isChecked()
    assert chip.accessibleDescription().startswith("Hidden")
    off_icon = chip.icon().pixmap(14, 14).toImage()
    middle = off_icon.pixelColor(7, 7)
    assert middle.alpha() == 0  # hollow: no fill inside the outline
    assert on_icon.pixelColor(7, 7).alpha() == 255


def test_quotes_chip_toggles_the_bars_beside_quoted_text(window, qtbot):
    tab = open_and_wait(qtbot, window)
    view = tab.view
    last = view.document().characterCount()
    assert len(view.quote_marks.bar_rects(view, 0, last)) >= len(tab.analysis.quotes)
    assert tab.legend.quotes_chip.text().endswith(str(len(tab.analysis.quotes)))
    qtbot.mouseClick(tab.legend.quotes_chip, Qt.MouseButton.LeftButton)
    assert not view.quote_marks.visible
    quote = tab.analysis.quotes[0]
    assert view.quote_at(point_in(view, quote.fragments[0][0] + 3)) is None


def test_quote_bars_are_painted_in_the_margin(window, qtbot):
    tab = open_and_wait(qtbot, window)
    view = tab.view
    quote = tab.analysis.quotes[0]
    rect, _ = view.quote_marks.bar_rects(view, 0, view.document().characterCount())[0]
    image = view.viewport().grab().toImage()
    page = image.pixelColor(rect.left() - 6, rect.center().y())
    bar = image.pixelColor(rect.center().x(), rect.center().y())
    assert bar != page
    assert view.quote_at(QPoint(rect.center().x(), rect.center().y())) == quote


def test_hovering_quoted_text_names_the_speaker_and_a_click_selects_the_quote(window, qtbot):
    tab = open_and_wait(qtbot, window)
    view = tab.view
    quote = next(q for q in tab.analysis.quotes if q.speaker is not None)
    inside = quote.fragments[0][0] + 2
    assert view.mention_at(point_in(view, inside)) is None
    point = point_in(view, inside)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text() == f"Quote by {quote.speaker.name}\nClick to find it in the quote list"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.marked_quote == quote
    assert selected_quotes(tab) == [quote]


# -- the quote list and the text agree ---------------------------------------------------------


def test_choosing_another_speaker_leaves_no_other_quote_marked(window, qtbot):
    tab = open_and_wait(qtbot, window)
    unattributed = next(q for q in tab.analysis.quotes if q.speaker is None)
    click_quote_row(qtbot, tab, unattributed)
    assert tab.view.marked_quote == unattributed
    combo = tab.quotes.speaker
    combo.setCurrentIndex(combo.findData("person:rex-tillerson"))
    assert tab.view.marked_quote is None
    assert selected_quotes(tab) == []
    said = next(q for q in tab.analysis.quotes if q.speaker is not None)
    click_quote_row(qtbot, tab, said)
    combo.setCurrentIndex(0)  # all speakers again: the same quote stays selected and marked
    assert tab.view.marked_quote == said
    assert selected_quotes(tab) == [said]


def test_speaker_filter_lists_entities_and_one_entry_for_unnamed_speakers(make_window, qtbot):
    def analyze(article, nlp, **_options) -> Analysis:
        analysis = fake_analyze(article, nlp)
        quotes = list(analysis.quotes)
        # a speaker phrase that names no entity ("another"), as the issue saw
        first = quotes[0]
        quotes[0] = Quote(
            first.start,
            first.end,
            first.text,
            first.fragments,
            Speaker(0, 3, "The", "another", None),
        )
        return Analysis(analysis.article, analysis.model, analysis.mentions, tuple(quotes))

    window = make_window(analyze=analyze)
    tab = open_and_wait(qtbot, window)
    combo = tab.quotes.speaker
    entries = [combo.itemText(i) for i in range(combo.count())]
    named = [q for q in tab.analysis.quotes if q.speaker and q.speaker.key]
    unnamed = len(tab.analysis.quotes) - len(named)
    assert entries == [
        "All speakers",
        f"Rex Tillerson ({len(named)})",
        f"Unnamed speakers ({unnamed})",
    ]
    combo.setCurrentIndex(combo.findData(UNNAMED))
    assert tab.quotes.proxy.rowCount() == unnamed


def test_tabbing_into_the_entity_list_follows_nothing(window, qtbot):
    tab = open_and_wait(qtbot, window)
    window.activateWindow()
    tab.entities.search.setFocus()
    qtbot.keyClick(tab.entities.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.entities.list
    assert tab.followed is None
    qtbot.keyClick(tab.entities.list, Qt.Key.Key_Down)
    assert tab.followed is not None  # the keyboard still follows, on purpose


def test_status_bar_does_not_show_a_background_tabs_counts(window, qtbot, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Lavrov met Tillerson in Moscow.\n", encoding="utf-8")
    first = open_and_wait(qtbot, window)
    window.statusBar().clearMessage()
    second = window.open_paths([other])[0]
    window.tabs.setCurrentWidget(first)
    with qtbot.wait_signal(second.analysis_shown, timeout=10_000):
        pass
    assert second.title not in window.statusBar().currentMessage()


def test_f3_with_nothing_followed_says_how_to_follow(window, qtbot):
    tab = open_and_wait(qtbot, window)
    window.activateWindow()
    qtbot.keyClick(tab.view, Qt.Key.Key_F3)
    assert "click a name" in window.statusBar().currentMessage()
    assert tab.followed is None


def test_a_mention_jumped_to_is_centred(window, qtbot, tmp_path):
    article = tmp_path / "long.txt"
    article.write_text(long_article_text(60_000), encoding="utf-8")
    tab = open_and_wait(qtbot, window, article)
    entity = next(e for e in tab.analysis.entities if e.key == "person:sergei-lavrov")
    tab.follow(entity.key)
    for _ in range(entity.count // 2):
        tab.next_mention()
    rect = tab.view.cursorRect()
    middle = tab.view.viewport().height() / 2
    assert abs(rect.center().y() - middle) <= rect.height()


def test_no_quotes_message_speaks_of_attribution(window, qtbot):
    tab = open_and_wait(qtbot, window)
    tab.follow("org:congress")
    assert tab.quotes.proxy.rowCount() == 0
    assert tab.quotes.empty.text() == "No quotes attributed to Congress or naming them."


# -- scroll-bar ticks --------------------------------------------------------------------------


def test_scroll_bar_ticks_mark_the_followed_entitys_mentions(window, qtbot, tmp_path):
    article = tmp_path / "long.txt"
    article.write_text(long_article_text(30_000), encoding="utf-8")
    tab = open_and_wait(qtbot, window, article)
    bar = tab.view.verticalScrollBar()
    assert isinstance(bar, MarkedScrollBar) and bar.marks == []
    entity = next(e for e in tab.analysis.entities if e.key == "org:congress")
    tab.follow(entity.key)
    assert len(bar.marks) == entity.count
    assert bar.marks == sorted(bar.marks) and 0 <= bar.marks[0] < bar.marks[-1] <= 1
    groove = bar.groove()
    rows = bar.tick_rows()
    assert groove.top() <= rows[0] < rows[-1] <= groove.bottom()
    image = bar.grab().toImage()
    assert image.pixelColor(groove.center().x(), rows[0]) != image.pixelColor(
        groove.center().x(), (rows[0] + rows[1]) // 2 if rows[1] - rows[0] > 4 else groove.bottom()
    )
    tab.clear_filter()
    assert bar.marks == []


# -- titles and export names -------------------------------------------------------------------


def test_long_titles_are_cut_in_the_middle_and_shown_whole_on_hover(window, qtbot, tmp_path):
    title = "Obama Says Trump Is Modelling His Policies on a Playbook Written Long Ago in Moscow"
    article = tmp_path / "title.txt"
    article.write_text(f"{title}\n\nTillerson met Lavrov.\n", encoding="utf-8")
    tab = open_and_wait(qtbot, window, article)
    index = window.tabs.indexOf(tab)
    text = window.tabs.tabText(index)
    assert tab.title in window.tabs.tabToolTip(index)
    assert window.windowTitle() == f"{middle_elided(tab.title, 80)} — Reader"
    if len(tab.title) > 36:
        assert "…" in text and text.startswith(tab.title[:10]) and text.endswith(tab.title[-10:])
    assert middle_elided("a" * 20 + "b" * 20, 11) == "aaaaa…bbbbb"
    assert middle_elided("short", 11) == "short"


def test_export_never_proposes_the_source_or_an_open_article(tmp_path):
    page = tmp_path / "story.html"
    assert export_proposal(page, "Story", [page]) == tmp_path / "story (highlighted).html"
    text = tmp_path / "story.txt"
    assert export_proposal(text, "Story", [text]) == tmp_path / "story.html"
    assert export_proposal(text, "Story", [text, page]) == tmp_path / "story (highlighted).html"


def test_export_over_an_opened_article_is_refused(window, qtbot, monkeypatch, errors, tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Story</title></head><body><p>Tillerson met Lavrov in Moscow.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    before = page.read_bytes()
    tab = open_and_wait(qtbot, window, page)
    proposed = []

    def ask(_parent, suggested: Path):
        proposed.append(suggested)
        return page  # the user picks the source anyway

    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    window.export_current()
    assert proposed and proposed[0].resolve() != page.resolve()
    assert errors and "open in Reader" in errors[0][1]
    assert page.read_bytes() == before
    assert tab.analysis is not None


# -- metadata and direction in the view --------------------------------------------------------


def _article(text: str, meta=None) -> Article:
    blocks, start = [], 0
    for number, line in enumerate(text.split("\n")):
        kind = BlockKind.TITLE if number == 0 else BlockKind.PARAGRAPH
        blocks.append(Block(kind, start, start + len(line)))
        start += len(line) + 1
    article = Article(title=text.split("\n")[0], text=text, blocks=tuple(blocks))
    if meta is not None:
        from dataclasses import replace

        article = replace(article, meta=meta)
    return article


def test_metadata_is_shown_under_the_title(qtbot):
    from reader.core.text.article import ArticleMeta

    meta = ArticleMeta(author="Amara Diallo", date="2024-05-01", site="Example News")
    plain = ArticleTab(_article("Summit ends\nTillerson met Lavrov."))
    tab = ArticleTab(_article("Summit ends\nTillerson met Lavrov.", meta))
    for widget in (plain, tab):
        qtbot.addWidget(widget)
        widget.resize(900, 600)
        widget.show()
    qtbot.waitExposed(tab)
    assert tab.view.meta_line.text == "By Amara Diallo · 2024-05-01 · Example News"
    assert plain.view.meta_line.text == ""
    assert tab.view.toPlainText() == plain.view.toPlainText()  # not part of the text

    def second_block_top(widget) -> float:
        return widget.view.document().firstBlock().next().layout().position().y()

    assert second_block_top(tab) > second_block_top(plain)  # room kept under the title


def test_a_right_to_left_paragraph_reads_right_to_left(qtbot):
    tab = ArticleTab(_article("Notes\nשלום עולם, said the mayor.\nTillerson met Lavrov."))
    qtbot.addWidget(tab)
    blocks = tab.view.document().firstBlock()
    directions = []
    while blocks.isValid():
        directions.append(blocks.blockFormat().layoutDirection())
        blocks = blocks.next()
    assert directions[1] == Qt.LayoutDirection.RightToLeft
    assert directions[2] != Qt.LayoutDirection.RightToLeft


# -- quote rows --------------------------------------------------------------------------------


def test_quote_rows_are_as_tall_as_their_text(window, qtbot, tmp_path):
    article = tmp_path / "quotes.txt"
    long = " ".join(["the talks went on and on about sanctions and staff"] * 4)
    article.write_text(f"Tillerson said “Yes.” Then “{long}.” Lavrov said.\n", encoding="utf-8")
    tab = open_and_wait(qtbot, window, article)
    view = tab.quotes.list
    short, longer = tab.analysis.quotes
    one, two = (view.visualRect(quote_row(tab, q)).height() for q in (short, longer))
    assert two - one >= view.fontMetrics().lineSpacing()  # no blank line under "Yes."
