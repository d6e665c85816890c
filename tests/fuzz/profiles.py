"""The fuzz profiles: a short fixed one for CI and a long one (READER_FUZZ_PROFILE=long).

A profile says how many inputs to draw and at which scales (1.0 is the size at which the issue
found trouble: 50k-character floods, 1 MB lines, 200k one-character lines, 100k nested tags).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

PROFILE_ENV = "READER_FUZZ_PROFILE"


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    examples: int
    scales: tuple[float, ...]
    weights: tuple[float, ...]


PROFILES = {
    "ci": Profile("ci", 40, (0.002, 0.01), (0.7, 0.3)),
    "long": Profile("long", 2000, (0.005, 0.05, 0.25, 1.0), (0.6, 0.3, 0.08, 0.02)),
}


def current_profile() -> Profile:
    """The profile named by READER_FUZZ_PROFILE, "ci" when unset."""
    name = os.environ.get(PROFILE_ENV, "ci")
    if name not in PROFILES:
        raise ValueError(f"{PROFILE_ENV}={name!r}: use one of {', '.join(PROFILES)}")
    return PROFILES[name]
