from itertools import pairwise
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Span

from reader.core.analysis.analyzer import analyze
from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.pipeline import load_pipeline
from reader.core.analysis.quotes import SPANS_KEY as QUOTES_KEY
from reader.core.model import Kind, Mention, MentionType
from reader.core.text.article import Article
from tests.core.analysis.entities.entity_docs import labelled

SEED = Path(__file__).resolve().parents[4] / "seeds" / "tillerson-lavrov.txt"
_BLANK = spacy.blank("en")


def by_text(mentions: tuple[Mention, ...]) -> dict[str, list[Mention]]:
    found: dict[str, list[Mention]] = {}
    for mention in mentions:
        found.setdefault(mention.text, []).append(mention)
    return found


# --- merging logic on hand-labelled docs -------------------------------------------------------


def test_a_surname_tagged_as_organization_joins_the_person_it_ends():
    doc = labelled(
        "Rex Tillerson met Sergei Lavrov. Tillerson and Lavrov's meeting ended.",
        ("Rex Tillerson", "PERSON"),
        ("Sergei Lavrov", "PERSON"),
        ("Tillerson", "ORG"),
        ("Lavrov", "PERSON"),
    )
    mentions = by_text(mentions_from_doc(doc))
    assert {(m.kind, m.key, m.name) for m in mentions["Tillerson"]} == {
        (Kind.PERSON, "person:rex-tillerson", "Rex Tillerson")
    }
    assert mentions["Lavrov"][0].key == "person:sergei-lavrov"


def test_a_family_name_first_joins_its_full_name():
    doc = labelled(
        "Wang Donghai was jailed. Police detained Wang on Friday.",
        ("Wang Donghai", "PERSON"),
        ("Wang", "ORG"),
    )
    assert {(m.kind, m.key) for m in mentions_from_doc(doc)} == {
        (Kind.PERSON, "person:wang-donghai")
    }


def test_a_shared_surname_stays_with_the_person_named_most():
    doc = labelled(
        "Ngozi Okoye spoke. Okoye smiled. Ngozi Okoye left. Her son, Chidi Okoye, waved. "
        "Okoye said so.",
        ("Ngozi Okoye", "PERSON"),
        ("Okoye", "PERSON"),
        ("Ngozi Okoye", "PERSON"),
        ("Chidi Okoye", "PERSON"),
        ("Okoye", "PERSON"),
    )
    assert [m.key for m in mentions_from_doc(doc)] == [
        "person:ngozi-okoye",
        "person:ngozi-okoye",
        "person:ngozi-okoye",
        "person:chidi-okoye",
        "person:ngozi-okoye",
    ]


def test_a_shared_surname_named_equally_stays_with_the_person_introduced_first():
    doc = labelled(
        "Mark Waugh batted. Steve Waugh bowled. Waugh said so.",
        ("Mark Waugh", "PERSON"),
        ("Steve Waugh", "PERSON"),
        ("Waugh", "PERSON"),
    )
    assert [m.key for m in mentions_from_doc(doc)][-1] == "person:mark-waugh"


def test_a_title_gives_a_shared_surname_to_the_person_of_that_sex():
    doc = labelled(
        "Mr. Abel Kinsey spoke twice. Abel Kinsey left. His wife, Rosa Kinsey, stayed. "
        "Mrs. Kinsey laughed. Kinsey, he said, was tired.",
        ("Abel Kinsey", "PERSON"),
        ("Abel Kinsey", "PERSON"),
        ("Rosa Kinsey", "PERSON"),
        ("Kinsey", "PERSON"),
        ("Kinsey", "PERSON"),
    )
    assert [m.key for m in mentions_from_doc(doc)] == [
        "person:abel-kinsey",
        "person:abel-kinsey",
        "person:rosa-kinsey",
        "person:rosa-kinsey",
        "person:abel-kinsey",
    ]


def test_titles_and_possessives_are_trimmed_from_names():
    doc = labelled(
        "President Donald Trump spoke. Mr. Trump 's aides left the European Union 's summit.",
        ("President Donald Trump", "PERSON"),
        ("Trump 's", "PERSON"),
        ("the European Union 's", "ORG"),
    )
    mentions = mentions_from_doc(doc)
    assert [m.text for m in mentions] == ["Donald Trump", "Trump", "European Union"]
    assert {m.key for m in mentions[:2]} == {"person:donald-trump"}


