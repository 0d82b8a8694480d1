"""The http(s) half of fetching a feed, with urllib: a GET through an opener that has no
handlers but http and https, follows at most `MAX_REDIRECTS` redirects and only to http(s)
addresses, reads at most `max_bytes`, and turns every failure into a one-line `FeedError`.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urljoin, urlsplit

from reader.core.feeds.errors import FeedError, shown
from reader.core.feeds.fetch import (
    MAX_REDIRECTS,
    USER_AGENT,
    WEB_SCHEMES,
    FetchResult,
    too_big,
)

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml,"
    " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
CHUNK = 256 * 1024
MAX_VALIDATOR_CHARS = 1024  # an ETag or Last-Modified longer than this is not kept


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http(s) addresses."""

    max_redirections = max_repeats = MAX_REDIRECTS

    def __init__(self, location: str) -> None:
        super().__init__()
        self.location = location

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
    ) -> IO[bytes] | None:
        target = headers.get("location") or headers.get("uri")
        if target:
            try:
                scheme = urlsplit(urljoin(req.full_url, target)).scheme.lower()
            except ValueError:
                scheme = ""
            if scheme not in WEB_SCHEMES:
                fp.close()
                raise FeedError(
                    f"{shown(self.location)}: redirected to {shown(target)}, which is not"
                    " an http or https address; Broadsheet does not follow it"
                )
            if sum(getattr(req, "redirect_dict", {}).values()) >= MAX_REDIRECTS:
                fp.close()
                raise FeedError(f"{shown(self.location)}: more than {MAX_REDIRECTS} redirects")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(location: str) -> urllib.request.OpenerDirector:
    """An opener for http and https only (no file:, ftp: or data: handlers at all)."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),  # the user's http(s)_proxy settings
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(location),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _validator(value: str | None) -> str:
    """An ETag or Last-Modified worth sending back: printable ASCII of a sane length."""
    if not value or len(value) > MAX_VALIDATOR_CHARS:
        return ""
    return value if all(" " <= c <= "~" for c in value) else ""


def http_get(url: str, *, etag: str, modified: str, timeout: float, max_bytes: int) -> FetchResult:
    """GET `url` (conditionally when `etag` or `modified` is given); see `fetch_feed`."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    if _validator(etag):
        request.add_header("If-None-Match", etag)
    if _validator(modified):
        request.add_header("If-Modified-Since", modified)
    deadline = time.monotonic() + timeout
    try:
        with _opener(url).open(request, timeout=timeout) as response:
            body = _read_body(url, response, max_bytes, deadline, timeout)
            return FetchResult(
                body=body,
                url=response.geturl() or url,
                etag=_validator(response.headers.get("ETag")),
                modified=_validator(response.headers.get("Last-Modified")),
            )
    except urllib.error.HTTPError as exc:
        with exc:
            if exc.code == 304:
                return FetchResult(
                    body=b"",
                    url=exc.geturl() or url,
                    etag=_validator(exc.headers.get("ETag")) or etag,
                    modified=_validator(exc.headers.get("Last-Modified")) or modified,
                    not_modified=True,
                )
            reason = f" ({exc.reason})" if exc.reason else ""
            raise FeedError(f"{shown(url)}: the server answered HTTP {exc.code}{reason}") from exc
    except urllib.error.URLError as exc:
        raise FeedError(f"{shown(url)}: {_why(exc.reason, url, timeout)}") from exc
    except http.client.HTTPException as exc:  # a reply that is not HTTP, cut short …
        raise FeedError(
            f"{shown(url)}: the server's reply was broken ({type(exc).__name__})"
        ) from exc
    except (OSError, ValueError) as exc:  # timeouts and resets while reading, bad URLs
        raise FeedError(f"{shown(url)}: {_why(exc, url, timeout)}") from exc


def _read_body(
    url: str, response: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    """At most `max_bytes` of the body (more is an error), within the deadline."""
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise too_big(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = response.read(min(CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise FeedError(f"{shown(url)}: timed out after {timeout:g} s")
    if size > max_bytes:
        raise too_big(url, max_bytes)
    return b"".join(chunks)


def _why(reason: object, url: str, timeout: float) -> str:
    """What a connection failure means, in a few words."""
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(reason, socket.gaierror):
        return f"cannot find the server {urlsplit(url).hostname or ''}".rstrip()
    if isinstance(reason, ssl.SSLError):
        detail = getattr(reason, "verify_message", None) or getattr(reason, "reason", None)
        return f"the secure connection failed ({detail or reason})"
    if isinstance(reason, ConnectionError):
        return f"the connection failed ({reason.strerror or type(reason).__name__})"
    if isinstance(reason, OSError):
        return f"cannot connect ({reason.strerror or reason})"
    if isinstance(reason, ValueError):
        return f"is not a valid address ({reason})"
    return f"cannot connect ({reason})"
