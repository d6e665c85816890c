"""E-mails (.eml) and saved pages (.mhtml, .mht) through the standard library's email parser.

Both are MIME messages. An e-mail's Subject is the title, From the author, Date the date; a
saved page's From and Date are the browser and the time of saving ("Saved by Blink"), never the
article's, so its metadata is the page's own. The HTML part goes through the HTML path (for a
saved page: the page itself, the first HTML part); an e-mail without one is read from its
plain-text part like a .txt file. A message forwarded or attached whole (message/rfc822) follows
the body as a quoted part: a "Forwarded message" heading, its From, Date and Subject, its body.
What an e-mail holds that is not read is said in the article's notices: attachments, text parts
after the first of its kind, forwarded messages past the cap or whose text cannot be read.

A part's transfer encoding (base64, quoted-printable, uuencode) never produces more bytes than
it is given: base64 three for every four, the others at most one for one. So the size a part
would decode to is known before it is decoded, and a part past PART_BOUND (the 20 MB file
limit: a saved page inside a Word file can be larger than any article file) is refused then.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article, ArticleMeta, BlockKind
from reader.core.text.decoding import decode_text, normalize_newlines
from reader.core.text.loaders.blocks import Part, article_from_parts, with_notices
from reader.core.text.loaders.charsets import codec_for_label
from reader.core.text.loaders.html import decode_html, html_article
from reader.core.text.loaders.metadata import stated_meta, stated_title
from reader.core.text.loaders.opening_dates import with_dateline_date
from reader.core.text.loaders.text import text_article
from reader.core.text.sources import MAX_FILE_BYTES

PART_BOUND = MAX_FILE_BYTES
SAVED_PAGE_SUFFIXES = (".mhtml", ".mht")
_MAX_NESTED_MESSAGES = 20  # messages forwarded inside forwarded messages, all levels
_NAMED_ATTACHMENTS = 3  # attachments named in the notice


def load_mail(path: Path, data: bytes) -> Article:
    """An e-mail or saved page; ArticleError when it is no MIME message or has no text."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not (message.keys() or message.is_multipart()):
        raise ArticleError(f"{path.name} is not an e-mail or saved web page (no MIME headers).")
    title = stated_title(_header(message, "Subject"))
    saved_page = _is_saved_page(path, message)
    meta = None if saved_page else _meta(message)
    body = _body(path, message, title, meta)
    quoted, notices = _quoted_parts(path, message)
    if not saved_page:
        notices = [*_unread_parts(message), *notices]
    if not quoted:
        if body is None:
            raise ArticleError(f"{path.name} has no text or HTML part to read.")
        return with_notices(with_dateline_date(body), *notices)
    parts = _article_parts(body) if body is not None else []
    article = article_from_parts(path, parts + quoted, title=title, meta=meta)
    return with_notices(with_dateline_date(article), *notices)


def _unread_parts(message: EmailMessage) -> list[str]:
    """Notices for what of the message's own parts is not read: its attachments (their names,
    a few), and text parts after the first of the type read (HTML, else plain text)."""
    attached: list[str] = []
    texts = {"text/html": 0, "text/plain": 0}
    for part in _own_parts(message):
        kind = part.get_content_type()
        if part.is_attachment() and kind != "message/rfc822":
            attached.append(_file_name(part) or kind)
        elif kind in texts and not part.is_multipart():
            texts[kind] += 1
    notices = []
    if attached:
        names = ", ".join(attached[:_NAMED_ATTACHMENTS])
        names += ", …" if len(attached) > _NAMED_ATTACHMENTS else ""
        count = (
            "Its attachment is" if len(attached) == 1 else f"Its {len(attached)} attachments are"
        )
        notices.append(f"{count} not read ({names}).")
    extra = (texts["text/html"] or texts["text/plain"]) - 1
    if extra > 0:
        more = "1 more part" if extra == 1 else f"{extra} more parts"
        verb = "is" if extra == 1 else "are"
        notices.append(f"{more} of its text {verb} not shown (Reader reads the first).")
    return notices


def _file_name(part: EmailMessage) -> str | None:
    try:
        name = part.get_filename()
    except (ValueError, IndexError, TypeError):
        return None
    return " ".join(name.split()) if name else None


def _is_saved_page(path: Path, message: EmailMessage) -> bool:
    return (
        path.suffix.lower() in SAVED_PAGE_SUFFIXES
        or "Snapshot-Content-Location" in message
        or _header(message, "From").lower().startswith("saved by")
    )


def _meta(message: EmailMessage) -> ArticleMeta | None:
    return stated_meta(author=_author(message), date=_date(message))