def test_unlabelled_repeats_of_a_known_person_are_found():
    doc = labelled(
        "Sergei Ryabkov hinted at retaliation. Ryabkov said more.",
        ("Sergei Ryabkov", "PERSON"),
    )
    assert [(m.text, m.key) for m in mentions_from_doc(doc)] == [
        ("Sergei Ryabkov", "person:sergei-ryabkov"),
        ("Ryabkov", "person:sergei-ryabkov"),
    ]


def test_names_of_one_country_share_key_and_news_name():
    doc = labelled(
        "The US and the U.S. are the United States.",
        ("US", "GPE"),
        ("U.S.", "GPE"),
        ("the United States", "GPE"),
    )
    mentions = mentions_from_doc(doc)
    assert [m.text for m in mentions] == ["US", "U.S.", "United States"]
    assert {(m.key, m.name) for m in mentions} == {("country:us", "United States")}


def test_cities_and_states_are_not_countries():
    doc = labelled("Moscow and Texas disagree.", ("Moscow", "GPE"), ("Texas", "GPE"))
    assert mentions_from_doc(doc) == ()


def test_countries_and_demonyms_the_model_missed_are_found():
    doc = labelled("Russian diplomats flew to Germany and North Korea.")
    mentions = mentions_from_doc(doc)
    assert [(m.text, m.key, m.mention) for m in mentions] == [
        ("Russian", "country:ru", MentionType.DEMONYM),
        ("Germany", "country:de", MentionType.NAME),
        ("North Korea", "country:kp", MentionType.NAME),
    ]


def test_a_labelled_demonym_is_a_country_mention_marked_demonym():
    doc = labelled("The Russian side agreed.", ("Russian", "NORP"))
    (mention,) = mentions_from_doc(doc)
    assert (mention.kind, mention.key, mention.name, mention.mention) == (
        Kind.COUNTRY,
        "country:ru",
        "Russia",
        MentionType.DEMONYM,
    )


def test_the_pronoun_us_is_not_the_united_states():
    doc = labelled("He told us to wait. Us and them.")
    assert mentions_from_doc(doc) == ()


def test_an_acronym_takes_the_name_of_the_organization_it_abbreviates():
    doc = labelled(
        "The European Union warned. The EU said so.",
        ("European Union", "ORG"),
        ("EU", "ORG"),
    )
    assert {(m.key, m.name) for m in mentions_from_doc(doc)} == {
        ("org:european-union", "European Union")
    }


def quoting(doc: Doc, *quotes: str) -> Doc:
    """`doc` with the given stretches marked as quotes, as the quote component marks them."""
    spans = []
    for quote in quotes:
        start = doc.text.index(quote)
        span = doc.char_span(start, start + len(quote))
        assert span is not None, quote
        span._.quote_fragments = [(start, start + len(quote))]
        spans.append(span)
    doc.spans[QUOTES_KEY] = spans
    return doc


def test_a_display_name_is_not_taken_from_inside_a_quote():
    doc = labelled(
        'Hillary Clinton spoke in Ohio. Her rival said "Crooked Hillary Clinton will lose" '
        "at a rally. Clinton laughed.",
        ("Hillary Clinton", "PERSON"),
        ("Crooked Hillary Clinton", "PERSON"),
        ("Clinton", "PERSON"),
    )
    mentions = mentions_from_doc(quoting(doc, "Crooked Hillary Clinton will lose"))
    assert [(m.text, m.key, m.name) for m in mentions] == [
        ("Hillary Clinton", "person:hillary-clinton", "Hillary Clinton"),
        # the epithet glued before a name the article writes alone is cut off the mention too
        ("Hillary Clinton", "person:hillary-clinton", "Hillary Clinton"),
        ("Clinton", "person:hillary-clinton", "Hillary Clinton"),
    ]


