"""The web client's total deadline, down at the socket: each thread's request has a deadline
(`set_deadline`), and the name look-up, the connection, TLS and every read and write are given
at most the time left before it (`left`), so a server that trickles bytes cannot stretch it."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterable
from typing import Any

import httpcore

DEADLINE = 15.0  # seconds for a whole request: look-up, connecting, headers, body, redirects
_local = threading.local()


def set_deadline(when: float | None) -> None:
    """This thread's request must end by `when` (time.monotonic()); None: no request."""
    _local.deadline = when


def left(timeout: float | None) -> float:
    """The smaller of `timeout` and the time left before this thread's request deadline."""
    deadline: float | None = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout if timeout is not None else DEADLINE
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("deadline")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.SyncBackend):
    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = resolve(host, port, left(timeout))
        inner = super().connect_tcp(address, port, left(timeout), local_address, socket_options)
        return DeadlineStream(inner)


def resolve(host: str, port: int, timeout: float) -> str:
    """`host`'s first address, looked up within `timeout` seconds: the system's resolver
    cannot be interrupted, so it runs in a thread that is abandoned (it ends by itself) when
    the deadline passes. TLS still checks the certificate against `host` (httpcore gives
    the name to `start_tls`, not the address)."""
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in host else socket.AF_INET, host.strip("[]"))
        return host  # already an address
    except OSError:
        pass
    found: list[str] = []
    failed: list[BaseException] = []

    def look_up() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            found.append(str(infos[0][4][0]))
        except (OSError, IndexError) as exc:
            failed.append(exc)

    worker = threading.Thread(target=look_up, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(timeout)
    if found:
        return found[0]
    if failed:
        raise httpcore.ConnectError(f"cannot find the server {host}: {failed[0]}")
    raise httpcore.ConnectTimeout("deadline")
