"""Kinds a new-user trial found wrong, one general rule each: an occupation before a full
name, a nationality before a department and an office, a spelled-out acronym, a plural of
people in a role, a lone name before a structure's noun, and a company told by its chief
executive or its shares. The articles are written for these tests; the model's entities are
written out by hand (a blank pipeline, tags set where a rule reads them)."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def tagged(doc, **tags: str) -> None:
    """Tag the words named as the model's tagger would (the test Docs are blank)."""
    for token in doc:
        if token.text in tags:
            token.pos_ = tags[token.text]


def test_an_occupation_before_a_full_name_is_its_role_not_its_given_name():
    doc = labelled(
        "Farmer Baldev Sandhu, 61, was doubtful. Sandhu sold two cows.",
        ("Farmer Baldev Sandhu", "PERSON"),
        ("Sandhu", "PERSON"),
    )
    mentions = mentions_from_doc(doc)
    assert [(m.text, m.key) for m in mentions] == [
        ("Baldev Sandhu", "person:baldev-sandhu"),
        ("Sandhu", "person:baldev-sandhu"),
    ]
    assert mentions[0].role is not None and mentions[0].role.text == "Farmer"


def test_a_kinship_word_before_a_name_stays_part_of_it():
    doc = labelled("Son Heung-min scored twice.", ("Son Heung-min", "PERSON"))
    assert found(mentions_from_doc(doc)) == [("Son Heung-min", "PERSON")]


def test_a_nationality_and_a_department_before_an_office_are_a_role_not_a_body():
    doc = labelled(
        "BEIJING - Dutch Trade Minister Anouk Verbeek arrived on Friday.",
        ("BEIJING - Dutch Trade", "ORG"),
        ("Anouk Verbeek", "PERSON"),
    )
    mentions = mentions_from_doc(doc)
    assert found(mentions) == [("Dutch", "COUNTRY"), ("Anouk Verbeek", "PERSON")]
    assert mentions[0].key == "country:nl"
    assert mentions[1].role is not None and mentions[1].role.text == "Dutch Trade Minister"


def test_an_acronym_the_article_spells_out_in_lower_case_names_nothing():
    doc = labelled(
        "Two firms will build artificial intelligence data centres. Ana Reis said AI would "
        "need power, and AI chips were scarce.",
        ("Ana Reis", "PERSON"),
        ("AI", "ORG"),
        ("AI", "ORG"),
    )
    tagged(doc, artificial="ADJ", intelligence="NOUN", data="NOUN", centres="NOUN")
    assert found(mentions_from_doc(doc)) == [("Ana Reis", "PERSON")]


def test_an_acronym_whose_letters_small_words_begin_stays_a_name():
    doc = labelled(
        "Ana Reis took an interest in the plan. AI said it would invest.",
        ("Ana Reis", "PERSON"),
        ("AI", "ORG"),
    )
    tagged(doc, an="DET", interest="NOUN", plan="NOUN")
    assert found(mentions_from_doc(doc)) == [("Ana Reis", "PERSON"), ("AI", "ORG")]


def test_a_plural_of_people_in_a_role_opening_a_sentence_is_no_organization():
    doc = labelled(
        "Farmers' union Unió de Pagesos warned of losses.\nMarta Puig grows almonds.",
        ("Farmers", "ORG"),
        ("Unió de Pagesos", "ORG"),
        ("Marta Puig", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Unió de Pagesos", "ORG"),
        ("Marta Puig", "PERSON"),
    ]


def test_a_lone_name_before_a_structures_noun_is_no_person():
    doc = labelled(
        "Taps ran dry as the Cutzamala system that supplies the capital ran low. "
        "Rosa Durán waited for a truck.",
        ("Cutzamala", "PERSON"),
        ("Rosa Durán", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Rosa Durán", "PERSON")]


def test_a_place_of_the_model_before_a_chief_executive_is_a_company():
    doc = labelled(
        "Nvidia and Reliance will build data centres. Nvidia chief executive Jensen Huang "
        "said demand was strong.",
        ("Nvidia", "GPE"),
        ("Reliance", "ORG"),
        ("Nvidia", "GPE"),
        ("Jensen Huang", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Nvidia", "ORG"),
        ("Reliance", "ORG"),
        ("Nvidia", "ORG"),
        ("Jensen Huang", "PERSON"),
    ]


def test_an_unlabelled_name_before_its_shares_or_its_chief_executive_is_a_company():
    doc = labelled(
        "Rules will hit ASML hard. ASML chief executive Lars Hendriks was calm. "
        "Kelmor shares rose 2 percent, and Ana Reis shares her view.",
        ("Lars Hendriks", "PERSON"),
        ("Ana Reis", "PERSON"),
    )
    tagged(doc, shares="NOUN", rose="VERB")
    doc[len(doc) - 4].pos_ = "VERB"  # "shares her view": the verb
    assert found(mentions_from_doc(doc)) == [
        ("ASML", "ORG"),
        ("ASML", "ORG"),
        ("Lars Hendriks", "PERSON"),
        ("Kelmor", "ORG"),
        ("Ana Reis", "PERSON"),
    ]
