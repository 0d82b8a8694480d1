"""Building a feed entry's Article the cheap way (bare `<p>` paragraphs read without a
tree, no derived title for an entry that has one) gives the same Article, field by field, as
the tree walk with a derived title did, for every sample feed and every distinct entry of the
feed-stream-dev snapshots; and the paragraph fast path reads the same blocks as lexbor's tree
for hostile text, and declines anything it cannot read exactly."""

from __future__ import annotations

import random
from typing import Any

import pytest
from feed_samples import ATOM, HOSTILE, MALFORMED, RDF, RSS2, SUMMARY_ONLY
from selectolax.lexbor import LexborHTMLParser
from test_feeds_big import big_feed
from test_feeds_stream import DEV, WHEN, _dev_feeds, assert_same
from test_sources_bylines import AGGREGATED

from reader.core.article import Article
from reader.core.feeds import parse as parse_module
from reader.core.feeds import parse_feed
from reader.core.feeds.parse import ParsedFeed
from reader.core.loaders import html as html_module

SAMPLES = {
    "rss2": RSS2,
    "atom": ATOM,
    "rdf": RDF,
    "summary_only": SUMMARY_ONLY,
    "malformed": MALFORMED,
    "hostile": HOSTILE,
    "aggregated": AGGREGATED,
    "big": big_feed(40).decode(),
}


def the_old_way(monkeypatch: pytest.MonkeyPatch, data: bytes, location: str) -> ParsedFeed:
    """The feed read as before: every entry's HTML through lexbor, a title always derived."""
    tree_walk = html_module.parse_html

    def parse_html(text: str, *, path: str = "", derive: bool = True) -> Article:
        return tree_walk(text, path=path, derive=True)

    with monkeypatch.context() as patch:
        patch.setattr(html_module, "_plain_paragraphs", lambda _text: None)
        patch.setattr(parse_module, "parse_html", parse_html)
        return parse_feed(data, location, fetched=WHEN)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_sample_entry_is_the_same_article(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = SAMPLES[name].encode()
    for location in ("https://feeds.example/news/feed.xml", "/home/me/feeds/saved.xml"):
        assert_same(
            the_old_way(monkeypatch, data, location), parse_feed(data, location, fetched=WHEN)
        )


@pytest.mark.skipif(not DEV.is_dir(), reason="the feed-stream-dev snapshots are not beside")
def test_every_dev_feed_entry_is_the_same_article(monkeypatch: pytest.MonkeyPatch) -> None:
    total = 0
    for _name, data in _dev_feeds():
        new = parse_feed(data, "https://feeds.example/rss", fetched=WHEN)
        assert_same(the_old_way(monkeypatch, data, "https://feeds.example/rss"), new)
        total += len(new.entries)
    assert total > 500


def tree_blocks(text: str) -> Any:
    tree = LexborHTMLParser(text)
    return html_module._blocks(tree.body)[0]


ALPHABET = [
    "word", " ", "  ", "\t", "\n", "\f", "\x0b", "\xa0", "\u2028", "\x85", "\x01", "é", "中",
    "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x27;", "&amp;lt;", ">", '"', "'", "=",
    "\U0001f600", "\ufeff", "\u202e",
]  # fmt: skip


def test_the_fast_path_reads_the_blocks_the_tree_does() -> None:
    rng = random.Random(15)
    for _ in range(400):
        paragraphs = [
            "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 12)))
            for _ in range(rng.randrange(1, 6))
        ]
        gaps = [rng.choice(["", " ", "\n", "\t\n ", "\f"]) for _ in range(len(paragraphs) + 1)]
        text = gaps[0] + "".join(
            f"<p>{p}</p>{g}" for p, g in zip(paragraphs, gaps[1:], strict=True)
        )
        assert html_module._plain_paragraphs(text) == tree_blocks(text), repr(text)


def test_text_without_tags_reads_as_the_tree_reads_it() -> None:
    rng = random.Random(16)
    fast = 0
    for _ in range(400):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 16)))
        found = html_module._plain_paragraphs(text)
        if "\ufeff" not in text[:1]:  # a leading byte-order mark is left to the parser
            assert found == tree_blocks(text), repr(text)
            fast += 1
    assert fast > 300
    assert html_module._plain_paragraphs("  Rates rose.\n") == [("paragraph", "Rates rose.")]


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffa text opening with a byte-order mark",
        "a text with an entity&nbsp;",
        "<p>one</p>loose text<p>two</p>",
        "<P>upper case</P>",
        '<p class="lede">an attribute</p>',
        "<p>a <b>tag</b> inside</p>",
        "<p>an entity&nbsp;other than the five</p>",
        "<p>a numeric one &#128;</p>",
        "<p>a bare & ampersand</p>",
        "<p>a NUL \x00 inside</p>",
        "<p>a CR \r\n inside</p>",
        "<p>unclosed",
        "<h1>Headline</h1><p>text</p>",
    ],
)
def test_anything_else_goes_to_the_parser(text: str) -> None:
    assert html_module._plain_paragraphs(text) is None


def test_a_plain_entry_without_a_title_still_gets_a_derived_one() -> None:
    body = "<p>The central bank raised rates on Tuesday, its third rise this year.</p>"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><link>https://wire.example/1</link><description>{body.replace('<', '&lt;')}"
        "</description></item></channel></rss>"
    )
    (entry,) = parse_feed(feed.encode(), "https://wire.example/feed", fetched=WHEN).entries
    assert entry.title_derived
    assert entry.title.startswith("The central bank raised rates")
    assert entry.body == "The central bank raised rates on Tuesday, its third rise this year."


def test_a_fragment_with_metadata_tags_in_any_case_still_has_them_read() -> None:
    article = html_module.parse_html(
        '<P>Rates rose <a href="/x">again</a>.</P><TIME datetime="2025-01-02">Jan 2</TIME>'
    )
    assert article.published is not None and article.published.isoformat() == "2025-01-02"
    assert html_module.parse_html('<HTML lang="de-AT"><p>Zinsen.</p></HTML>').language == "de"
