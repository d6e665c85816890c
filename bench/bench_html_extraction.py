"""Reader's HTML loader against trafilatura alone on scrapinghub/article-extraction-benchmark.

The benchmark (https://github.com/scrapinghub/article-extraction-benchmark, MIT) holds 181 real
news and blog pages, fetched with JavaScript off, each with the article body a person marked.
Its pages belong to their publishers: keep them outside this repository, e.g.

    git clone --depth 1 https://github.com/scrapinghub/article-extraction-benchmark /tmp/aeb
    python bench/bench_html_extraction.py /tmp/aeb [--sample 60] [--only trafilatura,no-trimming]

(the folder needs `ground-truth.json` and `html/<id>.html.gz`). The score is the benchmark's
own `evaluate.py`: words are `\\w+` runs (case kept), each text becomes its 4-word shingles
with their counts, a page's true/false positives and false negatives are the shingles in
common, only predicted and only expected, normalised to sum to 1 so long pages weigh no more
than short ones; precision is the mean over pages with a prediction, recall the mean over
pages with an expected text, F1 the harmonic mean of those two means.

Configurations: trafilatura alone as the benchmark runs it (`extract(html,
include_comments=False)`, text out), Reader's loader as it is (the article's text without the
title line Reader adds, since the expected text is the body alone; `reader+title` scores it
with it), Reader with trafilatura favouring recall (as before), then Reader with one of its
steps around trafilatura switched off or replaced (each a patch of the loader, see STEPS;
`no-trimming` hands trafilatura the page as lxml parses it). `better`/`worse` count the pages
whose F1 rises/falls by more than 0.005 against Reader as it is: a step that helps has more
`worse` pages when switched off.

On 2026-12-07 (trafilatura 2.3.1, all 181 pages), Reader P 0.950 R 0.978 F1 0.964 against
trafilatura alone 0.942 0.978 0.960 (Reader better on 32 pages, worse on 1); with
favor_recall F1 0.961 (8 pages worse); trimming as a whole 0.959 off (5 worse, 1 better);
hidden-element drop 0.962 off (1 worse); the other steps change no page here (they bound the
cost of hostile pages, see bench_html.py, or serve layouts this set lacks).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from pathlib import Path
from typing import Any
from unittest import mock

from lxml import etree
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.errors import ArticleError  # noqa: E402
from reader.core.text.article import Article, BlockKind  # noqa: E402
from reader.core.text.loaders import html as loader  # noqa: E402

Score = tuple[float, float, float]  # a page's (tp, fp, fn), normalised to sum to 1
_TOKEN = re.compile(r"\w+", re.UNICODE)
_NGRAM = 4
_CHANGED = 0.005


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """evaluate.py's `_ngrams`: a text shorter than 4 words is one shorter shingle."""
    tokens = _TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + _NGRAM]) for i in range(max(1, len(tokens) - _NGRAM + 1)))
    return Counter(gram for gram in grams if gram)


