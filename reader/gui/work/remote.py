"""The spaCy pipeline in a child process, driven by the worker thread.

spaCy holds the interpreter lock for long stretches (the attribute ruler alone holds it for over a
second on a long article), which would stall the window however the work is threaded. In its own
process the pipeline cannot stall the window at all, and a crash in it cannot take the app down.
Only plain data crosses: an Article in; ChunkProgress messages, then an Analysis (or a message)
out. What comes back is unpickled on the worker thread of the window's process, where it holds
the interpreter lock from the window: so the child sends it in the form that is cheapest to
rebuild (mentions and quotes by their constructors, not the article the window already has,
no class whose module would import spaCy into the window's process). For the same reason the
child writes the analysis into the window's store of analyses itself when asked to, right
after answering.

A long article's chunks are parsed on both cores: the child forks PARSE_PROCESSES processes
for it (reader.core.analysis.analyzer), which send each chunk back as bytes; the child joins
them and runs the quote finder and the entity steps once over the whole, as with one process.

The child never outlives the app: on Linux the kernel kills it when the app dies (parent-death
signal, set through prctl), and everywhere a watchdog thread in the child ends it once its
parent is gone (it is then re-parented, so its parent pid changes); its parse processes watch
it the same way. No Qt in this module.
"""

from __future__ import annotations

import copyreg
import ctypes
import dataclasses
import functools
import io
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, NamedTuple

from reader.core.model import Analysis, Cue, Mention, Quote, Speaker
from reader.core.text.article import Article

PARENT_POLL_SECONDS = 0.5  # how often the child checks that the app is still there
CANCEL_POLL_SECONDS = 0.1  # how often the waiting thread asks whether to stop the analysis
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# Chunks for the window: small enough that the first highlights come within seconds, large
# enough that spaCy's per-chunk overhead stays negligible.
WINDOW_CHUNK_CHARS = 20_000
# Processes that parse a long article's chunks (the analyzer keeps a text of fewer than two
# chunks per process in the child itself): forked from the child for that article only, so they
# share its loaded pipeline copy-on-write and cost 75-125 MB of their own each (1 MB article,
# /proc/PID/smaps_rollup) only while it is parsed; the child joins the chunks and runs the
# document-wide steps once.
PARSE_PROCESSES = 2

Loader = Callable[[str | None], Any]
Analyzer = Callable[..., Analysis]  # (article, nlp, *, on_progress, should_stop) -> Analysis


class ChunkProgress(NamedTuple):
    """A chunk analysed in the child, as the window gets it: the fields of
    reader.core.analysis.analyzer.Progress (characters of the article text), in a class whose module
    does not import spaCy (unpickling Progress would import it into the window's process,
    a second of the interpreter lock on the worker thread while the window waits)."""

    done: int
    total: int
    start: int
    end: int
    mentions: tuple[Mention, ...]


class PipelineError(RuntimeError):
    """The pipeline could not be loaded or the analysis failed; str() is for the user."""


class PipelineCrashError(PipelineError):
    """The child process died (crash, out of memory, killed); a new one must be started."""


class AnalysisStoppedError(Exception):
    """The analysis was cancelled on request (its tab closed, or the reader pressed Cancel)."""


