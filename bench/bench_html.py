"""Reader's HTML loader against trafilatura alone, page by page, on pages generated here.

    python bench/bench_html.py

Each generated page holds a known article inside the furniture of a news site (navigation,
cookie banner, related links, footer) and one layout that broke the old loader: text right
after a heading, nested lists, paragraphs split by <br><br>, a table, curly quotes in a page
that declares latin-1, captions in figures, loose text between blocks. For each page it prints
the bag-of-words F1 of the text against the known article, for Reader's `load_article` and for
`trafilatura.extract` alone with the settings Reader used before (XML output, favor_recall,
tables off), and the CPU time of each. Then the two hostile pages of issue 13 (a page with
thousands of attributes per element, a 19.9 MB page): CPU time and peak memory of each, each
in a child process so memory is measured apart.
"""

from __future__ import annotations

import html
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.text.format_samples import bag_of_words_f1  # noqa: E402

FURNITURE_TOP = (
    "<header><a href='/'>The Northern Courier</a><nav><a href='/news'>News</a> "
    "<a href='/sport'>Sport</a> <a href='/culture'>Culture</a></nav></header>"
    "<div class='cookie-banner'>We use cookies to improve your experience. Accept all</div>"
)
FURNITURE_BOTTOM = (
    "<aside class='related'><h3>Most read</h3><ul><li><a href='/a'>Ferry fares rise</a></li>"
    "<li><a href='/b'>Storm warning for the coast</a></li></ul></aside>"
    "<footer>© 2025 The Northern Courier. All rights reserved. Subscribe today.</footer>"
)
SENTENCES = [
    "Harbour pilots in northern Norway called off their strike on Friday after a long night.",
    "Negotiators for the union and the coastal administration reached a deal before dawn.",
    "“We have an agreement that respects our work,” said union leader Marisol Etxeberria.",
    "Fishing boats had queued outside the harbours of Tromsø and Hammerfest for four days.",
    "The minister said talks on staffing would resume in April, once the figures were known.",
    "Shipping companies said the first vessels would move within hours of the agreement.",
    "A spokesperson said night-shift pay rises by eleven per cent under the new terms.",
    "Pilots will work in pairs on every large tanker from the first of June onwards.",
]


def paragraph(index: int) -> str:
    return " ".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(3))


def layouts() -> dict[str, tuple[str, str]]:
    """name -> (article markup, the article's text as a reader sees it)."""
    p = [paragraph(i) for i in range(6)]
    e = [html.escape(x) for x in p]
    return {
        "plain": ("".join(f"<p>{x}</p>" for x in e), "\n".join(p)),
        "text-after-heading": (
            f"<p>{e[0]}</p><h2>Reaction</h2>{e[1]}<p>{e[2]}</p><h2>Next</h2>{e[3]}<p>{e[4]}</p>",
            "\n".join([p[0], "Reaction", p[1], p[2], "Next", p[3], p[4]]),
        ),
        "between-blocks": (
            f"<p>{e[0]}</p><div>{e[1]}</div>{e[2]}<p>{e[3]}</p>",
            "\n".join(p[:4]),
        ),
        "nested-lists": (
            f"<p>{e[0]}</p><ul><li>{e[1]}<ul><li>{e[2]}</li><li>{e[3]}</li></ul></li>"
            f"<li>{e[4]}</li></ul><p>{e[5]}</p>",
            "\n".join(p),
        ),
        "br-br": (f"<p>{e[0]}<br><br>{e[1]}<br><br>{e[2]}</p><p>{e[3]}</p>", "\n".join(p[:4])),
        "table": (
            f"<p>{e[0]}</p><table><tr><th>Port</th><th>Ships</th></tr>"
            f"<tr><td>Tromsø</td><td>14</td></tr><tr><td>Hammerfest</td><td>9</td></tr></table>"
            f"<p>{e[1]}</p>",
            "\n".join([p[0], "Port Ships", "Tromsø 14", "Hammerfest 9", p[1]]),
        ),
        "figures": (
            f"<p>{e[0]}</p><figure><img src='a.jpg' alt=''><figcaption>Boats waiting in "
            f"Tromsø harbour on Thursday.</figcaption></figure><p>{e[1]}</p><p>{e[2]}</p>",
            "\n".join([p[0], "Boats waiting in Tromsø harbour on Thursday.", p[1], p[2]]),
        ),
        "blockquote": (
            f"<p>{e[0]}</p><blockquote><p>{e[1]}</p></blockquote><p>{e[2]}</p>",
            "\n".join(p[:3]),
        ),
    }


