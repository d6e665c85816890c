"""Errors the core raises for the user: each str() is one sentence to show as it is."""

from __future__ import annotations


class ArticleError(Exception):
    """A file that cannot be opened as an article; str() is a message for the user."""
