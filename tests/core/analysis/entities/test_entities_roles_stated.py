"""Roles the reporter states: an office taken after "was" ("was re-elected mayor of Faro"),
and no role from a title inside a quotation, which is the speaker's word. Articles written
for these tests; hand-labelled Docs, and one article with the model (its quote finder)."""

import pytest

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.pipeline import load_pipeline, prepare
from reader.core.model import Mention
from tests.core.analysis.entities.entity_docs import labelled


def roles(mentions: tuple[Mention, ...]) -> list[tuple[str, str]]:
    return [(m.text, m.role.text) for m in mentions if m.role]


def test_an_office_taken_after_was_is_the_role_with_what_it_is_of():
    text = "Ana Ruiz was re-elected mayor of Faro on Sunday. Ruiz thanked voters."
    doc = labelled(text, ("Ana Ruiz", "PERSON"), ("Ruiz", "PERSON"))
    mentions = mentions_from_doc(doc)
    assert roles(mentions) == [("Ana Ruiz", "mayor of Faro")]
    role = mentions[0].role
    assert text[role.start : role.end] == "mayor of Faro"


def test_sworn_in_as_governor_is_a_role():
    text = "Rui Sousa was sworn in as governor on Monday."
    doc = labelled(text, ("Rui Sousa", "PERSON"))
    assert roles(mentions_from_doc(doc)) == [("Rui Sousa", "governor")]


def test_the_mayors_aide_gives_no_role():
    text = "Rui Sousa was the mayor's aide for a year."
    doc = labelled(text, ("Rui Sousa", "PERSON"))
    assert roles(mentions_from_doc(doc)) == []


def test_being_somewhere_says_no_role():
    text = "Rui Sousa was in the mayor's office."
    doc = labelled(text, ("Rui Sousa", "PERSON"))
    assert roles(mentions_from_doc(doc)) == []


@pytest.fixture(scope="module")
def nlp():
    return prepare(load_pipeline())


def test_a_title_inside_a_quotation_is_no_role_real_model(nlp):
    text = (
        "Council Vote Decided\n\n"
        "Mayor Ines Sobral kept her seat on Sunday against Tiago Lobo of the Green List.\n\n"
        "Analyst Rita Mota said the margin was thin. "
        '"One more week of campaigning and we would have Mayor Lobo now," Mota said.\n'
    )
    found = {(m.text, m.role.text if m.role else None) for m in mentions_from_doc(nlp(text))}
    assert ("Rita Mota", "Analyst") in found
    assert ("Lobo", None) in found
    assert not any(name == "Lobo" and role for name, role in found)
