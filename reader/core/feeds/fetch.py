"""Fetch a feed's bytes from the web (http, https) or from a saved file.

Nothing else is read: `file://` URLs and every other scheme (ftp, data, javascript …) are
refused, and so is a redirect to one. At most five redirects are followed and at
most `max_bytes` are read (a body over it is an error, not a truncated feed): by default
`max_feed_bytes()`, 64 MB unless the environment's BROADSHEET_MAX_FEED_MB says otherwise
(the one limit, `reader.core.web.limits`, which the web client's callers share). A conditional
GET sends the ETag and Last-Modified of the last fetch; a 304 answer comes back as
`FetchResult.not_modified`. Every failure raises `FeedError` with one line for the user.
The http(s) half is the one web client, `reader.core.web.client` (httpx), imported only when
a web feed is fetched; a 429 or 503 answer raises `FeedRetryLater`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from reader import __version__
from reader.core.feeds.errors import FeedError, FeedRetryLater, shown
from reader.core.web.limits import MAX_FEED_BYTES as MAX_FEED_BYTES
from reader.core.web.limits import MAX_FEED_ENV as MAX_FEED_ENV
from reader.core.web.limits import LimitError, size_text
from reader.core.web.limits import max_feed_bytes as _configured_limit

USER_AGENT = f"Broadsheet/{__version__} (+terminal news reader)"  # as the web client's
WEB_SCHEMES = frozenset({"http", "https"})
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml,"
    " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
MAX_VALIDATOR_CHARS = 1024  # an ETag or Last-Modified longer than this is not kept


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A feed's bytes (empty when `not_modified`), the URL they came from after redirects
    (the path for a file), and the validators to send next time."""

    body: bytes
    url: str
    etag: str = ""
    modified: str = ""
    not_modified: bool = False


def location_kind(location: str) -> Literal["web", "file"]:
    """'web' for an http(s) URL, 'file' for a path; `FeedError` for anything else."""
    text = location.strip()
    if not text:
        raise FeedError("no feed address given")
    try:
        parts = urlsplit(text)
        text.encode("utf-8")
    except (ValueError, UnicodeError) as exc:
        raise FeedError(f"{shown(location)}: is not a valid address") from exc
    scheme = parts.scheme.lower()
    if scheme in WEB_SCHEMES:
        if not parts.hostname:
            raise FeedError(f"{shown(location)}: has no server name")
        return "web"
    if not scheme or (len(scheme) == 1 and os.name == "nt"):  # C:\feeds\news.xml
        return "file"
    raise FeedError(
        f"{shown(location)}: Broadsheet does not read {scheme}: addresses"
        " (give an http or https address, or the path of a saved feed)"
    )


def fetch_feed(
    location: str,
    *,
    etag: str = "",
    modified: str = "",
    timeout: float | None = None,
    max_bytes: int | None = None,
) -> FetchResult:
    """Fetch the feed at `location` (an http(s) URL or a file path). `etag` and `modified`
    are the validators of the last fetch (sent as If-None-Match and If-Modified-Since);
    `timeout` is the total deadline of the request in seconds (None: the client's, 15 s).
    `max_bytes` is the most read (None: `max_feed_bytes()`).
    Raises `FeedError` (`FeedRetryLater` for a 429 or 503)."""
    if max_bytes is None:
        max_bytes = max_feed_bytes()
    if location_kind(location) == "file":
        return _read_file(location.strip(), max_bytes)
    from reader.core.web.client import RetryLater, WebError, shared_client  # (httpx: when needed)

    url = location.strip()
    headers = {"Accept": ACCEPT}
    if validator(etag):
        headers["If-None-Match"] = etag
    if validator(modified):
        headers["If-Modified-Since"] = modified
    try:
        answer = shared_client().get(
            url, headers=headers, max_bytes=max_bytes, what="a feed", deadline=timeout
        )
    except RetryLater as exc:
        raise FeedRetryLater(str(exc), exc.until) from exc
    except WebError as exc:
        raise FeedError(str(exc)) from exc
    new_etag = validator(answer.headers.get("etag"))
    new_modified = validator(answer.headers.get("last-modified"))
    if answer.status == 304:
        return FetchResult(
            b"", answer.url, new_etag or etag, new_modified or modified, not_modified=True
        )
    return FetchResult(answer.body, answer.url, new_etag, new_modified)


def max_feed_bytes() -> int:
    """The largest feed read, in bytes (`reader.core.web.limits`: 64 MB unless
    BROADSHEET_MAX_FEED_MB says otherwise). `FeedError` when that is not a whole number of MB
    from 1 to 4096."""
    try:
        return _configured_limit()
    except LimitError as exc:
        raise FeedError(str(exc)) from exc


def validator(value: str | None) -> str:
    """An ETag or Last-Modified worth sending back: printable ASCII of a sane length."""
    if not value or len(value) > MAX_VALIDATOR_CHARS:
        return ""
    return value if all(" " <= c <= "~" for c in value) else ""


def too_big(location: str, limit: int) -> FeedError:
    return FeedError(f"{shown(location)}: is over the {size_text(limit)} limit for a feed")


def _read_file(location: str, max_bytes: int) -> FetchResult:
    path = Path(location).expanduser()
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise FeedError(f"{shown(location)}: does not exist") from exc
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise FeedError(f"{shown(location)}: cannot be read ({reason})") from exc
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a special file"
        raise FeedError(f"{shown(location)}: is not a file ({kind})")
    if info.st_size > max_bytes:
        raise too_big(location, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: a file swapped for a pipe must not hang us
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise FeedError(f"{shown(location)}: is not a file")
            with os.fdopen(os.dup(fd), "rb") as f:
                data = f.read(max_bytes + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise FeedError(f"{shown(location)}: cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise too_big(location, max_bytes)
    return FetchResult(body=data, url=str(path))
