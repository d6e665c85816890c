"""The date a news article's dateline states, at the start of its body.

News copy opens its first paragraph with a dateline: the place, often the day, the agency,
then a dash ("LISBONIA, Portugal, March 3, 2025 — Thousands of…", "LONDON 1996-08-30" on a
line of its own, "PARIS (Reuters) - March 3, 2025 - …"), or with the day alone ("March 3,
2025 — …", "Monday, 3 March 2025"). `dateline_date` reads the day of one such opening line;
`opening_date` looks for it only where a dateline stands: the body's first paragraph, after the
headline, byline, standfirst and photo captions, and never further into the text, so a date
someone mentions in a quote or a later paragraph is never taken for the article's.

A dateline without a year ("BEIJING, Dec 7 (Reuters) -", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —")
gives no date: the year is not guessed from the file's date or from a date deeper in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reader.core.text.loaders.metadata import written_date

# A place as datelines write it: its first word in capitals, one to four words ("LOS ANGELES",
# "ST. LOUIS", "LONDON/BRUSSELS", "RIO de JANEIRO"), then up to two more parts after commas
# ("LISBONIA, Portugal", "FLINT, Mich.", "TROMSO , Norway": the Reuters 1996 layout spaces its
# commas). A headline or a sentence opens with a word in lower case after its capital, so a
# line such as "Results of the March 3, 2025 vote" is never read as a dateline.
_CAPITALS = r"[A-Z][A-Z.'’/&-]*[A-Z.](?![a-z])"
_PLACE_WORD = r"[A-Z][\w.'’/&-]*"
_PARTICLE = r"(?:(?:de|da|del|do|la|le|el|es|am|upon|sur) )"
_PLACE_PART = rf"{_PLACE_WORD}(?: {_PARTICLE}?{_PLACE_WORD}){{0,3}}"
_PLACE = rf"{_CAPITALS}(?: {_PARTICLE}?{_PLACE_WORD}){{0,3}}(?:\s*,\s*{_PLACE_PART}){{0,2}}"
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+"
_MONTH = r"[A-Z][a-z]{2,8}\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# The written day with its year: "March 3, 2025", "Mar. 3 2025", "3 March 2025", "2025-03-03",
# after a weekday or not; `written_date` then reads it (and refuses a day that does not exist).
_DATE = (
    rf"(?P<date>(?:{_WEEKDAY})?(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}})"
    r"|\d{4}-\d{2}-\d{2})"
)
_AGENCY = r"\([A-Z][\w.&' -]{0,40}\)"  # (Reuters), (AP), (UPI), (Reuters Breakingviews)
_DASH = r"(?:—|–|--?|‑)"
_DATELINES = (
    # PLACE, DATE [(AGENCY)] — | PLACE DATE⏎ | DATE — | DATE⏎
    re.compile(rf"^(?:{_PLACE}\s*,?\s+)?{_DATE}\s*(?:{_AGENCY}\s*)?(?:{_DASH}|$)"),
    # PLACE (AGENCY) — DATE —
    re.compile(rf"^(?:{_PLACE}\s*)?{_AGENCY}\s*{_DASH}\s*{_DATE}\s*(?:{_DASH}|$)"),
)
# A line that is only the place ("FARMINGTON HILLS , Mich ."), its date on the next line.
_PLACE_LINE = re.compile(rf"^{_PLACE}\s*\.?$")
# A dateline and its date fit in this many characters: a long first line is read no further.
_MAX_DATELINE_CHARS = 300
# The dateline opens one of the first paragraphs or none: the headline, a byline, a standfirst
# and a photo caption with its credit come before it, never more than this many paragraphs.
OPENING_PARAGRAPHS = 6


def dateline_date(line: str) -> str | None:
    """The ISO day a dateline at the start of `line` states ("LISBONIA, Portugal, March 3,
    2025 — Thousands…" gives "2025-03-03"); None when the line opens with no dateline, with
    one that states no year, or with a day that does not exist. Only the line's first line
    is read."""
    first = " ".join(line[:_MAX_DATELINE_CHARS].split("\n", 1)[0].split())
    for pattern in _DATELINES:
        match = pattern.match(first)
        if match is not None:
            return written_date(match.group("date"))
    return None


def opening_date(
    paragraphs: Sequence[str], furniture: Callable[[int], bool], *, headline: bool
) -> str | None:
    """The date of the dateline that opens the body: the first of `paragraphs` (the article's
    in text order) that is not `furniture(index)` (a byline, standfirst, caption, credit,
    editor's note, as the loader tells them) or a line naming the place alone, when it opens
    with a dated dateline; None when that paragraph opens with none, or when no such
    paragraph comes within the first OPENING_PARAGRAPHS. With `headline`, the first paragraph
    is the headline and is never read for a date."""
    for index, paragraph in enumerate(paragraphs[:OPENING_PARAGRAPHS]):
        if headline and index == 0:
            continue
        date = dateline_date(paragraph)
        if date is not None:
            return date
        first = " ".join(paragraph[:_MAX_DATELINE_CHARS].split("\n", 1)[0].split())
        if not (furniture(index) or _PLACE_LINE.match(first)):
            return None
    return None
