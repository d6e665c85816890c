"""What a file states about its article, without what applications write in its place.

Word processors, PDF makers and browsers fill title, author and date fields on their own: the
application's or template's name ("Word Document", "Microsoft Word - memo.doc", "Saved by
Blink"), a placeholder ("Untitled", "(anonymous)", "Administrator"), a zero or far-future date.
None of these says anything about the article, so the loaders of structured formats pass every
stated value through here and keep only what could be the source's own word.

Plain text and Markdown state nothing in fields; what they can state is a byline under the
headline ("By Ana Souza, 3 March 2024"), read here by `byline_meta` only when the whole line is
one, so a sentence that opens with "By" ("By Tuesday, the unions had agreed") is never taken.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from reader.core.text.article import Article, ArticleMeta, BlockKind

_PLACEHOLDER_TITLES = frozenset(
    [
        "untitled",
        "untitled document",
        "no title",
        "title",
        "document",
        "new document",
        "blank",
        "word document",
        "microsoft word document",
        "article",
        "default",
        "unknown",
        "none",
        "null",
    ]
)
_NUMBERED_PLACEHOLDER = re.compile(r"^(?:document|doc|untitled|page|slide|presentation)\s*\d*$")
_APPLICATION_TITLE = re.compile(r"^(?:microsoft\s+(?:word|powerpoint|excel)|powerpoint)\b")
# A title that is only a file name ("memo.docx", "C:\\reports\\q3.pdf", "paper.dvi").
_FILE_NAME = re.compile(
    r"^\S.*\.(?:docx?|dotx?|pdf|rtf|odt|ott|txt|tex|dvi|ps|eps|indd|qxd|qxp|pages|wpd|html?"
    r"|xlsx?|pptx?|ai|psd|tmp)$",
    re.IGNORECASE,
)
_PLACEHOLDER_AUTHORS = frozenset(
    [
        "anonymous",
        "unknown",
        "author",
        "user",
        "admin",
        "administrator",
        "owner",
        "guest",
        "default",
        "none",
        "null",
        "windows user",
        "win user",
        "microsoft user",
        "microsoft office user",
        "office user",
        "valued customer",
        "python-docx",
        "apache poi",
    ]
)
# Application and library names some programs put in the author field.
_APPLICATION_AUTHOR = re.compile(
    r"^(?:saved by\b|microsoft\s+(?:word|office|excel|powerpoint)\b|libreoffice|openoffice"
    r"|adobe\s+(?:acrobat|indesign|illustrator|photoshop)|acrobat|pdftex|reportlab|itext"
    r"|aspose|ghostscript|quartz pdfcontext|wkhtmltopdf)",
)
_YEAR = re.compile(r"^\s*(\d{4})(?!\d)")
_EARLIEST_YEAR = 1900
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

# Dates as bylines write them, read to ISO like the other loaders' dates: "3 March 2024",
# "March 3, 2024", "Mar. 3, 2024", "2024-03-03", any of them after a weekday ("Sunday, 3 March
# 2024"). Day-month order in numbers (03/04/2024) is ambiguous and is not read.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WRITTEN_DATES = (
    re.compile(rf"^{_DAY}\s+{_MONTH},?\s+(?P<year>\d{{4}})$"),  # 3 March 2024
    re.compile(rf"^{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})$"),  # March 3, 2024
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),  # 2024-03-03
)
_LEADING_WEEKDAY = re.compile(rf"^(?:{'|'.join(d[:3] for d in _WEEKDAYS)})[a-z]*\.?,?\s+", re.I)
# A byline is "By" and a name of two to six capitalised words (particles such as "da" or "van"
# and "and"/"&" between two names allowed), then nothing or a date after a comma, a bar, a dash
# or a space. A weekday, or a month before a day's number, is never a name word, so "By Tuesday"
# is no byline and "By Ana Souza March 3, 2024" ends its name before the date (while "May Chen"
# stays a name).
_NOT_NAME = rf"(?i:{'|'.join(_WEEKDAYS)})\b|(?i:{'|'.join(_MONTHS)})\.?\s+\d"
_NAME_WORD = rf"(?!{_NOT_NAME})[A-Z][\w'’.-]*"
_PARTICLE = r"(?:de|da|do|dos|das|di|du|del|della|van|von|der|den|la|le|al|bin|ibn|and|&)"
_BYLINE = re.compile(
    rf"^(?:By|BY|by)\s+(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD})*)"
    r"(?:\s*[,|·•–—-]\s*|\s+)?(?P<date>[^\n]*?)\.?$"
)
_MIN_NAME_WORDS, _MAX_NAME_WORDS = 2, 6
# A byline sits under the headline, at most after a standfirst: it is looked for among the
# first paragraphs only, never further into the text.
BYLINE_PARAGRAPHS = 3


def _plain(value: str | None) -> str:
    return " ".join((value or "").replace("\x00", "").split())


def _folded(value: str) -> str:
    return value.casefold().strip(" \t()[]<>{}\"'.-_*")


def stated_title(value: str | None) -> str | None:
    """The title unless it is a placeholder, an application's name or a file name."""
    title = _plain(value)
    folded = _folded(title)
    if (
        not folded
        or folded in _PLACEHOLDER_TITLES
        or _NUMBERED_PLACEHOLDER.match(folded)
        or _APPLICATION_TITLE.match(folded)
        or _FILE_NAME.match(title)
    ):
        return None
    return title


