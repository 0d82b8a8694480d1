"""One HTTP client for everything Broadsheet fetches (feeds now, pages later), on httpx.

Every request has a total deadline (`deadline`, 15 s by default) that a server cannot
stretch: the name look-up, the connection, and every read and write on the socket (the
status line and headers included) are given at most the time left before the deadline, and
past it the request fails. Bodies are
streamed and the size cap is checked as bytes arrive; gzip and deflate are accepted and
inflated here, the cap applying to the inflated size (a compression bomb stops at the cap).
At most `MAX_REDIRECTS` redirects are followed, to http(s) addresses only; no other scheme
is ever fetched. Connections are pooled, and at most `PER_HOST` requests run at once per
server. The environment's http(s) proxies and `no_proxy` are honoured (`proxies.py`).
A 429 or 503 answer raises `RetryLater` with the time its Retry-After names.
Every failure raises `WebError` with one line for a user.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from reader import __version__
from reader.core.sanitize import one_line
from reader.core.web.deadline import DEADLINE, left, set_deadline
from reader.core.web.limits import size_text
from reader.core.web.proxies import environment_mounts, proxy_transport
from reader.core.web.resting import RestingServers, default_path
from reader.core.web.transport import direct_transport

USER_AGENT = f"Broadsheet/{__version__} (+terminal news reader)"

MAX_REDIRECTS = 5
PER_HOST = 2  # requests at once to one server
WEB_SCHEMES = frozenset({"http", "https"})
MAX_RETRY_WAIT = dt.timedelta(days=1)  # a Retry-After further off than this is capped
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class WebError(Exception):
    """Why an address could not be fetched: `str()` is one safe line for a user."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message, 1000))


class RetryLater(WebError):
    """The server answered 429 or 503; `until` is when it asked to be tried again (UTC)."""

    def __init__(self, message: str, until: dt.datetime) -> None:
        super().__init__(message)
        self.until = until


def shown(location: str) -> str:
    return one_line(location, 200)


@dataclass(frozen=True, slots=True)
class WebResponse:
    """A 2xx (or 304) answer: its body (inflated), final URL, status and headers."""

    body: bytes
    url: str
    status: int
    headers: dict[str, str]


class _OffTheWeb(Exception):
    """A redirect to an address that is not http(s) (raised before httpx parses it)."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


def _check_redirect(response: httpx.Response) -> None:
    """A response hook: refuse a redirect off the web before httpx even builds it."""
    if response.status_code in _REDIRECTS:
        target = response.headers.get("location", "")
        try:
            scheme = urlsplit(urljoin(str(response.request.url), target)).scheme.lower()
        except ValueError:
            scheme = ""
        if target and scheme not in WEB_SCHEMES:
            raise _OffTheWeb(target)


class _Expired(Exception):
    """The request's deadline passed (raised inside httpcore, turned into a WebError)."""


