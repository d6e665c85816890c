"""The 10,000-article collection of bench/bench_library_scale.py, made at run time, and the
change that puts its identity out of date (issue 25, deliverable 3).

    python bench/library_scale_build.py FOLDER --articles N --real R --version V

is run by the bench in a child process (it loads spaCy): it analyses `R` of the texts of
../shared/data/*/texts with the real pipeline, then writes each article as one of those texts
with a line before it ("Copy N of …", so every hash differs and every offset of the real
analysis is shifted by its length) and a closing paragraph quoting a reporter (one of 2,500
made-up people, each in four articles, so the collection has many distinct entities), with a
date over two years; it stores every analysis through `Store.save_analyses`, saves the
collection as a named one and prints what it built as one JSON line. The texts are read from
../shared/data only, never copied into the project. `revise` (in the window's process, no
spaCy) rewrites some of the collection's articles with a line before them and stores their
analyses shifted, as a background analysis of changed files would.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
REPORTERS = 2500  # made-up people, each quoted in four articles (GIVEN x SURNAMES)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIVEN = _words("Ada Bela Cyrus Dara Emil Fern Gus Hana Ivo Jules Kara Leon Mina Nils Olga")
SURNAMES = tuple(
    a + b
    for a in _words("Albe Brun Cast Dorn Ekel Ferr Gall Holt Ivar Jans Kess Lund Mart")
    for b in _words("ani berg cott dale ell ford gren hart inger jost kamp lowe mund")
)


def _shifted(value: Any, shift: int) -> Any:
    """A JSON analysis part with every offset (start, end, fragments) moved by `shift`."""
    if isinstance(value, list):
        return [_shifted(v, shift) for v in value]
    if not isinstance(value, dict):
        return value
    moved = {k: _shifted(v, shift) for k, v in value.items()}
    for name in ("start", "end"):
        if isinstance(value.get(name), int):
            moved[name] = value[name] + shift
    if "fragments" in value:
        moved["fragments"] = [[s + shift, e + shift] for s, e in value["fragments"]]
    return moved


def _closing(i: int, offset: int) -> tuple[str, dict, dict]:
    """A closing paragraph quoting a made-up reporter, its mention and its quote (as JSON)."""
    person = i % REPORTERS
    name = f"{GIVEN[person % len(GIVEN)]} {SURNAMES[person // len(GIVEN)]}"
    words = f"This is copy {i} of the story and it was checked twice"
    text = f"“{words},” said {name}.\n"
    speaker_start = offset + len(words) + 9
    key = "person:" + name.lower().replace(" ", "-")
    mention = {
        "start": speaker_start,
        "end": speaker_start + len(name),
        "text": name,
        "kind": "PERSON",
        "key": key,
        "name": name,
        "mention": "name",
    }
    cue = {"start": speaker_start - 5, "end": speaker_start - 1, "text": "said"}
    quote = {
        "start": offset,
        "end": offset + len(words) + 3,
        "text": f"“{words},”",
        "fragments": [[offset + 1, offset + 1 + len(words)]],
        "speaker": {**{k: mention[k] for k in ("start", "end", "text", "name", "key")}},
        "cue": cue,
        "evidence": {"path": "named", "confidence": 0.9, "antecedent": None, "relay": None},
    }
    return text, mention, quote


def pin_analysis_version(version: str) -> None:
    """Key stored analyses by `version` in this process: the analysis code's digest is part of
    the key (`reader.core.store.database.ANALYSIS_VERSION`), and a build kept with --keep, or
    one made while someone edits that code, must still be the collection's analyses."""
    for name, module in list(sys.modules.items()):
        if name.startswith("reader.") and hasattr(module, "ANALYSIS_VERSION"):
            module.ANALYSIS_VERSION = version


