"""Command line: `reader [FILE...]` starts the app; `analyze`, `quotes`, `export` run headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.commands import add_batch_options, add_commands, run_analyze, run_quotes

EXIT_OK, EXIT_FILE_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    analyze = sub.add_parser("analyze", help="print the analysis of article files and folders")
    analyze.add_argument("files", nargs="+", type=Path, metavar="PATH")
    analyze.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    add_batch_options(analyze)
    add_commands(sub)
    export = sub.add_parser("export", help="write an article as a highlighted HTML page")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.html")
    export.add_argument("--model", help="spaCy pipeline to use (default: best installed)")
    return parser


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
    if not argv or argv[0] not in ("analyze", "quotes", "export", "-h", "--help"):
        from reader.gui.app import run_app

        return run_app(argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    if args.command == "analyze":
        return run_analyze(args)
    if args.command == "quotes":
        return run_quotes(args)
    return run_export(args.file, args.output, args.model)


if __name__ == "__main__":
    sys.exit(main())
