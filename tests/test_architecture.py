"""The house rules a newcomer relies on, checked: the floors and packages of reader (import-linter
contracts in pyproject.toml, no import circle), sizes a reader can hold in mind, no thread
started by an import, and docs/ARCHITECTURE.md naming only modules that exist."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reader"
MAX_FILE_LINES = 400
MAX_CLASS_LINES = 200
MAX_MAIN_WINDOW_LINES = 300


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_import_contracts_are_kept() -> None:
    """Command line above the window above the core, the core free of Qt, its packages layered
    by job, and no import circle, TYPE_CHECKING imports included (see [tool.importlinter])."""
    lint = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_and_classes_stay_readable(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    lines = source.count("\n")
    assert lines <= MAX_FILE_LINES, f"{path.name} has {lines} lines"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            size = node.end_lineno - node.lineno + 1
            limit = MAX_MAIN_WINDOW_LINES if node.name == "MainWindow" else MAX_CLASS_LINES
            assert size <= limit, f"class {node.name} in {path.name} has {size} lines"


def test_main_window_module_is_short() -> None:
    lines = (PACKAGE / "gui" / "main_window.py").read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MAIN_WINDOW_LINES


def test_importing_every_module_starts_no_thread() -> None:
    """A pool or thread started at import time runs in every process that imports the module
    (the spaCy child, each batch worker) and outlives what it served: owners start their own."""
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in _sources()
        if path.name != "__main__.py"
    ]
    script = (
        "import importlib, threading\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(t.name for t in threading.enumerate() if t is not threading.main_thread()))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]"


def test_architecture_map_names_only_modules_that_exist() -> None:
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(reader(?:\.[a-z_]+)+)`", text))
    assert len(named) >= 20, "the map names the modules an article passes through"
    missing = []
    for name in sorted(named):
        parts = name.split(".")
        path = ROOT.joinpath(*parts)
        if not (path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()):
            missing.append(name)
    assert not missing, f"docs/ARCHITECTURE.md names modules that do not exist: {missing}"


def test_only_the_store_speaks_sql_and_only_the_service_keeps_analyses() -> None:
    """SQL lives in reader.core.store; every analysis is kept through AnalysisService, the one
    place that writes analyses (so corrections and alias rules are applied the same way)."""
    store = PACKAGE / "core" / "store"
    service = PACKAGE / "core" / "service" / "analyses.py"
    for path in _sources():
        source = path.read_text(encoding="utf-8")
        if store not in path.parents:
            assert "sqlite3" not in source, f"{path.name} uses SQLite outside the store"
            assert ".query(" not in source, f"{path.name} sends SQL to the store"
            if path != service:
                assert "save_analys" not in source, f"{path.name} writes analyses itself"
