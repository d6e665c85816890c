"""What the fuzz suite counts as a silent loss (tests/fuzz/runner.py): a file read without a
word whose planted sentence is missing. A refusal or a warning is told; spaces may differ."""

from __future__ import annotations

from tests.fuzz.runner import Run, silently_lost

PLANTED = "Zebulon Quist of Varnholm filed report 12345 on Monday."


def test_a_reading_without_the_sentence_and_without_a_word_is_a_silent_loss():
    assert silently_lost(PLANTED, "Other text entirely.", Run(0, b"{}", ""))


def test_the_sentence_wrapped_over_lines_is_kept():
    wrapped = "Intro.\nZebulon Quist of Varnholm filed\nreport 12345  on Monday.\nEnd."
    assert not silently_lost(PLANTED, wrapped, Run(0, b"{}", ""))


def test_a_refusal_or_a_reading_with_a_message_is_told():
    refused = Run(1, b'{"error": "x"}', "reader: x.docx is refused: it would unpack past 80 MB\n")
    assert not silently_lost(PLANTED, None, refused)
    warned = Run(0, b"{}", "reader: x.txt changes encoding midway; the rest was skipped\n")
    assert not silently_lost(PLANTED, "Only the start.", warned)
