"""A number and a dash before a capitalized group make a layout person ("15 - Jeff Wilson",
`sports.with_person_patterns`), but not before a sentence's first word: an almanac's dated
lines ("1901 - In Kestria , ...") name no "In Kestria".

The article is written for these tests; the doc is hand-labelled (no model loaded).
"""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def test_a_dated_line_s_first_word_is_no_first_name():
    doc = labelled(
        "Today in history\n"
        "1714 - The Treaty of Varno was signed .\n"
        "1901 - In Kestria , the long strike ended .\n",
    )
    assert [text for text, kind in found(mentions_from_doc(doc)) if kind == "PERSON"] == []


def test_a_shirt_number_before_a_name_still_makes_a_person():
    doc = labelled("Line-up\n15 - Jeff Walmsley , 14 - Tom Brannock\n")
    persons = [text for text, kind in found(mentions_from_doc(doc)) if kind == "PERSON"]
    assert persons == ["Jeff Walmsley", "Tom Brannock"]
