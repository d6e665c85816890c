"""The analysis core: loading, spaCy analysis, plain result data and export. Never imports Qt."""
