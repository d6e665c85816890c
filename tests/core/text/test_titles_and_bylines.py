"""Titles and dates a journalist can trust (issue 23, deliverable 2): python-docx's template
time is no article's date."""

from __future__ import annotations

from reader.core.text.loaders import load_article


def test_a_docx_from_python_docx_template_has_no_template_date_or_author(tmp_path):
    import docx

    untouched = docx.Document()  # core properties: python-docx, 2013-12-23T23:15:00Z
    untouched.add_paragraph("Lavrov said the talks would go on.")
    untouched.save(tmp_path / "untouched.docx")
    assert load_article(tmp_path / "untouched.docx").meta is None

    authored = docx.Document()  # only the author set: the template's time stays in the file
    authored.core_properties.author = "Ingrid Solberg"
    authored.add_paragraph("Lavrov said the talks would go on.")
    authored.save(tmp_path / "authored.docx")
    meta = load_article(tmp_path / "authored.docx").meta
    assert meta is not None and meta.author == "Ingrid Solberg"
    assert meta.date is None


def test_a_docx_with_its_own_creation_date_keeps_it(tmp_path):
    import datetime

    import docx

    document = docx.Document()
    document.core_properties.created = datetime.datetime(2024, 3, 3, 9, 30)
    document.add_paragraph("Lavrov said the talks would go on.")
    document.save(tmp_path / "dated.docx")
    meta = load_article(tmp_path / "dated.docx").meta
    assert meta is not None and meta.date == "2024-03-03"
    assert meta.author is None  # "python-docx" is the template's, not an author