class WebClient:
    """A pooled client, safe to share between threads (see the module docstring)."""

    def __init__(
        self,
        *,
        deadline: float = DEADLINE,
        user_agent: str = USER_AGENT,
        resting: RestingServers | None = None,
    ) -> None:
        self.deadline = deadline
        context = httpx.create_ssl_context()
        transport = direct_transport(context)
        self._proxy_error = ""  # a proxy setting that cannot be used: every request says so
        try:  # the environment's proxies (httpx skips them when given a transport)
            mounts = environment_mounts(transport, lambda p: proxy_transport(p, context))
        except ValueError as exc:
            mounts, self._proxy_error = {}, str(exc)
        self._client = httpx.Client(
            transport=transport,
            mounts=mounts,
            follow_redirects=False,
            timeout=httpx.Timeout(deadline),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            event_hooks={"response": [_check_redirect]},
        )
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._resting = resting or RestingServers()  # server → when to try it again
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> WebClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _host(self, url: str) -> threading.BoundedSemaphore:
        key = urlsplit(url).netloc.lower()  # host and port: one server
        with self._lock:
            return self._hosts.setdefault(key, threading.BoundedSemaphore(PER_HOST))

    def get(
        self,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        max_bytes: int,
        what: str = "a page",
        deadline: float | None = None,
        skip_resting: bool = False,
    ) -> WebResponse:
        """GET `url`, following redirects; the body is at most `max_bytes` (inflated).
        `what` names the thing in the size message. `skip_resting`: refuse at once, without
        asking, a server that answered 429/503 until the time it asked for (pages: the shared
        client remembers it between runs, `resting.py`; feeds keep that time in the library,
        read with the update's clock). Raises
        `WebError` (`RetryLater`)."""
        if self._proxy_error:
            raise WebError(f"{shown(url)}: not fetched: {self._proxy_error}")
        limit = self.deadline if deadline is None else deadline
        server = urlsplit(url).netloc.lower()
        until = self._resting.until(server, dt.datetime.now(dt.UTC)) if skip_resting else None
        if until is not None:
            raise RetryLater(
                f"{shown(url)}: the server asked to be left alone until"
                f" {until:%Y-%m-%d %H:%M} UTC; not fetched",
                until,
            )
        set_deadline(time.monotonic() + limit)
        try:
            return self._follow(url, headers or {}, max_bytes, what)
        except RetryLater as exc:
            self._resting.rest(server, exc.until)
            raise
        except WebError:
            raise
        except _OffTheWeb as exc:
            raise WebError(
                f"{shown(url)}: redirected to {shown(exc.target)}, which is not"
                " an http or https address; Broadsheet does not follow it"
            ) from exc
        except _Expired as exc:
            raise WebError(f"{shown(url)}: timed out after {limit:g} s") from exc
        except (httpx.TimeoutException, httpcore.TimeoutException) as exc:
            raise WebError(f"{shown(url)}: timed out after {limit:g} s") from exc
        except (httpx.HTTPError, OSError, ValueError) as exc:
            raise WebError(f"{shown(url)}: {_why(exc, url)}") from exc
        finally:
            set_deadline(None)

    def _follow(self, url: str, headers: dict[str, str], max_bytes: int, what: str) -> WebResponse:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            if urlsplit(current).scheme.lower() not in WEB_SCHEMES:
                raise WebError(f"{shown(current)}: is not an http or https address")
            gate = self._host(current)
            if not gate.acquire(timeout=max(0.0, left(None))):
                raise _Expired
            try:
                with self._client.stream("GET", current, headers=headers) as response:
                    status = response.status_code
                    if status in _REDIRECTS and response.headers.get("location"):
                        current = urljoin(current, response.headers["location"])
                        continue
                    return self._answer(url, response, max_bytes, what)
            finally:
                gate.release()
        raise WebError(f"{shown(url)}: more than {MAX_REDIRECTS} redirects")

    def _answer(self, url: str, response: httpx.Response, max_bytes: int, what: str) -> WebResponse:
        status = response.status_code
        final = str(response.url)
        found = {k.lower(): v for k, v in response.headers.items()}
        if status in (429, 503):
            until = retry_time(found.get("retry-after", ""), dt.datetime.now(dt.UTC))
            raise RetryLater(
                f"{shown(url)}: the server answered HTTP {status}{_reason(response)};"
                f" it asks not to be tried again before {until:%Y-%m-%d %H:%M} UTC",
                until,
            )
        if status == 304:
            return WebResponse(b"", final, status, found)
        if not 200 <= status < 300:
            raise WebError(f"{shown(url)}: the server answered HTTP {status}{_reason(response)}")
        length = found.get("content-length", "").strip()
        coding = found.get("content-encoding", "").strip().lower()
        if not coding and length.isdigit() and int(length) > max_bytes:
            raise too_big(url, max_bytes, what)
        body = _read(response, coding, max_bytes, url, what)
        return WebResponse(body, final, status, found)


