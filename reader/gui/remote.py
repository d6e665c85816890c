"""The spaCy pipeline in a child process, driven by the worker thread.

spaCy holds the interpreter lock for long stretches (the attribute ruler alone holds it for over a
second on a long article), which would stall the window however the work is threaded. In its own
process the pipeline cannot stall the window at all, and a crash in it cannot take the app down.
Only plain data crosses: an Article in, an Analysis (or a message) out. No Qt in this module.
"""

from __future__ import annotations

import multiprocessing
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
        self.label = ""
        self.models: list[str] = []

    def wait_ready(self) -> None:
        """Block until the child has loaded the pipeline; raises PipelineError if it could not."""
        reply = self._receive()
        if reply[0] != "ready":
            self.close()
            raise PipelineError(reply[1])
        self.label, self.models = reply[1], reply[2]

    def analyze(self, article: Article) -> Analysis:
        self._connection.send(article)
        reply = self._receive()
        if reply[0] != "done":
            raise PipelineError(reply[1])
        return reply[1]

    def _receive(self) -> tuple[Any, ...]:
        try:
            return self._connection.recv()
        except (EOFError, OSError) as error:
            raise PipelineError("The spaCy process stopped before it answered.") from error

    def close(self) -> None:
        """Stop the child process, also in the middle of an analysis (its caller gets an error)."""
        self._process.terminate()
        self._process.join(timeout=2)
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