def test_a_name_used_only_inside_quotes_still_names_its_entity():
    doc = labelled(
        'He said "Vladimir Putin is strong" on Monday. Putin did not reply.',
        ("Vladimir Putin", "PERSON"),
        ("Putin", "PERSON"),
    )
    mentions = mentions_from_doc(quoting(doc, "Vladimir Putin is strong"))
    assert {(m.key, m.name) for m in mentions} == {("person:vladimir-putin", "Vladimir Putin")}


def test_an_acronym_takes_the_name_spelled_outside_quotes():
    doc = labelled(
        'Critics call it "the Evil Union" and the EU replied. The European Union met.',
        ("Evil Union", "ORG"),
        ("EU", "ORG"),
        ("European Union", "ORG"),
    )
    mentions = mentions_from_doc(quoting(doc, "the Evil Union"))
    assert [(m.text, m.name) for m in mentions] == [
        ("Evil Union", "Evil Union"),
        ("EU", "European Union"),
        ("European Union", "European Union"),
    ]


def test_names_next_to_scores_on_a_results_line_are_teams():
    doc = labelled(
        "Swansea 49 Cardiff 23\nRussia 2 Wales 0\n",
        ("Swansea", "GPE"),
        ("Cardiff", "GPE"),
        ("Russia", "GPE"),
    )
    kinds = {m.text: m.kind for m in mentions_from_doc(doc)}
    assert kinds == {
        "Swansea": Kind.ORG,
        "Cardiff": Kind.ORG,
        "Russia": Kind.COUNTRY,
        "Wales": Kind.ORG,
    }


def test_in_wire_copy_a_lone_word_never_introduced_as_a_person_is_left_out():
    doc = labelled(
        "BUDAPEST 1996-08-30\nCofinec said profits rose. Cofinec shares fell.",
        ("Cofinec", "PERSON"),
        ("Cofinec", "PERSON"),
    )
    assert mentions_from_doc(doc) == ()


def test_outside_wire_copy_a_lone_surname_stays_a_person():
    doc = labelled("Obama said so. Obama left.", ("Obama", "PERSON"), ("Obama", "PERSON"))
    assert {m.key for m in mentions_from_doc(doc)} == {"person:obama"}


def test_a_lone_surname_after_a_title_stays_a_person():
    doc = labelled("Mr. Weber said so. Weber left.", ("Weber", "PERSON"), ("Weber", "PERSON"))
    assert [m.key for m in mentions_from_doc(doc)] == ["person:weber", "person:weber"]


def test_layouts_of_results_name_persons():
    doc = labelled(
        "4. Dorota Levanska ( Poland ) 3:47.120\nKent 214 ( B. Holloway 4-61 )\n",
        ("Dorota", "GPE"),
        ("Levanska", "GPE"),
    )
    kinds = {m.text: m.kind for m in mentions_from_doc(doc)}
    assert kinds["Dorota Levanska"] is Kind.PERSON
    assert kinds["B. Holloway"] is Kind.PERSON


def test_a_capitals_headline_names_countries_not_one_organization():
    doc = labelled(
        "SOCCER - ENGLAND BEAT MOLDOVA IN QUALIFIER .\n",
        ("SOCCER", "ORG"),
        ("ENGLAND BEAT MOLDOVA IN", "ORG"),
    )
    assert [(m.text, m.kind) for m in mentions_from_doc(doc)] == [
        ("ENGLAND", Kind.COUNTRY),
        ("MOLDOVA", Kind.COUNTRY),
    ]


def test_a_country_inside_another_name_is_not_a_mention():
    doc = labelled("He won the U.S. Open with a Hong Kong-based sponsor.")
    assert mentions_from_doc(doc) == ()


def test_a_dateline_names_a_place():
    doc = labelled("LONDON 1996-08-30\nShares rose .", ("LONDON", "ORG"))
    assert mentions_from_doc(doc) == ()


_WORDS = ["Rex", "Tillerson", "US", "Russia", "the", "said", "Moscow", "EU", "Russian", "4", "\n"]
_LABELS = ["PERSON", "ORG", "GPE", "NORP", "LOC", "DATE"]


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=20),
    cuts=st.lists(st.tuples(st.integers(0, 19), st.integers(1, 3), st.sampled_from(_LABELS))),
)
def test_mentions_are_sorted_non_overlapping_and_match_the_text(words, cuts):
    doc = Doc(_BLANK.vocab, words=words)
    spans, taken = [], set()
    for start, length, label in cuts:
        end = min(start + length, len(doc))
        if start < end and not taken & set(range(start, end)):
            spans.append(Span(doc, start, end, label=label))
            taken |= set(range(start, end))
    doc.ents = spans
    mentions = mentions_from_doc(doc)
    for mention in mentions:
        assert doc.text[mention.start : mention.end] == mention.text
    for before, after in pairwise(mentions):
        assert before.end <= after.start


