"""Companies the model took for persons, told by the evidence of the text."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def test_a_noun_for_a_kind_of_company_makes_an_organization_everywhere():
    doc = labelled(
        "Shoe retailer Harriet Vane cut 300 jobs. Harriet Vane said sales fell.",
        ("Harriet Vane", "PERSON"),
        ("Harriet Vane", "PERSON"),
    )
    mentions = mentions_from_doc(doc)
    assert found(mentions) == [("Harriet Vane", "ORG"), ("Harriet Vane", "ORG")]
    assert {m.key for m in mentions} == {"org:harriet-vane"}


def test_a_legal_form_makes_an_organization_and_so_does_the_name_without_it():
    doc = labelled(
        "Talvero Inc raised its forecast. Talvero shares rose.",
        ("Talvero Inc", "PERSON"),
        ("Talvero", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Talvero Inc", "ORG"), ("Talvero", "ORG")]


def test_a_role_before_a_person_makes_the_name_before_it_an_organization():
    doc = labelled(
        "“We grew,” said Brannock Chief Executive Ines Duarte.",
        ("Brannock", "PERSON"),
        ("Ines Duarte", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Brannock", "ORG"), ("Ines Duarte", "PERSON")]


def test_a_person_with_a_plain_role_noun_before_stays_a_person():
    doc = labelled(
        "Economist Ines Duarte said rates would rise.",
        ("Ines Duarte", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Ines Duarte", "PERSON")]


def test_a_trade_ending_the_name_makes_it_and_its_short_form_one_organization():
    doc = labelled(
        "The tanker is run by Bellweather Shipping . Bellweather said it regrets the spill .",
        ("Bellweather Shipping", "PERSON"),
        ("Bellweather", "PERSON"),
    )
    mentions = mentions_from_doc(doc)
    assert found(mentions) == [("Bellweather Shipping", "ORG"), ("Bellweather", "ORG")]
    assert {m.key for m in mentions} == {"org:bellweather-shipping"}
