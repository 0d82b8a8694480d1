"""Where an article's source and author come from: an RSS item's `<source>`, a page's site
name, and a byline taken out of the body into the author field."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.core.article import Article
from reader.core.feeds import parse_feed
from reader.core.loaders.byline import byline_author
from reader.core.loaders.html import parse_html
from reader.core.loaders.markdown import parse_markdown
from reader.core.loaders.plaintext import parse_plaintext

WHEN = dt.datetime(2025, 10, 30, tzinfo=dt.UTC)

AGGREGATED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>News digest</title><link>https://digest.example/</link>
<item><title>Rates rise again</title><link>https://wire.example/rates</link>
  <source url="https://wire.example/rss">Wire Service</source>
  <description>Rates rose on Monday, the bank said.</description></item>
<item><title>Ferry fares rise</title><link>https://digest.example/ferry</link>
  <description>&lt;p&gt;By JANE DOE, Reuters&lt;/p&gt;&lt;p&gt;Ferry fares rise by $2 from
  Saturday, the operator said.&lt;/p&gt;</description></item>
</channel></rss>
"""


def test_an_rss_items_source_is_its_outlet_else_the_feeds_title() -> None:
    feed = parse_feed(AGGREGATED.encode(), "https://digest.example/rss", fetched=WHEN)
    rates, ferry = feed.entries
    assert rates.source == "Wire Service"
    assert ferry.source == "News digest"
    assert ferry.author == "Jane Doe, Reuters"
    assert "By JANE DOE" not in ferry.body and ferry.body.startswith("Ferry fares rise")


def test_a_full_text_page_gives_its_site_name_not_its_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.core.web.pages as pages

    def page(site: str) -> Article:
        article = parse_plaintext("Cranes stood idle for a week at the port. " * 20)
        article.url, article.source = "https://www.gazette.example/cranes", site
        return article

    for site, expected in (("Harbour Gazette", "Harbour Gazette"), ("gazette.example", "Feed")):
        monkeypatch.setattr(pages, "fetch_page", lambda url, deadline=None, s=site: page(s))
        entry = parse_plaintext("Cranes idle.")
        entry.url, entry.source = "https://www.gazette.example/cranes", "Feed"
        assert pages.read_in_full(entry) == ""
        assert entry.source == expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By JANE DOE, Reuters", "Jane Doe, Reuters"),
        ("BY ANN LEE AND BO PARK", "Ann Lee and Bo Park"),
        ("By Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("By Tuesday, the council had voted.", ""),
        ("By March 2026", ""),
        ("By the way", ""),
        ("Bypass roads closed", ""),
    ],
)
def test_what_reads_as_a_byline(line: str, author: str) -> None:
    assert byline_author(line) == author


def test_a_byline_leaves_the_body_for_the_author_field() -> None:
    text = "Council closes libraries\n\nBy JANE DOE, Reuters\n\nLONDON — The council voted.\n"
    article = parse_plaintext(text)
    assert article.author == "Jane Doe, Reuters"
    assert "JANE DOE" not in article.body
    assert [(b.kind, article.body[b.start : b.end]) for b in article.blocks] == [
        ("title", "Council closes libraries"),
        ("dateline", "LONDON"),
        ("paragraph", "The council voted."),
    ]
    lede_first = parse_plaintext("By Jane Doe\nThe council voted on Tuesday to close two.\n")
    assert lede_first.author == "Jane Doe" and lede_first.title.startswith("The council voted")
    html = parse_html("<h1>Rates rise</h1><p>By Ann Lee</p><p>Rates rose on Monday.</p>")
    assert html.author == "Ann Lee" and "By Ann Lee" not in html.body
    md = parse_markdown("# Rates rise\n\nBy Ann Lee\n\nRates rose on Monday.\n")
    assert md.author == "Ann Lee" and "By Ann Lee" not in md.body
    # A sentence that opens with "By" stays in the body.
    kept = parse_plaintext("Rates rise\n\nBy Tuesday, the council had voted.\n")
    assert kept.author == "" and "By Tuesday" in kept.body
