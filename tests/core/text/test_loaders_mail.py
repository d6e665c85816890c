"""E-mails with forwarded and attached messages, and saved pages whose headers are the browser's."""

from __future__ import annotations

from email.message import EmailMessage

from reader.core.text.article import BlockKind
from reader.core.text.loaders import load_article
from tests.core.text import format_samples as samples


def forwarded(body: str, subject: str = "Ferry strike update") -> EmailMessage:
    inner = EmailMessage()
    inner["From"] = "Marisol Etxeberria <marisol@example.invalid>"
    inner["Date"] = "Thu, 13 Mar 2025 18:00:00 +0100"
    inner["Subject"] = subject
    inner.set_content(body)
    return inner


def texts(article) -> list[str]:
    return [article.block_text(block) for block in article.blocks]


def test_a_forwarded_message_follows_the_body_as_a_quoted_part(tmp_path):
    message = EmailMessage()
    message["Subject"] = "Fwd: Ferry strike update"
    message["From"] = "Desk <desk@example.invalid>"
    message["Date"] = "Fri, 14 Mar 2025 09:00:00 +0100"
    message.set_content("See below, from the union.\n")
    message.add_attachment(forwarded("The pilots will return to work on Monday.\n"))
    message.get_payload()[1].replace_header("Content-Disposition", "inline")
    path = tmp_path / "fwd.eml"
    path.write_bytes(bytes(message))
    article = load_article(path)
    assert texts(article) == [
        "See below, from the union.",
        "Forwarded message",
        "From: Marisol Etxeberria <marisol@example.invalid>\n"
        "Date: Thu, 13 Mar 2025 18:00:00 +0100\nSubject: Ferry strike update",
        "The pilots will return to work on Monday.",
    ]
    assert article.title == "Fwd: Ferry strike update"
    assert article.blocks[1].kind is BlockKind.HEADING
    assert (article.meta.author, article.meta.date) == ("Desk", "2025-03-14")


def test_an_attached_message_is_read_even_without_a_body_of_its_own(tmp_path):
    message = EmailMessage()
    message["Subject"] = "Minutes"
    message["From"] = "Desk <desk@example.invalid>"
    message.make_mixed()
    message.attach(_as_attachment(forwarded("The board met twice.\n", "Board minutes")))
    path = tmp_path / "attached.eml"
    path.write_bytes(bytes(message))
    article = load_article(path)
    assert "Attached message" in texts(article)
    assert "The board met twice." in article.text
    assert "Subject: Board minutes" in article.text


def _as_attachment(inner: EmailMessage) -> EmailMessage:
    part = EmailMessage()
    part.set_content(inner)
    part.add_header("Content-Disposition", "attachment", filename="minutes.eml")
    return part


def test_the_html_of_a_forwarded_message_is_not_taken_for_the_body(tmp_path):
    inner = forwarded("plain")
    inner.add_alternative("<p>The forwarded page text.</p>", subtype="html")
    message = EmailMessage()
    message["Subject"] = "Fwd"
    message["From"] = "Desk <desk@example.invalid>"
    message.set_content("My own short note.\n")
    message.add_attachment(inner)
    path = tmp_path / "fwd-html.eml"
    path.write_bytes(bytes(message))
    article = load_article(path)
    assert article.text.index("My own short note.") < article.text.index("Attached message")
    assert article.text.endswith("The forwarded page text.")


def test_a_saved_page_takes_no_author_or_date_from_the_browser(tmp_path):
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Date"] = "Sat, 7 Dec 2026 10:00:00 -0000"
    message["Subject"] = samples.TITLE
    message["Snapshot-Content-Location"] = "https://courier.example.invalid/harbour"
    message.make_related()
    page = samples.html_page().replace(f'<meta name="date" content="{samples.DATE}">', "")
    page = page.replace(f'<meta name="author" content="{samples.AUTHOR}">', "")
    message.add_related(page, subtype="html")
    path = tmp_path / "page.mhtml"
    path.write_bytes(bytes(message))
    article = load_article(path)
    assert article.title == samples.TITLE
    meta = article.meta.to_dict() if article.meta else {}
    assert "Blink" not in str(meta)
    assert meta.get("date") != "2026-12-07"


def test_a_saved_page_keeps_the_pages_own_author(tmp_path):
    path = samples.write_mhtml(tmp_path / "page.mhtml")
    data = path.read_bytes().replace(b"MIME-Version", b"From: <Saved by Blink>\nMIME-Version", 1)
    path.write_bytes(data)
    assert load_article(path).meta.author == samples.AUTHOR
