"""Collection identity over a name's variants (issue 21, deliverables 1-2): short given names,
"Jr." and a person's name that one article tagged as an organization."""

from __future__ import annotations

from reader.core.model import Kind
from tests.core.store.test_identity import article, collection

P, ORG = Kind.PERSON, Kind.ORG


def test_a_short_given_name_and_jr_are_one_person_with_the_most_written_given_name():
    identity = collection(
        article(
            "Joe Pemberton spoke.", {"Joe Pemberton": (P, "person:joe-pemberton", "Joe Pemberton")}
        ),
        article(
            "Vice President Joseph Q. Pemberton Jr. came. Pemberton said.",
            {
                "Joseph Q. Pemberton Jr.": (
                    P,
                    "person:joseph-q-pemberton-jr",
                    "Joseph Q. Pemberton Jr.",
                ),
                "Pemberton": (P, "person:joseph-q-pemberton-jr", "Joseph Q. Pemberton Jr."),
            },
        ),
        article(
            "Joe Pemberton wrote.", {"Joe Pemberton": (P, "person:joe-pemberton", "Joe Pemberton")}
        ),
        article("Mr. Pemberton left.", {"Pemberton": (P, "person:pemberton", "Pemberton")}),
    )
    assert identity.key(0, "person:joe-pemberton") == "person:joe-pemberton"
    assert identity.key(1, "person:joseph-q-pemberton-jr") == "person:joe-pemberton"
    assert identity.key(3, "person:pemberton") == "person:joe-pemberton"


def test_jr_stays_apart_when_an_article_names_both_father_and_son():
    identity = collection(
        article(
            "Arlo Penhaligon Jr. defended Arlo Penhaligon.",
            {
                "Arlo Penhaligon Jr.": (P, "person:arlo-penhaligon-jr", "Arlo Penhaligon Jr."),
                "Arlo Penhaligon": (P, "person:arlo-penhaligon", "Arlo Penhaligon"),
            },
        ),
        article(
            "Arlo Penhaligon Jr. spoke.",
            {"Arlo Penhaligon Jr.": (P, "person:arlo-penhaligon-jr", "Arlo Penhaligon Jr.")},
        ),
        article(
            "Arlo Penhaligon won.",
            {"Arlo Penhaligon": (P, "person:arlo-penhaligon", "Arlo Penhaligon")},
        ),
    )
    assert identity.key(1, "person:arlo-penhaligon-jr") == "person:arlo-penhaligon-jr"
    assert identity.key(2, "person:arlo-penhaligon") == "person:arlo-penhaligon"


def test_a_person_tagged_org_in_one_article_takes_the_person_key_of_the_collection():
    person = {"Vera Quillfeather": (P, "person:vera-quillfeather", "Vera Quillfeather")}
    identity = collection(
        article("Vera Quillfeather spoke.", person),
        article("Vera Quillfeather voted.", person),
        article("Vera Quillfeather won.", person),
        article(
            "The Green Party's Vera Quillfeather had 3 percent.",
            {"Vera Quillfeather": (ORG, "org:vera-quillfeather", "Vera Quillfeather")},
        ),
        article("Ford cut jobs.", {"Ford": (ORG, "org:ford", "Ford")}),
        article("Ford sold cars.", {"Ford": (ORG, "org:ford", "Ford")}),
        article("Gerald Ford spoke.", {"Gerald Ford": (P, "person:gerald-ford", "Gerald Ford")}),
    )
    assert identity.key(3, "org:vera-quillfeather") == "person:vera-quillfeather"
    assert identity.key(4, "org:ford") == "org:ford"  # an organization's name as often


def test_an_org_tagged_surname_stays_an_organization_while_the_person_is_ambiguous():
    identity = collection(
        article(
            "Ada Lindqvist spoke.", {"Ada Lindqvist": (P, "person:ada-lindqvist", "Ada Lindqvist")}
        ),
        article(
            "Bo Lindqvist spoke.", {"Bo Lindqvist": (P, "person:bo-lindqvist", "Bo Lindqvist")}
        ),
        article(
            "Ada Lindqvist won.", {"Ada Lindqvist": (P, "person:ada-lindqvist", "Ada Lindqvist")}
        ),
        article("Lindqvist leads.", {"Lindqvist": (ORG, "org:lindqvist", "Lindqvist")}),
    )
    assert identity.key(3, "org:lindqvist") == "org:lindqvist"