def page(markup: str, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Pilots end strike'
        f"</title></head><body>{FURNITURE_TOP}<main><article><h1>Pilots end strike</h1>"
        f"{markup}</article></main>{FURNITURE_BOTTOM}</body></html>"
    )


def trafilatura_text(data: bytes) -> str:
    """trafilatura alone, with the settings Reader's loader used before this change."""
    import trafilatura
    from lxml import etree

    extracted = trafilatura.extract(
        data,
        output_format="xml",
        with_metadata=True,
        favor_recall=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    if not extracted:
        return ""
    root = etree.fromstring(extracted.encode("utf-8"))
    return " ".join(root.itertext())


def measure_pages(folder: Path) -> None:
    from reader.core.text.loaders import load_article

    rows = []
    for name, (markup, expected) in layouts().items():
        expected = "Pilots end strike\n" + expected
        for charset, encoding in (("utf-8", "utf-8"), ("latin-1", "cp1252")):
            data = page(markup, charset).encode(encoding)
            path = folder / f"{name}-{charset}.html"
            path.write_bytes(data)
            start = time.process_time()
            ours = load_article(path).text
            our_time = time.process_time() - start
            start = time.process_time()
            theirs = trafilatura_text(data)
            their_time = time.process_time() - start
            rows.append(
                (
                    f"{name} ({charset})",
                    bag_of_words_f1(ours, expected),
                    bag_of_words_f1(theirs, expected),
                    our_time,
                    their_time,
                )
            )
    print(f"{'page':30} {'Reader F1':>9} {'traf. F1':>9} {'Reader s':>9} {'traf. s':>8}")
    for name, ours, theirs, our_time, their_time in rows:
        print(f"{name:30} {ours:9.3f} {theirs:9.3f} {our_time:9.3f} {their_time:8.3f}")
    print(
        f"{'mean':30} {statistics.mean(r[1] for r in rows):9.3f} "
        f"{statistics.mean(r[2] for r in rows):9.3f} "
        f"{statistics.mean(r[3] for r in rows):9.3f} {statistics.mean(r[4] for r in rows):8.3f}"
    )


HOSTILE_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
path, which = sys.argv[1], sys.argv[2]
start = time.process_time()
if which == "reader":
    from reader.core.text.loaders import load_article
    chars = len(load_article(path).text)
else:
    import trafilatura
    chars = len(trafilatura.extract(open(path, "rb").read(), output_format="xml",
        with_metadata=True, favor_recall=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False) or "")
print(json.dumps({{"cpu": time.process_time() - start, "chars": chars,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def hostile_pages(folder: Path) -> dict[str, Path]:
    attributes = " ".join(f'data-a{n}="v{n}"' for n in range(2000))
    many = folder / "many-attributes.html"
    many.write_text(
        "<html><body><article>"
        + "".join(f"<p {attributes}>Paragraph {n}: {SENTENCES[n % 8]}</p>" for n in range(500))
        + "</article></body></html>"
    )
    parts, size, number = [], 0, 0
    while size < 19_900_000:
        line = f"<p>Paragraph {number}: {SENTENCES[number % 8]} Item {number * 7}.</p>\n"
        parts.append(line)
        size += len(line)
        number += 1
    huge = folder / "huge.html"
    huge.write_text(page("".join(parts)))
    return {"many attributes (17.9 MB)": many, "19.9 MB page": huge}


def measure_hostile(folder: Path) -> None:
    script = HOSTILE_CHILD.format(root=str(ROOT))
    for name, path in hostile_pages(folder).items():
        for which in ("reader", "trafilatura"):
            result = subprocess.run(
                [sys.executable, "-c", script, str(path), which],
                capture_output=True,
                text=True,
                timeout=900,
            )
            if result.returncode:
                print(f"{name:28} {which:12} failed: {result.stderr.strip().splitlines()[-1]}")
                continue
            figures = json.loads(result.stdout)
            print(
                f"{name:28} {which:12} {figures['cpu']:7.2f} s CPU "
                f"{figures['peak_mb']:7.0f} MB peak {figures['chars']:>10} chars out"
            )


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-html-"))
    measure_pages(folder)
    print()
    measure_hostile(folder)


if __name__ == "__main__":
    main()
