"""Reader at any length: CPU against bare spaCy, Reader's own share and slope, peak memory, wall.

For each size, real news text is built at run time by joining ../shared/data/quotes-dev/texts/
*.txt with blank lines (repeated as needed, cut at a paragraph break; never written anywhere),
and a fresh child process loads the pipeline, warms it up, then measures in that one process:

- bare spaCy: `nlp.pipe` over the same chunks `analyze` cuts (one chunk up to 100 KB), with
  Reader's components (paragraph breaks, quote finder) off, each Doc dropped when done;
- Reader: `analyze(article, nlp)`, everything Reader does on top;
- CPU time of each (`time.process_time`: the machine is shared, wall time is noise), their
  ratio (target <= 1.15), Reader's own share, and the child's peak memory (`ru_maxrss`, which
  includes the loaded pipeline; target <= 1.5 GB at 5 MB);
- wall time of `analyze` with one process, and in a second fresh child with `n_process=2`;
- the machine's load average, since wall times mean little on a busy machine.

Then the log-log slope of Reader's own CPU cost (Reader minus bare) against size, from
100 KB up (target <= 1.1; at 10 KB the own cost is within the noise).

    python bench/bench_scale.py [--sizes 10k,100k,1m,5m] [--rounds N] [--no-two]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes-dev" / "texts"
UNITS = {"k": 1_000, "m": 1_000_000}


def size_of(label: str) -> int:
    label = label.strip().lower()
    return int(float(label[:-1]) * UNITS[label[-1]]) if label[-1] in UNITS else int(label)


def news_text(size: int) -> str:
    """About `size` characters of real news: the dev articles joined by blank lines, repeated
    as needed, cut after the last paragraph that fits."""
    articles = [path.read_text(encoding="utf-8").strip() for path in sorted(DATA.glob("*.txt"))]
    if not articles:
        sys.exit(f"no articles in {DATA}")
    pieces, length = [], 0
    while length < size:
        for article in articles:
            for paragraph in article.split("\n\n"):
                if length + len(paragraph) + 2 > size and pieces:
                    return "\n\n".join(pieces) + "\n"
                pieces.append(paragraph)
                length += len(paragraph) + 2
    return "\n\n".join(pieces) + "\n"


def child(size: int, rounds: int, n_process: int) -> None:
    """Measure one size in this (fresh) process and print one line of JSON."""
    from reader.core.analysis.analyzer import analyze
    from reader.core.analysis.chunking import chunk_bounds
    from reader.core.analysis.defuse import break_long_runs
    from reader.core.analysis.normalize import analysis_text
    from reader.core.analysis.pipeline import PARAGRAPH_BREAKS, load_pipeline
    from reader.core.analysis.quotes import COMPONENT_NAME
    from reader.core.text.article import Article

    nlp = load_pipeline()
    text = news_text(size)
    article = Article(title="bench", text=text, blocks=())
    warm = Article(title="warm", text=news_text(20_000), blocks=())
    analyze(warm, nlp)  # vocabulary, country tables and lazy imports, before any timing
    if n_process > 1:
        start = time.perf_counter()
        analyze(article, nlp, n_process=n_process)
        wall = time.perf_counter() - start
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(json.dumps({"wall": wall, "peak_children_mb": children.ru_maxrss / 1024}))
        return
    copy = break_long_runs(analysis_text(text).text)
    chunks = [copy[s:e] for s, e in chunk_bounds(copy)]

    def bare() -> None:
        with nlp.select_pipes(disable=[PARAGRAPH_BREAKS, COMPONENT_NAME]):
            for _doc in nlp.pipe(chunks, batch_size=1):
                pass

    bare_cpu, reader_cpu, walls = [], [], []
    for _ in range(rounds):  # interleaved, so drifts in machine load hit both alike
        start = time.process_time()
        bare()
        bare_cpu.append(time.process_time() - start)
        start, wall_start = time.process_time(), time.perf_counter()
        analysis = analyze(article, nlp)
        reader_cpu.append(time.process_time() - start)
        walls.append(time.perf_counter() - wall_start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "chars": len(text),
                "chunks": len(chunks),
                "mentions": len(analysis.mentions),
                "quotes": len(analysis.quotes),
                "bare": statistics.median(bare_cpu),
                "reader": statistics.median(reader_cpu),
                "wall": statistics.median(walls),
                "peak_mb": peak,
            }
        )
    )


def run_child(size: int, rounds: int, n_process: int) -> dict:
    command = [sys.executable, __file__, "--child", str(size), str(rounds), str(n_process)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the measuring process failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(cost) against log(size)."""
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(max(cost, 1e-6)) for _, cost in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m,5m")
    parser.add_argument("--rounds", type=int, default=0, help="rounds per size (default: by size)")
    parser.add_argument("--no-two", action="store_true", help="skip the two-process wall time")
    args = parser.parse_args()
    sizes = [size_of(label) for label in args.sizes.split(",")]
    print("CPU seconds (process_time) in one fresh process per size; wall time is noisy here.")
    print(
        f"{'size':>9} {'chunks':>6} {'bare s':>8} {'Reader s':>9} {'ratio':>6} {'own':>5} "
        f"{'peak MB':>8} {'wall 1p':>8} {'wall 2p':>8} {'load':>5}"
    )
    own_points = []
    for size in sizes:
        rounds = args.rounds or (9 if size <= 20_000 else 3 if size <= 200_000 else 1)
        one = run_child(size, rounds, 1)
        two = None if args.no_two else run_child(size, 1, 2)
        own = one["reader"] - one["bare"]
        own_points.append((one["chars"], own))
        print(
            f"{one['chars']:>9} {one['chunks']:>6} {one['bare']:>8.2f} {one['reader']:>9.2f} "
            f"{one['reader'] / one['bare']:>6.3f} {own / one['reader']:>5.0%} "
            f"{one['peak_mb']:>8.0f} {one['wall']:>8.1f} "
            + (f"{two['wall']:>8.1f}" if two else f"{'-':>8}")
            + f" {os.getloadavg()[0]:>5.1f}",
            flush=True,
        )
    print("targets: ratio <= 1.15 at every size; peak <= 1500 MB at 5 MB")
    print("load: the machine's 1-minute load average when the line was printed (2 cores)")
    large = [(size, own) for size, own in own_points if size >= 100_000 and own > 0]
    if len(large) >= 2:
        print(f"log-log slope of Reader's own CPU cost from 100 KB up: {slope(large):.2f} (<= 1.1)")


if __name__ == "__main__":
    main()
