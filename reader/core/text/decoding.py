"""Turning an article file's bytes into text: Unicode first, then legacy code pages by language.

Order: bytes that change encoding midway (UTF-8 then UTF-16, or back) are refused; a byte-order
mark (UTF-8/16/32) decides, unless what follows it is not text in that encoding (refused: more
than one character in a hundred broken or unassigned); then UTF-16/32 without a mark, told by
where the NUL bytes fall; then strict UTF-8 (or UTF-8 with a few broken sequences, such as a
file cut in the middle of a character); then the legacy code pages. For those, every candidate's
reading of the non-ASCII characters is scored against the alphabets of the languages it serves:
a letter of the language scores; a symbol in the middle of a word ("Z³rich"), a sign that never
touches a word glued to a letter ("¶θήνα": ISO-8859-7's Ά is Windows-1253's pilcrow), a capital
after a small letter ("σΆ": ISO-8859-7's apostrophe is Windows-1253's Ά), a letter of another
script inside a word, a control or a letter foreign to every language of the code page counts
against. Code pages that differ in a few bytes (ISO-8859-7 and Windows-1253, ISO-8859-2 and
1250, ISO-8859-15 and 1252) are thus told apart by which reading is valid and fits the language;
Greek and Cyrillic code pages overlap letter for letter, so there the language's most frequent
letters score more. When no reading is plausible, ArticleError says that the encoding cannot be
told, instead of showing mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.mixed_encodings import refuse_encoding_change

__all__ = ["LEGACY_ENCODINGS", "decode_text", "normalize_newlines"]

SAMPLE_BYTES = 256 * 1024
SAMPLED_CHARACTERS = 8000
MIN_PLAUSIBILITY = 0.5
_WESTERN = ("en", "fr", "de", "es", "pt", "it", "nl", "ca", "sv", "da", "fi", "is", "sq", "et")
_CENTRAL = ("pl", "cs", "sk", "hu", "ro", "hr", "sl", "sq", "de")
_CYRILLIC = ("ru", "uk", "bg", "sr")
_BALTIC = ("lv", "lt", "et", "pl", "fi", "sv", "de")
# Legacy code pages with the languages each serves, in the order preferred when readings tie
# (the most used first).
LEGACY_ENCODINGS = {
    "cp1252": _WESTERN,
    "iso8859_15": _WESTERN,
    "cp1250": _CENTRAL,
    "iso8859_2": _CENTRAL,
    "cp1251": _CYRILLIC,
    "koi8_r": _CYRILLIC,
    "koi8_u": _CYRILLIC,
    "iso8859_5": _CYRILLIC,
    "cp1253": ("el",),
    "iso8859_7": ("el",),
    "cp1254": ("tr", *_WESTERN),
    "cp1257": _BALTIC,
    "iso8859_13": _BALTIC,
    "iso8859_16": ("ro", "pl", "hr", "sl", "hu", "fr", "de", "it"),
    "cp1255": ("he",),
    "iso8859_8": ("he",),
    "cp1256": ("ar",),
    "cp874": ("th",),
    "cp932": ("ja",),
    "euc_jp": ("ja",),
    "cp949": ("ko",),
    "gb18030": ("zh",),
    "big5": ("zh",),
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class _Language:
    script: str
    letters: str  # lower-case letters beyond ASCII (all of them for non-Latin scripts)
    common: str = ""  # the most frequent letters, for scripts whose code pages overlap


_LATIN = "LATIN"
_LANGUAGES = {
    "en": _Language(_LATIN, "éèêëàâçïîôöüñ"),
    "fr": _Language(_LATIN, "àâæçéèêëîïôœùûüÿ"),
    "de": _Language(_LATIN, "äöüßé"),
    "es": _Language(_LATIN, "áéíñóúü"),
    "pt": _Language(_LATIN, "áâãàçéêíóôõú"),
    "it": _Language(_LATIN, "àèéìíîòóùú"),
    "nl": _Language(_LATIN, "áéèëïóöü"),
    "ca": _Language(_LATIN, "àçéèíïòóúü·"),
    "sv": _Language(_LATIN, "åäöé"),
    "da": _Language(_LATIN, "æøåé"),
    "fi": _Language(_LATIN, "äöåšž"),
    "is": _Language(_LATIN, "áðéíóúýþæö"),
    "pl": _Language(_LATIN, "ąćęłńóśźż"),
    "cs": _Language(_LATIN, "áčďéěíňóřšťúůýž"),
    "sk": _Language(_LATIN, "áäčďéíĺľňóôŕšťúýž"),
    "hu": _Language(_LATIN, "áéíóöőúüű"),
    "ro": _Language(_LATIN, "ăâîșțşţ"),
    "hr": _Language(_LATIN, "čćđšž"),
    "sl": _Language(_LATIN, "čšž"),
    "sq": _Language(_LATIN, "çë"),
    "tr": _Language(_LATIN, "çğıöşüâîûi", "çğıöşüi"),
    "lv": _Language(_LATIN, "āčēģīķļņšūž"),
    "lt": _Language(_LATIN, "ąčęėįšųūž"),
    "et": _Language(_LATIN, "äöõüšž"),
    "mt": _Language(_LATIN, "ċġħżàèìòù"),
    "ru": _Language("CYRILLIC", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "оеаинтсрвлкмдпуя"),
    "uk": _Language("CYRILLIC", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя", "оаніирвтесклудмп"),
    "bg": _Language("CYRILLIC", "абвгдежзийклмнопрстуфхцчшщъьюя", "аиоентрсвлкдпмзг"),
    "sr": _Language("CYRILLIC", "абвгдђежзијклљмнњопрстћуфхцчџш", "аиоенрсуткјвдмпл"),
    "el": _Language("GREEK", "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ", "ατοιενρσκηπςυμλίόάέ"),
    "he": _Language("HEBREW", "אבגדהוזחטיכלמנסעפצקרשתךםןףץ", "יוהלרבתמאשנע"),
    "ar": _Language("ARABIC", "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگی", "اليمونرتبةعدسفهكقأ"),
    "th": _Language("THAI", "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮะาำเแโใไๅ"),
}
# Ideographic and syllabic scripts: the scripts of each language. Ideographs count half for
# Korean (rare in its news) and for Japanese without kana, so Chinese read as either loses.
_SCRIPT_LANGUAGES = {
    "ja": ("HIRAGANA", "KATAKANA", "CJK"),
    "ko": ("HANGUL", "CJK"),
    "zh": ("CJK",),
}
_KANA = frozenset({"HIRAGANA", "KATAKANA"})
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL"})
# Typography that every code page carries and every language uses.
_TYPOGRAPHY = frozenset(
    "\u00a0\u00ad“”‘’„‚‹›«»–—…•·€£¥¢©®™°§¶†‡±×÷¹²³¼½¾¡¿´¨¸′″\u2009\u202f、。「」『』（）・，：；？！"
)
_INSIDE_WORDS = frozenset("’‘·\u00ad\u2010\u2011–—")
# Signs that stand apart from words (pilcrow, section, currency sign, broken bar, not sign,
# spacing accents): glued to a letter, they are another code page's letter or apostrophe.
_DETACHED = frozenset("¶§¤¦¬΅¨´¸˘˙˝˛ˇ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"\S+")
_LONGEST_WORD = 64  # characters of a run without spaces that are scored (its start)
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def decode_text(data: bytes, path: Path) -> str:
    """The text of an article file's bytes, with "\\r\\n" and "\\r" turned into "\\n".

    Raises ArticleError when the bytes are binary (NUL bytes or controls that are no text in
    any Unicode encoding) or when no encoding gives a plausible text (the message says the
    encoding cannot be told, rather than returning mojibake). `path` names the file in messages.
    """
    text = _decode(data, path)
    if _looks_binary(text):
        raise ArticleError(f"{path.name} looks like a binary file, not a text article.")
    return normalize_newlines(text.replace("\x00", ""))


def normalize_newlines(text: str) -> str:
    """Unix newlines: offsets of every later stage count one character per line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, path: Path) -> str:
    refuse_encoding_change(data, path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _marked(data[len(bom) :], encoding, path)
    wide = _wide_unicode(data)  # before UTF-8: UTF-16 of ASCII or Cyrillic is valid UTF-8
    if wide is not None:
        return wide
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data[:SAMPLE_BYTES]):
        return data.decode("utf-8", errors="replace")
    if b"\x00" in data[:SAMPLE_BYTES]:
        raise ArticleError(f"{path.name} looks like a binary file, not a text article.")
    return _legacy(data, path)


