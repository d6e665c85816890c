from reader.core.analysis.entities import mentions_from_doc
from reader.core.model import Kind
from tests.core.analysis.entities.entity_docs import found, labelled

ARTICLE = (
    "Harbour workers walk out\n"
    "Dockers gather at the gate in Valletta, Malta, March 3, 2031. REUTERS/Ilse Vandermeer/File "
    "Photo\n"
    "Cranes stood idle on Monday.\n"
    "Tomasz Brzeg/Pool via REUTERS\n"
    "(Reporting by Ana Quiroga and Bo Lindqvist in Valletta; Editing by Petra Holm)\n"
)


def test_photo_credits_name_the_agency_the_pool_and_the_photographer():
    # The model runs the credit into one organization, as it does on wire copy.
    doc = labelled(
        ARTICLE, ("REUTERS/Ilse Vandermeer/File", "ORG"), ("Tomasz Brzeg/Pool", "PERSON")
    )
    mentions = mentions_from_doc(doc)
    assert ("REUTERS", "ORG") in found(mentions)
    assert ("Ilse Vandermeer", "PERSON") in found(mentions)
    assert ("Tomasz Brzeg", "PERSON") in found(mentions)
    assert ("Pool", "ORG") in found(mentions)
    assert not any("/" in m.text or m.text == "File" for m in mentions)
    (photographer,) = [m for m in mentions if m.text == "Ilse Vandermeer"]
    assert (photographer.key, photographer.name) == ("person:ilse-vandermeer", "Ilse Vandermeer")


def test_reporting_and_editing_lines_name_each_person():
    doc = labelled(ARTICLE, ("Ana Quiroga and Bo Lindqvist", "ORG"), ("Petra Holm", "ORG"))
    credit_line = ARTICLE.index("(Reporting")
    persons = [
        m.text for m in mentions_from_doc(doc) if m.kind is Kind.PERSON and m.start > credit_line
    ]
    assert persons == ["Ana Quiroga", "Bo Lindqvist", "Petra Holm"]


def test_a_credit_without_a_semicolon_is_cut_at_the_next_verb():
    doc = labelled("Talks went on.\n(Reporting by Ana Quiroga Editing by Petra Holm)\n")
    assert found(mentions_from_doc(doc)) == [("Ana Quiroga", "PERSON"), ("Petra Holm", "PERSON")]


def test_a_bracketed_byline_names_its_author():
    doc = labelled("Shares fell.\n(By Lena Ostrova)\n", ("Lena Ostrova", "ORG"))
    assert found(mentions_from_doc(doc)) == [("Lena Ostrova", "PERSON")]


def test_an_indented_byline_names_its_author():
    text = "Ferries Return\n\n    By Lena Ostrova\n\n    Ferries sailed again on Monday.\n"
    doc = labelled(text, ("Lena Ostrova", "ORG"))
    assert found(mentions_from_doc(doc)) == [("Lena Ostrova", "PERSON")]


def test_a_slash_between_names_in_prose_is_no_credit():
    doc = labelled("The EU/NATO summit and the Paris/Berlin axis held.")
    assert mentions_from_doc(doc) == ()


def test_a_labelled_picture_credit_names_the_photographer_and_the_agency():
    doc = labelled(
        "Crowds filled the square on Sunday.\n\nPhoto: Lena Marsh/Getty Images\n\nThe march "
        "ended at noon.",
        ("Lena Marsh/Getty Images", "ORG"),
    )
    assert [(m.text, str(m.kind), m.key) for m in mentions_from_doc(doc)] == [
        ("Lena Marsh", "PERSON", "person:lena-marsh"),
        ("Getty Images", "ORG", "org:getty-images"),
    ]


def test_a_platform_credited_for_a_picture_names_nothing():
    doc = labelled(
        "“We stayed all night,” said Ana Ruiz.\n\nGetty/Instagram.\n\nMarchers sang on the "
        "steps. (Instagram)\n\nInstagram removed none of the posts.",
        ("Ana Ruiz", "PERSON"),
        ("Getty/Instagram", "ORG"),
        ("Instagram", "ORG"),
        ("Instagram", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Ana Ruiz", "PERSON"),
        ("Getty", "ORG"),
        ("Instagram", "ORG"),
    ]


def test_names_joined_by_a_slash_on_a_line_of_their_own_are_no_credit_without_a_source():
    doc = labelled(
        "Radio Free Europe/Radio Liberty\n\nThe broadcaster cut two services.",
        ("Radio Free Europe/Radio Liberty", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == [("Radio Free Europe/Radio Liberty", "ORG")]


def test_an_editor_credited_last_leaves_the_full_stop_out_of_the_name():
    doc = labelled("Rates held steady.\n(Reporting by Ana Ruiz; Editing by Will Dunham.)")
    assert [(m.text, m.key) for m in mentions_from_doc(doc)] == [
        ("Ana Ruiz", "person:ana-ruiz"),
        ("Will Dunham", "person:will-dunham"),
    ]
