"""Word files as real ones come: notes, text boxes, tracked changes, Strict Open XML, and no
metadata that Word or python-docx made up. The packages are written here, part by part."""

from __future__ import annotations

import html
import zipfile
from pathlib import Path

import pytest

from reader.core.text.article import BlockKind
from reader.core.text.loaders import ArticleError, load_article

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def paragraph(text: str, style: str | None = None) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}<w:r><w:t xml:space='preserve'>{html.escape(text)}</w:t></w:r></w:p>"


def core_xml(title: str = "", creator: str = "", created: str = "") -> str:
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        f"<dcterms:created>{created}</dcterms:created></cp:coreProperties>"
    )


def write_word(
    path: Path,
    body: str,
    *,
    footnotes: dict[str, str] | None = None,
    endnotes: dict[str, str] | None = None,
    settings: str = "",
    core: str | None = None,
    strict: bool = False,
) -> Path:
    """A .docx whose body is `body` (WordprocessingML with the w: prefix), notes by id."""
    w, rels = (W_STRICT, RELS_STRICT) if strict else (W, RELS)
    root = f'xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    related = []
    files = {
        "word/document.xml": f"<w:document {root}><w:body>{body}</w:body></w:document>",
        "word/styles.xml": (
            f'<w:styles {root}><w:style w:styleId="Heading1"><w:name w:val="heading 1"/>'
            '</w:style><w:style w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>'
        ),
    }
    related.append(("styles", "styles.xml"))
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        if notes is None:
            continue
        separator = f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        items = "".join(
            f'<w:{kind} w:id="{note_id}"><w:p><w:r><w:{kind}Ref/></w:r>'
            f"<w:r><w:t xml:space='preserve'> {html.escape(text)}</w:t></w:r></w:p></w:{kind}>"
            for note_id, text in notes.items()
        )
        files[f"word/{kind}s.xml"] = f"<w:{kind}s {root}>{separator}</w:{kind}>{items}</w:{kind}s>"
        related.append((f"{kind}s", f"{kind}s.xml"))
    if settings:
        files["word/settings.xml"] = f"<w:settings {root}>{settings}</w:settings>"
        related.append(("settings", "settings.xml"))
    package_rels = [(f"{rels}/officeDocument", "word/document.xml")]
    if core is not None:
        files["docProps/core.xml"] = core
        package_rels.append((CORE_REL, "docProps/core.xml"))
    files["_rels/.rels"] = _relationships(package_rels)
    files["word/_rels/document.xml.rels"] = _relationships(
        [(f"{rels}/{kind}", target) for kind, target in related]
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, content in files.items():
            archive.writestr(name, content)
    return path


def _relationships(relations: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="rId{number}" Type="{kind}" Target="{target}"/>'
        for number, (kind, target) in enumerate(relations, 1)
    )
    return f'<Relationships xmlns="{PACKAGE_RELS}">{items}</Relationships>'


def texts(article) -> list[str]:
    return [article.block_text(block) for block in article.blocks]


def test_footnotes_and_endnotes_follow_the_text_marked_as_in_it(tmp_path):
    body = (
        paragraph("Pilots end strike", "Title")
        + "<w:p><w:r><w:t>The union agreed on Friday.</w:t></w:r>"
        '<w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:t xml:space="preserve"> '
        'Talks resume in April.</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>'
        + '<w:p><w:r><w:t>Ferries wait.</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p>'
    )
    path = write_word(
        tmp_path / "notes.docx",
        body,
        footnotes={"3": "Second footnote.", "7": "Ministry figures."},
        endnotes={"2": "Reporting by Ingrid Solberg."},
    )
    article = load_article(path)
    assert texts(article) == [
        "Pilots end strike",
        "The union agreed on Friday. [1] Talks resume in April. [i]",
        "Ferries wait. [2]",
        "Notes",
        "[1] Ministry figures.",
        "[2] Second footnote.",
        "[i] Reporting by Ingrid Solberg.",
    ]
    assert article.blocks[3].kind is BlockKind.HEADING
    assert "separator" not in article.text


def test_note_numbering_follows_the_documents_settings(tmp_path):
    body = '<w:p><w:r><w:t>Claim.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    settings = '<w:footnotePr><w:numFmt w:val="upperRoman"/><w:numStart w:val="4"/></w:footnotePr>'
    path = write_word(tmp_path / "n.docx", body, footnotes={"1": "Source."}, settings=settings)
    assert texts(load_article(path))[-2:] == ["Notes", "[IV] Source."]


def test_text_in_a_text_box_is_read_once(tmp_path):
    box = (
        "<w:txbxContent><w:p><w:r><w:t>Inside the box, the minister spoke.</w:t></w:r></w:p>"
        "</w:txbxContent>"
    )
    body = (
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx "
        f"xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>{box}"
        "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox "
        f"xmlns:v='urn:schemas-microsoft-com:vml'>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    article = load_article(write_word(tmp_path / "box.docx", body))
    assert texts(article) == ["Inside the box, the minister spoke."]


def test_strict_open_xml_is_read(tmp_path):
    body = paragraph("Strict headline", "Heading1") + paragraph("Body text of a strict file.")
    article = load_article(write_word(tmp_path / "strict.docx", body, strict=True))
    assert texts(article) == ["Strict headline", "Body text of a strict file."]
    assert article.title == "Strict headline"


def test_tracked_deletions_hidden_runs_and_field_codes_are_not_shown(tmp_path):
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>The mayor </w:t></w:r>"
        "<w:del w:id='1'><w:r><w:delText>never </w:delText></w:r></w:del>"
        "<w:ins w:id='2'><w:r><w:t xml:space='preserve'>finally </w:t></w:r></w:ins>"
        "<w:moveFrom w:id='3'><w:r><w:t>moved away </w:t></w:r></w:moveFrom>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        '<w:r><w:instrText> HYPERLINK "http://x.invalid" </w:instrText></w:r>'
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>agreed</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r><w:r><w:t>.</w:t></w:r></w:p>"
    )
    article = load_article(write_word(tmp_path / "tracked.docx", body))
    assert article.text == "The mayor finally agreed."


def test_content_controls_and_tables_keep_their_text(tmp_path):
    body = (
        "<w:sdt><w:sdtContent>" + paragraph("Inside a content control.") + "</w:sdtContent></w:sdt>"
        "<w:tbl><w:tr><w:tc>" + paragraph("Party") + "</w:tc><w:tc>" + paragraph("Votes")
        + "</w:tc></w:tr></w:tbl>"
    )  # fmt: skip
    article = load_article(write_word(tmp_path / "sdt.docx", body))
    assert texts(article) == ["Inside a content control.", "Party | Votes"]


def test_a_docx_without_core_properties_has_no_title_or_date_made_up(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Harbour pilots end their strike")
    document.add_paragraph("The union agreed to the offer on Friday night.")
    document.save(tmp_path / "saved.docx")
    path = tmp_path / "bare.docx"
    with zipfile.ZipFile(tmp_path / "saved.docx") as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/core.xml":
                continue
            if item.filename == "_rels/.rels":
                data = data.replace(b"metadata/core-properties", b"metadata/unused")
            out.writestr(item, data)
    article = load_article(path)
    assert article.title == "Harbour pilots end their strike"  # the headline line
    assert article.meta is None


@pytest.mark.parametrize(
    ("title", "creator", "created"),
    [
        ("Microsoft Word - memo.doc", "Administrator", "0000-01-01T00:00:00Z"),
        ("Word Document", "(anonymous)", "2999-01-01T00:00:00Z"),
        ("Untitled", "Microsoft Office User", "1601-01-01T00:00:00Z"),
    ],
)
def test_placeholder_properties_are_not_the_articles(tmp_path, title, creator, created):
    body = paragraph("Ferry times change in May") + paragraph("The ferry leaves an hour later.")
    path = write_word(tmp_path / "p.docx", body, core=core_xml(title, creator, created))
    article = load_article(path)
    assert article.title == "Ferry times change in May"
    assert article.meta is None


def test_stated_properties_are_kept(tmp_path):
    core = core_xml("Ferry times change", "Ingrid Solberg", "2025-03-14T09:00:00Z")
    path = write_word(tmp_path / "s.docx", paragraph("The ferry leaves later."), core=core)
    article = load_article(path)
    assert article.title == "Ferry times change"
    assert (article.meta.author, article.meta.date) == ("Ingrid Solberg", "2025-03-14")


def test_a_docx_of_pictures_only_says_so(tmp_path):
    body = "<w:p><w:r><w:drawing/></w:r></w:p>"
    with pytest.raises(ArticleError, match="only pictures, charts or embedded objects"):
        load_article(write_word(tmp_path / "pics.docx", body))


def test_a_paragraph_without_a_known_style_is_a_paragraph(tmp_path):
    body = paragraph("Plain words in an unknown style.", "NoSuchStyle")
    assert load_article(write_word(tmp_path / "u.docx", body)).text == (
        "Plain words in an unknown style."
    )


def test_a_password_protected_docx_says_so(tmp_path):
    path = tmp_path / "locked.docx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    path.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + bytes(64))
    with pytest.raises(ArticleError, match="encrypted with a password"):
        load_article(path)


def test_an_old_word_file_named_docx_is_named(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(ArticleError, match="old Microsoft Office file"):
        load_article(path)
