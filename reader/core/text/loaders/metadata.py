"""What a file states about its article, without what applications write in its place.

Word processors, PDF makers and browsers fill title, author and date fields on their own: the
application's or template's name ("Word Document", "Microsoft Word - memo.doc", "Saved by
Blink"), a placeholder ("Untitled", "(anonymous)", "Administrator"), a zero or far-future date.
None of these says anything about the article, so the loaders of structured formats pass every
stated value through here and keep only what could be the source's own word.
(.txt and .md never come here: their reading is fixed; they only read dates with
`written_date`.)
"""

from __future__ import annotations

import datetime
import re

from reader.core.text.article import ArticleMeta

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

# Dates as news text writes them, read to ISO like the other loaders' dates: "3 March 2024",
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
    """The ISO day of a date as news text writes it ("3 March 2024", "Mar. 3, 2024", "Sunday,
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