def page_score(expected: str, found: str) -> Score:
    """evaluate.py's `string_shingle_matching`."""
    true, pred = shingles(expected), shingles(found)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summary(scores: list[Score]) -> tuple[float, float, float]:
    """evaluate.py's `metrics_from_tp_fp_fns`: (precision, recall, F1)."""
    precision = statistics.mean(_precision(*s) for s in scores if s[0] + s[1] > 0)
    recall = statistics.mean(_recall(*s) for s in scores if s[0] + s[2] > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def page_f1(score: Score) -> float:
    tp, fp, fn = score
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def trafilatura_alone(name: str, data: bytes) -> str:
    """As the benchmark's extractors/run_trafilatura.py: the page as text, defaults."""
    import trafilatura

    return trafilatura.extract(data.decode("utf-8"), include_comments=False) or ""


def reader_body(name: str, data: bytes) -> str:
    """Reader's article text without its title block (the benchmark scores the body)."""
    article = loader.load_html(Path(f"{name}.html"), data)
    return "\n".join(
        article.block_text(block) for block in article.blocks if block.kind is not BlockKind.TITLE
    )


def reader_body_recall(name: str, data: bytes) -> str:
    """As reader_body, with trafilatura favouring recall (as Reader did before, and still does
    for e-mails)."""
    original = loader.html_article

    def recall_first(*args: Any, **options: Any) -> Article:
        return original(*args, **{**options, "favor_recall": True})

    with mock.patch.object(loader, "html_article", recall_first):
        return reader_body(name, data)


def reader_text(name: str, data: bytes) -> str:
    return loader.load_html(Path(f"{name}.html"), data).text


class _Everything(frozenset):
    """An attribute set that keeps every attribute (the attribute trimming off)."""

    def __contains__(self, item: object) -> bool:
        return True


def _patched(**values: object) -> Callable[[], AbstractContextManager]:
    @contextmanager
    def patches() -> Iterator[None]:
        with ExitStack() as stack:
            for name, value in values.items():
                stack.enter_context(mock.patch.object(loader, name, value))
            yield

    return patches


def _untrimmed_tree(path: Path, page: str) -> tuple[lxml_html.HtmlElement, int]:
    """The page parsed by lxml's defaults, nothing dropped: all of Reader's trimming off."""
    tree = lxml_html.document_fromstring(
        page.encode("utf-8"), lxml_html.HTMLParser(encoding="utf-8")
    )
    return tree, len(tree.text_content())


# Reader's steps around trafilatura, each switched off by patching the loader.
STEPS: dict[str, Callable[[], AbstractContextManager]] = {
    "no-trimming": _patched(_trimmed_tree=_untrimmed_tree),
    "no-hidden-drop": _patched(drop_hidden=lambda tree: None),
    "noscript-dropped": _patched(
        read_noscript=lambda tree: etree.strip_elements(tree, "noscript", with_tail=False)
    ),
    "noscript-all-unwrapped": _patched(
        read_noscript=lambda tree: etree.strip_tags(tree, "noscript")
    ),
    "no-tag-drop": _patched(_DROPPED_TAGS=()),
    "all-attributes": _patched(_KEPT_ATTRIBUTES=_Everything(loader._KEPT_ATTRIBUTES)),
    "no-br-mark": _patched(_mark_paragraph_break=lambda br: None),
    "no-whole-fallback": _patched(_whole_parts=lambda tree: ([], None)),
}
CONFIGS: dict[str, tuple[Callable[[str, bytes], str], Callable[[], AbstractContextManager]]] = {
    "reader": (reader_body, nullcontext),
    "trafilatura": (trafilatura_alone, nullcontext),
    "reader+title": (reader_text, nullcontext),
    "reader favor-recall": (reader_body_recall, nullcontext),
    **{f"reader {name}": (reader_body, patches) for name, patches in STEPS.items()},
}


def pages(folder: Path, sample: int | None) -> list[tuple[str, bytes, str]]:
    """(id, page bytes, expected body); a sample takes every k-th page of the sorted ids."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    names = sorted(truth)
    if sample and sample < len(names):
        names = names[:: len(names) // sample][:sample]
    return [
        (
            name,
            gzip.decompress((folder / "html" / f"{name}.html.gz").read_bytes()),
            truth[name].get("articleBody", ""),
        )
        for name in names
    ]


def run(config: str, items: list[tuple[str, bytes, str]]) -> tuple[list[Score], float, list[str]]:
    """Every page's score under one configuration, the CPU seconds, the pages refused."""
    extract, patches = CONFIGS[config]
    scores, refused = [], []
    start = time.process_time()
    with patches():
        for name, data, expected in items:
            try:
                found = extract(name, data)
            except ArticleError as error:
                found = ""
                refused.append(f"{name[:12]}: {error}")
            scores.append(page_score(expected, found))
    return scores, time.process_time() - start, refused


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sample", type=int, help="score every k-th page, this many")
    parser.add_argument("--only", help="comma-separated configurations (always with reader)")
    args = parser.parse_args()
    if not (args.folder / "ground-truth.json").is_file() or not (args.folder / "html").is_dir():
        parser.error(f"{args.folder} holds no ground-truth.json and html/ (see --help to fetch)")
    items = pages(args.folder, args.sample)
    chosen = ["reader", *(args.only.split(",") if args.only else CONFIGS)]
    chosen = [name if name in CONFIGS else f"reader {name}" for name in chosen]
    unknown = [name for name in chosen if name not in CONFIGS]
    if unknown:
        parser.error(f"unknown configuration {unknown[0]!r}; known: {', '.join(CONFIGS)}")
    print(f"{len(items)} pages, rule: evaluate.py (4-word shingles, mean P and R per page)")
    print(f"{'configuration':32} {'P':>6} {'R':>6} {'F1':>6} {'better':>6} {'worse':>6} {'s':>6}")
    baseline: list[Score] | None = None
    for config in dict.fromkeys(chosen):
        scores, seconds, refused = run(config, items)
        baseline = baseline or (scores if config == "reader" else None)
        precision, recall, f1 = summary(scores)
        better = worse = ""
        if baseline is not None and config != "reader":
            deltas = [page_f1(s) - page_f1(b) for s, b in zip(scores, baseline, strict=True)]
            better = str(sum(d > _CHANGED for d in deltas))
            worse = str(sum(d < -_CHANGED for d in deltas))
        print(
            f"{config:32} {precision:6.3f} {recall:6.3f} {f1:6.3f} "
            f"{better:>6} {worse:>6} {seconds:6.1f}"
        )
        for line in refused:
            print(f"    refused {line}")


if __name__ == "__main__":
    main()
