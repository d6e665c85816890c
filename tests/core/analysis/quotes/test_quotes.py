"""The quote finder: quotation marks, fragments, speakers and cues.

Articles here are written for these tests. Tests named `..._real_model` run the English
pipeline, loaded once per module; the others need no model.
"""

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.pipeline import load_pipeline
from reader.core.analysis.quotes import (
    COMPONENT_NAME,
    FRAGMENT_JOINER,
    SPANS_KEY,
    find_headline_quotes,
    find_quoted_runs,
    quotes_from_doc,
)
from reader.core.model import Kind, Mention, Quote

SEEDS = Path(__file__).resolve().parents[4] / "seeds"


def quoted(text: str, **options: bool) -> list[list[str]]:
    """The text of each run's fragments."""
    return [[text[s:e] for s, e in run.fragments] for run in find_quoted_runs(text, **options)]


# --- Quotation marks, no model ----------------------------------------------------------------


def test_curly_and_straight_double_marks_both_make_quotes():
    text = 'He said “we won,” and she said "we lost."\n'
    assert quoted(text) == [["we won,"], ["we lost."]]


def test_apostrophes_and_single_marks_inside_a_quote_stay_in_it():
    text = "“It’s the voters’ choice, not ‘the elites’,” she said. The Smiths’ dog barked.\n"
    assert quoted(text) == [["It’s the voters’ choice, not ‘the elites’,"]]


def test_quote_inside_a_quote_in_double_marks_stays_in_it():
    text = '"They chanted "lock her up" all night," he said.\n'
    assert quoted(text) == [['They chanted "lock her up" all night,']]


def test_quote_over_paragraphs_is_one_run_with_a_fragment_per_paragraph():
    text = (
        "“The first paragraph goes on.\n\n“The second one too.\n\n“The last one ends,” he said.\n"
    )
    assert quoted(text) == [
        ["The first paragraph goes on.", "The second one too.", "The last one ends,"]
    ]


def test_a_mark_left_open_does_not_swallow_the_next_paragraphs():
    text = "He said “we will win.\n\nThen “nothing” happened, she wrote.\n"
    assert quoted(text)[-1] == ["nothing"]
    assert ["we will win."] in quoted(text)


def test_mistyped_marks_are_judged_by_their_surroundings():
    text = "She called it ”absurd“ and left.\n"
    assert quoted(text) == [["absurd"]]


def test_marks_inside_html_tags_are_not_quotes():
    text = '<tweet author="someone">Text</tweet> and then "a quote" here.\n'
    assert quoted(text) == [["a quote"]]


def test_doubled_apostrophes_are_marks_only_when_asked():
    text = "''This isn't reform,'' said an economist.\n"
    assert quoted(text) == []
    assert quoted(text, doubled_apostrophes=True) == [["This isn't reform,"]]


def test_single_marks_make_quotes_in_headlines_only():
    text = (
        "Obama: ‘We’re not done’\nThe Clintons’ plan is ‘bold’, aides said in a long statement.\n"
    )
    assert [text[s:e] for s, e in find_headline_quotes(text)] == ["We’re not done"]


_MARKY_TEXT = st.text(alphabet="ab ,.:\n\"“”‘’'—<>=", max_size=80)


@settings(max_examples=300, deadline=None)
@given(_MARKY_TEXT)
def test_no_arrangement_of_marks_raises_or_leaves_the_text(text):
    for run in find_quoted_runs(text, doubled_apostrophes=True):
        for start, end in run.fragments:
            assert 0 <= start < end <= len(text)
    for start, end in find_headline_quotes(text):
        assert 0 <= start < end <= len(text)


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe(COMPONENT_NAME)
    return nlp


@settings(max_examples=100, deadline=None)
@given(_MARKY_TEXT)
def test_the_component_never_raises_on_an_unparsed_doc(blank_nlp, text):
    doc = blank_nlp(text)
    for span in doc.spans[SPANS_KEY]:
        for start, end in span._.quote_fragments:
            assert 0 <= start < end <= len(text)
        assert span._.quote_speaker is None


def test_plain_quotes_join_fragments_and_take_keys_from_mentions():
    text = "“We won,” Smith said, “and we know it.” Jones cheered."
    doc = spacy.blank("en")(text)
    first = (1, 8)
    second = (text.index("and"), text.index("it.”") + 3)
    quote = doc.char_span(first[0], second[1], alignment_mode="expand")
    quote._.quote_fragments = [first, second]
    quote._.quote_speaker = doc.char_span(10, 15)
    doc.spans[SPANS_KEY] = [quote]
    smith = Mention(10, 15, "Smith", Kind.PERSON, "person:anna-smith", "Anna Smith")

    (plain,) = quotes_from_doc(doc, (smith,))
    assert plain.text == f"We won,{FRAGMENT_JOINER}and we know it."
    assert (plain.start, plain.end) == (first[0], second[1])
    speaker = plain.speaker
    assert (speaker.text, speaker.name, speaker.key) == ("Smith", "Anna Smith", "person:anna-smith")

    (unknown,) = quotes_from_doc(doc, ())
    assert (unknown.speaker.name, unknown.speaker.key) == ("Smith", None)


