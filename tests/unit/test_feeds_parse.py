"""Reading feeds into articles: RSS 2.0, Atom, RSS 1.0/RDF, summaries, malformed feeds,
things that are not feeds, and hostile titles and bodies."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from feed_samples import (
    ATOM,
    HOSTILE,
    HOSTILE_TITLE,
    HTML_PAGE,
    MALFORMED,
    RDF,
    RSS2,
    SUMMARY_ONLY,
)

from reader.core.article import Article
from reader.core.feeds import FeedError, ParsedFeed, parse_feed

FETCHED = dt.datetime(2025, 10, 30, 9, 0, tzinfo=dt.UTC)
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def parse(text: str, location: str = "https://feeds.example/feed.xml") -> ParsedFeed:
    return parse_feed(text.encode("utf-8"), location, fetched=FETCHED)


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.body[b.start : b.end]) for b in article.blocks]


def test_rss2_entries_become_articles() -> None:
    feed = parse(RSS2)
    assert (feed.title, feed.site, feed.fetched) == (
        "Harbour Gazette",
        "https://gazette.example/",
        FETCHED,
    )
    strike, ferry, _cranes = feed.entries
    assert strike.title == "Port strike ends after 12 days" and not strike.title_derived
    assert strike.url == strike.path == "https://gazette.example/strike"
    assert strike.author == "Ann Reporter"
    assert strike.published == dt.date(2025, 10, 28)
    assert (strike.source, strike.language) == ("Harbour Gazette", "en")
    # content:encoded wins over the teaser in <description>; scripts are dropped.
    assert kinds(strike) == [
        (
            "paragraph",
            "Dock workers in Rotterdam returned on Monday after a deal that raises pay by"
            " 4.5% over two years.",
        ),
        ("heading", "What changes"),
        ("paragraph", "Night shifts get a bonus."),
    ]
    assert "teaser" not in strike.body and "alert" not in strike.body
    # An escaped-HTML <description> is read as HTML.
    assert ferry.body == "Ferry fares rise by $2 from Saturday, the operator said."
    assert ferry.published == dt.date(2025, 10, 29) and ferry.author == ""


def test_an_entry_without_a_title_gets_one_from_its_text() -> None:
    cranes = parse(RSS2).entries[2]
    assert cranes.title == "Harbour cranes stood idle for a week"
    assert cranes.title_derived


def test_a_heading_opening_the_text_is_a_heading_unless_it_is_the_title() -> None:
    def entry(title: str, first: str) -> str:
        html = f"&lt;h1&gt;{first}&lt;/h1&gt;&lt;p&gt;Crews worked through the night.&lt;/p&gt;"
        return f"<item><title>{title}</title><description>{html}</description></item>"

    items = entry("Bridge reopens", "Late shift") + entry("Bridge reopens", "Bridge reopens")
    feed = parse(f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>")
    other, same = feed.entries
    assert kinds(other)[0] == ("heading", "Late shift")  # shown: it is not the title
    assert kinds(same)[0] == ("title", "Bridge reopens")  # the headline, shown as the title


def test_an_entry_without_text_is_skipped_and_counted() -> None:
    feed = parse(RSS2)
    assert feed.skipped == 1
    assert "https://gazette.example/empty" not in [a.url for a in feed.entries]


def test_atom_html_title_relative_link_updated_date_and_plain_text() -> None:
    feed = parse(ATOM, "https://wire.example/feeds/all.atom")
    assert feed.title == "Wire Service"
    leaders, note = feed.entries
    assert leaders.title == "Leaders meet in Gyeongju"  # the HTML title's tags are gone
    assert leaders.url == "https://wire.example/2025/leaders"  # resolved against the feed
    assert leaders.author == "Bo Writer"
    assert leaders.published == dt.date(2025, 10, 29)  # no <published>: <updated>
    assert leaders.paragraphs == [
        "Leaders met on Wednesday in Gyeongju.",
        "Talks continue on Thursday.",
    ]
    assert leaders.language == "de"  # xml:lang
    # A text/plain summary goes through the plain-text parser: its blank line splits it.
    assert note.paragraphs == [
        "First paragraph of a plain summary, which is long enough to read.",
        "Second paragraph of it.",
    ]
    assert note.published == dt.date(2025, 10, 27)  # <published> before <updated>
    # No link: the path says which feed and entry it came from.
    assert note.url == ""
    assert note.path == "feed:https://wire.example/feeds/all.atom#1"


def test_rss1_rdf() -> None:
    feed = parse(RDF, "/home/me/feeds/journal.rdf")
    (article,) = feed.entries
    assert article.title == "La grève du port est finie"
    assert article.url == "https://journal.example/1"
    assert article.author == "Claire Plume"
    assert article.published == dt.date(2025, 10, 1)
    assert (article.source, article.language) == ("Le Journal", "fr")
    assert article.body == "Les dockers ont repris le travail lundi."


def test_summary_only_feed() -> None:
    feed = parse(SUMMARY_ONLY)
    assert [a.body for a in feed.entries] == [
        "The first teaser says a bridge will close in May.",
        "The second teaser says the bridge reopens in June.",
    ]
    assert [a.title for a in feed.entries] == ["One", "Two"]
    assert all(a.published is None for a in feed.entries)


def test_a_malformed_feed_that_still_has_entries_is_used() -> None:
    feed = parse(MALFORMED)
    assert feed.title == "Sloppy Times"
    assert [a.url for a in feed.entries] == [
        "https://sloppy.example/1",
        "https://sloppy.example/2",
    ]
    assert feed.entries[0].body == "The council met on Tuesday and agreed the budget."
    assert feed.notices and "not well-formed" in feed.notices[0]


def test_without_a_feed_title_the_source_is_the_server_or_the_file() -> None:
    untitled = RSS2.replace("<title>Harbour Gazette</title>", "")
    assert parse(untitled, "https://news.example.org/rss").title == "news.example.org"
    assert parse(untitled, "/home/me/saved/gazette.xml").entries[0].source == "gazette.xml"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (HTML_PAGE.encode(), "is not an RSS or Atom feed (it is a web page"),
        (b"just some words, no markup", "is not an RSS or Atom feed ("),
        (b"<?xml version='1.0'?><note><to>Ann</to></note>", "is not an RSS or Atom feed ("),
        (b"", ": is empty"),
        (b" \n\t ", ": is empty"),
    ],
)
def test_what_is_not_a_feed_is_refused_in_one_line(data: bytes, expected: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(data, "https://site.example/\x1b[2Jpage", fetched=FETCHED)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and not RAW_CONTROL.search(message)


def test_an_empty_feed_with_a_title_is_a_feed() -> None:
    feed = parse("<rss version='2.0'><channel><title>Quiet</title></channel></rss>")
    assert (feed.title, feed.entries, feed.skipped) == ("Quiet", [], 0)


def test_hostile_titles_and_bodies_are_kept_verbatim_and_links_must_be_web() -> None:
    feed = parse(HOSTILE, "/tmp/hostile.xml")
    (article,) = feed.entries
    # Verbatim in the article (the UI and CLI make controls visible when they show it);
    # feedparser itself maps C1 characters to their Windows-1252 meaning.
    assert article.title == HOSTILE_TITLE.replace("\x9b", "\u203a")
    assert "[@click=app.quit]markup[/]" in article.body and "\x1b]52;" in article.body
    assert feed.title.startswith("Bad \x1b[31mNews")
    # A javascript: link is not an address: no url, and the path names the feed entry.
    assert article.url == "" and article.path == "feed:/tmp/hostile.xml#0"
    assert feed.site == ""


def test_feedparser_is_not_imported_until_a_feed_is_read() -> None:
    code = (
        "import sys\n"
        "import reader.cli, reader.core.feeds, reader.core.store, reader.cli.feeds\n"
        "reader.cli.build_parser()\n"
        "print('feedparser' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


def test_a_truncated_feed_is_read_and_says_how_many_entries() -> None:
    whole = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        + "".join(
            f"<item><guid>g{n}</guid><title>Story {n}</title>"
            f"<description>Body number {n} of the story.</description></item>"
            for n in range(3)
        )
        + "</channel></rss>"
    )
    cut = whole[: whole.index("<item><guid>g2")] + "<item><guid>g2</guid><tit"
    feed = parse_feed(cut.encode(), "https://t.example/feed", fetched=FETCHED)
    assert len(feed.entries) >= 2
    assert feed.notices[0].startswith(f"not well-formed: read {len(feed.entries)} entries anyway")


@pytest.mark.parametrize("with_dtd", [True, False])
def test_an_entity_bomb_is_refused(with_dtd: bool) -> None:
    dtd = (
        '<!DOCTYPE rss [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
        + "]>"
        if with_dtd
        else ""
    )
    refs = "&lol9;" * 500
    data = (
        f'<?xml version="1.0"?>{dtd}<rss version="2.0"><channel><title>T</title>'
        f"<item><title>x</title><description>{refs}</description></item></channel></rss>"
    )
    with pytest.raises(FeedError) as caught:
        parse_feed(data.encode(), "https://t.example/feed", fetched=FETCHED)
    assert "refused" in str(caught.value) and "entit" in str(caught.value)
