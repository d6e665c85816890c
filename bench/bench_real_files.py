"""Every loader over a folder of real files other projects keep as test material.

    python bench/bench_real_files.py [FOLDER] [--show-meta] [--timeout SECONDS]

The corpus stays outside this repository (never copy it in). Apache Tika's test documents
hold real Word, ODT, RTF, PDF, EPUB, e-mail, saved-page and HTML files; to fetch them:

    git clone --depth 1 https://github.com/apache/tika /tmp/tika
    mkdir -p /tmp/tika-docs && cd /tmp/tika
    git ls-tree -r --name-only HEAD | grep test-documents/ \\
      | grep -iE '\\.(docx|odt|rtf|eml|mhtml|mht|pdf|epub|html?|xhtml)$' \\
      | while read p; do git show "HEAD:$p" > "/tmp/tika-docs/$(basename "$p")"; done

(FOLDER defaults to /tmp/tika-docs.) Prints per format: files, opened, refusals grouped by
their message (file names masked), tracebacks (must be 0), time-outs, and the titles, authors
and dates that look invented: an application's name or a placeholder as title or author
("Word Document", "Saved by Blink", "(anonymous)"), an impossible date (before 1900, after
next year), today's date (a load or file-system time). The checks here are the bench's own,
written apart from the loaders' rules, so the loaders cannot pass by agreeing with themselves.
"""

from __future__ import annotations

import argparse
import datetime
import re
import signal
import sys
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.errors import ArticleError  # noqa: E402
from reader.core.text.loaders import SUPPORTED_SUFFIXES, load_article  # noqa: E402

DEFAULT_FOLDER = Path("/tmp/tika-docs")
_PLACEHOLDER = re.compile(
    r"^\W*(untitled|no title|word document|document\d*|article|title|microsoft word\b.*"
    r"|saved by .*|anonymous|unknown|author|user|administrator|microsoft office user"
    r"|owner|default|none|null|n/?a)\W*$",
    re.IGNORECASE,
)
_APPLICATION = re.compile(
    r"\b(microsoft|libreoffice|openoffice|writer|acrobat|distiller|pdftex|latex|ghostscript"
    r"|blink|webkit|chrome|quark|indesign|aspose|itext|reportlab|python-docx)\b",
    re.IGNORECASE,
)
_SAME_FORMAT = {".htm": ".html", ".xhtml": ".html", ".mht": ".mhtml"}


class _TimeOutError(Exception):
    pass


def invented(article, path: Path) -> list[str]:
    """What in the article's title and metadata looks made up rather than stated by the file."""
    found = []
    meta = article.meta
    title = article.title or ""
    if _PLACEHOLDER.match(title) or title.lower().startswith("microsoft word -"):
        found.append(f"title {title!r}")
    author = meta.author if meta else None
    if author and (_PLACEHOLDER.match(author) or _APPLICATION.search(author)):
        found.append(f"author {author!r}")
    date = meta.date if meta else None
    if date:
        year = re.match(r"\d{4}", date)
        today = datetime.date.today()
        mtime = datetime.date.fromtimestamp(path.stat().st_mtime).isoformat()
        if year is None:
            found.append(f"date {date!r} (not a date)")
        elif not 1900 <= int(year.group()) <= today.year + 1:
            found.append(f"date {date!r} (impossible)")
        elif date.startswith((today.isoformat(), mtime)):
            found.append(f"date {date!r} (today or the file's time)")
    site = meta.site if meta else None
    if site and _PLACEHOLDER.match(site):
        found.append(f"site {site!r}")
    return found


def _masked(message: str, path: Path) -> str:
    return message.replace(path.name, "<file>")


def run(folder: Path, timeout: int, show_meta: bool) -> int:
    def alarm(signum, frame):
        raise _TimeOutError

    signal.signal(signal.SIGALRM, alarm)
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)
    by_format: dict[str, list[Path]] = defaultdict(list)
    for path in files:
        suffix = path.suffix.lower()
        by_format[_SAME_FORMAT.get(suffix, suffix)].append(path)
    tracebacks = 0
    totals = Counter()
    for suffix in sorted(by_format):
        refusals: Counter[str] = Counter()
        opened = timed_out = crashed = 0
        suspicious: list[str] = []
        for path in by_format[suffix]:
            signal.alarm(timeout)
            try:
                article = load_article(path)
            except ArticleError as error:
                refusals[_masked(str(error), path)] += 1
                continue
            except _TimeOutError:
                timed_out += 1
                print(f"  TIME-OUT {path.name}")
                continue
            except Exception:
                crashed += 1
                print(f"  TRACEBACK {path.name}\n{traceback.format_exc()}")
                continue
            finally:
                signal.alarm(0)
            opened += 1
            problems = invented(article, path)
            if problems:
                suspicious.append(f"{path.name}: {'; '.join(problems)}")
            if show_meta:
                meta = article.meta.to_dict() if article.meta else {}
                print(f"  {path.name}: title {article.title!r} {meta}")
        count = len(by_format[suffix])
        print(
            f"{suffix:7} files {count:3}  opened {opened:3}  refused {sum(refusals.values()):3}  "
            f"tracebacks {crashed}  time-outs {timed_out}  invented metadata {len(suspicious)}"
        )
        for message, times in refusals.most_common():
            print(f"    refused x{times}: {message}")
        for line in suspicious:
            print(f"    invented? {line}")
        tracebacks += crashed + timed_out
        totals.update(files=count, opened=opened, invented=len(suspicious))
    print(
        f"ALL     files {totals['files']:3}  opened {totals['opened']:3}  "
        f"tracebacks+time-outs {tracebacks}  invented metadata {totals['invented']}"
    )
    return 1 if tracebacks else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--timeout", type=int, default=60, help="seconds per file")
    parser.add_argument("--show-meta", action="store_true", help="every file's title and meta")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"{args.folder} is not a folder; see this script's docstring to fetch the corpus.")
        return 2
    return run(args.folder, args.timeout, args.show_meta)


if __name__ == "__main__":
    sys.exit(main())
