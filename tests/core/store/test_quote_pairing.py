"""The rules that make two quotes one quote (issue 24): punctuation, elisions, a few words
added or dropped, a quote cut shorter; a paraphrase and short slogans do not pair."""

from __future__ import annotations

from reader.core.store.quote_pairing import (
    Change,
    compare,
    pair_keys,
    quote_layout,
    quote_pieces,
    quote_words,
    same_quote,
)

ORIGINAL = "We are going to rebuild this country, and we are going to do it together."


def words(text: str):
    return quote_words([(text, 0)])


def test_words_drop_punctuation_and_case_and_keep_offsets_into_the_text():
    found = quote_words([("Don’t, ever — STOP.", 10)])
    assert found.words == ("don't", "ever", "stop")
    assert found.spans == ((10, 15), (17, 21), (24, 28))
    assert found.gaps == frozenset()


def test_an_elision_marks_a_gap_before_the_next_word():
    assert words("We are going … together").gaps == {3}
    assert words("We are going [...] together").gaps == {3}
    assert words("We are going to... ").gaps == {4}


def test_pieces_of_a_split_quote_come_from_its_text_and_fragments():
    # The article: “We will win,” she said, “and soon.” The quote's text joins the fragments.
    pieces = quote_pieces("We will win, … and soon.", 1, ((1, 13), (26, 35)))
    assert pieces == [("We will win,", 1), ("and soon.", 26)]
    joined = quote_words(pieces)
    assert joined.words == ("we", "will", "win", "and", "soon")
    assert joined.gaps == frozenset()  # the joiner is not an elision
    assert joined.spans[3] == (26, 29)
    assert quote_pieces("odd text", 5, ((5, 7), (9, 10))) == [("odd text", 5)]


def test_changed_punctuation_is_the_same_quote_with_no_difference():
    other = words("We are going to rebuild this country - and we are going to do it, together!")
    assert same_quote(words(ORIGINAL), other)
    assert not compare(words(ORIGINAL), other).misquote


def test_a_quote_cut_shorter_pairs_and_its_missing_ends_are_cut():
    shorter = words("rebuild this country")  # three words: too short to pair alone
    assert not same_quote(words(ORIGINAL), shorter)
    shorter = words("going to rebuild this country")
    comparison = compare(words(ORIGINAL), shorter)
    assert same_quote(words(ORIGINAL), shorter)
    assert {d.change for d in comparison.stretches} == {Change.CUT, Change.SAME}
    assert not comparison.misquote


def test_an_elision_pairs_and_the_elided_words_are_not_a_misquote():
    elided = words("We are going to rebuild this country, … together.")
    comparison = compare(words(ORIGINAL), elided)
    assert same_quote(words(ORIGINAL), elided)
    assert [d.change for d in comparison.stretches if d.change != Change.SAME] == [Change.ELIDED]
    assert not comparison.misquote


def test_a_word_changed_pairs_and_is_marked_as_a_possible_misquote():
    changed = words("We are going to rebuild this nation, and we are going to do it together.")
    comparison = compare(words(ORIGINAL), changed)
    assert same_quote(words(ORIGINAL), changed)
    (difference,) = [d for d in comparison.stretches if d.change != Change.SAME]
    assert difference.change == Change.CHANGED
    assert changed.words[difference.b_start : difference.b_end] == ("nation",)
    assert comparison.misquote


def test_a_few_words_added_or_dropped_pair_as_a_misquote():
    added = words("We are going to rebuild this great country, and we are going to do it together.")
    dropped = words("We are going to rebuild this country, and we are going to do it.")
    for other, change in ((added, Change.ADDED), (dropped, Change.CUT)):
        comparison = compare(words(ORIGINAL), other)
        assert same_quote(words(ORIGINAL), other)
        assert change in {d.change for d in comparison.stretches}
    inside = words("We are going to rebuild this country, and we are going to do together.")
    assert compare(words(ORIGINAL), inside).misquote


def test_a_paraphrase_does_not_pair():
    paraphrase = words("they would rebuild the country and they would do that together")
    assert not same_quote(words(ORIGINAL), paraphrase)
    lectured = words("She will not be lectured by the press about her health")
    assert not same_quote(words("I will not be lectured by the media about my health"), lectured)


def test_another_quote_sharing_a_few_words_does_not_pair():
    other = words("We are going to win this election, believe me.")
    assert not same_quote(words(ORIGINAL), other)


def test_index_keys_are_neighbouring_word_pairs():
    assert pair_keys(words("a b c b c")) == {("a", "b"), ("b", "c"), ("c", "b")}


def test_the_layout_says_where_each_stretch_is_in_the_quote_text_and_the_article():
    assert quote_layout("We will win, … and soon.", 1, ((1, 13), (26, 35))) == [
        (0, 1, 12),
        (15, 26, 9),
    ]
