"""Names the window shows and proposes: a title cut to fit, the file an export proposes, and a
path resolved to tell whether two names are one file."""

from __future__ import annotations

from pathlib import Path


def middle_elided(title: str, limit: int) -> str:
    """`title` in at most `limit` characters, cut in the middle so its start and end both show."""
    if len(title) <= limit:
        return title
    head = (limit - 1) // 2 + (limit - 1) % 2
    tail = limit - 1 - head
    return f"{title[:head].rstrip()}…{title[len(title) - tail :].lstrip()}"


def resolved(path: Path) -> Path | None:
    """The real path of a file, or None when it cannot be resolved (a symlink loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def export_proposal(source: Path | None, title: str, opened: list[Path]) -> Path:
    """The file name the export dialog proposes: beside the source, named after it with .html,
    but never the source itself nor any other opened article (an .html source gets
    "name (highlighted).html")."""
    base = source or Path(title)
    taken = {_resolved_or_same(path) for path in opened}
    if source:
        taken.add(_resolved_or_same(source))
    candidates = [base.with_name(f"{base.stem if base.suffix else base.name}.html")]
    candidates += [
        base.with_name(f"{base.stem if base.suffix else base.name} (highlighted{n}).html")
        for n in ["", *(f" {i}" for i in range(2, 100))]
    ]
    return next(path for path in candidates if _resolved_or_same(path) not in taken)


def _resolved_or_same(path: Path) -> Path:
    return resolved(path) or path
