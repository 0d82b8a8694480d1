"""The environment's proxies: requests go through `http_proxy`, `no_proxy` bypasses it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from reader.core.web.client import WebClient, WebError
from reader.core.web.proxies import environment_proxies

pytestmark = pytest.mark.unit


class _Proxy(BaseHTTPRequestHandler):
    """A forward proxy that answers every request itself and records what it was asked."""

    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).seen.append(self.path)
        body = b"via the proxy"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[str]:
    _Proxy.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_request_goes_through_the_environments_proxy(
    proxy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy)
    with WebClient(deadline=5) as client:
        answer = client.get("http://news.example.test/feed.xml", max_bytes=1000)
    assert answer.body == b"via the proxy"
    assert _Proxy.seen == ["http://news.example.test/feed.xml"]  # the absolute form: proxied


def test_no_proxy_names_hosts_that_are_fetched_directly(
    proxy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("http_proxy", proxy)
    monkeypatch.setenv("no_proxy", "example.test")
    with WebClient(deadline=2) as client, pytest.raises(WebError, match="cannot find the server"):
        client.get("http://news.example.test/feed.xml", max_bytes=1000)
    assert _Proxy.seen == []


def test_proxy_rules_follow_curl_and_httpx() -> None:
    env = {"https_proxy": "proxy.local:3128", "NO_PROXY": "localhost, 10.0.0.1,.corp.test"}
    assert environment_proxies(env) == {
        "https://": "http://proxy.local:3128",
        "all://localhost": None,
        "all://10.0.0.1": None,
        "all://*.corp.test": None,
    }
    assert environment_proxies({"all_proxy": "http://p:1", "no_proxy": "*"}) == {}
    assert environment_proxies({}) == {}


def test_a_proxy_that_cannot_be_used_is_said_on_each_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("https_proxy", "socks5://127.0.0.1:1080")
    with WebClient(deadline=2) as client, pytest.raises(WebError, match="not an http or https"):
        client.get("https://news.example.test/", max_bytes=1000)
