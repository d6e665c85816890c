"""Load time per article format, on files generated here (target: a 50-page PDF under 2 s).

    python bench/bench_formats.py [--repeat N]

Prints, for each format, the CPU time of `load_article` (median of N runs, in this process),
the article's length and its bag-of-words F1 against the source text; then the 50-page PDF
report with a running header and page numbers. CPU time (time.process_time), not wall time:
the machine is shared.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.text.loaders import load_article  # noqa: E402
from tests.core.text import format_samples as samples  # noqa: E402

PDF_TARGET_SECONDS = 2.0


def cpu_seconds(path: Path, repeat: int) -> tuple[float, object]:
    times = []
    article = None
    for _ in range(repeat):
        start = time.process_time()
        article = load_article(path)
        times.append(time.process_time() - start)
    return statistics.median(times), article


def one_megabyte(folder: Path) -> None:
    """A 1 MB hard-wrapped .txt: loading (paragraphs by wrap width) and the analysis copy."""
    import textwrap

    from reader.core.analysis.normalize import analysis_text

    paragraph = " ".join(samples.PARAGRAPHS).replace(" ", "\u00a0", 3) + " Port\u00adugal."
    text = "\n\n".join([textwrap.fill(paragraph, 72)] * (1_000_000 // (len(paragraph) + 2)))
    path = folder / "megabyte.txt"
    path.write_text(text, encoding="utf-8")
    seconds, article = cpu_seconds(path, 3)
    start = time.process_time()
    copy = analysis_text(article.text, article.blocks)
    normalize = time.process_time() - start
    start = time.process_time()
    for offset in range(0, len(copy.text), 7):
        copy.to_article(offset)
    mapping = time.process_time() - start
    print(
        f"1 MB hard-wrapped .txt ({len(text):,} chars, {len(article.blocks)} paragraphs): "
        f"load {seconds:.3f} s, analysis copy {normalize:.3f} s, "
        f"{len(copy.text) // 7:,} offsets mapped back {mapping:.3f} s (CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-formats-"))
    files = {
        suffix: writer(folder / f"article{suffix}") for suffix, writer in samples.WRITERS.items()
    }
    files[".html"] = folder / "article.html"
    files[".html"].write_text(samples.html_page(), encoding="utf-8")
    files[".txt"] = folder / "article.txt"
    files[".txt"].write_text(samples.body_text().replace("\n", "\n\n"), encoding="utf-8")
    print(f"{'format':8} {'CPU s':>8} {'chars':>7} {'F1':>6}")
    for suffix, path in files.items():
        seconds, article = cpu_seconds(path, args.repeat)
        f1 = samples.bag_of_words_f1(article.text, samples.body_text())
        print(f"{suffix:8} {seconds:8.3f} {len(article.text):7d} {f1:6.3f}")
    report = samples.write_pdf(folder / "report.pdf", pages=50)
    seconds, article = cpu_seconds(report, max(1, args.repeat // 2))
    clean = "Page " not in article.text and "Northern Courier" not in article.text
    verdict = "met" if seconds < PDF_TARGET_SECONDS else "MISSED"
    print(
        f"50-page PDF report ({report.stat().st_size // 1024} KB): {seconds:.2f} s CPU "
        f"(target < {PDF_TARGET_SECONDS:.0f} s: {verdict}), "
        f"{len(article.text)} chars, running header and page numbers "
        f"{'dropped' if clean else 'STILL THERE'}"
    )
    one_megabyte(folder)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
