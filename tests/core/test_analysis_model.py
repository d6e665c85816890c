"""The Analysis's queries over plain data: which quotes involve an entity."""

from reader.core.model import Analysis, Kind, Mention, Quote, Speaker
from reader.core.text.article import Article, ArticleMeta

TEXT = 'Ann Lee said "Bob Ray is wrong." Bob Ray said "Ann Lee and Cid Moe agree."'


def mention(text: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    key = "person:" + text.lower().replace(" ", "-")
    return Mention(start, start + len(text), text, Kind.PERSON, key, text)


def quote(inner: str, speaker: Mention) -> Quote:
    start = TEXT.index(inner)
    said = Speaker(speaker.start, speaker.end, speaker.text, speaker.name, speaker.key)
    return Quote(start, start + len(inner), inner, ((start, start + len(inner)),), said)


ANN, BOB, BOB_2, ANN_2, CID = (
    mention("Ann Lee"),
    mention("Bob Ray"),
    mention("Bob Ray", 1),
    mention("Ann Lee", 1),
    mention("Cid Moe"),
)
FIRST = quote("Bob Ray is wrong.", ANN)
SECOND = quote("Ann Lee and Cid Moe agree.", BOB_2)
ANALYSIS = Analysis(
    article=Article(title="t", text=TEXT, blocks=()),
    model="test",
    mentions=(ANN, BOB, BOB_2, ANN_2, CID),
    quotes=(FIRST, SECOND),
)


def test_quotes_involving_counts_speakers_and_names_inside_quotes():
    assert ANALYSIS.quotes_involving(ANN.key) == (FIRST, SECOND)
    assert ANALYSIS.quotes_involving(BOB.key) == (FIRST, SECOND)
    assert ANALYSIS.quotes_involving(CID.key) == (SECOND,)
    assert ANALYSIS.quotes_involving("person:nobody") == ()


def test_involves_agrees_with_quotes_involving():
    for key in (ANN.key, BOB.key, CID.key):
        expected = ANALYSIS.quotes_involving(key)
        assert tuple(q for q in ANALYSIS.quotes if q.involves(key, ANALYSIS.mentions)) == expected


def test_a_mention_only_partly_inside_a_quote_does_not_count():
    start = TEXT.index("Cid Moe")
    half = Quote(start, start + 3, "Cid", ((start, start + 3),))
    assert not half.involves(CID.key, ANALYSIS.mentions)


def test_the_json_carries_meta_only_when_the_source_names_some():
    assert "meta" not in ANALYSIS.to_dict()
    dated = Article(title="t", text=TEXT, blocks=(), meta=ArticleMeta(date="2020-03-01"))
    data = Analysis(dated, "test", ANALYSIS.mentions, ANALYSIS.quotes).to_dict()
    assert data["meta"] == {"date": "2020-03-01"}
    assert list(data)[:5] == ["path", "title", "text", "model", "meta"]
