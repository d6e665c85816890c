"""The batch commands of the command line: `reader analyze` and `reader quotes` over files and
folders, with the store, worker processes or a Dask cluster, and a progress bar on a terminal."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.model import Analysis
from reader.core.store.database import Store
from reader.core.text.article import Article
from reader.core.text.sources import display_path

if TYPE_CHECKING:
    from reader.core.render.report_pages import ReportPages
    from reader.core.store.coverage import Coverage

EXIT_OK, EXIT_FILE_FAILED = 0, 1
_NAME_ENDS = ("", " ", ":", ",", ";")  # what may follow a file name that starts a message


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """--store and --no-store."""
    parser.add_argument(
        "--store",
        type=Path,
        metavar="PATH",
        help="analysis store file (default: $READER_STORE, else in the user's data folder)",
    )
    parser.add_argument(
        "--no-store", action="store_true", help="neither read nor write the analysis store"
    )


def add_paths(parser: argparse.ArgumentParser) -> None:
    """The PATH... arguments of a batch command."""
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="article files (text, Markdown, HTML, Word, PDF, EPUB, ODT, RTF, mail, scans) and"
        " folders of them (read recursively; Reader's own exports and reports skipped)",
    )


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    """--jobs, --scheduler, --store, --no-store and --model, shared by analyze and quotes."""
    parser.add_argument("--model", help="spaCy pipeline to use (default: best installed)")
    add_store_options(parser)
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of cores)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="analyse on this Dask distributed scheduler (tcp://host:8786); needs reader[dask]",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def _say(message: str) -> None:
    """One line on stderr, whatever file names the message quotes (control characters and
    undecodable bytes escaped as display_path does for a path)."""
    print(f"reader: {display_path(message)}", file=sys.stderr, flush=True)


def open_store(path: Path | None, disabled: bool) -> Store | None:
    """The store to use, or None (--no-store, or it cannot be used: said once on stderr)."""
    from reader.core.store.database import StoreError, schema_behind

    if disabled:
        return None
    if schema_behind(path):
        _say(
            "note: upgrading the analysis store from an older Reader"
            " (once; a large store takes a minute)"
        )
    try:
        return Store.open(path)
    except StoreError as error:
        _say(str(error))
        return None


def stored_analysis(
    article: Article, model: str | None, store_path: Path | None, no_store: bool
) -> Analysis:
    """The article's analysis from the store, with the reader's corrections, else made here
    and stored. Raises ModelError when no pipeline can be loaded."""
    from reader.core.service.analyses import AnalysisService

    with AnalysisService(open_store(store_path, no_store), warn=_say) as service:
        return service.analysis(article, model)


def _results(args: argparse.Namespace) -> Iterator:
    """BatchResults for the command's paths in input order, with a progress bar on a terminal.

    A folder with no article files is one failed result. Raises ModelError or RuntimeError.
    """
    from tqdm import tqdm

    from reader.core.service.batch import BatchResult, analyze_files
    from reader.core.store.folder_files import folder_files

    paths: list[Path] = []
    empty: list[tuple[int, Path, str]] = []  # folders with no article files: where, what to say
    skipped = 0  # Reader's own pages (exports, reports) in the folders, left out
    for path in args.files:
        if os.path.isdir(path):  # False, not an error, where a folder above is unsearchable
            found = folder_files(path)
            skipped += found.skipped
            if not found.paths:
                empty.append((len(paths), path, _no_articles(path, found.skipped)))
            paths.extend(found.paths)
        else:
            paths.append(path)
    if skipped:
        _say(
            f"note: skipped {skipped} {'page' if skipped == 1 else 'pages'} Reader wrote"
            " (exports, reports) in the folders; name a file to read it."
        )
    empty.reverse()
    store = open_store(args.store, args.no_store)
    results = analyze_files(
        paths, model=args.model, jobs=args.jobs, store=store, scheduler=args.scheduler, warn=_say
    )
    bar = tqdm(total=len(paths), file=sys.stderr, unit="article", disable=not sys.stderr.isatty())
    try:
        for index, result in enumerate(results):
            while empty and empty[-1][0] <= index:
                _at, folder, why = empty.pop()
                yield BatchResult(folder, error=why)
            bar.update()
            yield result
        while empty:
            _at, folder, why = empty.pop()
            yield BatchResult(folder, error=why)
    finally:
        bar.close()
        results.close()
        if store is not None:
            store.close()


def _no_articles(folder: Path, skipped: int) -> str:
    """Why a folder gives no article: it names the folder (also in a JSON record's error)."""
    only = f" (only {skipped} Reader wrote, skipped)" if skipped else ""
    return f"the folder {folder} contains no article files{only}."


def _fail(path: Path, message: str) -> dict:
    _say(about_file(path, message))
    return {"path": str(path), "error": message}


def _notices(path: Path, article: Article, record: dict | None = None) -> None:
    """What the loader left out of an article that was read: one line each on stderr
    ("reader: note: PATH: ..."), and the record's "notices" list."""
    for notice in article.notices:
        _say(f"note: {path}: {notice}")
    if record is not None and article.notices:
        record["notices"] = list(article.notices)


def about_file(path: Path, message: str) -> str:
    """A failure of one file as one line that names it once: its path in place of the name the
    message starts with ("a.pdf cannot be read…" -> "docs/a.pdf cannot be read…"), the message
    alone when it names the file elsewhere, else "path: message"."""
    name = path.name
    if str(path) in message:  # "the folder docs/empty contains…"
        return message
    if name and message.startswith(name) and message[len(name) : len(name) + 1] in _NAME_ENDS:
        return f"{path}{message[len(name) :]}"
    if name and re.search(rf"(?<![\w.]){re.escape(name)}(?!\w|\.\w)", message):
        return message
    return f"{path}: {message}"


def run_analyze(args: argparse.Namespace) -> int:
    """`reader analyze PATH...`: one JSON object per article (jsonl) or one array (json).

    The run is a collection: each entity mention and quote speaker also carries its
    `collection_key` over the run's files, and each quote its `group` (issue 24), so the
    records are printed once all are analysed.
    """
    from reader.core.analysis.models import ModelError
    from reader.core.store.run_collection import RunCollection, with_collection_keys
    from reader.core.store.run_quote_groups import RunQuoteGroups

    status = EXIT_OK
    groups = RunQuoteGroups(args.store, not args.no_store)
    with RunCollection() as run:
        try:
            for result in _results(args):
                if result.analysis is None:
                    record = _fail(result.path, result.error)
                    status = EXIT_FILE_FAILED
                else:
                    record = result.analysis.to_dict()
                    record["path"] = str(result.path)
                    _notices(result.path, result.analysis.article, record)
                run.add(result.analysis, record)
                groups.add(result.analysis)
        except (ModelError, RuntimeError) as error:
            _say(str(error))
            if args.format == "json":
                return EXIT_FILE_FAILED
            status = EXIT_FILE_FAILED  # the lines of the files before it are still printed
        records = (
            groups.with_groups(number, with_collection_keys(record, key_of))
            for number, (key_of, record) in enumerate(run.keyed())
        )
        if args.format == "jsonl":
            for record in records:
                print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            print(json.dumps(list(records), ensure_ascii=False, indent=2))
    return status


def run_quotes(args: argparse.Namespace) -> int:
    """`reader quotes PATH...`: every quote as a CSV row or a JSON line, files in input order,
    with the speaker's `speaker_collection_key` and the quote's `group` over the run's files
    (printed once all are analysed)."""
    from reader.core.analysis.models import ModelError
    from reader.core.render import quote_table as table
    from reader.core.store.run_collection import RunCollection
    from reader.core.store.run_quote_groups import RunQuoteGroups

    status = EXIT_OK
    header = True
    stopped = False
    groups = RunQuoteGroups(args.store, not args.no_store)
    with RunCollection() as run:
        try:
            for result in _results(args):
                if result.analysis is None:
                    _say(about_file(result.path, result.error))
                    status = EXIT_FILE_FAILED
                    continue
                _notices(result.path, result.analysis.article)
                run.add(result.analysis, list(table.article_rows(result.analysis)))
                groups.add(result.analysis)
        except (ModelError, RuntimeError) as error:
            _say(str(error))
            status, stopped = EXIT_FILE_FAILED, True  # the quotes before it are still printed
        names = run.names()  # each speaker by the run's name for its collection key
        for number, (key_of, rows) in enumerate(run.keyed()):
            for row in rows:
                row["speaker_collection_key"] = key_of(row["speaker_key"])
                row["group"] = groups.label(number, row["start"])
            rows = list(table.with_names(rows, names, "speaker_collection_key"))
            if args.format == "csv":
                table.write_csv(rows, sys.stdout, header=header)
                header = False
            else:
                table.write_jsonl(rows, sys.stdout)
            sys.stdout.flush()
    if args.format == "csv" and header and not stopped:
        table.write_csv((), sys.stdout)
    return status


def _coverage(args: argparse.Namespace, pages: ReportPages | None = None) -> tuple[Coverage, int]:
    """The run's analyses as one `Coverage` (issue 24), a text given twice once (a note on
    stderr names the files left out), and the exit status so far (failed files and a pipeline
    that cannot run said on stderr); each article's page written into `pages` as it comes."""
    from reader.core.analysis.models import ModelError
    from reader.core.store.coverage import Coverage

    coverage = Coverage()
    status = EXIT_OK
    try:
        for number, result in enumerate(_results(args)):
            if result.analysis is None:
                _say(about_file(result.path, result.error))
                status = EXIT_FILE_FAILED
            elif coverage.add_first(number, result.analysis) and pages is not None:
                pages.add(number, result.analysis)
    except (ModelError, RuntimeError) as error:
        _say(str(error))
        status = EXIT_FILE_FAILED
    if note := coverage.duplicates.note():
        _say(note)
    return coverage, status


def run_speakers(args: argparse.Namespace) -> int:
    """`reader speakers PATH...`: who gets quoted, one row per speaker by collection key over
    the run's files (`--per-article`: per article too, each article's rows after the run's),
    as CSV or JSON lines."""
    from reader.core.render.quote_table import write_jsonl
    from reader.core.render.speaker_table import speaker_rows, write_speakers_csv
    from reader.core.store.speaker_stats import speaker_stats

    coverage, status = _coverage(args)
    spoken = list(coverage.spoken())
    rows = list(speaker_rows(speaker_stats(spoken)))
    if args.per_article:
        by_article: dict = {article: [] for article in coverage.articles}
        for quote in spoken:
            by_article[quote.article].append(quote)
        for article, kept in coverage.articles.items():
            rows.extend(speaker_rows(speaker_stats(by_article[article]), kept.path, kept.title))
    if args.format == "csv":
        write_speakers_csv(rows, sys.stdout)
    else:
        write_jsonl(rows, sys.stdout)
    return status


def run_report(args: argparse.Namespace) -> int:
    """`reader report PATH... -o REPORT.html`: the collection report of the run's files, one
    self-contained page (issue 24), written once all are analysed; with `--with-articles`,
    each article's page too (REPORT_files/NN-slug.html, written as it is analysed), which
    the report's quotes link to."""
    from reader.core.render.export import ExportError
    from reader.core.render.report import write_report
    from reader.core.render.report_pages import ReportPages

    pages = None
    if args.with_articles:  # never a page over one of the run's articles
        from reader.core.store.library import supported_files

        given = [supported_files(f) if os.path.isdir(f) else [f] for f in args.files]
        pages = ReportPages(args.output, [path for paths in given for path in paths])
    try:
        coverage, status = _coverage(args, pages)
        if not coverage.articles:  # each file's failure was said; an empty page tells nothing
            _say(f"no article could be read, so {args.output} was not written.")
            return EXIT_FILE_FAILED
        title = args.title or f"Coverage of {len(coverage.articles)} articles"
        write_report(coverage, args.output, title, pages)
    except ExportError as error:
        _say(str(error))
        return EXIT_FILE_FAILED
    _say(f"wrote {args.output}")
    return status


def _add_table_format(command: argparse.ArgumentParser) -> None:
    """The --format of the commands that print a table (quotes, speakers)."""
    command.add_argument(
        "--format",
        choices=["csv", "jsonl"],
        default="csv",
        help="CSV with a header row (default) or one JSON object per line",
    )


def add_commands(sub: argparse._SubParsersAction) -> None:
    """The `quotes`, `speakers` and `report` subcommands (analyze is defined in reader.cli and
    given the batch options)."""
    quotes = sub.add_parser("quotes", help="print the quotes of articles as CSV or JSON lines")
    add_paths(quotes)
    _add_table_format(quotes)
    add_batch_options(quotes)
    speakers = sub.add_parser("speakers", help="print who gets quoted, per speaker, as a table")
    add_paths(speakers)
    _add_table_format(speakers)
    speakers.add_argument(
        "--per-article", action="store_true", help="also one table per article, after the run's"
    )
    add_batch_options(speakers)
    report = sub.add_parser("report", help="write the collection report of articles as HTML")
    add_paths(report)
    report.add_argument(
        "-o", "--output", type=Path, required=True, metavar="REPORT.html", help="the page to write"
    )
    report.add_argument("--title", help="the report's title (default: Coverage of N articles)")
    report.add_argument(
        "--with-articles",
        action="store_true",
        help="also write each article's page into REPORT_files/ and link the quotes to them",
    )
    add_batch_options(report)
