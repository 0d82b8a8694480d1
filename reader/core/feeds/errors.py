"""The one error feeds raise: what a user reads when a feed cannot be fetched or read."""

from __future__ import annotations

import datetime as dt

from reader.core.sanitize import one_line

MAX_MESSAGE_CHARS = 1000
SHOWN_LOCATION_CHARS = 200


class FeedError(Exception):
    """Why a feed could not be fetched or read. `str()` is one line for a user: whitespace
    collapsed, control characters made visible, at most `MAX_MESSAGE_CHARS` long (servers,
    feeds and locations are untrusted, so the whole message is made safe)."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message, MAX_MESSAGE_CHARS))


class FeedRetryLater(FeedError):
    """The server asked to be left alone (HTTP 429 or 503) until `until` (UTC)."""

    def __init__(self, message: str, until: dt.datetime) -> None:
        super().__init__(message)
        self.until = until


def shown(location: str) -> str:
    """`location` for a message: one line, controls visible, at most 200 characters."""
    return one_line(location, SHOWN_LOCATION_CHARS)
