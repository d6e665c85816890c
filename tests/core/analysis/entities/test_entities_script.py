from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def test_names_in_right_to_left_script_are_not_highlighted():
    text = "Nadia Karam read the sign: مرحبا بكم في المدينة القديمة and שלום עולם then left."
    doc = labelled(
        text,
        ("Nadia Karam", "PERSON"),
        ("مرحبا بكم في المدينة", "PERSON"),
        ("שלום עולם", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == [("Nadia Karam", "PERSON")]
