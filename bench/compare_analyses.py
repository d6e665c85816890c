"""Behaviour unchanged? The analyses of every development text, before and after a change.

`run` analyses each development set of ../shared/data (quotes-dev, entities-dev,
entities-dev-2020) with `reader analyze --format jsonl --no-store`, as a user would, and writes
one file per set into OUT_DIR. With `--through-store`, each set is analysed twice into a fresh
store and the second run (every analysis read back from the store) is written instead, so the
store's round trip is compared too. `diff` compares two such folders line by line (one line per
article) and prints, per set, how many analyses are byte-identical and the first that is not;
it exits 1 when any differs. `--ignore-field NAME` (repeatable) first drops every field NAME,
at any depth, from both sides (a field a change adds on purpose, such as `collection_key`)
and compares the rest as Reader prints it (`json.dumps(..., ensure_ascii=False)`).

    python bench/compare_analyses.py run OUT_DIR [--through-store] [--jobs N]
    python bench/compare_analyses.py diff BEFORE_DIR AFTER_DIR [--ignore-field NAME]...
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = ("quotes-dev", "entities-dev", "entities-dev-2020")


def run(out_dir: Path, through_store: bool, jobs: int) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in SETS:
        texts = sorted((DATA / name / "texts").glob("*.txt"))
        command = [sys.executable, "-m", "reader.cli", "analyze", *map(str, texts)]
        command += ["--format", "jsonl", "--jobs", str(jobs)]
        with tempfile.TemporaryDirectory() as folder:
            if through_store:
                command += ["--store", str(Path(folder) / "store.sqlite3")]
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            else:
                command.append("--no-store")
            output = subprocess.run(command, check=True, capture_output=True).stdout
        (out_dir / f"{name}.jsonl").write_bytes(output)
        print(f"{name}: {len(texts)} articles, {len(output):,} bytes", flush=True)


def _without(value: object, ignored: frozenset[str]) -> object:
    if isinstance(value, dict):
        return {k: _without(v, ignored) for k, v in value.items() if k not in ignored}
    if isinstance(value, list):
        return [_without(v, ignored) for v in value]
    return value


def _lines(path: Path, ignored: frozenset[str]) -> list[bytes]:
    lines = path.read_bytes().splitlines()
    if not ignored:
        return lines
    return [
        json.dumps(_without(json.loads(line), ignored), ensure_ascii=False).encode(
            "utf-8", "surrogateescape"
        )
        for line in lines
    ]


def diff(before: Path, after: Path, ignored: frozenset[str] = frozenset()) -> int:
    status = 0
    for name in SETS:
        old = _lines(before / f"{name}.jsonl", ignored)
        new = _lines(after / f"{name}.jsonl", ignored)
        same = sum(a == b for a, b in zip(old, new, strict=False))
        print(f"{name}: {same} of {len(old)} analyses byte-identical ({len(new)} after)")
        if same != len(old) or len(old) != len(new):
            status = 1
            for a, b in zip(old, new, strict=False):
                if a != b:
                    _show_first_difference(json.loads(a), json.loads(b))
                    break
    return status


def _show_first_difference(a: dict, b: dict) -> None:
    print(f"  first differing article: {a.get('path')}")
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            left, right = a.get(key), b.get(key)
            if isinstance(left, list) and isinstance(right, list):
                for index, (x, y) in enumerate(zip(left, right, strict=False)):
                    if x != y:
                        print(f"  {key}[{index}]: {x}\n  {' ' * len(key)}   -> {y}")
                        break
                else:
                    print(f"  {key}: {len(left)} items -> {len(right)}")
            else:
                print(f"  {key}: {str(left)[:200]} -> {str(right)[:200]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run")
    run_parser.add_argument("out_dir", type=Path)
    run_parser.add_argument("--through-store", action="store_true")
    run_parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    diff_parser = sub.add_parser("diff")
    diff_parser.add_argument("before", type=Path)
    diff_parser.add_argument("after", type=Path)
    diff_parser.add_argument("--ignore-field", action="append", default=[], metavar="NAME")
    args = parser.parse_args()
    if args.command == "run":
        run(args.out_dir, args.through_store, args.jobs)
        return 0
    return diff(args.before, args.after, frozenset(args.ignore_field))


if __name__ == "__main__":
    sys.exit(main())
