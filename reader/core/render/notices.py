"""The loader's notices (what it left out of a file, `Article.notices`) as the article view
and the export page show them: one line each under the byline, in Reader's words."""

from __future__ import annotations


def notice_text(notice: str) -> str:
    """The line shown for one notice: "Note: Its page headers and footers are not shown …"."""
    return f"Note: {notice}"
