"""Command line: `reader [FILE...]` starts the app; `analyze` and `export` run headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_FILE_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    analyze = sub.add_parser("analyze", help="print the analysis of article files")
    analyze.add_argument("files", nargs="+", type=Path, metavar="FILE")
    analyze.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    analyze.add_argument("--model", help="spaCy pipeline to use (default: best installed)")
    export = sub.add_parser("export", help="write an article as a highlighted HTML page")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.html")
    export.add_argument("--model", help="spaCy pipeline to use (default: best installed)")
    return parser


def _fail(path: Path, message: str) -> dict:
    print(f"reader: {path}: {message}", file=sys.stderr)
    return {"path": str(path), "error": message}


def run_analyze(files: Sequence[Path], fmt: str, model: str | None) -> int:
    from reader.core.analysis import analyze
    from reader.core.loaders import ArticleError, load_article
    from reader.core.pipeline import ModelError, load_pipeline

    try:
        nlp = load_pipeline(model)
    except ModelError as error:
        print(f"reader: {error}", file=sys.stderr)
        return EXIT_FILE_FAILED
    status = EXIT_OK
    results = []
    for path in files:
        try:
            result = analyze(load_article(path), nlp).to_dict()
            result["path"] = str(path)
        except ArticleError as error:
            result = _fail(path, str(error))
            status = EXIT_FILE_FAILED
        except Exception as error:  # one bad file must not stop the others
            result = _fail(path, f"analysis failed: {type(error).__name__}: {error}")
            status = EXIT_FILE_FAILED
        if fmt == "jsonl":
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            results.append(result)
    if fmt == "json":
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return status


def run_export(file: Path, output: Path, model: str | None) -> int:
    from reader.core.analysis import analyze
    from reader.core.export import ExportError, write_export
    from reader.core.loaders import ArticleError, load_article
    from reader.core.pipeline import ModelError, load_pipeline

    try:
        article = load_article(file)
        analysis = analyze(article, load_pipeline(model))
        write_export(analysis, output)
    except (ArticleError, ModelError, ExportError) as error:
        print(f"reader: {error}", file=sys.stderr)
        return EXIT_FILE_FAILED
    print(f"reader: wrote {output}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("analyze", "export", "-h", "--help"):
        from reader.gui.app import run_app

        return run_app(argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    if args.command == "analyze":
        return run_analyze(args.files, args.format, args.model)
    return run_export(args.file, args.output, args.model)


if __name__ == "__main__":
    sys.exit(main())