def _read(response: httpx.Response, coding: str, max_bytes: int, url: str, what: str) -> bytes:
    """The body inflated, stopping (an error) as soon as it passes `max_bytes`."""
    inflate: Any = None
    if coding in ("gzip", "x-gzip"):
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif coding == "deflate":
        inflate = zlib.decompressobj()
    elif coding not in ("", "identity"):
        raise WebError(f"{shown(url)}: the server sent an unknown encoding ({shown(coding)})")
    chunks = io.BytesIO()  # getvalue() hands over its buffer: no second copy of the body
    size = 0
    raw_deflate = False
    for raw in response.iter_raw():
        left(None)  # the deadline, checked on every chunk as well as on every read
        data = raw
        while inflate is not None and data:
            try:
                out = inflate.decompress(data, max_bytes + 1 - size)
            except zlib.error as exc:
                if coding == "deflate" and not raw_deflate and size == 0:
                    raw_deflate, inflate = True, zlib.decompressobj(-zlib.MAX_WBITS)
                    continue  # some servers send deflate without its zlib header
                raise WebError(f"{shown(url)}: the compressed reply is damaged") from exc
            chunks.write(out)
            size += len(out)
            if size > max_bytes:
                raise too_big(url, max_bytes, what)
            data = inflate.unconsumed_tail
        if inflate is None:
            chunks.write(data)
            size += len(data)
        if size > max_bytes:
            raise too_big(url, max_bytes, what)
    return chunks.getvalue()


def retry_time(value: str, now: dt.datetime) -> dt.datetime:
    """When a Retry-After (seconds or an HTTP date) says to try again; a missing or unreadable
    one means a minute, one further off than `MAX_RETRY_WAIT` is capped."""
    text = value.strip()
    wait = dt.timedelta(minutes=1)
    if text.isdigit():
        wait = dt.timedelta(seconds=min(int(text[:9]), MAX_RETRY_WAIT.total_seconds()))
    elif text:
        try:
            when = email.utils.parsedate_to_datetime(text)
            if when.tzinfo is None:
                when = when.replace(tzinfo=dt.UTC)
            wait = max(dt.timedelta(0), when - now)
        except (TypeError, ValueError, IndexError):
            pass
    return now + min(wait, MAX_RETRY_WAIT)


def too_big(location: str, limit: int, what: str) -> WebError:
    return WebError(f"{shown(location)}: is over the {size_text(limit)} limit for {what}")


def _reason(response: httpx.Response) -> str:
    phrase = response.reason_phrase
    return f" ({phrase})" if phrase else ""


def _why(exc: BaseException, url: str) -> str:
    """What a connection failure means, in a few words."""
    seen: BaseException | None = exc
    while seen is not None:  # httpx wraps the socket's error: look down the chain
        if isinstance(seen, ConnectionRefusedError):
            return "the server refused the connection"
        if isinstance(seen, socket.gaierror):
            return f"cannot find the server {urlsplit(url).hostname or ''}".rstrip()
        if isinstance(seen, ssl.SSLError):
            detail = getattr(seen, "verify_message", None) or getattr(seen, "reason", None)
            return f"the secure connection failed ({detail or seen})"
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    if isinstance(exc, httpx.ConnectError):
        if "refused" in text.lower() or "Errno 111" in text:
            return "the server refused the connection"
        if "name or service" in text.lower() or "getaddrinfo" in text.lower():
            return f"cannot find the server {urlsplit(url).hostname or ''}".rstrip()
        return f"cannot connect ({text or type(exc).__name__})"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.DecodingError):
        return f"the server's reply was broken ({type(exc).__name__})"
    if isinstance(exc, ValueError | httpx.InvalidURL | httpx.UnsupportedProtocol):
        return f"is not a valid address ({text})"
    return f"cannot connect ({text or type(exc).__name__})"


_shared: WebClient | None = None
_shared_lock = threading.Lock()


def shared_client() -> WebClient:
    """The process's one client (pooled connections and per-server limits shared)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = WebClient(resting=RestingServers(default_path()))
        return _shared
