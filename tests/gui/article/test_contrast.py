"""Text contrast of every state of every list row, measured on painted pixels, in both themes.

A row is painted (by the list itself, or by its delegate for states a test cannot reach with
the mouse, such as hover in an inactive window); its background is read from the padding, its
text colour is the painted pixel that differs most from that background (a glyph's solid core),
and the ratio of the two must be at least 4.5:1 for the main text and for the quieter detail.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QListView, QStyle, QStyleOptionViewItem

from reader.gui.article.rows import ItemDelegate, row_colours
from reader.gui.theme import Theme, apply_theme, contrast
from tests.gui.conftest import open_and_wait

State = QStyle.StateFlag
PLAIN = State.State_Enabled | State.State_Active
STATES = {
    "plain": PLAIN,
    "hover": PLAIN | State.State_MouseOver,
    "selected": PLAIN | State.State_Selected,
    "selected, hover": PLAIN | State.State_Selected | State.State_MouseOver,
    "current": PLAIN | State.State_HasFocus,
    "selected, current": PLAIN | State.State_Selected | State.State_HasFocus,
    "inactive window, selected": State.State_Enabled | State.State_Selected,
    "disabled": State.State_Active,
    "disabled, selected": State.State_Active | State.State_Selected,
}


def pixel(image: QImage, x: int, y: int) -> QColor:
    return QColor(image.pixel(x, y))


def text_contrast(image: QImage, area: QRect, background: QColor) -> float:
    """The contrast of the painted pixel in `area` farthest from `background`."""
    best = 1.0
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            best = max(best, contrast(pixel(image, x, y), background))
    return best


def line_areas(view: QListView, row_rect: QRect, quotes: bool) -> list[QRect]:
    """The rectangles of a row's text lines: the main text and the detail (entities: name, then
    kind; quotes: speaker, then the quote)."""
    pad = ItemDelegate.PADDING
    inner = row_rect.adjusted(pad, pad, -pad, -pad)
    if not quotes:
        inner.setLeft(inner.left() + ItemDelegate.SWATCH + 8)
    main = view.fontMetrics().lineSpacing()
    detail_font = QFont(view.font())
    detail_font.setPointSizeF(view.font().pointSizeF() * 0.9)
    detail_font.setBold(quotes)
    detail = QFontMetrics(detail_font).lineSpacing()
    first, second = (detail, main) if quotes else (main, detail)
    return [
        QRect(inner.left(), inner.top(), inner.width(), first),
        QRect(inner.left(), inner.top() + first, inner.width(), second),
    ]


def assert_readable(image: QImage, view: QListView, row_rect: QRect, quotes: bool, what: str):
    background = pixel(image, row_rect.right() - 4, row_rect.bottom() - 4)
    for area in line_areas(view, row_rect, quotes):
        ratio = text_contrast(image, area, background)
        assert ratio >= 4.5, f"{what}: {ratio:.2f}:1 on {background.name()}"


def paint_row(view: QListView, row: int, state: State) -> tuple[QImage, QRect]:
    """The row painted by the list's own delegate in `state`, on its own image."""
    index = view.model().index(row, 0)
    rect = QRect(0, 0, view.viewport().width(), view.visualRect(index).height())
    option = QStyleOptionViewItem()
    option.rect = rect
    option.palette = view.palette()
    option.font = view.font()
    option.fontMetrics = view.fontMetrics()
    option.state = state
    option.widget = view
    image = QImage(rect.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("#ff00ff"))  # a row that paints no background of its own would show it
    painter = QPainter(image)
    view.itemDelegate().paint(painter, option, index)
    painter.end()
    return image, rect


@pytest.fixture(params=[Theme.LIGHT, Theme.DARK])
def themed(request, qapp):
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, Theme.SYSTEM)


def test_every_row_state_reads_at_4_5_to_1(themed, window, qtbot):
    tab = open_and_wait(qtbot, window)
    for view, quotes in ((tab.entities.list, False), (tab.quotes.list, True)):
        assert view.model().rowCount() >= 2
        for focused in (True, False):
            if focused:
                view.setFocus()
                qtbot.wait_until(view.hasFocus)
            else:
                tab.view.setFocus()
                qtbot.wait_until(lambda: not view.hasFocus())  # noqa: B023
            for name, state in STATES.items():
                image, rect = paint_row(view, 0, state)
                assert_readable(image, view, rect, quotes, f"{themed} {name} focus={focused}")


def test_the_selected_row_reads_on_the_rendered_list(themed, window, qtbot):
    """The state the issue found unreadable: a row clicked, the list focused."""
    tab = open_and_wait(qtbot, window)
    for view, quotes in ((tab.entities.list, False), (tab.quotes.list, True)):
        index = view.model().index(0, 0)
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
        qtbot.wait_until(view.hasFocus)
        image = view.viewport().grab().toImage()
        for row in (0, 1):
            rect = view.visualRect(view.model().index(row, 0))
            assert_readable(image, view, rect, quotes, f"{themed} row {row}")
        selected = pixel(image, rect.right() - 4, view.visualRect(index).bottom() - 4)
        plain = pixel(image, rect.right() - 4, rect.bottom() - 4)
        assert selected != plain  # the selection shows


def test_a_system_palette_with_white_on_pale_selection_still_reads(qapp):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#cde8ff"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    for state in STATES.values():
        for focused in (True, False):
            colours = row_colours(palette, state, focused)
            assert contrast(colours.text, colours.background) >= 4.5
            assert contrast(colours.detail, colours.background) >= 4.5


def test_the_measure_fails_on_pale_text(qapp):
    """The measure above can fail: pale text on white reads at well under 4.5:1."""
    image = QImage(200, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setPen(QColor("#9ec9f0"))
    painter.setFont(QApplication.font())
    painter.drawText(QRect(4, 4, 190, 30), 0, "Sergei Lavrov")
    painter.end()
    assert 1.2 < text_contrast(image, QRect(0, 0, 200, 40), QColor("#ffffff")) < 4.5