def stated_author(value: str | None) -> str | None:
    """The author unless it is a placeholder account or an application ("Saved by Blink")."""
    author = _plain(value)
    folded = _folded(author)
    if not folded or folded in _PLACEHOLDER_AUTHORS or _APPLICATION_AUTHOR.match(folded):
        return None
    return author


def stated_date(value: str | datetime.date | None) -> str | None:
    """The date (ISO when it can be read) unless it is impossible: year 0, before 1900, or
    later than next year. A text without a leading year is kept as the source words it."""
    if isinstance(value, datetime.date):
        year, text = value.year, value.isoformat()[:10]
    else:
        text = _plain(value)
        match = _YEAR.match(text)
        if not text:
            return None
        if match is None:
            return text
        year = int(match.group(1))
    if not _EARLIEST_YEAR <= year <= datetime.date.today().year + 1:
        return None
    if _ISO_DATE.match(text) and not _valid_day(text[:10]):
        return None
    return text


def _valid_day(iso: str) -> bool:
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def stated_meta(
    *,
    author: str | None = None,
    date: str | datetime.date | None = None,
    site: str | None = None,
) -> ArticleMeta | None:
    """The metadata the source states, placeholders and impossible dates left out (None when
    nothing is left)."""
    site_name = _plain(site)
    meta = ArticleMeta(
        author=stated_author(author),
        date=stated_date(date),
        site=site_name if site_name and _folded(site_name) not in _PLACEHOLDER_TITLES else None,
    )
    return meta or None


def written_date(value: str) -> str | None:
    """The ISO day of a date as a byline writes it ("3 March 2024", "Mar. 3, 2024", "Sunday,
    3 March 2024", "2024-03-03"); None for anything else, or a day that does not exist."""
    text = _LEADING_WEEKDAY.sub("", _plain(value).rstrip("."))
    for pattern in _WRITTEN_DATES:
        match = pattern.match(text)
        if match is None:
            continue
        month = match.group("month")
        number = int(month) if month.isdigit() else _MONTHS.get(month.casefold())
        try:
            day = datetime.date(int(match.group("year")), number or 0, int(match.group("day")))
        except ValueError:
            return None
        return stated_date(day)
    return None


def byline_meta(line: str) -> ArticleMeta | None:
    """Author and date of a line that is wholly a byline ("By Ana Souza, 3 March 2024", "By
    Ana Souza"); None when the line is anything else, so prose opening with "By" is never
    read as one. The date is ISO; a byline whose tail is no date is no byline."""
    match = _BYLINE.match(_plain(line))
    if match is None:
        return None
    name, tail = match.group("name"), match.group("date")
    words = [word for word in name.split() if not re.fullmatch(_PARTICLE, word)]
    if not _MIN_NAME_WORDS <= len(words) <= _MAX_NAME_WORDS or name.split()[-1] in ("and", "&"):
        return None
    date = written_date(tail) if tail else None
    if tail and date is None:
        return None
    return stated_meta(author=name, date=date)


def first_byline(paragraphs: Iterable[str]) -> ArticleMeta | None:
    """Author and date of the first byline among the first BYLINE_PARAGRAPHS paragraphs: a
    paragraph, or one line of it (a headline and its byline written on two lines of one
    Markdown paragraph)."""
    for index, paragraph in enumerate(paragraphs):
        if index >= BYLINE_PARAGRAPHS:
            break
        for line in paragraph.split("\n"):
            meta = byline_meta(line)
            if meta:
                return meta
    return None


def body_byline(article: Article) -> tuple[int, int, str] | None:
    """(start, end, author) of the article's byline paragraph: the first of its first
    BYLINE_PARAGRAPHS blocks that is no title and is wholly a byline ("By Ana Souza"; a
    format may have marked it a heading), its offsets into `article.text`; None when there is
    none. The window shows the byline there, styled as one, and leaves the author out of the
    line it paints under the title."""
    for block in article.blocks[:BYLINE_PARAGRAPHS]:
        if block.kind is BlockKind.TITLE:
            continue
        meta = byline_meta(article.text[block.start : block.end])
        if meta is not None and meta.author:
            return block.start, block.end, meta.author
    return None
