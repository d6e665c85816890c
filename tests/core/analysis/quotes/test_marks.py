"""Pairing quotation marks: linear in the marks, and the same pairs as the plain rescan.

The rescan below is the pairing as first written (each unpaired opening mark made the rest
of its paragraph be paired again), with the rule for a quote resumed in a paragraph that opens
without a mark: kept here as the specification the one-pass pairing must match, on any
arrangement of marks.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.quotes import find_quoted_runs, marks
from reader.core.analysis.quotes.marks import _mark_pattern, _Role, _role, _trimmed, paragraphs


def rescan_pairs(text: str) -> list[list[tuple[int, int]]]:
    """The specification: pair, and after an unclosed mark pair the marks after it afresh."""
    pattern = _mark_pattern(False)
    lines = list(paragraphs(text))
    runs: list[list[tuple[int, int]]] = []
    carried: list[tuple[int, int]] | None = None
    carried_glyph = ""
    resumed: list[tuple[int, int]] | None = None
    for index, (par_start, par_end) in enumerate(lines):
        region = par_start
        if resumed is not None:
            closer = next(pattern.finditer(text, par_start, par_end))
            fragment = _trimmed(text, par_start, closer.start())
            runs.append([*resumed, fragment] if fragment else resumed)
            resumed, region = None, closer.end()
        while True:
            found = list(pattern.finditer(text, region, par_end))
            pairs, open_mark = [], None
            nested = False
            for i, mark in enumerate(found):
                role = _role(text, mark.start(), mark.end())
                if carried is not None and i == 0:
                    open_mark = mark
                elif open_mark is None:
                    if role is not _Role.CLOSE:
                        open_mark = mark
                elif not nested:
                    if role is _Role.OPEN:
                        nested = True
                    else:
                        pairs.append((open_mark.end(), mark.start()))
                        open_mark = None
                elif role is not _Role.OPEN:
                    nested = False
            for start, end in pairs:
                run = carried if carried is not None else []
                carried = None
                fragment = _trimmed(text, start, end)
                if fragment:
                    run.append(fragment)
                if run:
                    runs.append(run)
            if open_mark is None:
                carried = None
                break
            run = carried if carried is not None else []
            glyph = carried_glyph if carried is not None else open_mark.group()
            fragment = _trimmed(text, open_mark.end(), par_end)
            following = lines[index + 1][0] if index + 1 < len(lines) else None
            if following is not None and text.startswith(glyph, following):
                if fragment:
                    run.append(fragment)
                carried, carried_glyph = run, glyph
                break
            carried = None
            later = list(pattern.finditer(text, open_mark.end(), par_end))
            if not later and following is not None:
                first_below = next(pattern.finditer(text, following, lines[index + 1][1]), None)
                if (
                    first_below is not None
                    and _role(text, first_below.start(), first_below.end()) is _Role.CLOSE
                    and text[first_below.start() - 1] in ".!?,"
                ):
                    resumed = [*run, fragment] if fragment else run
                    break
            if run or list(pattern.finditer(text, open_mark.end(), par_end)):
                if run:
                    runs.append(run)
                region = open_mark.end()
                continue
            if fragment:
                runs.append([fragment])
            break
    return runs


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='ab “”"\n,.', max_size=60))
def test_one_pass_pairing_gives_the_pairs_of_the_rescan(text):
    assert [run.fragments for run in find_quoted_runs(text)] == rescan_pairs(text)


def test_ten_thousand_opening_marks_are_judged_once_each(monkeypatch):
    text = "He said " + "“" * 10_000 + " and left.\n"
    judged = []

    def counting_role(*args):
        judged.append(args[1])
        return _role(*args)

    monkeypatch.setattr(marks, "_role", counting_role)
    runs = find_quoted_runs(text)
    # The last mark is left open: the rest of the paragraph is kept as an unclosed quote.
    assert [([text[s:e] for s, e in run.fragments], run.closed) for run in runs] == [
        (["and left."], False)
    ]
    assert len(judged) == 10_000
    assert sorted(judged) == [m.start() for m in re.finditer("“", text)]


def test_pairing_steps_grow_linearly_with_alternating_stray_marks(monkeypatch):
    """Opening marks that never close, between real quotes: every mark judged once."""
    for size in (100, 1_000):
        text = ("“ “a” " * size) + "\n"
        judged = []

        def counting_role(*args, judged=judged):
            judged.append(1)
            return _role(*args)

        monkeypatch.setattr(marks, "_role", counting_role)
        runs = find_quoted_runs(text)
        assert len(judged) == 3 * size
        assert all(text[s:e] in ("a", "“a") for run in runs for s, e in run.fragments)


def single_quoted(text: str) -> list[str]:
    runs = marks.find_single_mark_runs(text, find_quoted_runs(text))
    return [text[s:e] for run in runs for s, e in run.fragments]


def test_single_marks_closing_after_spoken_punctuation_make_quotes():
    text = (
        "Title line\n\n"
        "‘We moved money around,’ she said. 'Then we called it a plan.' In the '90s it was "
        "different: the Smiths' house and rock 'n' roll, don't forget.\n"
    )
    assert single_quoted(text) == ["We moved money around,", "Then we called it a plan."]


def test_single_marks_are_not_read_in_headings_titles_or_beside_double_marks():
    text = (
        "‘We will win this one,’ says the mayor.\n\n"
        "Mayor Vows ‘Never Again, Never Here.’\n\n"
        "A short heading ‘We will,’\n\n"
        "\"He said 'we are fine,' and left,\" she said.\n\n"
        "''I told them, 'we are fine.' '' he said.\n"
    )
    assert single_quoted(text) == []


def test_single_marks_beside_a_double_quoted_phrase_still_make_a_quote():
    text = (
        "Title line\n\n"
        "Coombs called the deal “a collection of tricks.” 'They moved money from one pocket "
        "to another,' Coombs said.\n"
    )
    assert single_quoted(text) == ["They moved money from one pocket to another,"]
