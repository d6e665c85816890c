"""Decoding a web page's bytes as a browser does: BOM, then the declared charset, WHATWG labels.

The order is the HTML Standard's encoding sniffing (§13.2.3.2 "Determining the character
encoding"): a byte-order mark first (the Encoding Standard's "BOM sniff", §6 "decode"), then a
<meta charset> or XML declaration near the top (the "prescan a byte stream", §13.2.3.2), then
autodetection, left to decoding.decode_text (UTF-16 without a BOM by its NULs, UTF-8, a legacy
code page that fits a language). Labels are resolved as "get an encoding" does (Encoding
Standard §4.2 "Names and labels").

The WHATWG Encoding Standard (what every browser implements) maps some labels to other
encodings than Python's codecs do: `latin1`, `iso-8859-1` and `ascii` all mean windows-1252, so
a page declaring latin-1 but written with curly quotation marks (bytes 0x91-0x94) shows them;
Python's latin-1 would turn them into invisible C1 controls.
"""

from __future__ import annotations

import codecs
import re

# WHATWG label -> Python codec, where Python's own lookup would decode differently.
_WHATWG = {
    **dict.fromkeys(
        [
            "ansi_x3.4-1968",
            "ascii",
            "cp1252",
            "cp819",
            "csisolatin1",
            "ibm819",
            "iso-8859-1",
            "iso-ir-100",
            "iso8859-1",
            "iso88591",
            "iso_8859-1",
            "iso_8859-1:1987",
            "l1",
            "latin1",
            "latin-1",
            "us-ascii",
            "windows-1252",
            "x-cp1252",
        ],
        "cp1252",
    ),
    **dict.fromkeys(
        [
            "cp1254",
            "csisolatin5",
            "iso-8859-9",
            "iso-ir-148",
            "iso8859-9",
            "iso88599",
            "iso_8859-9",
            "iso_8859-9:1989",
            "l5",
            "latin5",
            "windows-1254",
            "x-cp1254",
        ],
        "cp1254",
    ),
    **dict.fromkeys(
        ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"], "cp874"
    ),
    **dict.fromkeys(
        [
            "chinese",
            "csgb2312",
            "csiso58gb231280",
            "gb2312",
            "gb_2312",
            "gb_2312-80",
            "gbk",
            "iso-ir-58",
            "x-gbk",
        ],
        "gbk",
    ),
    **dict.fromkeys(
        [
            "cseuckr",
            "csksc56011987",
            "euc-kr",
            "iso-ir-149",
            "korean",
            "ks_c_5601-1987",
            "ks_c_5601-1989",
            "ksc5601",
            "ksc_5601",
            "windows-949",
        ],
        "cp949",
    ),
    **dict.fromkeys(
        [
            "csshiftjis",
            "ms932",
            "ms_kanji",
            "shift-jis",
            "shift_jis",
            "sjis",
            "windows-31j",
            "x-sjis",
        ],
        "cp932",
    ),
    **dict.fromkeys(["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"], "big5hkscs"),
    **dict.fromkeys(["csiso88598i", "iso-8859-8-i", "logical"], "iso8859-8"),
    **dict.fromkeys(["csmacintosh", "mac", "macintosh", "x-mac-roman"], "mac_roman"),
    **dict.fromkeys(["koi8-ru", "koi8-u"], "koi8_u"),
    # A charset declared inside the page cannot be UTF-16 (the declaration itself would not be
    # readable); browsers then use UTF-8.
    **dict.fromkeys(
        [
            "unicode",
            "unicode-1-1-utf-8",
            "unicodefeff",
            "utf-16",
            "utf-16le",
            "utf-16be",
            "utf8",
            "utf-8",
        ],
        "utf-8",
    ),
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PRESCAN_BYTES = 4096
_DECLARATION = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_:.\-]{1,40})""",
    re.IGNORECASE,
)


def codec_for_label(label: str) -> str | None:
    """The Python codec a browser's decoder matches for a charset label, or None if unknown."""
    label = label.strip().lower()
    if label in _WHATWG:
        return _WHATWG[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_codec(data: bytes) -> str | None:
    """The codec named by a byte-order mark or, failing that, by a declaration near the top."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    match = _DECLARATION.search(data[:_PRESCAN_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    return codec_for_label(label)


def decode_page(data: bytes) -> str | None:
    """The page's text if its BOM or declaration names the encoding (bad bytes become U+FFFD,
    as in a browser), or if it is valid UTF-8 without NUL bytes; None when the encoding must
    be guessed, which decoding.decode_text does in the order the HTML Standard's sniffing
    leaves to the user agent (§13.2.3.2 "Determining the character encoding", step 8,
    autodetection): UTF-16 without a BOM by where its NULs fall, then UTF-8, then the legacy
    code page that fits a language, and bytes changing encoding midway refused.

    A page in UTF-16 without a BOM is valid UTF-8 when its text is ASCII (a NUL after every
    letter), so bytes with a NUL are never taken as UTF-8 here.
    """
    codec = declared_codec(data)
    if codec is not None:
        for bom, _ in _BOMS:
            if data.startswith(bom):
                data = data[len(bom) :]
                break
        return data.decode(codec, errors="replace")
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
