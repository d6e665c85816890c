"""Exporting an analysed article as one self-contained HTML page (placeholder)."""

from __future__ import annotations

import html
from pathlib import Path

from reader.core.model import Analysis


class ExportError(Exception):
    """The page could not be written; str() is a message for the user."""


def render_html(analysis: Analysis) -> str:
    return f"<!DOCTYPE html><title>{html.escape(analysis.article.title)}</title>"


def write_export(analysis: Analysis, path: Path) -> None:
    try:
        Path(path).write_text(render_html(analysis), encoding="utf-8")
    except OSError as error:
        raise ExportError(f"Cannot write {path}: {error.strerror}") from error
