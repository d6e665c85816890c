"""Speaker keys from mentions: found by offset with a bisect, and by surname for a name the
entity tagger missed where the quote is signed."""

from reader.core.analysis.quotes.plain import _MentionIndex
from reader.core.model import Kind, Mention


def mention(start: int, text: str, kind: Kind = Kind.PERSON) -> Mention:
    key = f"{kind.value.lower()}:{text.lower().replace(' ', '-')}"
    return Mention(start, start + len(text), text, kind, key, text)


MENTIONS = (
    mention(0, "Mina Osei"),
    mention(20, "Norway", Kind.COUNTRY),
    mention(40, "Halden Partners", Kind.ORG),
    mention(70, "Tomas Berg"),
)


def test_the_mention_holding_an_offset_is_found_and_countries_are_no_speakers():
    index = _MentionIndex(MENTIONS)
    assert index.holding(5).text == "Mina Osei"
    assert index.holding(45).text == "Halden Partners"
    assert index.holding(22) is None  # a country never speaks
    assert index.holding(9) is None  # just past the end of a mention
    assert index.holding(79).text == "Tomas Berg"


def test_a_person_is_found_by_surname_in_any_case():
    index = _MentionIndex(MENTIONS)
    assert index.person_named("osei").text == "Mina Osei"
    assert index.person_named("Partners") is None  # organizations have no surname
