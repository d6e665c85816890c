"""Titles and dates a journalist can trust (issue 23, deliverable 2): a .txt title is its
headline line when it reads as one, never a dateline, byline, caption or code; a byline under
the headline of a .txt or .md file gives author and date; python-docx's template time is no
article's date. Only the title and metadata are decided: the text is the file's, unchanged."""

from __future__ import annotations

import pytest

from reader.core.text.article import BlockKind
from reader.core.text.loaders import load_article
from reader.core.text.loaders.metadata import byline_meta, written_date

BODY = (
    "Ferry fares will rise by a third in the spring, the harbour board said on Tuesday, "
    "blaming fuel costs and a fleet that has not been renewed in twenty years.\n\n"
    "Commuters on the island routes said the rise would fall hardest on those who cross "
    "every day for work.\n"
)  # written for this test
NAME = "harbourpost_2019-03-12_ferry-fares-to-rise-by-a-third-in.txt"
FROM_NAME = "Harbourpost 2019 03 12 Ferry Fares To Rise By A Third In"


def write(tmp_path, text: str, name: str = NAME):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    article = load_article(path)
    assert article.text == text  # only the title and metadata are decided here
    return article


@pytest.mark.parametrize(
    "headline",
    [
        "Mayor not keeping her word on the bridge repairs.",
        "Can you imagine a winter without the ferry?",
        "Lindqvist: the council needs to 'stop hiding behind the budget' on housing.",
        "Harbour chief says the spill was an 'avoidable failure.'",
        "12 nurses share their most honest thoughts on the new rota.",
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
        "Mayor Ana Souza, under pressure over the ferry fares and her plans for the harbour, "
        "is casting herself as the riders' champion.",  # a first sentence, too long for a headline
        "the talks went on.",  # no capital: not where a headline starts
    ],
)
def test_a_first_line_that_is_no_headline_leaves_the_file_name_title(tmp_path, first):
    article = write(tmp_path, f"{first}\n\n{BODY}")
    assert article.title == FROM_NAME
    assert article.blocks[0].kind is not BlockKind.TITLE


def test_a_photo_caption_before_its_credit_is_no_title(tmp_path):
    text = (
        "Ines Varga sings at the harbour festival in Split, Croatia, July 2.\n"
        "REUTERS/Tom Ellery\n"
        "ZAGREB (Reuters) - Ines Varga has sold the rights to her songs, her label said.\n"
    )  # written for this test
    assert write(tmp_path, text, name="doc999.txt").title == "Doc999"


def test_reuters_1996_headlines_above_their_datelines_are_titles(tmp_path):
    slug = "TENNIS - LINDQVIST NAMED AS SWEDEN CAPTAIN .\nSTOCKHOLM 1996-08-30\n"
    sentence = "Norway krone reserves rise in week .\nOSLO 1996-08-30\n"
    story = "The country 's top-ranked player Nils Lindqvist was named as Sweden captain .\n"
    assert write(tmp_path, slug + story, "doc003.txt").title == slug.split("\n")[0]
    assert write(tmp_path, sentence + story, "doc031.txt").title == sentence.split("\n")[0]
    dateline_first = write(tmp_path, "STOCKHOLM 1996-08-30\n" + story, "doc999.txt")
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


def test_a_markdown_byline_under_the_headline_gives_author_and_date(tmp_path):
    text = "# Pilots end strike\nBy Ana Souza, 3 March 2024\n\nThe pilots went back to work.\n"
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    assert article.title == "Pilots end strike"
    assert article.meta is not None
    assert (article.meta.author, article.meta.date) == ("Ana Souza", "2024-03-03")
    assert "By Ana Souza, 3 March 2024" in article.text  # the byline stays in the text


def test_a_markdown_byline_on_the_headline_paragraph_second_line(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("Pilots end strike\n*By Ana Souza, March 3, 2024*\n\nThe pilots.\n", "utf-8")
    meta = load_article(path).meta
    assert meta is not None and (meta.author, meta.date) == ("Ana Souza", "2024-03-03")


def test_a_text_byline_gives_author_and_date_and_is_no_title(tmp_path):
    text = "Pilots end strike\n\nBy Ana Souza | Sunday, 3 March 2024\n\n" + BODY
    article = write(tmp_path, text, "story.txt")
    assert article.title == "Pilots end strike"
    assert article.meta is not None
    assert (article.meta.author, article.meta.date) == ("Ana Souza", "2024-03-03")
    only_name = write(tmp_path, "By Ana Souza\n\n" + BODY, "byline.txt")
    assert only_name.title == "Byline"
    assert only_name.meta is not None and only_name.meta.author == "Ana Souza"


@pytest.mark.parametrize(
    "text",
    [
        "Pilots end strike\n\nBy Tuesday, the unions had agreed to the offer.\n\n" + BODY,
        "Pilots end strike\n\nBy the end of the year prices rose.\n\n" + BODY,
        "Pilots end strike\n\nBy Ana Souza, Reuters staff and others\n\n" + BODY,
        "Pilots end strike\n\nOne.\n\nTwo.\n\nThree.\n\nBy Ana Souza, 3 March 2024\n",
    ],
)
def test_lines_that_are_not_clearly_a_byline_near_the_top_give_no_metadata(tmp_path, text):
    assert write(tmp_path, text, "story.txt").meta is None


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("3 March 2024", "2024-03-03"),
        ("March 3, 2024", "2024-03-03"),
        ("Mar. 3, 2024", "2024-03-03"),
        ("Sept. 12, 2016", "2016-09-12"),
        ("Sunday, 3 March 2024", "2024-03-03"),
        ("2024-03-03", "2024-03-03"),
        ("31 February 2024", None),
        ("03/04/2024", None),  # day and month order unknown
    ],
)
def test_byline_dates_are_read_to_iso(written, iso):
    assert written_date(written) == iso


def test_a_byline_of_two_names_and_a_may_name():
    meta = byline_meta("By May Chen and João da Silva, 3 March 2024")
    assert meta is not None and meta.author == "May Chen and João da Silva"
    assert byline_meta("By March 3, 2024") is None
