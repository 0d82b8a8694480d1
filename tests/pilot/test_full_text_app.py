"""Web pages in the app, offline (a local server on 127.0.0.1): the subscribe prompt adds an
article page, the feeds panel switches full text, and f reads the whole article in place of
a feed's summary."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from reader.core.store import Library
from reader.ui.feeds.feed_prompt import FeedPrompt
from reader.ui.feeds.feeds_screen import FeedsScreen
from reader.ui.reading.article_list import ArticleList
from tests.settling import settle

PAGES = Path(__file__).parent.parent / "unit" / "pages"


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The test pages at http://127.0.0.1:PORT/NAME.html (404 for anything else)."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = PAGES / self.path.lstrip("/")
            found = path.parent == PAGES and path.suffix == ".html" and path.is_file()
            body = path.read_bytes() if found else b"not here"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def titles(app: Any) -> list[str]:
    return [row.title for row in app.screen.query_one(ArticleList).rows]


async def test_the_prompt_adds_an_article_page(
    library_path: Path, build_app: Any, site: str
) -> None:
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FeedPrompt)
        app.screen.query_one("#feed-input", Input).value = f"{site}/harbour.html"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "Harbour workers end strike after pay deal" in titles(app)
        notices = [n.message for n in app._notifications]
        assert any(n.startswith("Added the page: Harbour workers") for n in notices), notices
    with Library.open(library_path) as lib:
        assert lib.feeds() == []  # a page is not subscribed to


async def test_the_prompt_says_why_a_page_cannot_be_read(
    library_path: Path, build_app: Any, site: str
) -> None:
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#feed-input", Input).value = f"{site}/missing.html"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any("HTTP 404" in n for n in notices), notices


async def test_f_reads_the_whole_article_in_place_of_the_summary(
    library_path: Path, build_app: Any, site: str, tmp_path: Path
) -> None:
    from reader.core.article import Article

    with Library.open(library_path) as lib:
        summary = Article(
            title="Bridge to close", body="The bridge closes in May.", url=f"{site}/bridge.html"
        )
        summary.source = "Local Wire"
        article_id, _ = lib.add(summary)
        lib.add_feed(str(tmp_path / "wire.xml"))
        location = lib.feeds()[0].location
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        app.screen.open_set([article_id])
        await settle(pilot)
        app.screen.panes[0].focus()
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any(n.startswith("Full article read:") for n in notices), notices
        assert "corroded steel bearings" in app.screen.panes[0].article.body

        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.screen.feeds[0].full_text
    with Library.open(library_path) as lib:
        stored = lib.get(article_id)
        assert "corroded steel bearings" in stored.body and stored.title == "Bridge to close"
        assert lib.feed(location) is not None and lib.feed(location).full_text  # type: ignore[union-attr]
