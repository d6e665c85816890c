"""Running one hostile input through `reader analyze` and `reader export` in this process, and
judging what came out. Shared by the fuzz tests and bench/bench_fuzz.py.

Judged: exit status 0 or 1; one stderr line per failure and no traceback; stdout valid UTF-8
JSON (written through an ASCII stream, as under a hostile locale); an export, when written,
carries no active content; no network connection attempted; the text survives where it was
text; a planted sentence is in the text unless the file was refused or warned about (else a
silent loss). Time and memory are the bench's business, not this module's.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from reader import cli
from tests.fuzz.hostile import Hostile

ACTIVE_TAGS = frozenset(
    {"script", "iframe", "frame", "object", "embed", "form", "base", "link", "svg", "math",
     "img", "video", "audio", "source", "track", "applet", "portal", "template", "noscript"}
)  # fmt: skip
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "data", "poster"})
NETWORK_FAMILIES = (socket.AF_INET, socket.AF_INET6)
NOTE = "reader: note: "


class NetworkBlockedError(OSError):
    """Raised by the guard in place of any connection or name lookup."""


@dataclass
class NetworkGuard:
    """Counts (and blocks) every attempt to reach the network while it is installed."""

    attempts: list[str] = field(default_factory=list)

    @contextlib.contextmanager
    def installed(self) -> Iterator[NetworkGuard]:
        original = (socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo)
        guard = self

        def connect(sock: socket.socket, address, *args):
            if sock.family in NETWORK_FAMILIES:
                guard.attempts.append(f"connect {address!r}")
                raise NetworkBlockedError(f"network blocked: {address!r}")
            return original[0](sock, address, *args)

        def connect_ex(sock: socket.socket, address, *args):
            if sock.family in NETWORK_FAMILIES:
                guard.attempts.append(f"connect_ex {address!r}")
                raise NetworkBlockedError(f"network blocked: {address!r}")
            return original[1](sock, address, *args)

        def getaddrinfo(host, *args, **kwargs):
            guard.attempts.append(f"getaddrinfo {host!r}")
            raise NetworkBlockedError(f"name lookup blocked: {host!r}")

        socket.socket.connect = connect
        socket.socket.connect_ex = connect_ex
        socket.getaddrinfo = getaddrinfo
        try:
            yield self
        finally:
            socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = original


@dataclass
class Run:
    code: int | None
    stdout: bytes
    stderr: str
    crash: str | None = None


def run_cli(args: list[str]) -> Run:
    """reader.cli.main(args) with stdout an ASCII byte stream and stderr captured."""
    buffer = io.BytesIO()
    stdout = io.TextIOWrapper(buffer, encoding="ascii", errors="strict", write_through=True)
    stderr = io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    crash = None
    try:
        code = cli.main(args)
    except BaseException as error:  # what escaped main is exactly what we look for
        code, crash = None, f"{type(error).__name__}: {error}"
    finally:
        with contextlib.suppress(ValueError):
            stdout.flush()
        sys.stdout, sys.stderr = saved
    return Run(code, buffer.getvalue(), stderr.getvalue(), crash)


class ActiveContent(HTMLParser):
    """Finds anything in a page that could run, load or submit: the export must have none."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_style = False
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "meta" and any(
            n == "http-equiv" and (v or "").lower() == "refresh" for n, v in attrs
        ):
            self.found.append("meta refresh")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            elif name in URL_ATTRIBUTES and not value.startswith("#"):
                self.found.append(f"{tag} {name}={value[:40]}")
            elif name == "style" and ("url(" in value or "expression(" in value):
                self.found.append(f"{tag} style url")
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        lowered = data.lower()
        if self.in_style and ("@import" in lowered or "url(" in lowered):
            self.found.append("stylesheet loads a URL")


@dataclass
class Outcome:
    """What one input did: the problems found (empty when all is well) and the export's path."""

    kind: str
    problems: list[str]
    export: Path | None
    analyzed: bool


def cache_pipelines() -> None:
    """Load each pipeline once per process (`reader export` loads one per call otherwise)."""
    from reader.core.analysis import pipeline

    if not hasattr(pipeline.load_pipeline, "cache_info"):
        pipeline.load_pipeline = functools.cache(pipeline.load_pipeline)


def _stderr_problems(run: Run, expected_lines: int, what: str) -> list[str]:
    problems = []
    if run.crash:
        problems.append(f"{what}: crash {run.crash[:120]}")
    if "Traceback" in run.stderr:
        problems.append(f"{what}: traceback")
    if run.code not in (0, 1):
        problems.append(f"{what}: wrong exit code {run.code}")
    # Notes on what a loader left out of a file it read ("reader: note: …") are no failures.
    lines = [line for line in run.stderr.splitlines() if not line.startswith(NOTE)]
    if len(lines) != expected_lines:
        problems.append(
            f"{what}: {len(lines)} stderr lines, expected {expected_lines}: {lines[:3]}"
        )
    return problems


def silently_lost(planted: str, text: str | None, run: Run) -> bool:
    """A silent loss: the file was read (exit 0, no line on stderr) and its planted sentence
    is not in the text (spaces aside: a layout may wrap or join lines). A refusal, or a reading
    with a message, is told, not silent."""
    if run.code != 0 or run.stderr.strip() or text is None:
        return False
    return " ".join(planted.split()) not in " ".join(text.split())


def examine(hostile: Hostile, out_folder: Path, model: str, guard: NetworkGuard) -> Outcome:
    """Analyse and export one input; judge both."""
    cache_pipelines()
    path = str(hostile.path)
    problems: list[str] = []
    before = len(guard.attempts)
    with guard.installed():
        analyzed = run_cli(["analyze", path, "--model", model, "--no-store", "--jobs", "1"])
    records: list[dict] = []
    try:
        records = [json.loads(line) for line in analyzed.stdout.decode("utf-8").splitlines()]
    except (UnicodeDecodeError, ValueError) as error:
        problems.append(f"analyze: stdout is not UTF-8 JSON lines ({error})")
    failed = sum(1 for record in records if "error" in record)
    problems += _stderr_problems(analyzed, failed, "analyze")
    if (analyzed.code == 0 and failed) or (analyzed.code == 1 and not failed and records):
        problems.append(f"analyze: exit {analyzed.code} with {failed} failed records")
    text = next((r.get("text", "") for r in records if "error" not in r), None)
    if hostile.planted and silently_lost(hostile.planted, text, analyzed):
        problems.append("silent loss: the planted sentence is not in the text, exit 0, no message")
    if hostile.survivors:
        if text is None:
            problems.append(f"text lost: {records[0].get('error') if records else 'no record'}")
        else:
            missing = [word for word in hostile.survivors if word not in text]
            if missing:
                problems.append(f"text lost: {missing} not in the analysed text")
    output = out_folder / f"{abs(hash((hostile.kind, path))) % 10**12}.html"
    with guard.installed():
        exported = run_cli(["export", path, "-o", str(output), "--model", model, "--no-store"])
    problems += _stderr_problems(exported, 1, "export")
    written = output if exported.code == 0 and output.exists() else None
    if exported.code == 0 and written is None:
        problems.append("export: exit 0 but no page written")
    if written is not None:
        found = ActiveContent(written.read_text("utf-8")).found
        if found:
            problems.append(f"active content: {sorted(set(found))[:5]}")
    if len(guard.attempts) > before:
        problems.append(f"network attempts: {guard.attempts[before:][:3]}")
    return Outcome(hostile.kind, problems, written, text is not None)