def build(folder: Path, count: int, real: int, version: str) -> None:
    """Write `count` articles under `folder`/articles and fill `folder`/store.sqlite3."""
    from reader.core.analysis.analyzer import analyze
    from reader.core.analysis.pipeline import load_pipeline, model_label
    from reader.core.model import Analysis
    from reader.core.store.collections import SavedCollections
    from reader.core.store.database import Store
    from reader.core.store.records import mentions_from_dicts, quotes_from_dicts
    from reader.core.text.article import Article, ArticleMeta
    from reader.core.text.loaders import load_article

    pin_analysis_version(version)
    sources = sorted(DATA.glob("*/texts/*.txt"))
    chosen = sources[:: max(1, len(sources) // real)][:real]
    started = time.perf_counter()
    nlp = load_pipeline()
    label = model_label(nlp)
    bases = []
    for source in chosen:
        analysis = analyze(load_article(source), nlp)
        record = analysis.to_dict()
        bases.append((analysis.article, record["entities"], record["quotes"]))
    analysed = time.perf_counter() - started
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    paths, batch = [], []
    with Store.open(folder / "store.sqlite3") as store:
        for i in range(count):
            article, entities, quotes = bases[i % len(bases)]
            prefix = f"Copy {i} of {article.title[:40]}.\n\n"
            body = prefix + article.text.rstrip("\n") + "\n\n"
            closing, mention, quote = _closing(i, len(body))
            text = body + closing
            path = articles / f"{i:05d}.txt"
            path.write_text(text, "utf-8")
            paths.append(path)
            day = i % 730
            meta = ArticleMeta(
                date=f"{2019 + day // 365}-{day % 365 // 31 + 1:02d}-{day % 28 + 1:02d}"
            )
            batch.append(
                Analysis(
                    Article(f"{article.title} ({i})", text, (), path, meta),
                    label,
                    mentions_from_dicts([*_shifted(entities, len(prefix)), mention]),
                    quotes_from_dicts([*_shifted(quotes, len(prefix)), quote]),
                )
            )
            if len(batch) == 500:
                store.save_analyses(batch)
                batch = []
        store.save_analyses(batch)
        saved = SavedCollections(store).create("scale", paths)
    stored = time.perf_counter() - started - analysed
    print(
        json.dumps(
            {
                "version": version,
                "label": label,
                "id": saved.id,
                "analysed_s": analysed,
                "stored_s": stored,
                "real": len(bases),
            }
        )
    )


def revise(store: Any, paths: list[Path], label: str, stamp: str) -> int:
    """Each of `paths` rewritten with a line before its text ("Revised `stamp`.") and its
    stored analysis saved again for the new text, every offset shifted (no pipeline run): the
    collection's identity is then out of date by those articles. Returns how many."""
    from reader.core.model import Analysis
    from reader.core.store.database import content_hash
    from reader.core.store.records import mentions_from_dicts, quotes_from_dicts
    from reader.core.text.article import Article, ArticleMeta

    batch = []
    for path in paths:
        text = path.read_text("utf-8")
        digest = content_hash(Article(title="", text=text, blocks=()))
        rows = store.query(
            "SELECT title, date, data FROM analyses WHERE content_hash = ? AND model = ?",
            (digest, label),
        )
        if not rows:
            continue
        title, date, data = rows[0]
        record = json.loads(data)
        prefix = f"Revised {stamp}.\n\n"
        path.write_text(prefix + text, "utf-8")
        batch.append(
            Analysis(
                Article(title, prefix + text, (), path, ArticleMeta(date=date)),
                label,
                mentions_from_dicts(_shifted(record["entities"], len(prefix))),
                quotes_from_dicts(_shifted(record["quotes"], len(prefix))),
            )
        )
    store.save_analyses(batch)
    return len(batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--real", type=int, default=80, help="texts analysed by the pipeline")
    parser.add_argument("--version", required=True, help="the analysis version to store under")
    args = parser.parse_args()
    build(args.folder, args.articles, args.real, args.version)


if __name__ == "__main__":
    main()
