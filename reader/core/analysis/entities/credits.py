"""Credit lines: who took the photo and who reported, wrote and edited the story.

Wire copy signs its pictures "REUTERS/Firstname Lastname/File Photo" or "Firstname Lastname/Pool
via REUTERS" and its stories "(Reporting by A and B in City; Editing by C)" or "(By A)". The
model runs these into one organization or cuts the names wrong, and the tokenizer keeps
"REUTERS/Firstname" as one token, so they are read here on the characters of each line: the
agency and a pool are organizations, the names are persons, "File Photo" names nothing.

Serves agency copy as web pages print it today (the 2020 Reuters texts of entities-dev-2020:
photo credits, "Reporting by"); the 1996 wire has none. No figure recorded (dd48ad4).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate, doc_text, once_per_doc
from reader.core.analysis.entities.token_facts import token_starts, token_texts
from reader.core.model import Kind

# A capitalized word of a name; "lo" and "bin" may stand between two ("Flavio lo Scalzo").
_WORD = r"[A-Z][\w'’.-]*"
_PARTICLE = r"(?:lo|van|von|de|der|den|da|di|du|le|la|del|dos|bin|ibn|al|el)"
_NAME = rf"{_WORD}(?: (?:{_PARTICLE} )?{_WORD}){{0,4}}"
# A chain of names joined by slashes and "via", holding an agency's name in capitals.
_PHOTO_CREDIT = re.compile(rf"(?<![\w/])({_NAME})((?:(?:/| via |/via ){_NAME})+)")
_AGENCY = re.compile(r"[A-Z]{3,}")
_SEPARATOR = re.compile(r"/via |/| via ")
_NO_NAME = frozenset({"file photo", "file", "photo", "illustration", "handout", "mandatory credit"})
_POOL = "pool"
# "Reporting by", "Editing by", "(By": the names after it, to the end of the list.
_CREDIT_VERB = re.compile(
    r"(?i:(?:additional )?(?:reporting|writing|editing|compiled|produced|graphics|research))"
    r" by |(?<=\()By |^[ \t]*By "
)
_LIST_SEPARATOR = re.compile(r",? and |, ")
_CALENDAR_WORDS = """
Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April June July
August September October November December Monday Tuesday Wednesday Thursday Friday Saturday
Sunday"""
_CALENDAR = frozenset(_CALENDAR_WORDS.split())
# Characters: a longer line is prose, not a credit, and the patterns never run over it
# (dd48ad4; 7f82d04 kept the entity step linear at 1 MB).
_LONGEST_CREDIT_LINE = 400


# Picture credits on a line of their own, as web pages print them: "Photo: Jane Doe/Getty
# Images", "Getty/Instagram.", or a caption's "(Instagram)" at the line's end.
_CREDIT_LABEL = re.compile(r"(?i:photo(?:graph)?s?|pictures?|images?|credits?)(?: by)?: *")
_SOURCE = r"[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3}"
_SOURCE_LINE = re.compile(rf" *({_SOURCE}(?:(?:/| via ){_SOURCE})*)\.? *")
_BRACKETED_SOURCE = re.compile(rf"\(({_SOURCE})\)\.? *$")
# Where a picture was posted: a medium, not an actor of the story (as `furniture` reads
# "said on Twitter"); credited, it names nothing.
_PLATFORMS = frozenset(
    {"instagram", "twitter", "facebook", "youtube", "tiktok", "snapchat", "flickr", "x"}
)
_PICTURE_SOURCE_WORDS = frozenset({"images", "photos", "pictures", "getty", "shutterstock"})


@dataclass(frozen=True, slots=True)
class Credit:
    """A name in a credit line: characters [start, end) of the Doc's text, and its kind (None:
    a platform, which names nothing but is no other name either)."""

    start: int
    end: int
    kind: Kind | None


def credits_in(doc: Doc) -> list[Credit]:
    """The agencies, pools and persons named in the Doc's credit lines, sorted by start."""
    found: list[Credit] = []
    text = doc_text(doc)
    offset = 0
    for line in text.split("\n"):
        if len(line) < _LONGEST_CREDIT_LINE:
            found.extend(_photo_credits(line, offset) or _picture_sources(line, offset))
            found.extend(_byline_credits(line, offset))
        offset += len(line) + 1
    return sorted(found, key=lambda c: c.start)


def _photo_credits(line: str, offset: int) -> list[Credit]:
    """The names in "REUTERS/A B/File Photo", "A B/Pool via REUTERS", "Kyodo/via REUTERS"."""
    found = []
    for match in _PHOTO_CREDIT.finditer(line):
        parts = _parts(match.group(0), match.start())
        has_agency = any(_AGENCY.fullmatch(part) for part, _, _ in parts)
        has_person = any(" " in part and not part.isupper() for part, _, _ in parts)
        followed_by_prose = re.match(r"\W*[a-z]", line[match.end() :]) is not None
        if followed_by_prose or not has_agency or not (has_person or "via " in match.group(0)):
            continue
        photographer_seen = False
        for part, start, before_via in parts:
            low = part.casefold()
            if low in _NO_NAME:
                continue
            if low == _POOL or _AGENCY.fullmatch(part) or before_via or photographer_seen:
                # an agency, a pool, the paper that took the picture ("A B/Reno Gazette Journal")
                found.append(Credit(offset + start, offset + start + len(part), Kind.ORG))
            else:
                found.append(Credit(offset + start, offset + start + len(part), Kind.PERSON))
                photographer_seen = True
    return found


