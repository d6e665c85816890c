"""The real English pipeline, loaded once for the quote finder's tests that need it."""

import pytest

from reader.core.analysis.pipeline import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()
