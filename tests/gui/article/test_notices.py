"""The loader's notices in the window: what it left out of the file is said on a line of its own
under the byline (above the text when there is no title), outside the article's text; a line
cut short by a narrow column shows whole in its tooltip."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from reader.core.text.article import Article, ArticleMeta, Block, BlockKind
from reader.gui.article.article_tab import ArticleTab
from tests.gui.conftest import open_and_wait

NOTICE = "Its page headers and footers are not shown (they are not the article's text)."
TEXT = "Summit ends\nTillerson met Lavrov in Oslo on Monday."


def _article(*, title: bool = True, meta: ArticleMeta | None = None, notices=()) -> Article:
    end = TEXT.index("\n")
    first = BlockKind.TITLE if title else BlockKind.PARAGRAPH
    blocks = (Block(first, 0, end), Block(BlockKind.PARAGRAPH, end + 1, len(TEXT)))
    return replace(Article("Summit ends", TEXT, blocks), meta=meta, notices=tuple(notices))


def _shown(qtbot, article: Article, width: int = 900) -> ArticleTab:
    tab = ArticleTab(article)
    qtbot.addWidget(tab)
    tab.resize(width, 600)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _second_block_top(tab: ArticleTab) -> float:
    return tab.view.document().firstBlock().next().layout().position().y()


def test_a_notice_is_a_line_of_its_own_under_the_byline(qtbot):
    meta = ArticleMeta(author="Amara Diallo", date="2024-05-01")
    plain = _shown(qtbot, _article(meta=meta))
    noted = _shown(qtbot, _article(meta=meta, notices=[NOTICE]))

    assert noted.view.meta_line.lines == ["By Amara Diallo · 2024-05-01", f"Note: {NOTICE}"]
    assert noted.view.toPlainText() == plain.view.toPlainText()  # not part of the text
    assert _second_block_top(noted) > _second_block_top(plain)  # a line more of room
    view = noted.view
    rects = view.meta_line.line_rects(view)
    title = view.document().firstBlock().layout()
    below_title = title.position().y() + title.boundingRect().height()
    offset = view.verticalScrollBar().value()
    assert rects[0].top() >= below_title - offset and rects[1].top() >= rects[0].bottom()
    assert rects[1].bottom() <= _second_block_top(noted) - offset  # above the text, not on it


def test_a_notice_without_a_byline_or_a_title_stands_above_the_text(qtbot):
    plain = _shown(qtbot, _article(title=False))
    noted = _shown(qtbot, _article(title=False, notices=[NOTICE]))

    assert plain.view.meta_line.lines == []
    assert noted.view.meta_line.lines == [f"Note: {NOTICE}"]
    view = noted.view
    first = view.document().firstBlock().layout().position().y()
    [rect] = view.meta_line.line_rects(view)
    assert rect.bottom() <= first - view.verticalScrollBar().value()


def test_a_notice_cut_short_shows_whole_in_its_tooltip(qtbot):
    tab = _shown(qtbot, _article(notices=[NOTICE]), width=260)
    view = tab.view
    [rect] = view.meta_line.line_rects(view)
    point = rect.center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text() == f"Note: {NOTICE}"
    assert view.meta_line.full_text_at(view, rect.center() + QPoint(0, 400).toPointF()) == ""


def test_a_file_that_is_not_what_its_name_says_is_opened_with_a_notice(window, qtbot, tmp_path):
    path = tmp_path / "briefing.pdf"
    path.write_text("Summit ends\n\nTillerson met Lavrov in Oslo on Monday.\n", encoding="utf-8")

    tab = open_and_wait(qtbot, window, path)

    assert tab.view.meta_line.lines == [
        "Note: briefing.pdf is plain text, not a PDF; read as text."
    ]
