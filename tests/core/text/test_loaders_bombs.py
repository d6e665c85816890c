"""Containers bounded by the bytes they produce (issue 26): ZIP members of Word files and
e-books, and the parts of e-mails and saved pages, refused with one line naming the file and
the bound, before or while they are unpacked, never after."""

from __future__ import annotations

import base64
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from reader.core.errors import ArticleError
from reader.core.text.loaders import load_article, mail, zip_members
from tests.core.text import format_samples as samples

_MB = 1024 * 1024


def _refusal(path: Path) -> tuple[str, int]:
    """The message of the load's ArticleError and the peak of Python's memory during it."""
    tracemalloc.start()
    try:
        with pytest.raises(ArticleError) as caught:
            load_article(path)
        return str(caught.value), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _write_zeros(archive: zipfile.ZipFile, name: str, megabytes: int) -> None:
    with archive.open(name, "w", force_zip64=True) as member:
        for _ in range(megabytes):
            member.write(b" " * _MB)


def _epub_with(path: Path, chapters: dict[str, int], spine: list[str]) -> Path:
    """The sample e-book plus chapters of that many MB of spaces, read in `spine` order."""
    samples.write_epub(path)
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    manifest = "".join(
        f'<item id="b{i}" href="{name}" media-type="application/xhtml+xml"/>'
        for i, name in enumerate(chapters)
    )
    ids = {name: f"b{i}" for i, name in enumerate(chapters)}
    itemrefs = "".join(f'<itemref idref="{ids[name]}"/>' for name in spine)
    package = members["OEBPS/content.opf"].decode()
    package = package.replace("<manifest>", f"<manifest>{manifest}")
    package = package.replace("</spine>", f"{itemrefs}</spine>")
    members["OEBPS/content.opf"] = package.encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, megabytes in chapters.items():
            _write_zeros(archive, f"OEBPS/{name}", megabytes)
    return path


def test_an_epub_unpacking_to_240_mb_is_refused_from_its_directory(tmp_path):
    path = _epub_with(tmp_path / "bomb.epub", {"big.xhtml": 240}, ["big.xhtml"])
    assert path.stat().st_size < 2 * _MB

    message, peak = _refusal(path)

    assert message.startswith("bomb.epub is refused: it would unpack to 240 MB, past 160 MB")
    assert "(8 times the 20 MB file limit)" in message
    assert "\n" not in message
    assert peak < 10 * _MB  # nothing unpacked


def test_an_epub_whose_chapters_pass_the_parts_bound_is_refused_before_any_is_parsed(tmp_path):
    # One 1 MB chapter named 100 times by the spine: 100 MB to read, 1 MB in the directory.
    path = _epub_with(tmp_path / "loop.epub", {"one.xhtml": 1}, ["one.xhtml"] * 100)

    message, peak = _refusal(path)

    assert message == (
        "loop.epub is refused: the parts Reader reads unpack past 80 MB (4 times the 20 MB "
        "file limit); it may be a decompression bomb."
    )
    assert peak < 10 * _MB


def test_a_docx_holding_a_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        _write_zeros(archive, "word/document.xml", 100)
    assert path.stat().st_size < 2 * _MB

    message, peak = _refusal(path)

    assert message.startswith("bomb.docx is refused: the parts Reader reads unpack past 80 MB")
    assert peak < 10 * _MB


def test_a_docx_over_the_directory_bound_is_refused(tmp_path):
    path = tmp_path / "huge.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        _write_zeros(archive, "word/media/picture.bmp", 300)
    message, _ = _refusal(path)
    assert message.startswith("huge.docx is refused: it would unpack to 300 MB, past 160 MB")


def _lie_about_size(data: bytes, name: bytes, stated: int) -> bytes:
    """The ZIP with `name`'s uncompressed size in the central directory replaced."""
    data = bytearray(data)
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + length] == name:
            struct.pack_into("<I", data, start + 24, stated)
        start += 4
    return bytes(data)


def test_a_zip_member_lying_about_its_size_produces_no_more_than_it_states(tmp_path):
    source = tmp_path / "source.docx"
    with zipfile.ZipFile(source, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (50 * _MB))
    path = tmp_path / "liar.docx"
    path.write_bytes(_lie_about_size(source.read_bytes(), b"word/document.xml", 4096))

    message, peak = _refusal(path)

    assert message == "liar.docx is damaged: its part word/document.xml cannot be read."
    assert peak < 10 * _MB  # stopped at the 4 KB it states, not the 50 MB it holds


def test_reading_stops_once_the_parts_bound_is_passed(tmp_path, monkeypatch):
    monkeypatch.setattr(zip_members, "PARTS_BOUND", 3 * _MB)
    path = tmp_path / "two.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _write_zeros(archive, "a.xml", 2)
        _write_zeros(archive, "b.xml", 2)
    with zip_members.DocumentArchive(path) as archive:
        assert len(zip_members.read_member(path, archive, "a.xml")) == 2 * _MB
        with pytest.raises(ArticleError, match="unpack past 3 MB"):
            zip_members.read_member(path, archive, "b.xml")
        assert archive.produced == 2 * _MB  # b.xml refused by its stated size, unread


def _mail_with_base64_part(megabytes: int) -> bytes:
    page = b"<p>" + b"The talks went on. " * (megabytes * _MB // 19) + b"</p>"
    return (
        b"From: desk@example.org\nSubject: Talks\nMIME-Version: 1.0\n"
        b"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(page)
    )


def test_a_huge_base64_mail_part_is_refused_before_it_is_decoded():
    # 22 MB of page, 30 MB encoded: more than a file may hold, as in a Word file's saved page.
    data = _mail_with_base64_part(22)
    with pytest.raises(ArticleError) as caught:
        mail.load_mail(Path("big.eml"), data)
    assert str(caught.value) == (
        "big.eml is refused: its text/html part would decode to 22 MB, past 20 MB (the file limit)."
    )


def test_a_large_base64_mail_part_under_the_bound_is_read(tmp_path):
    path = tmp_path / "long.eml"
    path.write_bytes(_mail_with_base64_part(3))
    article = load_article(path)
    assert article.title == "Talks"
    assert article.text.count("The talks went on.") > 100_000
