"""One open article: its tab, the view of its text with highlights and quote marks, following an
entity, find, and the entity and quote panels."""