def _picture_sources(line: str, offset: int) -> list[Credit]:
    """The sources of a picture credit on a line of its own ("Photo: Jane Doe/Getty Images",
    "Getty/Instagram.") or bracketed at a caption's end ("(Instagram)"): a platform names
    nothing, a photographer first in a labelled credit is a person, the rest organizations.
    A line of names joined by slashes counts only with a picture source or a platform in it
    ("Radio Free Europe/Radio Liberty" alone on a line is no credit)."""
    label = _CREDIT_LABEL.match(line)
    body_start = label.end() if label else 0
    chain = _SOURCE_LINE.fullmatch(line, body_start)
    if chain is None:
        bracketed = _BRACKETED_SOURCE.search(line)
        if bracketed is None or bracketed.group(1).casefold() not in _PLATFORMS:
            return []
        return [Credit(offset + bracketed.start(1), offset + bracketed.end(1), None)]
    parts = _parts(chain.group(1), chain.start(1))
    words = {w.casefold() for part, _, _ in parts for w in part.split()}
    if label is None and (len(parts) < 2 or not words & (_PLATFORMS | _PICTURE_SOURCE_WORDS)):
        return []
    found = []
    for k, (part, start, _) in enumerate(parts):
        part = without_full_stop(part)
        low = part.casefold()
        if low in _NO_NAME:
            continue
        if low in _PLATFORMS:
            kind = None
        elif label and k == 0 and len(parts) > 1 and " " in part and not words_say_source(part):
            kind = Kind.PERSON
        else:
            kind = Kind.ORG
        found.append(Credit(offset + start, offset + start + len(part), kind))
    return found


def without_full_stop(name: str) -> str:
    """A credited name without the full stop ending its line ("Will Dunham." is "Will
    Dunham"); an initial keeps its own ("Jane Q.")."""
    last = name.rsplit(" ", 1)[-1]
    return name[:-1] if name.endswith(".") and len(last) > 2 else name


def words_say_source(part: str) -> bool:
    """Whether a credit's part names a picture agency by its words ("Getty Images")."""
    return any(w.casefold() in _PICTURE_SOURCE_WORDS for w in part.split())


def _parts(chain: str, position: int) -> list[tuple[str, int, bool]]:
    """The chain's parts: (text, start in the line, whether "via" follows it); a part in
    capitals keeps its first word only ("REUTERS THIS IMAGE HAS BEEN" is the agency)."""
    parts = []
    start = 0
    for separator in [*_SEPARATOR.finditer(chain), None]:
        end = separator.start() if separator else len(chain)
        part = chain[start:end]
        if part.isupper():
            part = part.split(" ")[0]
        before_via = separator is not None and "via" in separator.group(0)
        parts.append((part, position + start, before_via))
        if separator is None:
            break
        start = separator.end()
    return parts


def _byline_credits(line: str, offset: int) -> list[Credit]:
    """Names after "Reporting by", "Editing by" and a bracketed or opening "By"."""
    stripped = line.strip()
    if not (stripped.startswith("(") or stripped.startswith("By ")):
        return []
    found = []
    for verb in _CREDIT_VERB.finditer(line):
        position = verb.end()
        while True:
            name = re.match(_NAME, line[position:])
            if name is None:
                break
            words = name.group(0).split(" ")
            while words and (words[-1] in _CALENDAR or _is_credit_word(line, position, words)):
                words.pop()
            if not words:
                break
            length = len(without_full_stop(" ".join(words)))
            found.append(Credit(offset + position, offset + position + length, Kind.PERSON))
            rest = line[position + length :]
            rest = re.sub(r"^ in [A-Z][\w.-]*(?: [A-Z][\w.-]*)?", "", rest)
            separator = _LIST_SEPARATOR.match(rest)
            if separator is None:
                break
            position = len(line) - len(rest) + separator.end()
    return found


def _is_credit_word(line: str, position: int, words: list[str]) -> bool:
    """The last word is the next credit's verb ("Estelle Shirbon Editing by David Goodman")."""
    end = position + len(" ".join(words))
    return line[end : end + 4] == " by " or words[-1].casefold() in ("reporting", "editing")


class CreditIndex:
    """The credits of a Doc, for asking in O(log n) whether a stretch of text overlaps one."""

    def __init__(self, credits: list[Credit]) -> None:
        self.credits = credits
        self._starts = [c.start for c in credits]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether characters [start, end) overlap a credit."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self.credits[i].end > start

    def without_credits(self, doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        """`candidates` less those on a credit's characters."""
        if not self.credits:
            return list(candidates)
        starts, texts = token_starts(doc), token_texts(doc)
        return [
            c
            for c in candidates
            if not self.overlaps(starts[c.start], starts[c.end - 1] + len(texts[c.end - 1]))
        ]


def credit_index(doc: Doc) -> CreditIndex:
    """The Doc's credits, read once: their names leave the candidates first and become
    mentions of their own last (`naming.to_mentions`)."""
    return once_per_doc(doc, "credits", lambda d: CreditIndex(credits_in(d)))


def drop_credit_lines(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less those on a credit line's characters, which are read there instead."""
    return credit_index(doc).without_credits(doc, candidates)
