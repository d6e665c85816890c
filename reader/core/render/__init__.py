"""Showing an analysis: runs per block, colours per kind, the HTML export, the quote table."""
