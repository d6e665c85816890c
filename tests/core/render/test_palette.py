import pytest

from reader.core.model import Kind
from reader.core.render.palette import PAGE_DARK, PAGE_LIGHT, STYLES, contrast_ratio


def test_contrast_ratio_of_black_on_white_is_21():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_highlighted_text_keeps_4_5_to_1(kind, theme):
    scheme = getattr(STYLES[kind], theme)
    assert contrast_ratio(scheme.foreground, scheme.background) >= 4.5


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize(("theme", "page"), [("light", PAGE_LIGHT), ("dark", PAGE_DARK)])
def test_underline_stands_out_from_the_page_by_3_to_1(kind, theme, page):
    scheme = getattr(STYLES[kind], theme)
    assert contrast_ratio(scheme.underline, page.background) >= 3.0


def test_each_kind_has_its_own_underline_style():
    assert len({style.underline_style for style in STYLES.values()}) == len(Kind)
