"""Process start to first painted frame, for Broadsheet and for a bare Textual app.

Each run is a fresh interpreter. The parent reads the monotonic clock just before
`subprocess.run`; the child reads the same clock (CLOCK_MONOTONIC is system-wide) when its first
frame is painted and prints it, so the figure holds everything a user waits for (interpreter
start, imports, opening the library, compose, mount, the first frame) and not the app's exit
and interpreter teardown, which the user does not wait for. The child runs the app headless at
120x36 with an auto-pilot that waits for one `pilot.pause()` (the screen has processed its
messages and rendered its compositor, i.e. the first frame is painted; headless only skips
writing it to a terminal) and then exits. The app is not changed for the benchmark: it is built
by the one factory, `make_app(library=path)`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

_FIRST_FRAME = """
import resource, sys, time

async def first_frame(pilot):
    await pilot.pause()
    print("first_frame_at", time.monotonic(), time.process_time())
    pilot.app.exit()

def report():
    # VmHWM: ru_maxrss would also count the parent's RSS from before exec.
    try:
        with open("/proc/self/status") as fh:
            kb = next(int(ln.split()[1]) for ln in fh if ln.startswith("VmHWM:"))
    except (OSError, StopIteration):
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("maxrss_kb", kb)
"""

BROADSHEET_CHILD = (
    _FIRST_FRAME
    + """
from reader.ui.app import make_app
app = make_app(library=sys.argv[1])
app.run(headless=True, size=(120, 36), auto_pilot=first_frame)
report()
if app.return_code:
    sys.exit(app.return_code)
"""
)

BARE_CHILD = (
    _FIRST_FRAME
    + """
from textual.app import App, ComposeResult
from textual.widgets import Static

class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("hello")

app = Bare()
app.run(headless=True, size=(120, 36), auto_pilot=first_frame)
report()
"""
)


@dataclass(frozen=True, slots=True)
class Startup:
    """Medians over the runs: wall seconds from process start to first frame, the child's CPU
    seconds to its first frame (user + system: less moved by other load on the machine than
    wall time), wall seconds of the whole process (with exit); and the peak RSS in MB."""

    seconds: float
    cpu_seconds: float
    process_seconds: float
    rss_mb: float


def child_env(home: Path) -> dict[str, str]:
    """The machine's environment with config, data and cache dirs kept under `home`."""
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    env.pop("TEXTUAL", None)
    # An installed Broadsheet has its bytecode compiled (pip does it at install, as it did for
    # Textual's), so the children may write theirs: the warm-up run does. Where the shell
    # forbids it, every run would compile the reader's ~60 modules again (~15 ms) while the
    # bare app used Textual's compiled ones.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(
    code: str, args: list[str], env: dict[str, str], cwd: Path
) -> tuple[float, float, float, float]:
    """(seconds to first frame, CPU seconds to first frame, process seconds, peak RSS MB) of
    one child."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        raise RuntimeError(f"startup child failed ({done.returncode}): {done.stderr[-2000:]}")
    rss_kb = frame_at = frame_cpu = 0.0
    for line in done.stdout.splitlines():
        if line.startswith("maxrss_kb "):
            rss_kb = float(line.split()[1])
        elif line.startswith("first_frame_at "):
            frame_at, frame_cpu = map(float, line.split()[1:3])
    if not frame_at:
        raise RuntimeError(f"startup child painted no frame: {done.stdout[-2000:]}")
    return frame_at - started, frame_cpu, elapsed, rss_kb / 1024


def measure(
    libraries: dict[str, Path], runs: int, env: dict[str, str], cwd: Path, *, warm_up: bool = True
) -> dict[str, Startup]:
    """Median start-up of the bare app (key "bare") and of Broadsheet on each library.

    Runs are interleaved (bare, lib1, lib2, bare, …, with the order rotated every round) so that
    load from other work on the machine falls on all of them alike.
    """
    jobs: list[tuple[str, str, list[str]]] = [("bare", BARE_CHILD, [])]
    jobs += [(name, BROADSHEET_CHILD, [str(path)]) for name, path in libraries.items()]
    for _name, code, args in jobs if warm_up else []:  # warm the file cache and .pyc files
        run_once(code, args, env, cwd)
    times: dict[str, list[float]] = {name: [] for name, _, _ in jobs}
    cpus: dict[str, list[float]] = {name: [] for name, _, _ in jobs}
    whole: dict[str, list[float]] = {name: [] for name, _, _ in jobs}
    rss: dict[str, float] = {name: 0.0 for name, _, _ in jobs}
    for round_ in range(runs):
        shift = round_ % len(jobs)
        for name, code, args in jobs[shift:] + jobs[:shift]:
            seconds, cpu, process_seconds, rss_mb = run_once(code, args, env, cwd)
            times[name].append(seconds)
            cpus[name].append(cpu)
            whole[name].append(process_seconds)
            rss[name] = max(rss[name], rss_mb)
    return {
        name: Startup(
            statistics.median(times[name]),
            statistics.median(cpus[name]),
            statistics.median(whole[name]),
            rss[name],
        )
        for name in times
    }
