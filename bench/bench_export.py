"""How long exporting a 1 MB article takes once it is analysed (target: under 1 second).

Run: python bench/bench_export.py [SIZE_IN_BYTES]

The article is generated (no model): paragraphs of news-like sentences with a person, country
or organization every few words and a direct quote in each paragraph, so the page has about
as many highlights per kilobyte as the densest seed, then some.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reader.core.model import Analysis, Kind, Mention, Quote, Speaker
from reader.core.render.export import render_html, write_export
from reader.core.text.article import Article, Block, BlockKind

NAMES = [
    ("Rex Tillerson", Kind.PERSON),
    ("Sergei Lavrov", Kind.PERSON),
    ("Angela Merkel", Kind.PERSON),
    ("Norway", Kind.COUNTRY),
    ("Japan", Kind.COUNTRY),
    ("United States", Kind.COUNTRY),
    ("European Union", Kind.ORG),
    ("United Nations", Kind.ORG),
    ("Congress", Kind.ORG),
]
PHRASES = (
    "the talks were long",
    "and officials said little",
    "about what had been agreed",
    "before a late vote on sanctions",
    "over trade & energy",
    "and the <budget> for next year",
)


def generated_analysis(size: int, seed: int = 5) -> Analysis:
    """An analysed article of about `size` characters, with mentions, quotes and headings."""
    rng = random.Random(seed)
    parts: list[str] = []
    blocks: list[Block] = []
    mentions: list[Mention] = []
    quotes: list[Quote] = []
    position = 0

    def add(piece: str) -> tuple[int, int]:
        nonlocal position
        parts.append(piece)
        position += len(piece)
        return position - len(piece), position

    def add_name() -> Mention:
        name, kind = rng.choice(NAMES)
        start, end = add(name)
        key = f"{kind.value.lower()}:{name.lower().replace(' ', '-')}"
        found = Mention(start, end, name, kind, key, name)
        mentions.append(found)
        return found

    paragraph_number = 0
    while position < size:
        block_start = position
        if paragraph_number % 12 == 0:
            add(f"Section {paragraph_number // 12 + 1}: talks & <sanctions>")
            blocks.append(Block(BlockKind.HEADING, block_start, position))
            add("\n")
            block_start = position
        for _ in range(rng.randint(3, 6)):
            for _ in range(rng.randint(2, 4)):
                add(" ".join(rng.choices(PHRASES, k=rng.randint(1, 2))) + " ")
                add_name()
                add(" ")
            add("said on Monday. ")
        add("“")
        quoted_start, _ = add(" ".join(rng.choices(PHRASES, k=3)) + " ")
        add_name()
        _, quoted_end = add(" today")
        add(",” ")
        speaker = add_name()
        add(" said.")
        quotes.append(
            Quote(
                quoted_start,
                quoted_end,
                "",
                ((quoted_start, quoted_end),),
                Speaker(speaker.start, speaker.end, speaker.text, speaker.name, speaker.key),
            )
        )
        blocks.append(Block(BlockKind.PARAGRAPH, block_start, position))
        add("\n\n")
        paragraph_number += 1
    text = "".join(parts)
    article = Article("A generated 1 MB article", text, tuple(blocks), Path("generated.txt"))
    return Analysis(article, "generated 0", tuple(mentions), tuple(quotes))


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    analysis = generated_analysis(size)
    text_bytes = len(analysis.article.text.encode("utf-8"))
    print(
        f"article: {text_bytes / 1e6:.2f} MB, {len(analysis.mentions)} mentions, "
        f"{len(analysis.entities)} entities, {len(analysis.quotes)} quotes, "
        f"{len(analysis.article.blocks)} blocks"
    )
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "export.html"
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            write_export(analysis, target)
            timings.append(time.perf_counter() - started)
        page_mb = target.stat().st_size / 1e6
    started = time.perf_counter()
    render_html(analysis)
    render_only = time.perf_counter() - started
    print(f"page: {page_mb:.2f} MB")
    print(
        f"render + write: first {timings[0]:.3f} s, median {statistics.median(timings):.3f} s, "
        f"worst {max(timings):.3f} s (render alone {render_only:.3f} s); target < 1 s"
    )


if __name__ == "__main__":
    main()
