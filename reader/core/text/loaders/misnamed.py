"""Files whose name says one format and whose bytes another (issue: a "PDF" that is text).

A file's content decides over its name where the content is unmistakable (a signature: a PDF,
a ZIP document, RTF, a picture); the article's notices then say so once ("notes.txt is a PDF,
not plain text; read as a PDF."). A file named as a binary document (.pdf, .docx, .epub,
.odt, .rtf, a picture) whose bytes carry no signature of that format but decode as text is
read as text, or as a web page when it is HTML (a download that saved the site's error page
under the document's name), with a notice saying so; bytes that do not decode cleanly go to
the named format's loader, which says what is wrong with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article
from reader.core.text.decoding import decode_text

Loader = Callable[[Path, bytes], Article]

# What a known suffix promises, as the notices name it.
_SUFFIX_FORMATS = {
    ".txt": "plain text",
    ".text": "plain text",
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".html": "a web page",
    ".htm": "a web page",
    ".xhtml": "a web page",
    ".docx": "a Word file",
    ".pdf": "a PDF",
    ".epub": "an EPUB e-book",
    ".odt": "an OpenDocument file",
    ".rtf": "an RTF file",
    ".eml": "an e-mail",
    ".mhtml": "a saved web page",
    ".mht": "a saved web page",
}
_IMAGE = "an image"
# A PDF whose header is damaged still shows its object syntax: it is no text file.
_PDF_SYNTAX = re.compile(rb"\d+\s+\d+\s+obj\b|\bendobj\b|\bstartxref\b")
_SYNTAX_BYTES = 64 * 1024
# U+FFFD a text may hold and still count as decoded cleanly (a file cut in a character).
_MAX_BROKEN = 2
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_SAMPLE = 4096


def named_format(path: Path, image_suffixes: tuple[str, ...]) -> str | None:
    """What the file's suffix promises ("a PDF", "plain text"), None for a suffix Reader does
    not know (no notice is due: the name promised nothing)."""
    suffix = path.suffix.lower()
    return _IMAGE if suffix in image_suffixes else _SUFFIX_FORMATS.get(suffix)


def read_as_found(loader: Loader, found: str, promised: str | None, how: str) -> Loader:
    """`loader`, whose articles say first that the file is `found` ("a PDF"), not the
    `promised` format, when the name promised another; `how` ends the notice ("read as a
    PDF")."""
    if promised is None or promised == found:
        return loader

    def noted(path: Path, data: bytes) -> Article:
        article = loader(path, data)
        notice = f"{path.name} is {found}, not {promised}; {how}."
        return replace(article, notices=(notice, *article.notices))  # what it is, first

    return noted


def text_instead(
    path: Path, data: bytes, promised: str, text_loader: Loader, html_loader: Loader
) -> Loader | None:
    """For a file named as `promised` (a binary format) whose bytes have no signature of it:
    a loader reading it as text (`text_loader`) or, when it is HTML, as a web page
    (`html_loader`), whose article says so; None when the bytes are no clean text (nor
    whitespace only: the text loader then says so)."""
    if promised == "a PDF" and _PDF_SYNTAX.search(data[:_SYNTAX_BYTES]):
        return None
    try:
        text = decode_text(data, path)
    except ArticleError:
        return None
    if text.count("\ufffd") > _MAX_BROKEN:
        return None
    if not text.strip():
        return text_loader  # "… contains only whitespace"
    if _HTML_START.match(text[:_HTML_SAMPLE]):
        return read_as_found(html_loader, "a web page (HTML)", promised, "read as a web page")
    return read_as_found(text_loader, "plain text", promised, "read as text")
