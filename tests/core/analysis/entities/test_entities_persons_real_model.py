"""Persons the model took for organizations or missed, told by the text: a human role in
apposition, and an untagged name that speaks a quote.

The articles are written for these tests.
"""

import pytest

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.pipeline import load_pipeline, prepare


@pytest.fixture(scope="module")
def nlp():
    return prepare(load_pipeline())


def kinds_of(nlp, text: str) -> dict[str, set[tuple[str, str]]]:
    """Each mention's text mapped to the (kind, key) pairs it was given."""
    result: dict[str, set[tuple[str, str]]] = {}
    for mention in mentions_from_doc(nlp(text)):
        result.setdefault(mention.text, set()).add((str(mention.kind), mention.key))
    return result


HARBOR = (
    "Harbor deal collapses\n\n"
    "The harbor authority and the city failed to agree on Tuesday, officials said.\n\n"
    "“We were close, but not close enough,” Okafor said after the meeting.\n\n"
    "“Nobody walked away,” countered Brandt, a spokesman for the mayor.\n\n"
    "“We will be back at the table next week,” Okafor added.\n"
)


def test_a_name_with_a_human_role_in_apposition_is_a_person_real_model(nlp):
    assert kinds_of(nlp, HARBOR)["Brandt"] == {("PERSON", "person:brandt")}


def test_an_untagged_name_that_speaks_a_quote_is_a_person_everywhere_real_model(nlp):
    assert kinds_of(nlp, HARBOR)["Okafor"] == {("PERSON", "person:okafor")}


def test_a_company_with_a_role_of_its_own_stays_an_organization_real_model(nlp):
    text = (
        "Fund sells stake\n\n"
        "“We see better value elsewhere,” said Halden Partners, an asset manager based in "
        "Oslo.\n"
    )
    assert kinds_of(nlp, text)["Halden Partners"] == {("ORG", "org:halden-partners")}


def test_a_name_apposed_to_a_human_role_is_a_person_with_its_surname_real_model(nlp):
    text = (
        "Pension funds merge\n\n"
        "The Teachers' Retirement Fund's chief executive, Ingrid Velasquez-Moor, called the "
        'merger "the most important decision in our history." Asked about fees, '
        'Velasquez-Moor said: "Members will pay less."\n'
    )
    kinds = kinds_of(nlp, text)
    assert kinds["Ingrid Velasquez-Moor"] == {("PERSON", "person:ingrid-velasquez-moor")}
    assert kinds["Velasquez-Moor"] == {("PERSON", "person:ingrid-velasquez-moor")}


def test_a_person_with_a_trade_noun_in_apposition_stays_a_person_real_model(nlp):
    text = (
        "Mine plan\n\n"
        '"Wall Street is a cynical place," said Tim Hessler, a real estate developer in '
        "Virginia, who introduced the owners to his bankers.\n"
    )
    assert kinds_of(nlp, text)["Tim Hessler"] == {("PERSON", "person:tim-hessler")}