# --- the seed article with the real model ------------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def seed_mentions(nlp) -> dict[str, list[Mention]]:
    text = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    return by_text(mentions_from_doc(nlp(text)))


# Names, titles, countries, quotation marks, results and dateline layouts, brackets, breaks.
_ARTICLE_PIECES = (
    *("Rex", "Tillerson", "Mr.", "President", "Wang", "van", "Dale", "A.", "Crooked"),
    *("Russia", "Russian", "U.S.", "US", "EU", "European", "Union", "Hong", "Kong", "Open"),
    *("LONDON", "1996-08-30", "SOCCER", "v", "at", "c", "b", "4", "31st", "10-0-41-2"),
    *("the", "said", "he", "told", "according", "to", "match", "cup", "goal", "league"),
    *("“", "”", '"', "‘", "’", "'", "’s", "(", ")", "-", "—", ",", ".", ":", "\n", "\n\n"),
)
_ARTICLES = st.lists(
    st.tuples(st.sampled_from(_ARTICLE_PIECES), st.sampled_from(["", " ", " ", " "])),
    max_size=50,
).map(lambda pieces: "".join(piece + gap for piece, gap in pieces))


@settings(max_examples=30, deadline=None)
@given(_ARTICLES)
def test_no_text_makes_the_analysis_raise_real_model(nlp, text):
    analysis = analyze(Article(title="", text=text, blocks=()), nlp)
    keys = {mention.key for mention in analysis.mentions}
    for mention in analysis.mentions:
        assert text[mention.start : mention.end] == mention.text
    for before, after in pairwise(analysis.mentions):
        assert before.end <= after.start
    for quote in analysis.quotes:
        for start, end in quote.fragments:
            assert 0 <= start < end <= len(text)
        if quote.speaker is not None:
            assert quote.speaker.key is None or quote.speaker.key in keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Rex Tillerson", "person:rex-tillerson"),
        ("Tillerson", "person:rex-tillerson"),
        ("Sergei Lavrov", "person:sergei-lavrov"),
        ("Lavrov", "person:sergei-lavrov"),
        ("Donald Trump", "person:donald-trump"),
        ("Trump", "person:donald-trump"),
        ("Vladimir Putin", "person:vladimir-putin"),
        ("Sergei Ryabkov", "person:sergei-ryabkov"),
    ],
)
def test_seed_persons_share_keys_real_model(seed_mentions, text, key):
    assert {(m.kind, m.key) for m in seed_mentions[text]} == {(Kind.PERSON, key)}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("US", "country:us"),
        ("Russia", "country:ru"),
        ("Philippines", "country:ph"),
        ("Germany", "country:de"),
        ("North Korea", "country:kp"),
    ],
)
def test_seed_countries_real_model(seed_mentions, text, key):
    assert {(m.kind, m.key, m.mention) for m in seed_mentions[text]} == {
        (Kind.COUNTRY, key, MentionType.NAME)
    }


def test_seed_moscow_is_not_a_country_real_model(seed_mentions):
    assert all(m.kind is not Kind.COUNTRY for m in seed_mentions.get("Moscow", []))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Congress", "org:congress"),
        ("European Union", "org:european-union"),
        ("United Nations Security Council", "org:united-nations-security-council"),
    ],
)
def test_seed_organizations_real_model(seed_mentions, text, key):
    assert {(m.kind, m.key) for m in seed_mentions[text]} == {(Kind.ORG, key)}


def test_seed_russian_is_a_demonym_of_russia_real_model(seed_mentions):
    assert {(m.kind, m.key, m.name, m.mention) for m in seed_mentions["Russian"]} == {
        (Kind.COUNTRY, "country:ru", "Russia", MentionType.DEMONYM)
    }
