"""The spaCy pipeline in a child process, driven by the worker thread.

spaCy holds the interpreter lock for long stretches (the attribute ruler alone holds it for over a
second on a long article), which would stall the window however the work is threaded. In its own
process the pipeline cannot stall the window at all, and a crash in it cannot take the app down.
Only plain data crosses: an Article in, an Analysis (or a message) out. No Qt in this module.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection
from typing import Any

from reader.core.article import Article
from reader.core.model import Analysis


class PipelineError(RuntimeError):
    """The pipeline could not be loaded or the analysis failed; str() is for the user."""


class RemotePipeline:
    """A pipeline loaded in a child process; its calls block the calling (worker) thread only.

    Construction only starts the process, so the worker can hand it to `close` while it loads.
    """

    def __init__(self, name: str | None) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(
            target=serve, args=(child, name), name="reader-spacy", daemon=True
        )
        self._process.start()
        child.close()
        self._lock = threading.Lock()
        self._in_use = False  # a thread is sending or waiting on the pipe
        self._closed = False
        self.label = ""
        self.models: list[str] = []

    def wait_ready(self) -> None:
        """Block until the child has loaded the pipeline; raises PipelineError if it could not."""
        reply = self._exchange()
        if reply[0] != "ready":
            self.close()
            raise PipelineError(reply[1])
        self.label, self.models = reply[1], reply[2]

    def analyze(self, article: Article) -> Analysis:
        reply = self._exchange(article)
        if reply[0] != "done":
            raise PipelineError(reply[1])
        return reply[1]

    def _exchange(self, request: Article | None = None) -> tuple[Any, ...]:
        """Send `request`, if any, and wait for the child's answer."""
        with self._lock:
            if self._closed:
                raise PipelineError("The spaCy process has been stopped.")
            self._in_use = True
        try:
            if request is not None:
                self._connection.send(request)
            return self._connection.recv()
        except (EOFError, OSError) as error:
            raise PipelineError("The spaCy process stopped before it answered.") from error
        finally:
            with self._lock:
                self._in_use = False
                if self._closed:
                    self._connection.close()

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


def serve(connection: Connection, name: str | None) -> None:
    """The child process: load the pipeline, then analyse each article until the pipe closes."""
    from reader.core.analysis import analyze
    from reader.core.pipeline import ModelError, installed_models, load_pipeline, model_label

    try:
        nlp = load_pipeline(name)
    except ModelError as error:
        connection.send(("failed", str(error)))
        return
    connection.send(("ready", model_label(nlp), installed_models()))
    while True:
        try:
            article = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("done", analyze(article, nlp)))
        except Exception as error:  # report it and stay up for the next article
            connection.send(("failed", f"Could not analyse {article.display_name}: {error}"))
