"""OPML import and export of subscriptions (`broadsheet feed import|export`)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.feeds import FeedError
from reader.core.feeds.opml import read_opml, read_opml_file, write_opml
from reader.core.store import Library

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE opml [<!ENTITY lol "lollollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<opml version="2.0">
  <head><title>From another reader</title></head>
  <body>
    <outline text="World">
      <outline type="rss" text="Harbour Gazette" title="Harbour Gazette"
               xmlUrl="https://gazette.example/rss?a=1&amp;b=2" htmlUrl="https://gazette.example/"/>
      <outline type="rss" text="Wire &lol2;" xmlUrl="http://wire.example/atom.xml"/>
    </outline>
    <outline type="rss" text="Again" xmlUrl="https://gazette.example/rss?a=1&amp;b=2"/>
    <outline type="rss" text="Sneaky" xmlUrl="javascript:alert(1)"/>
    <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
    <outline type="link" text="Just a link" url="https://example.com/"/>
  </body>
</opml>
"""


def test_read_takes_web_feeds_once_in_order_and_expands_no_entities() -> None:
    feeds, skipped = read_opml(OPML)
    assert [(f.location, f.title) for f in feeds] == [
        ("https://gazette.example/rss?a=1&b=2", "Harbour Gazette"),
        ("http://wire.example/atom.xml", "Wire &lol2;"),
    ]
    assert skipped == 2


def test_a_file_that_lists_nothing_says_so(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    with pytest.raises(FeedError, match="lists no feeds"):
        read_opml_file(page)
    with pytest.raises(FeedError, match="no such file"):
        read_opml_file(tmp_path / "missing.opml")


def test_write_is_valid_opml_with_web_feeds_and_saved_files(tmp_path: Path) -> None:
    with Library.open(tmp_path / "library.db") as library:
        library.add_feed("https://gazette.example/rss?a=1&b=2")
        library.add_feed(str(tmp_path / "saved.xml"))
        library.record_fetch(
            "https://gazette.example/rss?a=1&b=2",
            fetched=dt.datetime.now(dt.UTC),
            title='Gazette "<&>"\x1b[2J',
            site="javascript:alert(1)",
        )
        text = write_opml(library.feeds())
    outlines = ET.fromstring(text).findall(".//outline")  # well-formed XML, or this raises
    assert [o.get("xmlUrl") for o in outlines] == [
        "https://gazette.example/rss?a=1&b=2",
        str(tmp_path / "saved.xml"),
    ]
    assert outlines[0].get("title") == 'Gazette "<&>"[2J'
    assert outlines[0].get("htmlUrl") is None


def test_cli_import_then_export_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opml = tmp_path / "subscriptions.opml"
    opml.write_bytes(OPML)
    library = ["--library", str(tmp_path / "library.db")]
    assert main([*library, "feed", "import", str(opml)]) == 0
    assert "subscribed to 2 feeds, 0 already subscribed, 2 skipped" in capsys.readouterr().out
    assert main([*library, "feed", "import", str(opml)]) == 0
    assert "subscribed to 0 feeds, 2 already subscribed" in capsys.readouterr().out
    assert main([*library, "feed", "export"]) == 0
    exported = tmp_path / "out.opml"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    again, skipped = read_opml_file(exported)
    assert [f.location for f in again] == [
        "https://gazette.example/rss?a=1&b=2",
        "http://wire.example/atom.xml",
    ]
    assert skipped == 0
    assert main([*library, "feed", "import", str(tmp_path / "nope.opml")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_saved_feed_files_round_trip_through_export_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from feed_samples import RSS2

    saved = tmp_path / "gazette.xml"
    saved.write_text(RSS2, encoding="utf-8")
    first = ["--library", str(tmp_path / "first.db")]
    assert main([*first, "feed", "add", "--no-update", str(saved)]) == 0
    capsys.readouterr()
    assert main([*first, "feed", "export"]) == 0
    exported = tmp_path / "out.opml"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    assert str(saved) in exported.read_text(encoding="utf-8")

    second = ["--library", str(tmp_path / "second.db")]
    assert main([*second, "feed", "import", str(exported)]) == 0
    assert "subscribed to 1 feed, 0 already subscribed, 0 skipped" in capsys.readouterr().out
    with Library.open(tmp_path / "second.db") as library:
        assert [row.location for row in library.feeds()] == [str(saved)]


def test_import_takes_only_existing_files_that_read_as_feeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from feed_samples import RSS2

    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "gazette.xml").write_text(RSS2, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a feed", encoding="utf-8")
    opml = tmp_path / "list.opml"
    opml.write_text(
        '<opml version="2.0"><body>'
        '<outline type="rss" text="relative" xmlUrl="feeds/gazette.xml"/>'
        f'<outline type="rss" text="missing" xmlUrl="{tmp_path / "gone.xml"}"/>'
        f'<outline type="rss" text="folder" xmlUrl="{tmp_path / "feeds"}"/>'
        f'<outline type="rss" text="not a feed" xmlUrl="{tmp_path / "notes.txt"}"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    library = ["--library", str(tmp_path / "library.db")]
    assert main([*library, "feed", "import", str(opml)]) == 0
    out, err = capsys.readouterr()
    assert "subscribed to 1 feed, 0 already subscribed, 3 skipped" in out
    assert "notes.txt" in err and "skipped" in err
    with Library.open(tmp_path / "library.db") as lib:
        assert [row.location for row in lib.feeds()] == [str(tmp_path / "feeds" / "gazette.xml")]
