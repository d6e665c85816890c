"""Places that are not countries, and countries named inside other names."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def test_georgia_is_the_state_in_an_article_set_in_the_united_states():
    doc = labelled(
        "Voters in Macon, Georgia and in Ohio lined up. Georgia counts first.",
        ("Macon", "GPE"),
        ("Georgia", "GPE"),
        ("Ohio", "GPE"),
        ("Georgia", "GPE"),
    )
    assert mentions_from_doc(doc) == ()


def test_georgia_stays_the_country_where_nothing_says_state():
    doc = labelled(
        "Georgia and Armenia signed a pipeline deal.", ("Georgia", "GPE"), ("Armenia", "GPE")
    )
    assert found(mentions_from_doc(doc)) == [("Georgia", "COUNTRY"), ("Armenia", "COUNTRY")]


def test_territories_and_regions_are_not_countries():
    doc = labelled(
        "Ferries from Hong Kong, Macao and Puerto Rico; talks on the West Bank and Gaza.",
        ("Hong Kong", "GPE"),
        ("Macao", "GPE"),
        ("Puerto Rico", "GPE"),
        ("West Bank", "GPE"),
        ("Gaza", "GPE"),
    )
    assert mentions_from_doc(doc) == ()


def test_a_country_labelled_alone_before_an_organization_is_part_of_its_name():
    doc = labelled(
        "The U.S. Senate and the French Navy met in France.",
        ("U.S.", "GPE"),
        ("Senate", "ORG"),
        ("French", "NORP"),
        ("Navy", "ORG"),
        ("France", "GPE"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("U.S. Senate", "ORG"),
        ("French", "COUNTRY"),
        ("Navy", "ORG"),
        ("France", "COUNTRY"),
    ]


def test_a_state_or_a_city_the_model_called_an_organization_is_a_place():
    doc = labelled(
        "Turnout in Florida rose, and talks in Copenhagen fell apart. Florida voted early. "
        "The Copenhagen Suborbitals firm and the Hartwell Group were not asked.",
        ("Florida", "ORG"),
        ("Copenhagen", "ORG"),
        ("Florida", "ORG"),
        ("Copenhagen Suborbitals", "ORG"),
        ("Hartwell Group", "ORG"),
    )
    assert [(m.text, str(m.kind)) for m in mentions_from_doc(doc)] == [
        ("Copenhagen Suborbitals", "ORG"),
        ("Hartwell Group", "ORG"),
    ]


def test_a_city_that_a_mention_shows_to_be_a_person_stays_one():
    doc = labelled(
        "Ada Moscow spoke first. Moscow said the plan would work.",
        ("Ada Moscow", "PERSON"),
        ("Moscow", "ORG"),
    )
    assert [(m.text, m.key) for m in mentions_from_doc(doc)] == [
        ("Ada Moscow", "person:ada-moscow"),
        ("Moscow", "person:ada-moscow"),
    ]


def test_a_town_named_as_a_place_and_only_written_as_one_is_no_organization():
    text = (
        "Ferries reach the fishing town of Vila Brava at dawn. Trade in Vila Brava grew, "
        "and a quay at Vila Brava opened."
    )
    doc = labelled(text, ("Vila Brava", "ORG"), ("Vila Brava", "ORG"), ("Vila Brava", "ORG"))
    assert mentions_from_doc(doc) == ()


def test_a_name_that_also_acts_stays_an_organization():
    text = "The city of Norvik sued. Norvik said the port of Norvik would reopen."
    doc = labelled(text, ("Norvik", "ORG"), ("Norvik", "ORG"), ("Norvik", "ORG"))
    assert found(mentions_from_doc(doc)) == [("Norvik", "ORG")] * 3
