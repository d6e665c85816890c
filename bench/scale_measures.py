"""What bench/bench_library_scale.py measures with: each figure printed with its target, a
call's time, the 95th percentile, memory (RSS) of this process and its children, the longest
full garbage collection, and the event loop turned until a condition holds with the largest
time it went without turning."""

from __future__ import annotations

import gc
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def timed_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def rss_mb(pid: str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_rss() -> dict[str, float]:
    """The RSS in MB of each child process of this one, by its command line's last word."""
    found = {}
    for task in Path("/proc/self/task").iterdir():
        for pid in (task / "children").read_text().split():
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                found[f"{pid} {command[-2].decode()[:60] if len(command) > 1 else ''}"] = rss_mb(
                    pid
                )
            except OSError:
                continue
    return found


class Figures:
    """Each figure with its target; `missed` counts those over it."""

    def __init__(self) -> None:
        self.missed = 0

    def show(self, what: str, value: float, target: float | None, unit: str = "ms") -> None:
        mark = ""
        if target is not None:
            ok = value <= target
            self.missed += not ok
            mark = f"  (target ≤ {target:g} {unit}){'' if ok else '  MISSED'}"
        print(f"{what}: {value:.0f} {unit}{mark}", flush=True)


class Collections:
    """The longest full garbage collection since `reset` (ms, any thread: the loop waits)."""

    def __init__(self) -> None:
        self.longest, self._start = 0.0, 0.0
        gc.callbacks.append(self._seen)

    def _seen(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        elif info["generation"] == 2:
            self.longest = max(self.longest, (time.perf_counter() - self._start) * 1000)

    def reset(self) -> float:
        longest, self.longest = self.longest, 0.0
        return longest


class Watch:
    """Turns the event loop until a condition holds, keeping the longest time it went without
    turning (a turn takes the events queued, then waits 2 ms); the action starting it counts."""

    def __init__(self, app: object) -> None:
        self.app = app
        self.after = 0.0

    def run(
        self, action: Callable[[], object], done: Callable[[], bool], limit_s: float = 900
    ) -> tuple[float, float, float]:
        """(the action's ms, ms until `done`, the largest gap in ms); `after` keeps the
        largest gap once the action has returned (the background work's own)."""
        start = time.perf_counter()
        action()
        last = time.perf_counter()
        acted, largest = last - start, 0.0
        while not done() and last - start < limit_s:
            self.app.processEvents()
            time.sleep(0.002)
            now = time.perf_counter()
            largest = max(largest, now - last - 0.002)
            last = now
        self.after = largest * 1000
        return acted * 1000, (time.perf_counter() - start) * 1000, max(acted, largest) * 1000
