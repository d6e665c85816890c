"""How long the window's event loop pauses when a batch of hostile files is opened at once.

Makes 14 hostile files (a FIFO, links to /dev/zero and /dev/urandom, a socket, a symlink loop, a
dangling link, a folder named like an article, a sparse 21 MB file, random bytes, a renamed
binary, a ZIP bomb as .docx and as .epub, text in two encodings, an empty file), opens an
ordinary article first, then the whole batch in one `open_paths` call, as a drop or the file
dialog does. Prints the time the open call itself takes, the largest gap between the ticks of
a 20 ms timer from the call until the refusal dialog (patched to record, not to block), the GUI
thread's own CPU time in that gap (what the window itself did then, whatever the machine's
load), and how many dialogs came. `--profile` prints cProfile's costliest calls of the open
call. The window runs a fake analysis (tests/gui/fakes.py): opening is measured, not spaCy.
Wall-clock figures: on a shared machine, say how busy it was.

    QT_QPA_PLATFORM=offscreen python bench/bench_hostile_open.py [--runs 3] [--copies 1] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import os
import pstats
import socket
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.gui.fakes

TICK_MS = 20
GOOD = "Rex Tillerson met Sergei Lavrov in Moscow on Monday.\n\nCongress said little.\n"
BOMB_BYTES = 100 * 1024 * 1024  # past the 80 MB the ZIP reader lets the parts unpack to


def hostile_batch(folder: Path) -> list[Path]:
    """The 14 hostile files of the issue's batch, made in `folder`."""
    paths = []

    def named(name: str) -> Path:
        paths.append(folder / name)
        return paths[-1]

    os.mkfifo(named("pipe.txt"))
    named("zero.txt").symlink_to("/dev/zero")
    named("random.md").symlink_to("/dev/urandom")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(named("socket.html")))
    server.close()
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    named("loop-a.txt").symlink_to(folder / "loop-b.txt")
    named("gone.txt").symlink_to(folder / "nowhere.txt")
    named("story.txt").mkdir()
    with named("sparse.txt").open("wb") as handle:
        handle.write(b"The start of a story.")
        handle.seek(21 * 1024 * 1024)
        handle.write(b"end")
    named("noise.txt").write_bytes(os.urandom(200_000))
    named("photo.md").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(50_000))
    for name in ("bomb.docx", "bomb.epub"):
        zip_bomb(named(name))
    mixed = "Die Bürger in München wählten. ".encode() + "Ο πρωθυπουργός είπε.".encode("utf-16-le")
    named("mixed.txt").write_bytes(mixed * 50)
    named("empty.txt").write_bytes(b"")
    return paths


def zip_bomb(path: Path) -> None:
    """A ZIP whose one member of zeros unpacks to BOMB_BYTES (about 100 KB on disk)."""
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(BOMB_BYTES // len(chunk)):
            member.write(chunk)


def one_run(window, batch: list[Path], errors: list, profile: bool) -> dict[str, float]:
    """Open the batch once; the open call's time, the largest tick gap until the dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = len(errors)
    ticks = [time.perf_counter()]
    thread_cpu = [time.thread_time()]  # the GUI thread's own CPU at each tick

    def tick() -> None:
        ticks.append(time.perf_counter())
        thread_cpu.append(time.thread_time())

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    window.open_paths(batch)
    if profiler:
        profiler.disable()
    call = time.perf_counter() - started
    deadline = started + 120
    while len(errors) == before and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    ended = time.perf_counter()
    for _ in range(10):  # a second dialog would come right after the first
        app.processEvents()
        time.sleep(0.005)
    timer.stop()
    tick()
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    gap, at = max((b - a, i) for i, (a, b) in enumerate(itertools.pairwise(ticks)))
    return {
        "call": call,
        "gap": gap,
        "gap_cpu": thread_cpu[at + 1] - thread_cpu[at],
        "dialog": ended - started,
        "dialogs": len(errors) - before,
        "listed": len(errors[-1][1].split("\n\n")) if len(errors) > before else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--copies", type=int, default=1, help="the 14 files this many times")
    parser.add_argument("--profile", action="store_true", help="cProfile the open call")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.gui.app import create_window
    from reader.gui.window import dialogs
    from reader.gui.window.settings import Settings
    from reader.gui.work.worker import PipelineRunner
    from tests.gui.conftest import fake_pipeline
    from tests.gui.fakes import fake_analyze

    app = QApplication.instance() or QApplication([sys.argv[0]])
    errors: list[tuple[str, str]] = []
    dialogs.show_error = lambda _parent, title, message: errors.append((title, message))
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as name:
        scratch = Path(name)
        os.environ["READER_STORE"] = str(scratch / "store.sqlite3")  # never the user's store
        store = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
        service = PipelineRunner(fake_pipeline, fake_analyze, lambda _nlp: ["fake_model"])
        window = create_window(Settings(store), service)
        window.show()
        good = scratch / "good.txt"
        good.write_text(GOOD, "utf-8")
        window.open_paths([good])
        for number in range(1, args.runs + 1):
            batch = []
            for copy in range(args.copies):
                folder = scratch / f"batch-{number}-{copy}"
                folder.mkdir()
                batch += hostile_batch(folder)
            run = one_run(window, batch, errors, args.profile and number == 1)
            print(
                f"run {number}: {len(batch)} hostile files; open call {run['call'] * 1000:.0f} ms, "
                f"largest gap between {TICK_MS} ms ticks {run['gap'] * 1000:.0f} ms (GUI thread's "
                f"own CPU in it {run['gap_cpu'] * 1000:.0f} ms), "
                f"dialog after {run['dialog']:.2f} s, {run['dialogs']} dialog(s) listing "
                f"{run['listed']} refusals",
                flush=True,
            )
            app.processEvents()
        print(f"tabs open at the end: {len(window.article_tabs())} (the good one only: 1)")
        window.shutdown()
        window.close()
    print("target: largest gap ≤ 100 ms, one dialog naming every file")


if __name__ == "__main__":
    main()
