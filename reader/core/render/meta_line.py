"""The line under an exported article's title: byline, date, site and "Read by OCR".

The author is said once. When the text's own byline paragraph ("By Jane Doe", one of its
first paragraphs: `metadata.body_byline`) already names everyone the file's author field
names, that paragraph stays where it is (it is the article's text: its offsets, highlights
and copied text are the article's) and the line leaves the author out, as the window does.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from reader.core.render.ocr_marks import ocr_label
from reader.core.text.article import Article
from reader.core.text.loaders.metadata import body_byline

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Between the names of a list of authors: "Jane Doe and John Roe", "Jane Doe, John Roe".
_NAME_SEPARATORS = re.compile(r"\s*(?:,|&|;|\band\b)\s*")


@dataclass(frozen=True, slots=True)
class MetaField:
    """One item of the line under the title; `datetime` is set for a date a browser can read."""

    text: str
    datetime: str | None = None


def _names(authors: str) -> set[str]:
    """The names of an author field or byline, case and spacing folded ("Jane Doe and John
    Roe" -> {"jane doe", "john roe"})."""
    folded = " ".join(authors.casefold().split())
    return {name for name in _NAME_SEPARATORS.split(folded) if name}


def shown_author(article: Article) -> str | None:
    """The author the line under the title names: the file's author (`article.meta.author`),
    or None when there is none or the text's own byline paragraph names every one of its
    names (case and spacing aside). Reads the first few blocks only."""
    author = article.meta.author if article.meta else None
    if not author:
        return None
    byline = body_byline(article)
    if byline is not None and _names(author) <= _names(byline[2]):
        return None
    return author


def meta_fields(article: Article) -> list[MetaField]:
    """Byline (see `shown_author`), date and site as the line under the title shows them, in
    that order, then the OCR label; [] when there is none of them."""
    meta = article.meta
    if not meta:
        return []
    fields = []
    if author := shown_author(article):
        fields.append(MetaField(f"By {author}"))
    if meta.date:
        match = _ISO_DATE.match(meta.date)
        try:
            day = datetime.date(*map(int, match.groups())) if match else None
        except ValueError:
            day = None
        if day is None:
            fields.append(MetaField(meta.date))
        else:
            fields.append(MetaField(f"{day.day} {day:%B %Y}", day.isoformat()))
    if meta.site:
        fields.append(MetaField(meta.site))
    if label := ocr_label(meta):  # read from pictures: the reader should know
        fields.append(MetaField(label))
    return fields
