"""Text that reads like clean text: hard wraps and invisible characters do not change what the
analysis finds, and every offset stays into the text as shown (real model, loaded once)."""

from __future__ import annotations

import textwrap

import pytest

from reader.core.analysis.analyzer import analyze
from reader.core.text.loaders import load_article

PARAGRAPHS = [
    "Harbour pilots in northern Norway called off their strike on Friday after negotiators for "
    "the union and the Norwegian Coastal Administration reached a deal shortly before dawn.",
    "“We have an agreement that respects the work our members do in every kind of weather,” "
    "union leader Marisol Etxeberria told reporters in Tromsø, where the talks had been held "
    "since Tuesday.",
    "The European Union had urged both sides to settle, and shipping firms from Iceland said "
    "their vessels would sail again within hours. Talks with Sweden and Denmark on shared "
    "pilot services resume in April.",
]


@pytest.fixture(scope="module")
def nlp():
    from reader.core.analysis.pipeline import load_pipeline

    return load_pipeline()


def analysed(nlp, tmp_path, text: str, name: str = "story.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return analyze(load_article(path), nlp)


def found(analysis) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.text, m.key) for m in analysis.mentions]


def test_a_name_broken_at_a_line_end_is_one_person_with_its_quote_real_model(nlp, tmp_path):
    text = (
        "Pilots end strike\n\n"
        "“We have an agreement that respects our members,” union leader Marisol\n"
        "Etxeberria told reporters in Tromsø on Friday.\n"
    )
    analysis = analysed(nlp, tmp_path, text)
    start = text.index("Marisol")
    person = [m for m in analysis.mentions if m.key.startswith("person:")]
    assert [(m.start, m.end, m.key) for m in person] == [
        (start, start + 18, "person:marisol-etxeberria")
    ]
    assert person[0].text == "Marisol\nEtxeberria"
    [quote] = analysis.quotes
    assert quote.fragments == ((text.index("We have"), text.index("”")),)
    assert quote.speaker is not None and quote.speaker.key == "person:marisol-etxeberria"


@pytest.mark.parametrize(
    ("text", "word", "key"),
    [
        ("Officials from Port\u00adugal met the union on Friday.", "Port\u00adugal", "country:pt"),
        ("Officials from Nor\u200bway met the union on Friday.", "Nor\u200bway", "country:no"),
        (
            "The report was signed by J.\u00a0M.\u00a0Dunleavy on Friday.",
            "J.\u00a0M.\u00a0Dunleavy",
            "person:j-m-dunleavy",
        ),
    ],
)
def test_invisible_characters_inside_a_name_do_not_hide_it_real_model(
    nlp, tmp_path, text, word, key
):
    analysis = analysed(nlp, tmp_path, text)
    start = text.index(word)
    assert (start, start + len(word), word, key) in found(analysis)


def test_modifier_letter_apostrophe_is_a_possessive_real_model(nlp, tmp_path):
    text = "Negotiators backed Lars Rostrup\u02bcs plan on Friday. Rostrup\u02bcs team agreed."
    analysis = analysed(nlp, tmp_path, text)
    second = text.index("Rostrup\u02bcs team")
    assert found(analysis) == [
        (19, 31, "Lars Rostrup", "person:lars-rostrup"),
        (second, second + 7, "Rostrup", "person:lars-rostrup"),
    ]
    assert not [m for m in analysis.mentions if m.key.startswith("org:")]


def test_wrapped_at_72_columns_gives_the_same_entities_and_quotes_real_model(nlp, tmp_path):
    flat = "Pilots end strike\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    wrapped = "Pilots end strike\n\n" + "\n\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS) + "\n"
    assert "\n" in textwrap.fill(PARAGRAPHS[1], 72)
    one, other = (
        analysed(nlp, tmp_path, flat, "flat.txt"),
        analysed(nlp, tmp_path, wrapped, "w.txt"),
    )

    def entities(analysis):
        return sorted((e.key, e.kind, e.count) for e in analysis.entities)

    def quotes(analysis):
        return [
            (" ".join(q.text.split()), q.speaker.key if q.speaker else None)
            for q in analysis.quotes
        ]

    assert entities(one) == entities(other)
    assert quotes(one) == quotes(other)
    assert ("person:marisol-etxeberria", "PERSON", 1) in entities(other)
    for mention in other.mentions:
        assert " ".join(wrapped[mention.start : mention.end].split()) == " ".join(
            mention.text.split()
        )
