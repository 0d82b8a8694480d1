"""Child process: open a library, do what the app's list and search do, print peak RSS.

Run as `python -m bench.probe_rss LIBRARY_DB` from the repo root; prints `maxrss_kb N`.
"""

from __future__ import annotations

import resource
import sys


def main(db: str) -> None:
    from bench.queries import keystrokes
    from reader.core.store import Library

    library = Library.open(db)
    library.count()
    library.rows(0, 50)
    for prefix in keystrokes():
        library.search(prefix, limit=50)
    print("maxrss_kb", peak_rss_kb())


def peak_rss_kb() -> int:
    """This process's peak RSS. On Linux, VmHWM: `ru_maxrss` also holds the RSS the parent had
    when it forked this child (Linux keeps it across exec), so a child of a big parent would
    report the parent's size. Elsewhere, `ru_maxrss` (in kB on Linux, bytes on macOS)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(ln.split()[1]) for ln in fh if ln.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main(sys.argv[1])
