"""ZIP-based documents: Word (.docx), OpenDocument text (.odt) and e-books (.epub).

Which one a ZIP holds is read from the archive itself (an EPUB or ODT names its type in the
`mimetype` member; a Word file has `word/document.xml`), so a misnamed file still opens.
Members are read under the bounds of zip_members, so a ZIP bomb cannot take the machine's memory.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article
from reader.core.text.loaders.zip_members import DocumentArchive, check_directory, read_member

_ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
_EPUB_MIMETYPE = "application/epub+zip"


def load_archive(path: Path, data: bytes) -> Article:
    """A .docx, .odt or .epub article; ArticleError when the archive is none of these."""
    try:
        archive = DocumentArchive(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise ArticleError(
            f"{path.name} is damaged or not {_expected(path)} file (it is not a valid ZIP archive)."
        ) from error
    with archive:
        check_directory(path, archive)
        mimetype = read_member(path, archive, "mimetype").decode("ascii", "replace").strip()
        if "mimetype" not in names:
            mimetype = ""
        if mimetype == _EPUB_MIMETYPE or "META-INF/container.xml" in names:
            from reader.core.text.loaders.epub import load_epub

            return load_epub(path, archive)
        if mimetype == _ODT_MIMETYPE or ("content.xml" in names and not mimetype):
            from reader.core.text.loaders.odt import load_odt

            return load_odt(path, archive)
        if "word/document.xml" in names:
            from reader.core.text.loaders.docx import load_docx

            return load_docx(path, archive)
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        raise ArticleError(
            f"{path.name} is an OpenDocument file but not a text document; "
            "Reader reads .odt text documents."
        )
    raise ArticleError(
        f"{path.name} is a ZIP archive, not a Word (.docx), OpenDocument (.odt) or EPUB file."
    )


def _expected(path: Path) -> str:
    return {".docx": "a Word", ".odt": "an OpenDocument", ".epub": "an EPUB"}.get(
        path.suffix.lower(), "a Word, OpenDocument or EPUB"
    )
