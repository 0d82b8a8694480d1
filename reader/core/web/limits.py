"""How much Broadsheet reads from one address: the limits, in one place, read without
importing the HTTP client (so the file half of feeds does not pay for httpx).

A feed (a file or a response, inflated) may be up to `max_feed_bytes()`: 64 MB unless the
environment's BROADSHEET_MAX_FEED_MB gives another whole number of MB (1 to 4096). A page is
read up to `MAX_PAGE_BYTES`; an address that may be either (the subscribe prompt's sniff) up
to the larger of the two.
"""

from __future__ import annotations

import os

from reader.core.sanitize import one_line

MAX_FEED_BYTES = 64 * 1024 * 1024  # the default limit (a 10,000-item feed is ~42 MB)
MAX_FEED_ENV = "BROADSHEET_MAX_FEED_MB"  # a whole number of MB overrides it
MAX_FEED_MB_ALLOWED = 4096
MAX_PAGE_BYTES = 8 * 1024 * 1024


class LimitError(ValueError):
    """BROADSHEET_MAX_FEED_MB is set to something that is not a limit (one line)."""


def max_feed_bytes() -> int:
    """The largest feed read, in bytes: MAX_FEED_BYTES, or BROADSHEET_MAX_FEED_MB megabytes
    when that is set. `LimitError` when it is set to anything but a whole number of MB from
    1 to 4096."""
    text = os.environ.get(MAX_FEED_ENV, "").strip()
    if not text:
        return MAX_FEED_BYTES
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_FEED_MB_ALLOWED:
        raise LimitError(
            f"{MAX_FEED_ENV}={one_line(text, 200)}: give the largest feed to read as a whole"
            f" number of MB from 1 to {MAX_FEED_MB_ALLOWED}"
        )
    return int(text) * 1024 * 1024


def size_text(limit: int) -> str:
    """A limit for a message: "64 MB", or "1,000 bytes" under a megabyte."""
    mb = 1024 * 1024
    return f"{limit / mb:g} MB" if limit >= mb else f"{limit:,} bytes"
