"""Articles the GUI tests and bench/bench_gui.py open."""

from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "tillerson-lavrov.txt"


def long_article_text(size: int) -> str:
    """About `size` characters of news prose: the seed's paragraphs over and over, in parts."""
    paragraphs = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    parts, total, number = [], 0, 0
    while total < size:
        if number % 12 == 0:
            parts.append(f"Part {number // 12 + 1}")
        paragraph = paragraphs[number % len(paragraphs)]
        parts.append(paragraph)
        total += len(paragraph) + 1
        number += 1
    return "\n".join(parts) + "\n"
