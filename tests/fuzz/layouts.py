"""Text files whose layout or encoding is pathological (issue 26, deliverable 5), each holding a
planted sentence (see Hostile.planted).

Layouts at scale 1.0 are the issue's: 200,000 short lines, 100,000 headings, a 5 MB web page of
one repeated word. Encodings: UTF-8 that turns into UTF-16 midway, code pages that differ in a
few bytes (ISO-8859-7 and Windows-1253, ISO-8859-2 and Windows-1250, Latin-1 and Windows-1252,
KOI8-R and Windows-1251), and UTF-16 web pages without a byte-order mark.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

from tests.fuzz.hostile import Hostile, article, kind, planted_sentence, sized

LAYOUTS = "layouts"
ENCODINGS = "encodings"
WORDS_SHORT = ("a", "vote", "news", "x", "Merkel")


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _around(rng: random.Random, filler: list[str], planted: str, joiner: str) -> str:
    """The filler with an article and the planted sentence as paragraphs in the middle."""
    middle = len(filler) // 2
    inner = [article(rng, 1), planted]
    return joiner.join([*filler[:middle], *inner, *filler[middle:]])


@kind("short lines", LAYOUTS)
def _short_lines(folder: Path, rng: random.Random, scale: float) -> Hostile:
    planted = planted_sentence(rng)
    lines = ["".join(rng.choice("abcxyz.?") for _ in range(rng.randint(1, 3)))]
    lines *= sized(scale, 200_000)
    text = _around(rng, lines, f"\n{planted}\n", "\n")
    name = rng.choice(["lines.txt", "lines.md"])
    return Hostile("short lines", _write(folder, name, text.encode()), planted=planted)


@kind("many headings", LAYOUTS)
def _headings(folder: Path, rng: random.Random, scale: float) -> Hostile:
    planted = planted_sentence(rng)
    count = sized(scale, 100_000)
    letter = rng.choice("abcxyz")
    if rng.random() < 0.5:
        text = _around(rng, [f"# {letter}"] * count, planted, "\n\n")
        return Hostile("many headings", _write(folder, "heads.md", text.encode()), planted=planted)
    body = _around(rng, [f"<h2>{letter}</h2>"] * count, f"<p>{planted}</p>", "\n")
    page = f"<html><body><article>{body}</article></body></html>"
    return Hostile("many headings", _write(folder, "heads.html", page.encode()), planted=planted)


@kind("many paragraphs or items", LAYOUTS)
def _blocks(folder: Path, rng: random.Random, scale: float) -> Hostile:
    planted = planted_sentence(rng)
    count = sized(scale, 200_000)
    word = rng.choice(WORDS_SHORT)
    form = rng.choice(["md items", "html paragraphs", "html items"])
    if form == "md items":
        text = _around(rng, [f"- {word}"] * count, f"\n{planted}\n", "\n")
        return Hostile(
            "many paragraphs or items", _write(folder, "list.md", text.encode()), planted=planted
        )
    tag = "p" if form == "html paragraphs" else "li"
    blocks = [f"<{tag}>{word}</{tag}>"] * count
    if tag == "li":
        blocks = ["<ul>", *blocks, "</ul>"]
    body = _around(rng, blocks, f"<p>{planted}</p>", "")
    page = f"<html><body>{body}</body></html>"
    return Hostile(
        "many paragraphs or items", _write(folder, "blocks.html", page.encode()), planted=planted
    )


@kind("one repeated word", LAYOUTS)
def _repeated(folder: Path, rng: random.Random, scale: float) -> Hostile:
    planted = planted_sentence(rng)
    word = rng.choice(WORDS_SHORT)
    flood = " ".join([word] * (sized(scale, 5_000_000) // (len(word) + 1)))
    page = (
        f"<html><body><article><p>{article(rng, 1)}</p><p>{planted}</p>"
        f"<p>{flood}</p></article></body></html>"
    )
    return Hostile("one repeated word", _write(folder, "word.html", page.encode()), planted=planted)


# Encodings ------------------------------------------------------------------------------------


@kind("utf-8 then utf-16", ENCODINGS)
def _switching(folder: Path, rng: random.Random, scale: float) -> Hostile:
    planted = planted_sentence(rng)
    first = _around(rng, [article(rng, 1) for _ in range(rng.choice([1, 4, 40]))], planted, "\n\n")
    second = "\n\n".join(article(rng, 1) for _ in range(rng.choice([1, 4, 40])))
    wide = rng.choice(["utf-16-le", "utf-16-be", "utf-16"])  # "utf-16": a mark at the switch
    data = f"{first}\n\n".encode() + second.encode(wide)
    name = rng.choice(["switch.txt", "switch.md", "switch.html"])
    return Hostile("utf-8 then utf-16", _write(folder, name, data), planted=planted)


# (encoding, a sentence in it with the letters where it and its look-alike differ, more text)
CODE_PAGES = (
    ("iso8859_7", "Ο Άρης είπε ότι η Ένωση θα στηρίξει τη συμφωνία.",
     "Ο πρωθυπουργός είπε ότι η κυβέρνηση θα στηρίξει τη νέα συμφωνία."),
    ("cp1253", "Ο Άρης είπε ότι η Ένωση θα στηρίξει τη συμφωνία.",
     "Ο πρωθυπουργός είπε ότι η κυβέρνηση θα στηρίξει τη νέα συμφωνία."),
    ("iso8859_2", "Śląsk i Łódź: ministra powiedziała, że się zgadza.",
     "Minister powiedziała, że się zgadza; żółw pływał koło Łodzi."),
    ("cp1250", "Śląsk i Łódź: ministra powiedziała, że się zgadza.",
     "Minister powiedziała, że się zgadza; żółw pływał koło Łodzi."),
    ("latin_1", "Der Bürgermeister sagte, die Straße über den Fluß bleibe geöffnet.",
     "Die Bürger in München wählten am Sonntag einen neuen Stadtrat."),
    ("cp1252", "Le maire a dit « oui » : l’œuvre coûte 5 € et c’est “fini”.",
     "Le maire a déclaré à l'élève que la réunion était terminée."),
    ("koi8_r", "Министр заявил, что переговоры продолжатся в понедельник.",
     "Премьер-министр сказал, что правительство поддержит соглашение."),
    ("cp1251", "Министр заявил, что переговоры продолжатся в понедельник.",
     "Премьер-министр сказал, что правительство поддержит соглашение."),
)  # fmt: skip


@kind("code page look-alikes", ENCODINGS)
def _code_pages(folder: Path, rng: random.Random, scale: float) -> Hostile:
    encoding, planted, more = rng.choice(CODE_PAGES)
    paragraphs = [more] * rng.randint(1, 6)
    paragraphs.insert(rng.randint(0, len(paragraphs)), planted)
    suffix = rng.choice([".txt", ".md", ".html"])
    if suffix == ".html":  # no charset declared: the bytes alone must tell
        text = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        text += "</body></html>"
    else:
        text = "\n\n".join(paragraphs)
    path = _write(folder, f"legacy{suffix}", text.encode(encoding))
    return Hostile("code page look-alikes", path, planted=planted)


@kind("utf-16 web page without a mark", ENCODINGS)
def _wide_page(folder: Path, rng: random.Random, scale: float) -> Hostile:
    planted = planted_sentence(rng)
    page = f"<html><head><title>Report</title></head><body><p>{article(rng, 1)}</p><p>{planted}</p>"
    page += (
        "".join(f"<p>{article(rng, 1)}</p>" for _ in range(rng.randint(0, 4))) + "</body></html>"
    )
    data = page.encode(rng.choice(["utf-16-le", "utf-16-be"]))
    name = rng.choice(["wide.html", "wide.htm"])
    return Hostile("utf-16 web page without a mark", _write(folder, name, data), planted=planted)
