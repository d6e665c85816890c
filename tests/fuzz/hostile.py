"""A generator of hostile and malformed article files, one builder per kind.

Each builder takes the folder to write in, a seeded `random.Random` and a scale (1.0 is the
size the issue found trouble at; the CI profile uses a fraction) and returns the path to hand
to `reader`, plus the words that must survive when the file is text (empty when it is not).
Everything is generated here: no text comes from the evaluation data.
"""

from __future__ import annotations

import codecs
import os
import random
import socket
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WORDS = (
    "minister", "said", "talks", "harbour", "council", "budget", "agreed", "Monday", "river",
    "election", "mayor", "strike", "train", "report", "village", "market", "press", "vote",
)  # fmt: skip
NAMES = ("Angela Merkel", "Emmanuel Macron", "Jacinda Ardern", "Olaf Scholz", "Kenya", "Peru")


@dataclass(frozen=True, slots=True)
class Hostile:
    """One generated input: its path, its kind, and words a correct reading keeps."""

    kind: str
    path: Path
    survivors: tuple[str, ...] = ()
    special: bool = False  # not a regular file (FIFO, socket, link to a device, folder…)
    # A sentence written into the file: it must come out in the text, or the file be refused
    # or warned about with a message; missing with exit 0 and nothing said is a silent loss.
    planted: str = ""


Builder = Callable[[Path, random.Random, float], Hostile]
KINDS: dict[str, Builder] = {}
CATEGORY_OF: dict[str, str] = {}  # kind -> the category bench/bench_fuzz.py counts it under