def test_a_country_is_not_taken_as_speaker_entity(blank_nlp):
    doc = blank_nlp("“No deal,” France said.")
    (quote,) = doc.spans[SPANS_KEY]
    quote._.quote_speaker = doc.char_span(11, 17)
    france = Mention(11, 17, "France", Kind.COUNTRY, "country:france", "France")
    assert quotes_from_doc(doc, (france,))[0].speaker.key is None


# --- Speakers, with the English pipeline ------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_a_paragraph_break_starts_a_sentence_real_model(nlp):
    doc = nlp("Talks end without a deal\nRex Tillerson said the talks were hard\nand long.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:3] == ["Talks", "Rex", "and"]


def analyse(nlp, text: str) -> tuple[Quote, ...]:
    doc = nlp(text)
    return quotes_from_doc(doc, mentions_from_doc(doc))


def only(quotes: tuple[Quote, ...], starting: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(starting)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


_PROSE_PIECES = (
    *("Smith", "said", "he", "she", "told", "Mr.", "according", "to", "the", "council"),
    *("“", "”", '"', "‘", "’", "'", ",", ".", ":", "—", "\n", "\n\n"),
)
_MARKY_PROSE = st.lists(st.sampled_from(_PROSE_PIECES), max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(_MARKY_PROSE)
def test_no_arrangement_of_marks_breaks_the_parsed_pipeline_real_model(nlp, text):
    for quote in analyse(nlp, text):
        assert all(0 <= start < end <= len(text) for start, end in quote.fragments)
        if quote.speaker is not None:
            assert 0 <= quote.speaker.start < quote.speaker.end <= len(text)


def test_seed_article_gives_the_quotes_of_the_issue_real_model(nlp):
    text = (SEEDS / "tillerson-lavrov.txt").read_text(encoding="utf-8")
    quotes = analyse(nlp, text)
    expected = [
        ("meddling in the elections", "Rex Tillerson"),
        ("We talked about it", "Rex Tillerson"),
        ("(I said) this had created", "Rex Tillerson"),
        ("if the US side decides", "Sergei Ryabkov"),
        ("I told the foreign minister", "Rex Tillerson"),
        ("We have our differences, we’re going", "Rex Tillerson"),
    ]
    body = [q for q in quotes if q.text != "We have our differences"]
    found = [(q.text, q.speaker.name if q.speaker else None) for q in body]
    assert len(found) == len(expected), found
    for (text, name), (start, expected_name) in zip(found, expected, strict=True):
        assert text.startswith(start)
        assert name == expected_name
    headline = [q for q in quotes if q.text == "We have our differences"]
    assert all(q.speaker.name == "Rex Tillerson" for q in headline)


def test_split_quote_is_one_quote_with_two_fragments_real_model(nlp):
    text = (
        "The mayor spoke on Tuesday.\n"
        "“We will rebuild the bridge by spring,” Maria Lopez said, "
        "“and nobody will pay a cent more.”\n"
    )
    (quote,) = analyse(nlp, text)
    assert len(quote.fragments) == 2
    assert quote.speaker.text == "Maria Lopez"
    assert quote.cue.text == "said"


def test_partial_quote_inside_a_sentence_real_model(nlp):
    text = "Senator John Park told reporters that the plan was “a serious mistake.”\n"
    (quote,) = analyse(nlp, text)
    assert quote.text == "a serious mistake."
    assert quote.speaker.text == "John Park"


def test_a_quote_reported_within_another_attribution_is_the_reporters_real_model(nlp):
    text = "City lawyer Nora Field said in a letter that the flyer “falsely” suggests support.\n"
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text == "Nora Field"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“The budget is balanced,” Helen Ward said.", "Helen Ward"),
        ("“The budget is balanced,” said Helen Ward.", "Helen Ward"),
        ("Helen Ward said: “The budget is balanced.”", "Helen Ward"),
        (
            "Helen Ward defended the plan on Monday, saying “the budget is balanced.”",
            "Helen Ward",
        ),
        ("“The budget is balanced.” — Helen Ward", "Helen Ward"),
        ("According to Helen Ward, “the budget is balanced.”", "Helen Ward"),
        (
            "Sir Vince Cable, who replaced Tim Farron last year, said “the budget is balanced.”",
            "Vince Cable",
        ),
    ],
    ids=["after", "inverted", "colon", "saying", "dash", "according-to", "aside"],
)
def test_speaker_before_after_inverted_and_around_asides_real_model(nlp, sentence, speaker):
    (quote,) = analyse(nlp, f"Budget news.\n{sentence}\n")
    assert speaker in quote.speaker.text


def test_pronoun_speaker_is_the_subject_not_the_nearest_name_real_model(nlp):
    text = (
        "Governor Alan Brooks met Mayor Tom Reyes on Friday.\n"
        "Brooks said he discussed the strike with Reyes: "
        "“I told the mayor we would not give in.”\n"
        "“We have our plans,” he said.\n"
    )
    quotes = analyse(nlp, text)
    assert only(quotes, "I told the mayor").speaker.name.endswith("Brooks")
    pronoun = only(quotes, "We have our plans")
    assert pronoun.speaker.text == "he"
    assert pronoun.speaker.name.endswith("Brooks")


def test_pronoun_speaker_agrees_in_gender_with_the_article_real_model(nlp):
    text = (
        "Mayor Tom Reyes said he was grateful. Reyes said his city needed the bridge.\n"
        "Senator Mary Holt said she would fund it. Holt said her office had the money.\n"
        "“We will build it together,” he said.\n"
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text == "he"
    assert quote.speaker.name.endswith("Reyes")


def test_quoted_paragraph_after_an_attributed_quote_continues_its_speaker_real_model(nlp):
    text = (
        "Farmers gathered in the square.\n"
        "“The rain came too late,” said Peter Olsen, who grows wheat near the river.\n"
        "“Half of the harvest is gone, and the banks will not wait.”\n"
    )
    quotes = analyse(nlp, text)
    follow_up = only(quotes, "Half of the harvest")
    assert follow_up.speaker.text == "Peter Olsen"


def test_organization_and_role_speakers_real_model(nlp):
    text = (
        "The White House said the talks were “productive and frank.”\n"
        "“We stand by our reporting,” the newspaper wrote in an editorial.\n"
    )
    quotes = analyse(nlp, text)
    white_house = only(quotes, "productive and frank")
    assert white_house.speaker.text.endswith("White House")
    org_keys = {m.key for m in mentions_from_doc(nlp(text)) if m.kind is Kind.ORG}
    assert white_house.speaker.key is None or white_house.speaker.key in org_keys
    assert only(quotes, "We stand by our reporting").speaker.text == "the newspaper"


def test_a_speaker_phrase_is_not_filed_under_a_name_it_only_mentions_real_model(nlp):
    text = "Senator Ann Ruiz's doctor said the senator was “in excellent health.”\n"
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text.endswith("doctor")
    assert quote.speaker.key is None


def test_scare_quotes_and_titles_are_left_out_or_unattributed_real_model(nlp):
    text = (
        "Critics mocked the so-called “woke” agenda of the studio.\n"
        "The studio released “The Long Road Home” in March.\n"
    )
    quotes = analyse(nlp, text)
    assert all(q.speaker is None or q.speaker.text != "The studio" for q in quotes)
    assert "The Long Road Home" not in [q.text for q in quotes]


def test_quote_over_paragraphs_is_one_quote_real_model(nlp):
    text = (
        "The coach spoke after the game.\n"
        "“We played badly in the first half.\n"
        "“In the second half we found our rhythm,” Dana Hill said.\n"
    )
    (quote,) = analyse(nlp, text)
    assert len(quote.fragments) == 2
    assert quote.speaker.text == "Dana Hill"


def test_unbalanced_marks_leave_the_rest_of_the_article_analysed_real_model(nlp):
    text = (
        "Officials said ”the count is late.\n"
        "Ruth Adler, the county clerk, said “it will be finished on Sunday.”\n"
    )
    quotes = analyse(nlp, text)
    assert only(quotes, "it will be finished").speaker.text == "Ruth Adler"


def test_a_nickname_in_marks_is_not_a_quote_and_keeps_the_name_a_speaker_real_model(nlp):
    text = (
        "The hall was full.\n"
        "“We are ready for this fight!” the mayor's aide, Robert “Bobby” Kane, told the crowd.\n"
    )
    quotes = analyse(nlp, text)
    assert [q.text for q in quotes] == ["We are ready for this fight!"]
    assert "Kane" in quotes[0].speaker.text or "aide" in quotes[0].speaker.text


def test_a_quote_in_a_coordinated_clause_is_that_clauses_speakers_real_model(nlp):
    text = (
        "Police released the video on Friday.\n"
        "Chief Laura Ortiz said the footage was “not conclusive,” but her deputy said that "
        "the video “supports what the officers told us.”\n"
    )
    quotes = analyse(nlp, text)
    assert only(quotes, "not conclusive").speaker.text == "Laura Ortiz"
    assert only(quotes, "supports what").speaker.text.endswith("deputy")


def test_as_someone_put_it_after_a_quote_names_its_speaker_real_model(nlp):
    text = (
        "The council debated the budget.\n"
        "Its main worry is the cost of the new stadium, a “bottomless pit for public money,” "
        "as a city audit put it.\n"
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text.endswith("audit")
    assert quote.cue.text == "put"


def test_according_to_at_the_head_of_the_sentence_attributes_a_partial_quote_real_model(nlp):
    text = (
        "Two builders were charged on Monday.\n"
        "According to a 40-count civil complaint filed last week by the Securities and "
        "Exchange Commission and a separate complaint by the state of Ohio, the two developers "
        "of the new downtown hotel and its parking garage ran a “massive and deliberate "
        "scheme” to cheat their investors.\n"
    )
    (quote,) = analyse(nlp, text)
    assert "complaint" in quote.speaker.text


def test_according_to_names_its_object_even_when_parsed_as_a_verb_real_model(nlp):
    text = (
        "The host was rude to his guests.\n"
        "According to show insiders, “he never read the scripts.”\n"
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text.endswith("insiders")


def test_a_name_right_before_a_cue_the_parser_left_without_subject_speaks_real_model(nlp):
    text = (
        "Whenever prices climb at the end of a long and bitter winter, Murphy and Lopez "
        'call it "a squeeze" and ask for help.\n'
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text.endswith("Lopez")


def test_a_call_on_someone_does_not_report_the_quote_below_it_real_model(nlp):
    text = (
        "Senator Dana Voss, a member of the banking panel, called on the governor to stop "
        "the closures -- cuts the Ohio senator said are designed to "
        '"punish rural towns" before the vote.\n'
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text.endswith("senator")


def test_a_name_and_its_apposition_before_a_cue_left_without_subject_real_model(nlp):
    text = (
        "In a town hall meeting last week in Denver, Marc T. Hale, the president of the "
        "Western Farm League, bluntly told a student who asked whether farmers should give up "
        'that "this is not the first drought and quitting is not a plan."\n'
    )
    (quote,) = analyse(nlp, text)
    assert "Hale" in quote.speaker.text


def test_a_signature_signs_every_quote_of_its_paragraph_real_model(nlp):
    text = (
        "Readers wrote to us about the election.\n"
        "“The debate was a circus.” — Maria Flores\n"
        "“I will vote for the first time. As my father liked to say ‘Every vote is a voice.” "
        "And that is the point “of it all’.” — Jorge Medina\n"
    )
    quotes = analyse(nlp, text)
    assert only(quotes, "The debate").speaker.text == "Maria Flores"
    last = only(quotes, "I will vote")
    assert last.speaker.text == "Jorge Medina"


def test_per_after_a_quote_names_its_source_real_model(nlp):
    text = (
        "Members may not vote by proxy when the board meets “to choose a new treasurer,” "
        "per the club's charter. Dues are $40 per year.\n"
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text.endswith("charter")
    assert quote.cue.text == "per"


def test_a_partial_quote_in_a_complement_clause_is_the_view_of_its_holder_real_model(nlp):
    text = (
        "A new survey was published on Sunday.\n"
        "Only 41 percent of likely voters agreed that the governor is "
        '"honest enough to lead the state," while most had doubts.\n'
    )
    (quote,) = analyse(nlp, text)
    assert "percent" in quote.speaker.text


def test_a_proper_noun_subject_is_not_replaced_by_its_apposition_real_model(nlp):
    text = "“I’m not going anywhere,” Marsh, a Republican, told the crowd.\n"
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text == "Marsh"


def test_quoted_as_saying_gives_the_quote_to_the_passive_subject_real_model(nlp):
    text = (
        "The former governor has been quoted as saying that the tax was “a mistake from day one.”\n"
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text == "The former governor"


def test_a_negated_or_declined_speech_verb_is_no_cue_real_model(nlp):
    text = (
        'Told of the governor\'s remark that the bill was "dead," the mayor declined to comment.\n'
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text == "the governor"


def test_a_passive_speech_verb_without_agent_names_no_speaker_real_model(nlp):
    text = (
        "Farmers who sell to both counties pay the fee twice, under what has been criticized "
        "as a “pay twice, plant once” rule for the valley.\n"
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker is None


def test_a_quoted_sentence_after_a_passive_one_is_its_subjects_real_model(nlp):
    text = (
        "Mark Hale, the mayor, met the union on Monday. He was not convinced.\n"
        '"I have heard all of this before."\n'
    )
    (quote,) = analyse(nlp, text)
    assert quote.speaker.text == "He"
    assert quote.speaker.name.endswith("Hale")
