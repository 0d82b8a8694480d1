"""`broadsheet feed add/list/update/remove`, in-process: output, JSON, exit codes, and hostile
feed titles that must reach the terminal without control characters."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from feed_samples import HOSTILE, RSS2, FeedServer, Reply

from reader.cli import build_parser, main
from reader.core.analysis import analyzer_version
from reader.core.store import Library

# What must never reach a terminal from a non-JSON command: C0 but tab/LF, DEL, C1, bidi.
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "library.sqlite3")


def run(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", db, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(text: str) -> Any:
    return json.loads(text)


def saved(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_add_list_update_remove_round_trip(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    feed = saved(tmp_path, "gazette.xml", RSS2)
    code, out, err = run(capsys, db, "feed", "add", feed)
    assert (code, err) == (0, "")
    assert (
        out == f"subscribed to {feed}\n+3 new · 0 already had · 1 without text · Harbour Gazette\n"
    )
    # Stored first (listed and searchable), analysed behind: `--wait` waits for the analysis
    # (tests/unit/test_analysis_pool.py).
    with Library.open(db) as lib:
        fed = [i for i in lib.ids() if lib.get(i).source == "Harbour Gazette"]
        assert len(fed) == 3
        assert all(lib.queue.is_pending(i, analyzer_version()) for i in fed)

    code, out, err = run(capsys, db, "feed", "add", feed)
    assert (code, out, err) == (0, f"already subscribed to {feed}\n", "")

    code, out, err = run(capsys, db, "feed", "list", "--json")
    assert (code, err) == (0, "")
    (listed,) = as_json(out)["feeds"]
    assert listed["location"] == feed and listed["title"] == "Harbour Gazette"
    assert listed["site"] == "https://gazette.example/"
    assert (listed["last_added"], listed["last_error"]) == (3, "")
    assert listed["last_fetched"] is not None

    code, out, err = run(capsys, db, "feed", "update", "--json")
    assert (code, err) == (0, "")
    assert as_json(out) == {
        "feeds": [
            {
                "location": feed,
                "title": "Harbour Gazette",
                "added": 0,
                "duplicates": 3,
                "skipped": 1,
                "not_modified": False,
                "error": "",
                "notice": "",
                "updated": 0,
                "waiting": "",
                "full_text": 0,
                "pages_failed": [],
            }
        ],
        "added": 0,
        "failed": 0,
    }

    code, out, err = run(capsys, db, "feed", "list")
    assert code == 0 and len(out.splitlines()) == 1
    assert out.startswith("Harbour Gazette") and out.rstrip().endswith(feed)

    code, out, err = run(capsys, db, "feed", "remove", feed)
    assert (code, err) == (0, "")
    assert out == f"unsubscribed from {feed}; its articles stay in the library\n"
    assert as_json(run(capsys, db, "feed", "list", "--json")[1]) == {"feeds": []}
    code, out, err = run(capsys, db, "feed", "remove", feed)
    assert (code, out) == (1, "") and err == f"broadsheet: not subscribed to {feed}\n"


def test_add_without_update_and_a_relative_path(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(tmp_path, "gazette.xml", RSS2)
    monkeypatch.chdir(tmp_path)
    code, out, _err = run(capsys, db, "feed", "add", "--no-update", "gazette.xml")
    assert (code, out) == (0, f"subscribed to {tmp_path / 'gazette.xml'}\n")
    code, out, _err = run(capsys, db, "feed", "list")
    assert "(not fetched yet)" in out and "never" in out
    code, out, _err = run(capsys, db, "feed", "update", "--no-analyze", "./gazette.xml")
    assert (code, out) == (0, "+3 new · 0 already had · 1 without text · Harbour Gazette\n")


def test_update_exit_codes_and_error_lines(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/gone.xml"] = Reply(404, reason="Not Found")
    good = saved(tmp_path, "gazette.xml", RSS2)
    gone = server.url("/gone.xml")
    assert run(capsys, db, "feed", "add", "--no-update", gone)[0] == 0
    assert run(capsys, db, "feed", "add", "--no-update", good)[0] == 0

    code, out, err = run(capsys, db, "feed", "update", "--no-analyze")
    assert code == 1
    assert out == "+3 new · 0 already had · 1 without text · Harbour Gazette\n"
    assert err == f"broadsheet: error: {gone}: the server answered HTTP 404 (Not Found)\n"

    code, out, err = run(capsys, db, "feed", "update", "--json", "--no-analyze")
    data = as_json(out)
    assert code == 1 and err == ""
    assert (data["failed"], data["added"]) == (1, 0)
    assert [f["error"] != "" for f in data["feeds"]] == [True, False]

    # Only the working feed: every feed updated, exit 0.
    code, out, err = run(capsys, db, "feed", "update", "--no-analyze", good)
    assert (code, err) == (0, "")

    # A library that cannot be opened: exit 2, as for every command.
    not_a_library = saved(tmp_path, "notes.txt", "not a database")
    code, out, err = run(capsys, not_a_library, "feed", "update")
    assert code == 2 and out == "" and "not a Broadsheet library" in err


def test_a_web_address_that_is_not_a_feed_is_not_subscribed(
    capsys: pytest.CaptureFixture[str], db: str, server: FeedServer
) -> None:
    server.routes["/page"] = Reply(body=b"<!DOCTYPE html><html><body>Hi</body></html>")
    code, out, err = run(capsys, db, "feed", "add", "--no-analyze", server.url("/page"))
    assert (code, out) == (1, "")
    assert "is not an RSS or Atom feed (it is a web page" in err
    assert err.count("\n") == 1 and "not subscribed" in err
    assert as_json(run(capsys, db, "feed", "list", "--json")[1]) == {"feeds": []}


@pytest.mark.parametrize("no_update", [False, True])
def test_a_saved_file_that_is_not_a_feed_is_not_subscribed(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, no_update: bool
) -> None:
    notes = saved(tmp_path, "notafeed.txt", "Just some notes.\nNot a feed at all.\n")
    flags = ["--no-update"] if no_update else []
    code, out, err = run(capsys, db, "feed", "add", *flags, notes)
    assert (code, out) == (1, "")
    assert err.startswith(f"broadsheet: {notes}") and err.count("\n") == 1
    assert "not subscribed" in err
    assert as_json(run(capsys, db, "feed", "list", "--json")[1]) == {"feeds": []}


@pytest.mark.parametrize(
    "location", ["ftp://files.example/feed.xml", "file:///etc/passwd", "javascript:alert(1)"]
)
def test_add_refuses_what_it_cannot_fetch(
    capsys: pytest.CaptureFixture[str], db: str, location: str
) -> None:
    code, out, err = run(capsys, db, "feed", "add", location)
    assert code == 1 and out == ""
    assert err.startswith(f"broadsheet: {location}: Broadsheet does not read")
    assert as_json(run(capsys, db, "feed", "list", "--json")[1]) == {"feeds": []}


def test_no_feeds_yet(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _err = run(capsys, db, "feed", "update")
    assert code == 0 and "broadsheet feed add" in out
    code, out, _err = run(capsys, db, "feed", "update", "--json")
    assert as_json(out) == {"feeds": [], "added": 0, "failed": 0}


def test_hostile_feed_titles_reach_the_terminal_as_symbols(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    feed = saved(tmp_path, "hostile\x1b[2J.xml", HOSTILE)
    code, out, err = run(capsys, db, "feed", "add", "--no-analyze", feed)
    assert code == 0 and err == ""
    assert "+1 new" in out and "Bad ␛[31mNews␛[0m [b]Wire[/b]" in out
    assert not RAW_CONTROL.search(out)

    for argv in (("feed", "list"), ("list",), ("feed", "update", "--no-analyze")):
        code, out, err = run(capsys, db, *argv)
        assert code == 0, argv
        assert not RAW_CONTROL.search(out + err), argv
    code, out, _err = run(capsys, db, "list")
    assert "␛]52;c;cGF5bG9hZA==␇[@click=app.quit]x[/]" in out

    # JSON keeps the text verbatim (escaped as JSON requires).
    code, out, _err = run(capsys, db, "feed", "update", "--json", "--no-analyze")
    assert "\x1b" not in out
    assert as_json(out)["feeds"][0]["title"] == "Bad \x1b[31mNews\x1b[0m [b]Wire[/b]"

    # An error naming the hostile file comes out as one safe line too.
    Path(feed).unlink()
    code, out, err = run(capsys, db, "feed", "update", "--no-analyze")
    assert code == 1 and out == ""
    assert err == "broadsheet: error: " + feed.replace("\x1b", "␛") + ": does not exist\n"


def test_help_lists_the_feed_commands() -> None:
    text = build_parser().format_help()
    assert "broadsheet feed add URL|FILE" in text and "broadsheet feed update" in text
    assert "feed" in text.split("positional arguments:")[1].split("options:")[0]