def kind(name: str, category: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        KINDS[name] = builder
        CATEGORY_OF[name] = category
        return builder

    return register


def sentence(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
    return f"{name} {words}."


def article(rng: random.Random, paragraphs: int = 3) -> str:
    return "\n\n".join(
        " ".join(sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(paragraphs)
    )


def planted_sentence(rng: random.Random) -> str:
    """A sentence no generated text holds by chance: the file's known content to look for."""
    day = rng.choice(["Monday", "Tuesday", "Friday"])
    return f"Zebulon Quist of Varnholm filed report {rng.randint(10_000, 99_999)} on {day}."


def sized(scale: float, full: int, least: int = 50) -> int:
    return max(least, int(full * scale))


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# Not regular files ----------------------------------------------------------------------------


@kind("fifo", "special files")
def _fifo(folder: Path, rng: random.Random, scale: float) -> Hostile:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return Hostile("fifo", path, special=True)


@kind("device link", "special files")
def _device(folder: Path, rng: random.Random, scale: float) -> Hostile:
    path = folder / "zero.txt"
    path.symlink_to(rng.choice(["/dev/zero", "/dev/urandom", "/dev/null"]))
    return Hostile("device link", path, special=True)


@kind("socket", "special files")
def _socket(folder: Path, rng: random.Random, scale: float) -> Hostile:
    path = folder / "socket.md"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return Hostile("socket", path, special=True)


@kind("folder named like an article", "special files")
def _folder(folder: Path, rng: random.Random, scale: float) -> Hostile:
    path = folder / rng.choice(["story.txt", "page.html", "notes.md", "report.pdf"])
    path.mkdir()
    (path / "inner.txt").write_text(article(rng), "utf-8")
    return Hostile("folder named like an article", path, special=True)


@kind("symlink loop", "special files")
def _loop(folder: Path, rng: random.Random, scale: float) -> Hostile:
    first, second = folder / "a.txt", folder / "b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    return Hostile("symlink loop", first, special=True)


@kind("dangling link", "special files")
def _dangling(folder: Path, rng: random.Random, scale: float) -> Hostile:
    path = folder / "gone.txt"
    path.symlink_to(folder / "nowhere.txt")
    return Hostile("dangling link", path, special=True)


@kind("unreadable file", "special files")
def _unreadable(folder: Path, rng: random.Random, scale: float) -> Hostile:
    text = article(rng)
    path = _write(folder, "secret.txt", text)
    path.chmod(0)  # root still reads it: then it must come out as text
    return Hostile("unreadable file", path, special=os.geteuid() != 0)


@kind("unsearchable folder", "special files")
def _unsearchable(folder: Path, rng: random.Random, scale: float) -> Hostile:
    locked = folder / "locked"
    locked.mkdir()
    path = _write(locked, "story.txt", article(rng))
    locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    return Hostile("unsearchable folder", path, special=os.geteuid() != 0)


# Bytes that are not (quite) text --------------------------------------------------------------


@kind("empty", "bytes")
def _empty(folder: Path, rng: random.Random, scale: float) -> Hostile:
    name = rng.choice(["empty.txt", "empty.md", "empty.html"])
    return Hostile("empty", _write(folder, name, rng.choice([b"", b"   \n\t\n", b"\xef\xbb\xbf"])))


@kind("garbage bytes", "bytes")
def _garbage(folder: Path, rng: random.Random, scale: float) -> Hostile:
    data = rng.randbytes(sized(scale, 200_000))
    name = rng.choice(["noise.txt", "noise.md", "noise.html", "noise.pdf", "noise.docx"])
    return Hostile("garbage bytes", _write(folder, name, data))


@kind("renamed binary", "bytes")
def _renamed(folder: Path, rng: random.Random, scale: float) -> Hostile:
    head = rng.choice([b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"PK\x03\x04", b"\x7fELF", b"GIF89a"])
    data = head + rng.randbytes(sized(scale, 50_000))
    name = rng.choice(["photo.txt", "doc.md", "page.html", "file.pdf", "file.docx", "x.epub"])
    return Hostile("renamed binary", _write(folder, name, data))


@kind("truncated utf-8", "encodings")
def _truncated(folder: Path, rng: random.Random, scale: float) -> Hostile:
    text = article(rng) + " Zürich, café, Ελλάδα, 東京 — “quoted”."
    data = text.encode("utf-8")
    data = data[: len(data) - rng.randint(1, 3)]
    return Hostile("truncated utf-8", _write(folder, "cut.txt", data), (text.split()[0],))


@kind("overlong utf-8 and lone surrogates", "encodings")
def _overlong(folder: Path, rng: random.Random, scale: float) -> Hostile:
    bad = rng.choice([b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf8\x88"])
    body = "Die Bürger in München wählten. ".encode() * 4
    data = article(rng).encode() + b"\n\n" + body + bad + body
    return Hostile(
        "overlong utf-8 and lone surrogates", _write(folder, "bad.txt", data), ("Bürger",)
    )


@kind("utf-16/32 without a mark", "encodings")
def _wide(folder: Path, rng: random.Random, scale: float) -> Hostile:
    text = article(rng)
    encoding = rng.choice(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
    name = rng.choice(["wide.txt", "wide.md"])
    return Hostile(
        "utf-16/32 without a mark", _write(folder, name, text.encode(encoding)), (text.split()[0],)
    )


@kind("utf-16 with a mark and a lone surrogate", "encodings")
def _wide_surrogate(folder: Path, rng: random.Random, scale: float) -> Hostile:
    text = article(rng)
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"\x00\xd8" + "end".encode("utf-16-le")
    return Hostile(
        "utf-16 with a mark and a lone surrogate",
        _write(folder, "sur.txt", data),
        (text.split()[0],),
    )


LEGACY = (
    ("latin-1", "Der Bürgermeister von Zürich sagte im Café, die Straße bleibe geöffnet."),
    ("cp1252", "Le maire a déclaré à l'élève que la réunion était terminée « sans accord »."),
    ("iso8859_7", "Ο πρωθυπουργός είπε ότι η κυβέρνηση θα στηρίξει τη νέα συμφωνία."),
    ("iso8859_2", "Minister powiedziała, że się zgadza; żółw pływał koło Łodzi."),
    ("iso8859_2", "Ministr řekl, že vláda podpoří dohodu o příliš žluťoučkém koni."),
    ("cp1251", "Министр заявил в понедельник, что переговоры продолжатся."),
    ("koi8_r", "Министр заявил в понедельник, что переговоры продолжатся."),
    ("shift_jis", "日本の首相は、政府が合意を支持すると述べた。"),
)


@kind("legacy code page", "encodings")
def _legacy(folder: Path, rng: random.Random, scale: float) -> Hostile:
    encoding, text = rng.choice(LEGACY)
    body = "\n\n".join([text] * rng.randint(1, 5))
    if rng.random() < 0.3:  # a long run without spaces next to the legacy text
        body += "\n\n" + "x" * sized(scale, 500_000)
    name = rng.choice(["legacy.txt", "legacy.md"])
    longest = max(text.split(), key=len).strip(".,;:«»、。")
    return Hostile("legacy code page", _write(folder, name, body.encode(encoding)), (longest,))


@kind("mixed encodings", "encodings")
def _mixed(folder: Path, rng: random.Random, scale: float) -> Hostile:
    parts = [article(rng).encode("utf-8")]
    for encoding, text in rng.sample(LEGACY[:6], 3):
        parts.append(text.encode(encoding, errors="replace"))
    return Hostile("mixed encodings", _write(folder, "mixed.txt", b"\n\n".join(parts)))


@kind("nul run", "bytes")
def _nuls(folder: Path, rng: random.Random, scale: float) -> Hostile:
    text = article(rng)
    flood = b"\x00" * sized(scale, rng.choice([10, 1000, 100_000]), least=1)
    name = rng.choice(["nul.txt", "nul.md", "nul.html"])
    return Hostile("nul run", _write(folder, name, text.encode() + flood + text.encode()))


@kind("controls", "bytes")
def _controls(folder: Path, rng: random.Random, scale: float) -> Hostile:
    text = article(rng)
    noisy = "".join(ch + (chr(rng.randint(1, 31)) if rng.random() < 0.1 else "") for ch in text)
    return Hostile("controls", _write(folder, "ctl.txt", noisy))


# Text that is costly to analyse ---------------------------------------------------------------


FLOODS = {
    "question marks": "?",
    "ampersands": "&",
    "emoji": "😀🇫🇷👩‍👩‍👧",
    "combining marks": "\u0301\u0308\u0327",
    "replacement characters": "\ufffd",
    "opening quote marks": "“",
    "closing quote marks": "”",
    "apostrophes": "'",
    "dashes": "—",
    "zero-width": "\u200b\u200d\ufeff",
}


@kind("punctuation flood", "costly text")
def _flood(folder: Path, rng: random.Random, scale: float) -> Hostile:
    what = rng.choice(sorted(FLOODS))
    flood = "".join(rng.choice(FLOODS[what]) for _ in range(sized(scale, 50_000)))
    text = (
        article(rng, 1)
        + "\n\n"
        + rng.choice(["", "a", "Merkel "])
        + flood
        + "\n\n"
        + article(rng, 1)
    )
    name = rng.choice(["flood.txt", "flood.md", "flood.html"])
    if name.endswith(".html"):
        text = f"<html><body><article><p>{text}</p></article></body></html>"
    return Hostile("punctuation flood", _write(folder, name, text))


@kind("very long word", "costly text")
def _long_word(folder: Path, rng: random.Random, scale: float) -> Hostile:
    word = "".join(rng.choice("abcdefghij") for _ in range(sized(scale, 200_000)))
    text = article(rng, 1) + "\n\n" + word + "\n\n" + article(rng, 1)
    return Hostile("very long word", _write(folder, "word.txt", text), (text.split()[0],))


@kind("long unbroken line", "costly text")
def _long_line(folder: Path, rng: random.Random, scale: float) -> Hostile:
    words = []
    while sum(map(len, words)) < sized(scale, 1_000_000):
        words.append(sentence(rng))
    line = " ".join(words)
    return Hostile("long unbroken line", _write(folder, "line.txt", line), (words[-1].split()[0],))


@kind("one-character lines", "layouts")
def _short_lines(folder: Path, rng: random.Random, scale: float) -> Hostile:
    lines = "\n".join(rng.choice("abcxyz.?") for _ in range(sized(scale, 200_000)))
    return Hostile(
        "one-character lines", _write(folder, "lines.txt", article(rng, 1) + "\n" + lines)
    )


@kind("unpaired quote marks", "costly text")
def _marks(folder: Path, rng: random.Random, scale: float) -> Hostile:
    marks = " ".join(
        rng.choice("“”‘’\"'«»") + rng.choice(WORDS) for _ in range(sized(scale, 10_000))
    )
    text = article(rng, 1) + "\n\n" + marks + "\n\n" + article(rng, 1)
    return Hostile("unpaired quote marks", _write(folder, "marks.txt", text), (text.split()[0],))


@kind("bidi overrides", "costly text")
def _bidi(folder: Path, rng: random.Random, scale: float) -> Hostile:
    controls = "\u202e\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069\u200f\u200e"
    text = "".join(ch + (rng.choice(controls) if rng.random() < 0.2 else "") for ch in article(rng))
    return Hostile("bidi overrides", _write(folder, "bidi.txt", text))


@kind("over the character limit", "costly text")
def _huge(folder: Path, rng: random.Random, scale: float) -> Hostile:
    paragraph = article(rng, 1)
    count = max(1, int(1_100_000 * scale) // (len(paragraph) + 2))
    return Hostile(
        "over the character limit",
        _write(folder, "huge.txt", "\n\n".join([paragraph] * count)),
        (paragraph.split()[0],),
    )


@kind("over the size limit", "bytes")
def _too_big(folder: Path, rng: random.Random, scale: float) -> Hostile:
    path = folder / "big.txt"
    with path.open("wb") as handle:  # sparse: 21 MB that cost nothing to write
        handle.write(article(rng).encode())
        handle.seek(21 * 1024 * 1024)
        handle.write(b"end")
    return Hostile("over the size limit", path)


# Markup ---------------------------------------------------------------------------------------


ACTIVE = (
    '<script>fetch("http://127.0.0.1:9/x")</script>',
    '<img src="http://127.0.0.1:9/pixel.gif" onerror="alert(1)">',
    '<iframe src="https://127.0.0.1:9/"></iframe>',
    '<a href="javascript:alert(1)">click</a>',
    '<link rel="stylesheet" href="http://127.0.0.1:9/s.css">',
    '<object data="http://127.0.0.1:9/o"></object><embed src="x.swf">',
    '<form action="http://127.0.0.1:9/"><input name=q></form>',
    '<svg onload="alert(1)"><script>alert(2)</script></svg>',
    '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">',
    '<base href="http://127.0.0.1:9/">',
    "<style>@import url(http://127.0.0.1:9/i.css);</style>",
)


@kind("html with active content", "markup")
def _active(folder: Path, rng: random.Random, scale: float) -> Hostile:
    body = "".join(f"<p>{sentence(rng)}</p>{rng.choice(ACTIVE)}" for _ in range(6))
    head = f"<title>{sentence(rng)}</title>{rng.choice(ACTIVE)}"
    page = f"<html><head>{head}</head><body><article>{body}</article></body></html>"
    return Hostile("html with active content", _write(folder, "active.html", page))


@kind("deeply nested html", "markup")
def _nested(folder: Path, rng: random.Random, scale: float) -> Hostile:
    depth = sized(scale, 100_000, least=300)
    tag = rng.choice(["div", "span", "b", "blockquote", "table", "ul"])
    inner = f"<{tag}>" * depth + sentence(rng) + f"</{tag}>" * depth
    page = f"<html><body>{inner}</body></html>"
    return Hostile("deeply nested html", _write(folder, "nested.html", page))


@kind("many attributes", "markup")
def _attributes(folder: Path, rng: random.Random, scale: float) -> Hostile:
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(sized(scale, 200_000)))
    paragraphs = f"<p {attributes}>{sentence(rng)}</p><p>{sentence(rng)}</p>"
    page = f"<html><body><article>{paragraphs}</article></body></html>"
    return Hostile("many attributes", _write(folder, "attrs.html", page))


@kind("svg only", "markup")
def _svg(folder: Path, rng: random.Random, scale: float) -> Hostile:
    page = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10"/><text>2024-01-01</text></svg>'
    )
    return Hostile("svg only", _write(folder, rng.choice(["image.html", "image.htm"]), page))


@kind("entity bomb", "markup")
def _bomb(folder: Path, rng: random.Random, scale: float) -> Hostile:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE html [", '<!ENTITY a0 "boom boom boom">']
    for level in range(1, 12):
        lines.append(f'<!ENTITY a{level} "{("&a" + str(level - 1) + ";") * 10}">')
    lines += ["]>", f"<html><body><p>{sentence(rng)} &a11;</p></body></html>"]
    name = rng.choice(["bomb.html", "bomb.xhtml", "bomb.md", "bomb.txt"])
    return Hostile("entity bomb", _write(folder, name, "\n".join(lines)))


@kind("external entity", "markup")
def _xxe(folder: Path, rng: random.Random, scale: float) -> Hostile:
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">'
        '<!ENTITY y SYSTEM "http://127.0.0.1:9/e">]>'
        f"<html><body><article><p>{sentence(rng)} &x; &y;</p></article></body></html>"
    )
    return Hostile("external entity", _write(folder, rng.choice(["xxe.html", "xxe.xhtml"]), page))


@kind("deeply nested markdown", "markup")
def _markdown_nesting(folder: Path, rng: random.Random, scale: float) -> Hostile:
    depth = rng.choice([20, 25, 60, sized(scale, 5000, least=100)])
    marker = rng.choice(["> ", "* ", "1. ", "  - "])
    deep = "".join(marker * level + sentence(rng) + "\n" for level in (depth // 2, depth))
    text = article(rng, 1) + "\n\n" + deep + "\n" + article(rng, 1)
    return Hostile("deeply nested markdown", _write(folder, "deep.md", text), (text.split()[0],))


@kind("markdown with html and links", "markup")
def _markdown_active(folder: Path, rng: random.Random, scale: float) -> Hostile:
    lines = [f"# {sentence(rng)}"]
    for _ in range(6):
        lines.append(sentence(rng) + " " + rng.choice(ACTIVE))
        lines.append(
            "![pixel](http://127.0.0.1:9/p.png) [link](javascript:alert(1))"
            f" <{rng.choice(['http://127.0.0.1:9/', 'mailto:x@y'])}>"
        )
    return Hostile(
        "markdown with html and links",
        _write(folder, "links.md", "\n\n".join(lines)),
        (lines[0].split()[1],),
    )


@kind("markdown ampersands", "markup")
def _markdown_amps(folder: Path, rng: random.Random, scale: float) -> Hostile:
    flood = rng.choice(["&", "&amp;", "&#", "\\&", "*", "_", "`", "[", "<"]) * sized(scale, 50_000)
    return Hostile(
        "markdown ampersands", _write(folder, "amps.md", article(rng, 1) + "\n\n" + flood + "\n")
    )


# Names ----------------------------------------------------------------------------------------


@kind("odd file name", "names")
def _odd_name(folder: Path, rng: random.Random, scale: float) -> Hostile:
    name = rng.choice(
        [
            os.fsdecode(b"caf\xe9 \xff.txt"),
            "new\nline.txt",
            "-starts-with-dash.txt",
            " spaces  .md",
            "e\u0301te\u0301.txt",  # decomposed accents
            "\u202eevil\u202c.txt",
            "x" * 245 + ".txt",
            "tab\tand\x1bescape.txt",
            "日本語の記事.txt",
        ]
    )
    text = article(rng)
    return Hostile("odd file name", _write(folder, name, text), (text.split()[0],))


@kind("odd file name of a broken file", "names")
def _odd_name_broken(folder: Path, rng: random.Random, scale: float) -> Hostile:
    name = rng.choice(["new\nline.txt", "car\rriage.md", os.fsdecode(b"bad\xff\nname.txt")])
    return Hostile("odd file name of a broken file", _write(folder, name, b""))


@kind("huge html page", "markup")
def _huge_page(folder: Path, rng: random.Random, scale: float) -> Hostile:
    """Up to 19.9 MB, nearly all of it markup: inline scripts, styles, data URIs, menus."""
    text = article(rng, 4)
    paragraphs = "".join(f"<p>{part}</p>" for part in text.split("\n\n"))
    target = sized(scale, 19_900_000, least=20_000)
    filler = []
    size = 0
    while size < target:
        piece = rng.choice(
            [
                "<script>var x=" + "[1,2,3]," * 2000 + "0;</script>",
                "<style>" + ".a{color:red}" * 1000 + "</style>",
                '<img alt="" src="data:image/png;base64,' + "QUJD" * 3000 + '">',
                "<nav><ul>" + "<li><a href='/x'>Section</a></li>" * 300 + "</ul></nav>",
                "<div class='ad'>" + "<span>Advertisement</span>" * 400 + "</div>",
            ]
        )
        filler.append(piece)
        size += len(piece)
    half = len(filler) // 2
    page = (
        "<html><head><title>News</title></head><body>"
        + "".join(filler[:half])
        + f"<article><h1>{sentence(rng)}</h1>{paragraphs}</article>"
        + "".join(filler[half:])
        + "</body></html>"
    )
    return Hostile("huge html page", _write(folder, "big.html", page), (text.split()[0],))


# The builders of real containers and of pathological layouts and encodings register here too.
from tests.fuzz import containers, layouts  # noqa: E402, F401
