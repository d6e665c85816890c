"""Names that are names (issue 21): a headline line and a surname's odd mention never decide a
name, a key or a kind that the rest of the article contradicts. Hand-labelled Docs, no model:
the labels are what the small model gave on such lines of 2016 election coverage."""

from reader.core.analysis.entities import mentions_from_doc
from reader.core.model import Kind, Mention
from tests.core.analysis.entities.entity_docs import labelled


def named(mentions: tuple[Mention, ...]) -> list[tuple[str, int, str, str, str]]:
    """(text, start, kind, key, name) of each mention, in text order."""
    return [(m.text, m.start, str(m.kind), m.key, m.name) for m in mentions]


def test_a_headline_verb_before_a_name_the_body_uses_is_cut_off():
    text = (
        "Lawmakers Rip Donald Trump As A Fraud.\n"
        "Lawmakers said Donald Trump had lied. Trump did not answer."
    )
    doc = labelled(
        text,
        ("Rip Donald Trump", "PERSON"),
        ("Donald Trump", "PERSON"),
        ("Trump", "PERSON"),
    )
    assert named(mentions_from_doc(doc)) == [
        ("Donald Trump", 14, "PERSON", "person:donald-trump", "Donald Trump"),
        ("Donald Trump", 54, "PERSON", "person:donald-trump", "Donald Trump"),
        ("Trump", 77, "PERSON", "person:donald-trump", "Donald Trump"),
    ]


def test_a_headline_verb_after_a_surname_never_names_the_person():
    # "Obama Says" was the display name and key of every "Obama" of the article.
    text = (
        "Obama Says New Museum Will Tell of Suffering.\n"
        "President Obama opened the museum. Mr. Obama says it tells of suffering."
    )
    doc = labelled(text, ("Obama Says", "PERSON"), ("Obama", "PERSON"), ("Obama", "PERSON"))
    mentions = mentions_from_doc(doc)
    assert [(m.text, m.start) for m in mentions] == [("Obama", 0), ("Obama", 56), ("Obama", 85)]
    assert {(m.key, m.name) for m in mentions} == {("person:obama", "Obama")}


def test_two_names_glued_by_a_headline_verb_are_two_people():
    text = (
        "Rosa Delgado Slams Ivan Petrov Over Port Deal.\n"
        "Rosa Delgado criticised Ivan Petrov on Monday. Petrov said nothing."
    )
    doc = labelled(
        text,
        ("Rosa Delgado Slams Ivan Petrov", "PERSON"),
        ("Rosa Delgado", "PERSON"),
        ("Ivan Petrov", "PERSON"),
        ("Petrov", "PERSON"),
    )
    assert [(m.text, m.start, m.key) for m in mentions_from_doc(doc)] == [
        ("Rosa Delgado", 0, "person:rosa-delgado"),
        ("Ivan Petrov", 19, "person:ivan-petrov"),
        ("Rosa Delgado", 47, "person:rosa-delgado"),
        ("Ivan Petrov", 71, "person:ivan-petrov"),
        ("Petrov", 94, "person:ivan-petrov"),
    ]


def test_a_headline_name_is_cut_where_the_body_names_two_kinds():
    text = (
        "Harbor Gazette Okafor Story Draws Fire.\n"
        "The Harbor Gazette printed it. Okafor said the story was false."
    )
    doc = labelled(
        text,
        ("Harbor Gazette Okafor", "ORG"),
        ("Harbor Gazette", "ORG"),
        ("Okafor", "PERSON"),
    )
    assert named(mentions_from_doc(doc))[:2] == [
        ("Harbor Gazette", 0, "ORG", "org:harbor-gazette", "Harbor Gazette"),
        ("Okafor", 15, "PERSON", "person:okafor", "Okafor"),
    ]


def test_a_line_of_names_is_no_headline():
    # A wire line-up: names and commas, wrapped; none of its names is cut to a body word.
    text = (
        "Leading scores :\nAda Vance , Tom Lyle , Mike Hulbert ,\nRosa Delgado , Ivan Petrov\n"
        "Vance won ."
    )
    doc = labelled(
        text,
        ("Ada Vance", "PERSON"),
        ("Tom Lyle", "PERSON"),
        ("Mike Hulbert", "PERSON"),
        ("Rosa Delgado", "PERSON"),
        ("Ivan Petrov", "PERSON"),
        ("Vance", "PERSON"),
    )
    assert [m.text for m in mentions_from_doc(doc)] == [
        "Ada Vance",
        "Tom Lyle",
        "Mike Hulbert",
        "Rosa Delgado",
        "Ivan Petrov",
        "Vance",
    ]


def test_a_headline_word_is_never_taken_for_a_missed_first_name():
    text = "Gold Star Mother Corners Obama On Refugees.\nObama said the words matter."
    doc = labelled(text, ("Obama", "PERSON"), ("Obama", "PERSON"))
    assert [(m.text, m.name) for m in mentions_from_doc(doc)] == [("Obama", "Obama")] * 2


def test_a_verb_the_article_writes_in_lower_case_is_no_first_name():
    text = (
        "Trump injected the scandal into the race.\n"
        "Injecting Clinton's marriage into the race was his idea, said Hillary Clinton's aide."
    )
    doc = labelled(text, ("Clinton", "PERSON"), ("Hillary Clinton", "PERSON"))
    mentions = mentions_from_doc(doc)
    assert [(m.text, m.key) for m in mentions] == [
        ("Clinton", "person:hillary-clinton"),
        ("Hillary Clinton", "person:hillary-clinton"),
    ]


def test_a_surname_before_a_role_stays_a_person_everywhere():
    # "Clinton spokesman Brian Fallon" once made every "Clinton" an organization.
    text = "Hillary Clinton spoke on Monday. Clinton spokesman Brian Fallon agreed. Clinton left."
    doc = labelled(
        text,
        ("Hillary Clinton", "PERSON"),
        ("Clinton", "PERSON"),
        ("Brian Fallon", "PERSON"),
        ("Clinton", "PERSON"),
    )
    kinds = {(m.text, str(m.kind), m.key) for m in mentions_from_doc(doc)}
    assert kinds == {
        ("Hillary Clinton", "PERSON", "person:hillary-clinton"),
        ("Clinton", "PERSON", "person:hillary-clinton"),
        ("Brian Fallon", "PERSON", "person:brian-fallon"),
    }


def test_a_legal_form_after_a_persons_name_makes_no_organization_of_the_person():
    text = "Mr. Clinton spoke. Critics call it Bill Clinton Inc. and Bill Clinton laughed."
    doc = labelled(
        text,
        ("Clinton", "PERSON"),
        ("Bill Clinton Inc.", "ORG"),
        ("Bill Clinton", "PERSON"),
    )
    assert [(m.text, m.kind) for m in mentions_from_doc(doc)] == [
        ("Clinton", Kind.PERSON),
        ("Bill Clinton Inc.", Kind.ORG),
        ("Bill Clinton", Kind.PERSON),
    ]


def test_a_company_named_after_no_person_is_still_an_organization():
    text = "Fashion retailer Ted Baker fell. Ted Baker said sales slowed."
    doc = labelled(text, ("Ted Baker", "PERSON"), ("Ted Baker", "PERSON"))
    assert {(m.text, m.kind) for m in mentions_from_doc(doc)} == {("Ted Baker", Kind.ORG)}
