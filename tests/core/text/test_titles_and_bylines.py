"""Titles and dates a journalist can trust (issue 23, deliverable 2): a .txt title is its
headline line when it reads as one, never a dateline, byline, caption or code; python-docx's
template time is no article's date. Only the title is decided: the text is the file's,
unchanged."""

from __future__ import annotations

import pytest

from reader.core.text.article import BlockKind
from reader.core.text.loaders import load_article

BODY = (
    "Donald Trump, under fire over his taxes, is casting himself as a champion of the little "
    "guy when it comes to rewriting the tax code, but there is little in his plan that matches "
    "his rhetoric.\n\n"
    "His promises to stick it to the rich notwithstanding, independent analyses agree the top "
    "1 percent would be the biggest beneficiaries of his plans.\n"
)
NAME = "politico_2016-10-04_trump-not-walking-the-walk-on-hi.txt"
FROM_NAME = "Politico 2016 10 04 Trump Not Walking The Walk On Hi"


def write(tmp_path, text: str, name: str = NAME):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    article = load_article(path)
    assert article.text == text  # only the title is decided here
    return article


@pytest.mark.parametrize(
    "headline",
    [
        "Trump not walking the walk on his tax claims.",
        "Can you imagine if Trump were a woman?",
        "Sanders: Clinton needs to 'get away from all of this personality stuff' with Trump.",
        "De Blasio says Chelsea explosion was an 'intentional act.'",
        "31 Latinos share their most honest thoughts on Donald Trump.",
    ],
)
def test_a_sentence_case_headline_line_is_the_title(tmp_path, headline):
    article = write(tmp_path, f"{headline}\n\n{BODY}")
    assert article.title == headline
    assert article.blocks[0].kind is BlockKind.TITLE


@pytest.mark.parametrize(
    "first",
    [
        "LONDON 1996-08-30",  # a dateline
        "By Ana Souza",  # a byline
        "https://www.example.org/2016/10/04/trump-taxes",  # a URL
        "REF-2016/1004-TX",  # a code
        "FILE PHOTO: Donald Trump speaks at a rally in Manheim.",  # a photo caption
        "Slideshow (5 images)",
        "(Adds detail, analyst comment)",  # an editor's note
        "Candidates vie for vets' support;",  # goes on in the next line
        "Miles McBride scored 17 points to go with seven rebounds as No.",  # broken sentence
        "Donald Trump, under fire over his taxes and his plans for the tax code, is casting "
        "himself as a champion of the little guy.",  # a first sentence, too long for a headline
        "the talks went on.",  # no capital: not where a headline starts
    ],
)
def test_a_first_line_that_is_no_headline_leaves_the_file_name_title(tmp_path, first):
    article = write(tmp_path, f"{first}\n\n{BODY}")
    assert article.title == FROM_NAME
    assert article.blocks[0].kind is not BlockKind.TITLE


def test_a_photo_caption_before_its_credit_is_no_title(tmp_path):
    text = (
        "Bob Dylan performs during the Firefly Music Festival in Dover, Delaware, June 17.\n"
        "REUTERS/Mark Makela\n"
        "NEW YORK (Reuters) - Bob Dylan has sold his catalogue of songs, the publisher said.\n"
    )
    assert write(tmp_path, text, name="doc046.txt").title == "Doc046"


def test_reuters_1996_headlines_above_their_datelines_are_titles(tmp_path):
    slug = "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN .\nLONDON 1996-08-30\n"
    sentence = "Canada government cash balances fall in week .\nOTTAWA 1996-08-30\n"
    story = "The world 's costliest footballer Alan Shearer was named as England captain .\n"
    assert write(tmp_path, slug + story, "doc003.txt").title == slug.split("\n")[0]
    assert write(tmp_path, sentence + story, "doc031.txt").title == sentence.split("\n")[0]
    dateline_first = write(tmp_path, "LONDON 1996-08-30\n" + story, "doc999.txt")
    assert dateline_first.title == "Doc999"


def test_a_single_sentence_file_keeps_the_file_name_title(tmp_path):
    assert write(tmp_path, "Talks resume on Monday.\n", "notes.txt").title == "Notes"


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
