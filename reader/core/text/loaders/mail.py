"""E-mails (.eml) and saved pages (.mhtml, .mht) through the standard library's email parser.

Both are MIME messages. The Subject is the title, From the author, Date the date. The HTML
part goes through the HTML path (for a saved page: the page itself, the first HTML part);
an e-mail without one is read from its plain-text part like a .txt file.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta
from reader.core.text.decoding import decode_text, normalize_newlines
from reader.core.text.loaders.charsets import codec_for_label
from reader.core.text.loaders.html import decode_html, html_article
from reader.core.text.loaders.text import text_article


def load_mail(path: Path, data: bytes) -> Article:
    """An e-mail or saved page; ArticleError when it is no MIME message or has no text."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not (message.keys() or message.is_multipart()):
        raise ArticleError(f"{path.name} is not an e-mail or saved web page (no MIME headers).")
    title = _header(message, "Subject") or None
    meta = ArticleMeta(author=_author(message), date=_date(message))
    html_part = _first_part(message, "text/html")
    if html_part is not None:
        page = _part_text(path, html_part, is_html=True)
        return html_article(path, page, title=title, meta=meta)
    plain_part = _first_part(message, "text/plain")
    if plain_part is None:
        raise ArticleError(f"{path.name} has no text or HTML part to read.")
    text = normalize_newlines(_part_text(path, plain_part, is_html=False))
    if not text.strip():
        raise ArticleError(f"No article text found in {path.name}.")
    return text_article(path, text, title=title, meta=meta)


def saved_page_html(data: bytes) -> str | None:
    """The page inside a saved page (MHTML, as Word embeds one), or None when there is none."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    part = _first_part(message, "text/html") if isinstance(message, EmailMessage) else None
    return _part_text(Path("page.mht"), part, is_html=True) if part is not None else None


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, IndexError, TypeError):  # a malformed header the policy cannot parse
        return ""
    return " ".join(str(value or "").split())


def _author(message: EmailMessage) -> str | None:
    sender = _header(message, "From")
    if not sender:
        return None
    name, address = parseaddr(sender)
    return name or address or sender


def _date(message: EmailMessage) -> str | None:
    raw = _header(message, "Date")
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (ValueError, TypeError, IndexError):
        return raw


def _first_part(message: EmailMessage, content_type: str) -> EmailMessage | None:
    """The first part of that type that is not an attachment, in document order."""
    for part in message.walk():
        if part.get_content_type() == content_type and not part.is_attachment():
            return part
    return None


def _part_text(path: Path, part: EmailMessage, *, is_html: bool) -> str:
    """A part's text: transfer encoding undone, then its declared charset (browser labels)."""
    data = part.get_payload(decode=True) or b""
    label = part.get_content_charset()
    codec = codec_for_label(label) if label else None
    if codec is not None:
        return data.decode(codec, errors="replace")
    if not data.strip():
        return ""
    return decode_html(path, data) if is_html else decode_text(data, path)
