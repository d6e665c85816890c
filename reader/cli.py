"""Command line: `reader [FILE|FOLDER...]` starts the window; `analyze`, `quotes`, `speakers`,
`report`, `export` and `aliases` run headless."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.alias_commands import add_alias_command, run_aliases
from reader.commands import (
    add_batch_options,
    add_commands,
    add_paths,
    add_store_options,
    run_analyze,
    run_quotes,
    run_report,
    run_speakers,
    stored_analysis,
)
from reader.core.text.sources import display_path

EXIT_OK, EXIT_FILE_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
COMMANDS = ("analyze", "quotes", "speakers", "report", "export", "aliases")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")  # a command's shape: no dot, no folder in it
_ESCAPE_SURROGATES = "reader-escape-surrogates"
# The window's arguments (reader.gui.app's parser, not imported here: it would load Qt for
# --help), listed in `reader --help` with the commands.
WINDOW_HELP = """\
the window (no COMMAND):
  FILE                  an article to open in a tab (none: the articles open
                        when Reader last closed, else the bundled sample)
  FOLDER                a folder of articles to open as a collection in the
                        Library, as File > Open Folder does
  --screenshot PATH     save a PNG of the window once the articles are
                        analysed, then exit
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        usage="reader [FILE|FOLDER ...] [--screenshot PATH]\n       reader COMMAND ...",
        description=__doc__,
        epilog=WINDOW_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # prog: each command's usage starts "reader analyze", not the window's two-line usage.
    sub = parser.add_subparsers(dest="command", prog="reader")
    analyze = sub.add_parser("analyze", help="print the analysis of article files and folders")
    add_paths(analyze)
    analyze.add_argument(
        "--format",
        choices=["jsonl", "json"],
        default="jsonl",
        help="one JSON object per line (jsonl, default) or one JSON array (json)",
    )
    add_batch_options(analyze)
    add_commands(sub)
    export = sub.add_parser("export", help="write an article as a highlighted HTML page")
    export.add_argument("file", type=Path, metavar="FILE", help="the article file to export")
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT.html", help="the page to write"
    )
    export.add_argument("--model", help="spaCy pipeline to use (default: best installed)")
    add_store_options(export)
    add_alias_command(sub)
    return parser


def run_export(
    file: Path, output: Path, model: str | None, store: Path | None = None, no_store: bool = False
) -> int:
    """The export shows the reader's corrections: the analysis comes through the store."""
    from reader.core.analysis.models import ModelError
    from reader.core.render.export import ExportError, write_export
    from reader.core.text.loaders import ArticleError, load_article

    if _same_file(file, output):
        print(
            f"reader: {display_path(output)} is the article being exported;"
            " choose another output file.",
            file=sys.stderr,
        )
        return EXIT_FILE_FAILED
    try:
        article = load_article(file)
        analysis = stored_analysis(article, model, store, no_store)
        write_export(analysis, output)
    except (ArticleError, ModelError, ExportError) as error:
        print(f"reader: {error}", file=sys.stderr)
        return EXIT_FILE_FAILED
    print(f"reader: wrote {display_path(output)}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = (*COMMANDS, "-h", "--help")
    if argv and _mistyped_command(argv[0]):
        print(
            f"reader: '{argv[0]}' is not a command or a file; commands: {', '.join(COMMANDS)}"
            " (reader --help)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not argv or argv[0] not in commands:
        from reader.gui.app import run_app

        return run_app(argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    _utf8_stdout()
    try:
        if args.command == "analyze":
            return run_analyze(args)
        if args.command == "quotes":
            return run_quotes(args)
        if args.command == "speakers":
            return run_speakers(args)
        if args.command == "report":
            return run_report(args)
        if args.command == "aliases":
            return run_aliases(args)
        return run_export(args.file, args.output, args.model, args.store, args.no_store)
    except BrokenPipeError:  # `reader analyze … | head -c1`: the reader has gone, so be quiet
        _silence_stdout()
        return EXIT_FILE_FAILED
    except KeyboardInterrupt:
        print("reader: interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # whatever escaped: one line, never a traceback
        print(f"reader: {args.command} failed: {_one_sentence(error)}", file=sys.stderr)
        return EXIT_FILE_FAILED


def _mistyped_command(word: str) -> bool:
    """Whether the first argument reads as a command that does not exist (`reader library`):
    a bare word, neither a command nor an option, naming no file or folder (not even a broken
    link). A name with a dot or a folder in it (`missing.txt`, `dir/x`) is left to the window,
    which says the file does not exist."""
    return word not in COMMANDS and _WORD.fullmatch(word) is not None and not os.path.lexists(word)


def _same_file(source: Path, output: Path) -> bool:
    """Whether writing `output` would replace the article file itself (links included)."""
    try:
        return os.path.samefile(source, output)
    except (OSError, ValueError):
        return False


def _one_sentence(error: BaseException) -> str:
    """An exception as one line: its first line (spaCy's errors run to a paragraph)."""
    lines = str(error).strip().splitlines()
    first = lines[0].strip() if lines else ""
    if "[E088]" in first:
        return "the text is longer than the spaCy pipeline accepts in one piece."
    if not first:
        return f"an unexpected {type(error).__name__} with no message."
    return f"{type(error).__name__}: {first[:300]}"


def _escape_surrogates(error: UnicodeError) -> tuple[str, int]:
    """Bytes of a file name that are not UTF-8 (lone surrogates) as \\udcXX, valid in JSON."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(f"\\u{ord(char):04x}" for char in bad), error.end


def _utf8_stdout() -> None:
    """JSON and CSV go out as UTF-8 whatever the locale or PYTHONIOENCODING says."""
    codecs.register_error(_ESCAPE_SURROGATES, _escape_surrogates)
    # Not every stdout can be reconfigured (a test's capture, a closed stream).
    with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
        sys.stdout.reconfigure(encoding="utf-8", errors=_ESCAPE_SURROGATES)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush does not fail again."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