def _body(
    path: Path, message: EmailMessage, title: str | None, meta: ArticleMeta | None
) -> Article | None:
    """The message's own text (not that of messages inside it); None when it has none."""
    html_part = _first_part(message, "text/html")
    if html_part is not None:
        page = _part_text(path, html_part, is_html=True)
        try:
            return html_article(path, page, title=title, meta=meta)
        except ArticleError:
            if _first_part(message, "text/plain") is None:
                raise
    plain_part = _first_part(message, "text/plain")
    if plain_part is None:
        return None
    text = normalize_newlines(_part_text(path, plain_part, is_html=False))
    if not text.strip():
        raise ArticleError(f"No article text found in {path.name}.")
    return text_article(path, text, title=title, meta=meta)


def _article_parts(article: Article) -> list[Part]:
    return [(block.kind, article.block_text(block)) for block in article.blocks]


def _quoted_parts(path: Path, message: EmailMessage) -> tuple[list[Part], list[str]]:
    """Messages forwarded or attached whole, each a heading, its headers and its body; and the
    notices for those left out (past the cap) or whose text could not be read."""
    parts: list[Part] = []
    notices: list[str] = []
    unreadable = 0
    pending = [message]
    count = 0
    while pending and count <= _MAX_NESTED_MESSAGES:
        outer = pending.pop(0)
        for inner, attached in _messages_inside(outer):
            count += 1
            if count > _MAX_NESTED_MESSAGES:
                notices.append(
                    f"Messages forwarded past the first {_MAX_NESTED_MESSAGES} are not shown."
                )
                break
            label = "Attached message" if attached else "Forwarded message"
            parts.append((BlockKind.HEADING, label))
            headers = [
                f"{name}: {value}"
                for name in ("From", "Date", "Subject")
                if (value := _header(inner, name))
            ]
            parts.append((BlockKind.PARAGRAPH, "\n".join(headers)))
            try:
                body = _body(path, inner, None, None)
            except ArticleError:
                body = None
                unreadable += 1
            if body is not None:
                parts += [
                    (BlockKind.PARAGRAPH if kind is BlockKind.TITLE else kind, text)
                    for kind, text in _article_parts(body)
                ]
            pending.append(inner)
    if unreadable:
        which = "a forwarded message" if unreadable == 1 else f"{unreadable} forwarded messages"
        notices.append(f"The text of {which} could not be read.")
    return parts, notices


def _messages_inside(message: EmailMessage) -> Iterator[tuple[EmailMessage, bool]]:
    """The messages a message carries whole (message/rfc822 parts), not looking inside them,
    each with whether it is attached (rather than forwarded inline)."""
    for part in _own_parts(message):
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, EmailMessage):
                yield inner, part.is_attachment()


def _own_parts(message: EmailMessage) -> Iterator[EmailMessage]:
    """A message's parts in document order, without descending into messages inside it."""
    stack = [message]
    while stack:
        part = stack.pop()
        yield part
        if part.is_multipart() and part.get_content_type() != "message/rfc822":
            stack.extend(reversed(part.get_payload()))


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
    """The first part of that type that is not an attachment, in document order (a message
    inside the message is not looked into: it is quoted after the body)."""
    for part in _own_parts(message):
        if part.get_content_type() == content_type and not part.is_attachment():
            return part
    return None


def _part_text(path: Path, part: EmailMessage, *, is_html: bool) -> str:
    """A part's text: transfer encoding undone, then its declared charset (browser labels)."""
    data = _payload(path, part)
    label = part.get_content_charset()
    codec = codec_for_label(label) if label else None
    if codec is not None:
        return data.decode(codec, errors="replace")
    if not data.strip():
        return ""
    return decode_html(path, data) if is_html else decode_text(data, path)


def _payload(path: Path, part: EmailMessage) -> bytes:
    """A part's bytes with its transfer encoding undone; ArticleError, before decoding, when
    they would pass PART_BOUND."""
    encoded = part.get_payload()
    if isinstance(encoded, str):
        shrink = (
            0.75 if part.get("Content-Transfer-Encoding", "").strip().lower() == "base64" else 1
        )
        decoded = int(len(encoded) * shrink)
        if decoded > PART_BOUND:
            raise ArticleError(
                f"{path.name} is refused: its {part.get_content_type()} part would decode to "
                f"{decoded / 1024 / 1024:.0f} MB, past {PART_BOUND // 1024 // 1024} MB "
                "(the file limit)."
            )
    return part.get_payload(decode=True) or b""
