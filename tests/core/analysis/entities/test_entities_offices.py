"""Offices inside the model's names, time zones and peoples: kinds a reader sees in the list.

The articles are written for these tests; the model's entities are written out by hand.
"""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def keyed(doc) -> list[tuple[str, str, str]]:
    return [(m.text, str(m.kind), m.key) for m in mentions_from_doc(doc)]


def test_an_office_after_a_place_is_the_role_and_the_person_follows_it():
    doc = labelled(
        "Crowds marched through Charlotte overnight. Charlotte Mayor Jennifer Roberts said the "
        "footage would be shown. Roberts said Charlotte was calm.",
        ("Charlotte", "GPE"),
        ("Charlotte Mayor", "PERSON"),
        ("Jennifer Roberts", "PERSON"),
        ("Roberts", "PERSON"),
        ("Charlotte", "GPE"),
    )
    assert keyed(doc) == [
        ("Jennifer Roberts", "PERSON", "person:jennifer-roberts"),
        ("Roberts", "PERSON", "person:jennifer-roberts"),
    ]


def test_a_person_run_over_the_office_before_it_keeps_only_the_holder():
    doc = labelled(
        "Vermont Senator Ada Whitcombe voted no. Whitcombe said the bill was flawed.",
        ("Vermont Senator Ada Whitcombe", "PERSON"),
        ("Whitcombe", "PERSON"),
    )
    assert keyed(doc) == [
        ("Ada Whitcombe", "PERSON", "person:ada-whitcombe"),
        ("Whitcombe", "PERSON", "person:ada-whitcombe"),
    ]


def test_an_organization_ending_in_an_office_is_the_body_before_it():
    doc = labelled(
        "A State Department Spokesperson declined to comment. The State Department later "
        "issued a statement.",
        ("State Department Spokesperson", "ORG"),
        ("State Department", "ORG"),
    )
    assert keyed(doc) == [
        ("State Department", "ORG", "org:state-department"),
        ("State Department", "ORG", "org:state-department"),
    ]


def test_a_spokesperson_before_a_name_leaves_the_body_and_the_person():
    doc = labelled(  # as the small model cuts it
        "State Department Spokesperson Ned Okoro told reporters the talks would go on.",
        ("State Department", "ORG"),
        ("Spokesperson Ned Okoro", "PERSON"),
    )
    assert keyed(doc) == [
        ("State Department", "ORG", "org:state-department"),
        ("Ned Okoro", "PERSON", "person:ned-okoro"),
    ]


def test_a_body_named_before_its_office_inside_a_person_stretch_is_an_organization():
    doc = labelled(
        "Harbor Commission Chairman Ned Okoro told reporters the talks would go on.",
        ("Harbor Commission Chairman Ned Okoro", "PERSON"),
    )
    assert keyed(doc) == [
        ("Harbor Commission", "ORG", "org:harbor-commission"),
        ("Ned Okoro", "PERSON", "person:ned-okoro"),
    ]


def test_a_name_ending_in_an_office_word_with_no_holder_after_it_stays_a_name():
    doc = labelled(
        "Office of the Treasurer staff met Ann Mayor on Monday.",
        ("Office of the Treasurer", "ORG"),
        ("Ann Mayor", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Office of the Treasurer", "ORG"),
        ("Ann Mayor", "PERSON"),
    ]


def test_a_title_alone_is_no_organization():
    doc = labelled("The Vice President spoke first.", ("Vice President", "ORG"))
    assert found(mentions_from_doc(doc)) == []


def test_a_time_zone_after_a_clock_time_names_nothing():
    doc = labelled(
        "Gold was steady at $1,850 an ounce by 0725 GMT, and copper rose by 1400 EDT.",
        ("GMT", "ORG"),
        ("1400 EDT", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == []


def test_a_people_before_a_religion_or_a_people_noun_is_no_organization():
    doc = labelled(
        "Violence against the Rohingya Muslim minority grew, and ethnic Kaldari fighters fled "
        "as the Ostrel tribe stayed. The Rohingya Relief Fund sent aid.",
        ("Rohingya", "ORG"),
        ("Muslim", "NORP"),
        ("Kaldari", "ORG"),
        ("Ostrel", "ORG"),
        ("Rohingya Relief Fund", "ORG"),
    )
    assert keyed(doc) == [("Rohingya Relief Fund", "ORG", "org:rohingya-relief-fund")]
