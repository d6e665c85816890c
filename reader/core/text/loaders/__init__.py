"""Reading article files into Articles: one module per format, one Article for all.

Formats: plain text, Markdown, HTML, Word (.docx), PDF, EPUB, OpenDocument text (.odt), RTF,
e-mail (.eml) and saved pages (.mhtml/.mht); pictures (PNG, JPEG, TIFF, WebP) and the scanned
pages of PDFs are read with OCR. A file's content decides over
its name where the content is unmistakable (a PDF or an Office/e-book archive renamed .txt is
still read as what it is), and a file named as a PDF, Word, EPUB, ODT, RTF or picture file that
holds text is read as text; the article's notices then say so (misnamed). Nothing in a file is
executed or fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article
from reader.core.text.loaders.images import IMAGE_SUFFIXES
from reader.core.text.sources import MAX_FILE_BYTES, read_source

__all__ = [
    "IMAGE_SUFFIXES",
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "ArticleError",
    "load_article",
]

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".epub", ".odt", ".rtf")
MAIL_SUFFIXES = (".eml", ".mhtml", ".mht")
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + DOCUMENT_SUFFIXES + MAIL_SUFFIXES
)
# Pictures (read with OCR) are kept apart in IMAGE_SUFFIXES; a folder's articles are both
# (reader.core.store.folder_files.ARTICLE_SUFFIXES).

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Word, Excel and PowerPoint keep a password-protected .docx/.xlsx/.pptx in an OLE container
# whose stream is named EncryptedPackage.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# Signatures of binary formats Reader does not read, so a renamed file gets a precise message.
_BINARY_SIGNATURES = {
    b"GIF8": "{name} is a GIF image, not a text article.",
    b"\x7fELF": "{name} is a program, not a text article.",
    _OLE_SIGNATURE: (
        "{name} is an old Microsoft Office file (.doc, .xls, .ppt or .msg); "
        "save it as .docx or PDF to open it."
    ),
}
_PDF_SIGNATURE = b"%PDF"
_ZIP_SIGNATURE = b"PK\x03\x04"
_RTF_SIGNATURE = b"{\\rtf"
_ARCHIVE_SUFFIXES = (".docx", ".epub", ".odt")

Loader = Callable[[Path, bytes], Article]


def load_article(path: str | Path) -> Article:
    """Read a file into an Article, or raise ArticleError saying why it cannot be read.

    The Article's offsets are characters into its `text`; for .txt files that is the decoded
    file with line endings normalized to "\\n", for other formats the blocks' text, one per line.
    """
    path = Path(path)
    data = read_source(path, MAX_FILE_BYTES)
    return _loader(path, data)(path, data)


def _loader(path: Path, data: bytes) -> Loader:
    """The loader for a file: by an unmistakable signature first, else by its suffix. Where
    the two disagree, or a binary format's name holds text, the article says so (misnamed)."""
    from reader.core.text.loaders import html, images, markdown, misnamed, text

    suffix = path.suffix.lower()
    promised = misnamed.named_format(path, images.IMAGE_SUFFIXES)
    if data.startswith(_PDF_SIGNATURE):
        return misnamed.read_as_found(_pdf_loader(), "a PDF", promised, "read as a PDF")
    if data.startswith(_OLE_SIGNATURE) and _ENCRYPTED_PACKAGE in data:
        raise ArticleError(
            f"{path.name} is encrypted with a password; open it in Word and save an "
            "unprotected copy first."
        )
    if data.startswith(_ZIP_SIGNATURE):
        if suffix in _ARCHIVE_SUFFIXES:
            promised = None  # which of the three it is, the archive itself says
        found = "a Word, OpenDocument or EPUB file"
        return misnamed.read_as_found(_archive_loader(), found, promised, "read as one")
    if data.lstrip().startswith(_RTF_SIGNATURE):
        return misnamed.read_as_found(_rtf_loader(), "an RTF file", promised, "read as RTF")
    if kind := images.picture_kind(data):
        if suffix in images.IMAGE_SUFFIXES:
            promised = None  # a .jpg that is a PNG is a picture all the same
        found = f"a {kind} image"
        return misnamed.read_as_found(images.load_picture, found, promised, "read with OCR")
    for signature, message in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ArticleError(message.format(name=path.name))
    if suffix in _NAMED_BINARY:  # no signature of the format named: text, or its loader says
        assert promised is not None
        instead = misnamed.text_instead(path, data, promised, text.load_text, html.load_html)
        return instead or _NAMED_BINARY[suffix]()
    if suffix in MAIL_SUFFIXES:
        from reader.core.text.loaders.mail import load_mail

        return load_mail
    if suffix in HTML_SUFFIXES:
        return html.load_html
    if suffix in MARKDOWN_SUFFIXES:
        return markdown.load_markdown
    return text.load_text


def _pdf_loader() -> Loader:
    from reader.core.text.loaders.pdf import load_pdf

    return load_pdf


def _archive_loader() -> Loader:
    from reader.core.text.loaders.archives import load_archive

    return load_archive


def _rtf_loader() -> Loader:
    from reader.core.text.loaders.rtf import load_rtf

    return load_rtf


def _picture_loader() -> Loader:
    from reader.core.text.loaders.images import load_picture

    return load_picture


# Binary formats by suffix, each with its loader.
_NAMED_BINARY: dict[str, Callable[[], Loader]] = {
    ".pdf": _pdf_loader,
    ".rtf": _rtf_loader,
    **dict.fromkeys(_ARCHIVE_SUFFIXES, _archive_loader),
    **dict.fromkeys(IMAGE_SUFFIXES, _picture_loader),
}
