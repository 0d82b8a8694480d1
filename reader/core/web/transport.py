"""An httpx transport over an httpcore pool we build ourselves, through public API only.

httpx's own `HTTPTransport` (0.27-0.29) takes no network backend, and the deadline lives in
the backend's sockets (`deadline.py`); so this transport is httpx's public `BaseTransport`
over a public `httpcore.ConnectionPool` or `httpcore.HTTPProxy` given `DeadlineBackend`.
httpcore's errors become the matching httpx errors, as httpx's own transport does."""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Iterable, Iterator

import httpcore
import httpx

from reader.core.web.deadline import DeadlineBackend

MAX_CONNECTIONS = 32
MAX_KEEPALIVE = 16

# Most specific first: the first match wins.
_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for core, web in _ERRORS:
            if isinstance(exc, core):
                raise web(str(exc)) from exc
        raise


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            with _as_httpx_errors():
                close()


class PoolTransport(httpx.BaseTransport):
    """httpx requests sent through `pool` (an httpcore connection pool or proxy)."""

    def __init__(self, pool: httpcore.ConnectionPool) -> None:
        self._pool = pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_httpx_errors():
            response = self._pool.handle_request(core_request)
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


def direct_transport(ssl_context: ssl.SSLContext) -> PoolTransport:
    """Straight to the servers, every socket keeping the request deadline."""
    return PoolTransport(
        httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=MAX_CONNECTIONS,
            max_keepalive_connections=MAX_KEEPALIVE,
            network_backend=DeadlineBackend(),
        )
    )


def proxied_transport(proxy: httpx.URL, ssl_context: ssl.SSLContext) -> PoolTransport:
    """Through the http(s) proxy `proxy`, every socket keeping the request deadline."""
    auth = (proxy.username, proxy.password) if proxy.username else None
    return PoolTransport(
        httpcore.HTTPProxy(
            proxy_url=httpcore.URL(
                scheme=proxy.raw_scheme,
                host=proxy.raw_host,
                port=proxy.port,
                target=proxy.raw_path,
            ),
            proxy_auth=auth,
            ssl_context=ssl_context,
            max_connections=MAX_CONNECTIONS,
            max_keepalive_connections=MAX_KEEPALIVE,
            network_backend=DeadlineBackend(),
        )
    )
