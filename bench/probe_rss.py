"""Child process: open a library, do what the app's list and search do, print peak RSS.

Run as `python -m bench.probe_rss LIBRARY_DB` from the repo root; prints `maxrss_kb N`.
"""

from __future__ import annotations

import resource
import sys


def main(db: str) -> None:
    from reader.core.store import Library

    from bench.queries import keystrokes

    library = Library.open(db)
    library.count()
    library.rows(0, 50)
    for prefix in keystrokes():
        library.search(prefix, limit=50)
    print("maxrss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == "__main__":
    main(sys.argv[1])