def _marked(data: bytes, encoding: str, path: Path) -> str:
    """The bytes after a byte-order mark in its encoding: a few broken units become U+FFFD and
    the rest survives; more than one character in a hundred broken, or unassigned or private
    (in the first SAMPLED_CHARACTERS), and the mark lies: ArticleError, one line."""
    text = data.decode(encoding, errors="replace")
    broken = len(text) - len(data.decode(encoding, errors="ignore"))  # one U+FFFD per error
    sample = text[:SAMPLED_CHARACTERS]
    unassigned = sum(unicodedata.category(char) in ("Cn", "Co") for char in sample)
    if broken > max(2, len(text) // 100) or unassigned > max(2, len(sample) // 100):
        label = encoding.removesuffix("-le").removesuffix("-be").upper()
        raise ArticleError(
            f"{path.name} starts with a {label} byte-order mark but is not {label} text"
            f" ({broken + unassigned:,} characters cannot be read); it may be damaged."
        )
    return text


def _looks_binary(text: str) -> bool:
    """More than one control character in a hundred (or three in a short text): no article."""
    return len(_BINARY_CONTROLS.findall(text)) > max(2, len(text) // 100)


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 with some broken sequences: 4 bytes in valid multi-byte sequences per stray one.

    Legacy text almost never holds a valid multi-byte sequence (its accented letters stand
    alone between ASCII; CJK code pages make valid pairs only by chance), so a file cut
    mid-character or with a few bad bytes stays UTF-8.
    """
    covered = sum(map(len, _UTF8_SEQUENCE.findall(sample)))
    stray = len(_HIGH_BYTE.findall(_UTF8_SEQUENCE.sub(b"", sample)))
    return covered > 0 and stray * 4 <= covered


def _wide_unicode(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where the NUL bytes fall."""
    sample = data[: SAMPLE_BYTES - SAMPLE_BYTES % 4]
    if b"\x00" not in sample:
        return None
    whole = data[: len(data) - len(data) % 2]
    if len(data) % 4 == 0:
        for encoding in ("utf-32-le", "utf-32-be"):
            text = _strict(data, encoding)
            if text is not None and not _looks_binary(text):
                return text
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    # Spaces alone put a NUL in one unit of twenty in Greek or Cyrillic; binary data has NULs
    # on both sides, and what it decodes to is checked for controls below.
    if odd_nuls > half // 20 and even_nuls * 10 < odd_nuls:
        encoding = "utf-16-le"
    elif even_nuls > half // 20 and odd_nuls * 10 < even_nuls:
        encoding = "utf-16-be"
    else:
        return None
    text = whole.decode(encoding, errors="replace")  # a lone surrogate is one broken unit
    return None if _looks_binary(text) else text


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _legacy(data: bytes, path: Path) -> str:
    """The legacy code page whose reading is most plausible; preference order breaks ties."""
    sample = data[:SAMPLE_BYTES]
    if len(data) > SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n")]  # no multi-byte character cut in two
    ranked = []
    for order, (encoding, languages) in enumerate(LEGACY_ENCODINGS.items()):
        reading = _strict(sample, encoding)
        if reading is not None:
            ranked.append((-plausibility(reading, languages), order, encoding))
    for score, _, encoding in sorted(ranked):
        if -score < MIN_PLAUSIBILITY:
            break
        text = _strict(data, encoding)
        if text is not None:
            return text
    raise ArticleError(
        f"{path.name} is not Unicode and its encoding cannot be told with confidence;"
        " save it as UTF-8 and open it again."
    )


def plausibility(text: str, languages: tuple[str, ...]) -> float:
    """How well the non-ASCII characters of `text` fit one of `languages`, from -1 to 1.

    Languages are ISO 639-1 codes (the values of LEGACY_ENCODINGS).

    Scored word by word (runs without spaces) on about the first SAMPLED_CHARACTERS non-ASCII
    characters; 1 when there are none.
    """
    counts: dict[str, int] = {}
    penalty = seen = 0
    for word in _WORD.finditer(text):
        token = text[word.start() : min(word.end(), word.start() + _LONGEST_WORD)]
        if token.isascii():
            continue
        mixed = len({_family(char) for char in token} - {"", "CJK"}) > 1
        for match in _NON_ASCII.finditer(token):
            char = match.group()
            position = match.start()
            before = token[position - 1] if position else " "
            after = token[position + 1] if position + 1 < len(token) else " "
            if _misplaced(char, before, after) or (mixed and char.isalpha()):
                penalty += 1
            else:
                counts[char] = counts.get(char, 0) + 1
            seen += 1
        if seen >= SAMPLED_CHARACTERS:
            break
    total = penalty + sum(counts.values())
    if total == 0:
        return 1.0
    best = max(_language_score(counts, name) for name in languages)
    return (best - penalty) / total


def _misplaced(char: str, before: str, after: str) -> bool:
    """A control, a symbol inside a word ("Z³rich"), a sign that stands apart from words glued
    to a letter ("¶θήνα"), a capital after a small letter ("σΆ"), a letter of another script
    beside one.

    Words mixing two alphabets ("Zьrich", "Aคฆ") are caught by the caller, word by word.
    """
    category = unicodedata.category(char)
    if category[0] == "C":
        return char != "\u00ad"
    if char in _DETACHED:
        return before.isalpha() or after.isalpha()
    if char.isupper() and before.islower():
        return True
    before_script, after_script = _family(before), _family(after)
    inside_word = bool(before_script and after_script)
    if category[0] not in "LM":  # East Asian writing has no spaces around its punctuation
        return (
            inside_word
            and "CJK" not in (before_script, after_script)
            and (char not in _INSIDE_WORDS)
        )
    return inside_word and _family(char) not in (before_script, after_script)


def _has_kana(counts: dict[str, int]) -> bool:
    """Whether a tenth of the characters are kana, as in any Japanese sentence."""
    own = sum(count for char, count in counts.items() if _script(char) in _KANA)
    return own * 10 >= sum(counts.values())


def _family(char: str) -> str:
    """The script of a letter, East Asian scripts as one (Japanese mixes them in a word)."""
    script = _script(char)
    return "CJK" if script in _EAST_ASIAN else script


@cache
def _script(char: str) -> str:
    """The script of a letter ("LATIN", "GREEK", "CJK", …), "" for anything else."""
    if not char.isalpha():
        return ""
    if char.isascii():
        return _LATIN
    name = unicodedata.name(char, "")
    word = name.split(" ", 1)[0]
    return word if word else "?"


def _language_score(counts: dict[str, int], name: str) -> float:
    language = _LANGUAGES.get(name)
    score = 0.0
    for char, count in counts.items():
        if char in _TYPOGRAPHY:
            score += count
            continue
        if language is None:
            script = _script(char)
            scripts = _SCRIPT_LANGUAGES[name]
            if script == "CJK" and name != "zh" and not (name == "ja" and _has_kana(counts)):
                score += count * 0.5
            else:
                score += count if script in scripts else -count
            continue
        lower = char.lower()[0]
        if lower in language.common:
            score += count
        elif lower in language.letters:
            score += count * (0.5 if language.common else 1.0)
        else:
            score -= count
    return score