class RemotePipeline:
    """A pipeline loaded in a child process; its calls block the calling (worker) thread only.

    Construction only starts the process, so the worker can hand it to `close` while it loads.
    `load` and `analyze` replace the real loader and analysis in the child (tests pass
    importable fakes); by default the child loads spaCy and runs `analyzer.analyze`, with a long
    article's chunks parsed in `parse_processes` processes (1: in the child alone).
    """

    writes_store = True  # `analyze` takes a store to write the analysis into

    def __init__(
        self,
        name: str | None,
        load: Loader | None = None,
        analyze: Analyzer | None = None,
        parse_processes: int = PARSE_PROCESSES,
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        # The id of the request the child must stop; shared memory, so no message has to
        # squeeze past an analysis that is busy and not reading its pipe.
        self._stop = context.Value("q", 0, lock=False)
        self._process = context.Process(
            target=serve,
            args=(child, name, os.getpid(), self._stop, load, analyze, parse_processes),
            name="reader-spacy",
            daemon=True,
        )
        self._process.start()
        child.close()
        self._lock = threading.Lock()
        self._in_use = False  # a thread is sending or waiting on the pipe
        self._closed = False
        self._requests = 0
        self.label = ""
        self.models: list[str] = []

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def is_alive(self) -> bool:
        return self._process.is_alive()

    def wait_ready(self) -> None:
        """Block until the child has loaded the pipeline; raises PipelineError if it could not."""
        reply = self._exchange(None, lambda _message: None, lambda: False)
        if reply[0] != "ready":
            self.close()
            raise PipelineError(reply[1])
        self.label, self.models = reply[1], reply[2]

    def analyze(
        self,
        article: Article,
        on_progress: Callable[[Any], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        store: Path | None = None,
    ) -> Analysis:
        """Analyse in the child; `on_progress` gets each ChunkProgress as it arrives. With a
        `store` (an analysis store's file), the child also writes the analysis there right
        after answering, when it can (a store it cannot write is left to the caller, whose
        write keeps what the child wrote first: `keep_existing`).

        Raises AnalysisStoppedError once `should_stop()` (asked every 0.1 s) has returned True and
        the child has stopped between two chunks, PipelineCrashError when the child died, and
        PipelineError when the analysis failed.
        """
        self._requests += 1
        request = self._requests
        reply = self._exchange(
            (request, article, store),
            on_progress or (lambda _progress: None),
            should_stop or (lambda: False),
            request,
        )
        if reply[0] == "done":
            _, model, mentions, quotes = reply
            return Analysis(article=article, model=model, mentions=mentions, quotes=quotes)
        if reply[0] == "stopped":
            raise AnalysisStoppedError()
        raise PipelineError(reply[1])

    def _exchange(
        self,
        request: tuple[int, Article, Path | None] | None,
        on_progress: Callable[[Any], None],
        should_stop: Callable[[], bool],
        request_id: int = 0,
    ) -> tuple[Any, ...]:
        """Send `request`, if any, and wait for the child's final answer, passing progress on."""
        with self._lock:
            if self._closed:
                raise PipelineError("The spaCy process has been stopped.")
            self._in_use = True
        try:
            if request is not None:
                self._connection.send(request)
            while True:
                if request_id and should_stop():
                    self._stop.value = request_id
                if not self._connection.poll(CANCEL_POLL_SECONDS):
                    continue
                reply = self._connection.recv()
                if reply[0] != "progress":
                    return reply
                on_progress(reply[1])
        except (EOFError, OSError) as error:
            raise PipelineCrashError(self._death_message()) from error
        finally:
            with self._lock:
                self._in_use = False
                if self._closed:
                    self._connection.close()

    def _death_message(self) -> str:
        self._process.join(timeout=1)
        code = self._process.exitcode
        if code is not None and code < 0:
            try:
                how = f"was stopped by {signal.Signals(-code).name}"
            except ValueError:
                how = f"was stopped by signal {-code}"
        elif code is not None:
            how = f"exited with code {code}"
        else:
            how = "stopped answering"
        return f"The spaCy process {how} before it finished."

    def close(self) -> None:
        """Stop the child process, also in the middle of an analysis (its caller gets an error).

        The pipe is closed by whichever thread lets go of it last: closing it under a thread that
        is still reading could hand that thread a file descriptor the process has reused.
        """
        self._process.terminate()
        self._process.join(timeout=2)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        with self._lock:
            self._closed = True
            if not self._in_use:
                self._connection.close()


def watch_parent(parent_pid: int) -> None:
    """End this process as soon as the process `parent_pid` is gone.

    The parent-death signal covers a parent killed by SIGKILL at once (Linux only); the thread
    covers every platform, within PARENT_POLL_SECONDS, even while spaCy holds the interpreter
    lock (it gets it back every few milliseconds between spaCy's own calls).
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog thread below still ends the process
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(0)

    def poll() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(0)

    threading.Thread(target=poll, name="reader-parent-watch", daemon=True).start()


def serve(
    connection: Connection,
    name: str | None,
    parent_pid: int,
    stop: Any,
    load: Loader | None = None,
    analyze: Analyzer | None = None,
    parse_processes: int = PARSE_PROCESSES,
) -> None:
    """The child process: load the pipeline, then analyse each article until the pipe closes;
    a long article's chunks are parsed in up to `parse_processes` processes forked for it.

    Requests: (request id, Article, store file or None). Answers: ("ready", label, models) or
    ("failed", message) once; then per article any number of ("progress", ChunkProgress) and
    one of ("done", model label, mentions, quotes), ("stopped",), ("failed", message). The
    analysis is written into the store, if one was named and can be written, right after
    "done", which is sent once the store's write lock is held (the window no longer waits for
    the write: 0.5 s at 1 MB); the window's own write of what it received (`StoredAnalyses`,
    `keep_existing`) then waits for the child's and writes nothing.
    """
    watch_parent(parent_pid)
    # The app still sees this process as a daemon (ended with it); here it may have children:
    # the processes forked to parse a long article, each watching this one.
    multiprocessing.current_process().daemon = False
    from reader.core.analysis.analyzer import AnalysisCancelled
    from reader.core.analysis.models import ModelError, installed_models
    from reader.core.analysis.pipeline import model_label

    if load is None:
        from reader.core.analysis.pipeline import load_pipeline as load
    if analyze is None:
        from reader.core.analysis.analyzer import analyze
    try:
        nlp = load(name)
    except ModelError as error:
        connection.send(("failed", str(error)))
        return
    connection.send(("ready", model_label(nlp), installed_models()))
    parse_processes = min(parse_processes, _cores())

    def report(progress: Any) -> None:
        chunk = ChunkProgress(
            progress.done, progress.total, progress.start, progress.end, progress.mentions
        )
        connection.send_bytes(_dumps(("progress", chunk)))

    while True:
        try:
            request_id, article, store = connection.recv()
        except (EOFError, OSError):
            return
        try:
            analysis = analyze(
                article,
                nlp,
                on_progress=report,
                should_stop=lambda request_id=request_id: stop.value == request_id,
                max_chunk_chars=WINDOW_CHUNK_CHARS,
                n_process=parse_processes,
                worker_setup=functools.partial(watch_parent, os.getpid()),
            )
            answer = _Answer(
                connection, ("done", analysis.model, analysis.mentions, analysis.quotes)
            )
            if store is not None:  # answered once its write lock is held: the window
                _store_analysis(analysis, store, answer)  # highlights while it is written
            answer()
        except AnalysisCancelled:
            connection.send(("stopped",))
        except Exception as error:  # report it and stay up for the next article
            message = str(error) or type(error).__name__
            connection.send(("failed", f"Could not analyse {article.display_name}: {message}"))


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# Frozen dataclasses with slots unpickle through dataclasses' own __setstate__, a Python call
# that looks up the fields for every object; their constructors are about twice as fast.
_BY_CONSTRUCTOR = {
    cls: tuple(field.name for field in dataclasses.fields(cls))
    for cls in (Mention, Quote, Speaker, Cue)
}


def _constructed(item: Any) -> tuple[type, tuple[Any, ...]]:
    return type(item), tuple(getattr(item, name) for name in _BY_CONSTRUCTOR[type(item)])


def _dumps(message: tuple[Any, ...]) -> memoryview:
    """A message pickled so that the window rebuilds its mentions and quotes by constructor;
    `Connection.recv` reads it as any other."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table | dict.fromkeys(_BY_CONSTRUCTOR, _constructed)
    pickler.dump(message)
    return buffer.getbuffer()


class _Answer:
    """Sends one reply the first time it is called; later calls do nothing."""

    def __init__(self, connection: Connection, reply: tuple[Any, ...]) -> None:
        self._connection = connection
        self._reply: tuple[Any, ...] | None = reply

    def __call__(self) -> None:
        if self._reply is not None:
            reply, self._reply = self._reply, None
            self._connection.send_bytes(_dumps(reply))


def _store_analysis(analysis: Analysis, path: Path, on_locked: Callable[[], None]) -> None:
    """Keep the analysis in the store at `path`, through the analysis service, calling
    `on_locked` once its write lock is held; a store that cannot be written is left to the
    window, which keeps what it does not find there (and says why it cannot), so the child
    says nothing."""
    from reader.core.service.analyses import AnalysisService

    with AnalysisService.open(path, warn=lambda _message: None) as service:
        service.keep(analysis, on_locked=on_locked)
