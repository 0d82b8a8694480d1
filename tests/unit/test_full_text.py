"""Web pages in, offline: `broadsheet add URL` and full-text feeds against a local server
(127.0.0.1, a random port) serving the test pages in `pages/` and feeds built from them
(summary only), plus slow, failing and hostile replies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from feed_samples import FeedServer, Reply

import reader.core.web.client as client_module
import reader.core.web.pages as pages_module
from reader.cli import main
from reader.core.store import Library
from reader.core.web.client import WebClient

PAGES = Path(__file__).parent / "pages"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def page(name: str) -> Reply:
    return Reply(body=(PAGES / name).read_bytes(), headers=HTML)


def summary_feed(server: FeedServer, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS feed of (title, path, summary) items, each linking to `server.url(path)`."""
    entries = "".join(
        f"<item><title>{title}</title><link>{server.url(path)}</link>"
        f"<guid>{server.url(path)}</guid><description>{summary}</description></item>"
        for title, path, summary in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
        f"<link>{server.url('/')}</link>{entries}</channel></rss>"
    ).encode()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "library.sqlite3")


@pytest.fixture
def quick_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shared client with a 1 s deadline (a slow server is cut off fast)."""
    monkeypatch.setattr(client_module, "_shared", WebClient(deadline=1.0))


def run(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", db, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def articles(db: str) -> list[Any]:
    with Library.open(db) as lib:
        return [lib.get(i) for i in lib.ids()]


def test_add_url_stores_the_main_text_with_url_and_site_name(
    server: FeedServer, capsys: pytest.CaptureFixture[str], db: str
) -> None:
    server.routes["/news/bridge"] = page("bridge.html")
    url = server.url("/news/bridge")
    code, out, err = run(capsys, db, "add", "--no-analyze", url)
    assert (code, err) == (0, "")
    assert out.strip() == "added 1, already in the library 0, could not read 0"
    [art] = [a for a in articles(db) if a.url == url]
    assert art.source == "Valley Courier" and art.title.startswith("River bridge to close")
    assert art.published is not None and art.published.isoformat() == "2025-10-28"
    assert "corroded steel bearings" in art.body and "reopen in late July" in art.body
    for boilerplate in ("Cookie settings", "Subscribe today", "Ten best pubs", "All rights"):
        assert boilerplate not in art.body
    # Again: nothing new, and no second request needed to know it.
    code, out, _ = run(capsys, db, "add", "--no-analyze", url)
    assert code == 0 and out.strip() == "added 0, already in the library 1, could not read 0"
    assert len(server.requests) == 1


def test_add_mixes_files_and_urls_and_a_failure_costs_one_line(
    server: FeedServer, capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    server.routes["/harbour"] = page("harbour.html")
    server.routes["/broken"] = Reply(500, b"oops")
    note = tmp_path / "note.txt"
    note.write_text("Council notes\n\nThe council met on Tuesday to agree the budget.\n")
    code, out, err = run(
        capsys, db, "add", "--no-analyze", str(note), server.url("/harbour"), server.url("/broken")
    )
    assert code == 0
    assert out.strip() == "added 2, already in the library 0, could not read 1"
    assert err == f"broadsheet: skipped {server.url('/broken')}: the server answered HTTP 500" + (
        " (Internal Server Error)\n"
    )
    sources = {a.source for a in articles(db)}
    assert "Harbour Gazette" in sources


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        (Reply(429, b"", headers={"Retry-After": "120"}), "HTTP 429"),
        (Reply(302, headers={"Location": "file:///etc/passwd"}), "does not follow it"),
        (Reply(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}), "not a web page"),
        (Reply(body=b"<html><body><script>x()</script></body></html>", headers=HTML), "no text"),
        (Reply(body=b"<p>word</p>" * 20_000, headers=HTML), "limit for a page"),
    ],
    ids=["429", "redirect-to-file", "pdf", "empty", "huge"],
)
def test_add_url_refuses_a_bad_reply_in_one_line(
    server: FeedServer,
    capsys: pytest.CaptureFixture[str],
    db: str,
    monkeypatch: pytest.MonkeyPatch,
    route: Reply,
    expected: str,
) -> None:
    monkeypatch.setattr(pages_module, "MAX_PAGE_BYTES", 100_000)
    server.routes["/bad"] = route
    before = len(articles(db)) if Path(db).exists() else None
    code, out, err = run(capsys, db, "add", "--no-analyze", server.url("/bad"))
    assert code == 1
    assert out.strip() == "added 0, already in the library 0, could not read 1"
    assert err.count("\n") == 1 and expected in err, err
    assert before is None or len(articles(db)) == before


def test_add_url_a_slow_server_is_cut_off(
    server: FeedServer, capsys: pytest.CaptureFixture[str], db: str, quick_client: None
) -> None:
    server.routes["/slow"] = Reply(body=b"<p>late</p>", headers=HTML, delay=3.0)
    server.routes["/bridge"] = page("bridge.html")
    code, out, err = run(
        capsys, db, "add", "--no-analyze", server.url("/slow"), server.url("/bridge")
    )
    assert code == 0
    assert out.strip() == "added 1, already in the library 0, could not read 1"
    assert err.strip().endswith("timed out after 1 s")


def test_full_text_feed_reads_pages_and_keeps_the_summary_when_one_fails(
    server: FeedServer, capsys: pytest.CaptureFixture[str], db: str
) -> None:
    server.routes["/bridge"] = page("bridge.html")
    server.routes["/vote"] = page("election.html")
    server.routes["/gone"] = Reply(404, b"gone")
    server.routes["/feed.xml"] = Reply(
        body=summary_feed(
            server,
            [
                ("Bridge to close", "/bridge", "The Old Town bridge closes in May."),
                ("Turnout rises", "/vote", "Turnout rose to 58 percent."),
                ("Lost story", "/gone", "A story whose page is gone keeps this summary."),
            ],
        ),
        headers={"Content-Type": "application/rss+xml"},
    )
    feed = server.url("/feed.xml")
    code, out, err = run(capsys, db, "feed", "add", "--no-analyze", "--full-text", feed)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[1] == "+3 new · 0 already had · 2 read in full, 1 kept their summary · Local Wire"
    assert lines[2].startswith("    full text not read: ") and "HTTP 404" in lines[2]
    by_url = {a.url: a for a in articles(db)}
    bridge = by_url[server.url("/bridge")]
    assert "corroded steel bearings" in bridge.body and "Cookie settings" not in bridge.body
    assert bridge.title == "Bridge to close"  # the feed's title stays
    assert bridge.source == "Valley Courier"  # the page's site name is its outlet
    assert "postal votes" in by_url[server.url("/vote")].body
    assert by_url[server.url("/gone")].body.strip().endswith("keeps this summary.")
    # The next update adds nothing and does not put the summaries back.
    fetched = len(server.requests)
    code, out, _ = run(capsys, db, "feed", "update", "--no-analyze", feed)
    assert code == 0 and out.startswith("+0 new · 3 already had")
    assert len(server.requests) == fetched + 1  # the feed only: no page fetched again
    assert "corroded steel bearings" in {a.url: a for a in articles(db)}[bridge.url].body


def test_full_text_pages_fetched_under_the_deadline(
    server: FeedServer, capsys: pytest.CaptureFixture[str], db: str, quick_client: None
) -> None:
    server.routes["/slow"] = Reply(body=b"<p>late</p>", headers=HTML, delay=3.0)
    server.routes["/busy"] = Reply(429, b"", headers={"Retry-After": "60"})
    server.routes["/feed.xml"] = Reply(
        body=summary_feed(
            server,
            [("Slow", "/slow", "Slow summary stays."), ("Busy", "/busy", "Busy summary stays.")],
        )
    )
    code, out, _ = run(
        capsys, db, "feed", "add", "--no-analyze", "--full-text", server.url("/feed.xml")
    )
    assert code == 0
    assert "0 read in full, 2 kept their summary" in out
    assert "timed out after 1 s" in out and "HTTP 429" in out
    bodies = {a.url: a.body for a in articles(db)}
    assert bodies[server.url("/slow")].strip().endswith("Slow summary stays.")


def test_feed_without_full_text_never_fetches_entry_pages(
    server: FeedServer, capsys: pytest.CaptureFixture[str], db: str
) -> None:
    server.routes["/bridge"] = page("bridge.html")
    server.routes["/feed.xml"] = Reply(
        body=summary_feed(server, [("Bridge", "/bridge", "The bridge closes in May.")])
    )
    code, _, _ = run(capsys, db, "feed", "add", "--no-analyze", server.url("/feed.xml"))
    assert code == 0
    assert [path for path, _ in server.requests] == ["/feed.xml"]


def test_full_text_toggle(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    )
    assert run(capsys, db, "feed", "add", "--no-update", str(feed))[0] == 0

    def listed() -> bool:
        _code, out, _ = run(capsys, db, "feed", "list", "--json")
        return bool(json.loads(out)["feeds"][0]["full_text"])

    assert not listed()
    code, out, _ = run(capsys, db, "feed", "full-text", str(feed), "on")
    assert code == 0 and out.startswith("full text on for ")
    assert listed()
    assert run(capsys, db, "feed", "full-text", str(feed), "off")[0] == 0
    assert not listed()
    code, _, err = run(capsys, db, "feed", "full-text", str(tmp_path / "nope.xml"), "on")
    assert code == 1 and "not subscribed" in err


def test_add_refuses_other_schemes_without_touching_files(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = run(
        capsys, db, "add", "--no-analyze", "ftp://files.example/a", "file:///etc/passwd"
    )
    assert code == 1 and out.strip() == "added 0, already in the library 0, could not read 2"
    assert err.count("is not an http or https address") == 2
