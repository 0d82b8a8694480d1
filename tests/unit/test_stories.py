"""Stories: articles join the story they are about as they arrive, within a time window;
stories survive reopening and re-form when a member is removed; `broadsheet stories --json`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.article import Article
from reader.core.store import Library

V = "test-version"
BRIDGE = (
    "The Harbour bridge over the Tamsin estuary collapsed on Tuesday night after the storm."
    " Engineers from the council inspected the fallen bridge girders and the estuary piers."
    " The mayor said the bridge collapse left commuters stranded across the estuary."
)
COMET = (
    "Astronomers tracking the comet Halvard reported a bright outburst of dust and ice."
    " The comet's tail stretched across the telescope images taken at the observatory."
    " Observatory staff expect the comet to fade as it leaves the inner solar system."
)
FILLER = [
    "Local bakery wins prize for sourdough loaves baked with heritage flour.",
    "School choir prepares spring concert of folk songs and madrigals.",
    "Garden club plants tulips along the canal towpath this weekend.",
    "Chess tournament draws players from five villages to the library hall.",
    "Cyclists campaign for a painted lane on the market road.",
    "Volunteers restore the old lighthouse lamp and its brass fittings.",
]


def _article(title: str, body: str, source: str, day: int | None) -> Article:
    published = dt.date(2024, 3, 1) + dt.timedelta(days=day) if day is not None else None
    return Article(title=title, body=body, source=source, published=published, path=f"/x/{title}")


def _add(library: Library, *articles: Article) -> list[int]:
    ids = [i for i, created in library.add_many(articles) if created]
    library.stories.join(ids, V)
    return ids


def _library(tmp_path: Path) -> Library:
    library = Library.open(tmp_path / "lib.sqlite3")
    _add(library, *(_article(f"Filler {k}", t, "Gazette", k) for k, t in enumerate(FILLER)))
    return library


def test_articles_join_their_story_incrementally(tmp_path: Path) -> None:
    library = _library(tmp_path)
    a, b = _add(
        library,
        _article("Bridge collapses", BRIDGE, "Courier", 10),
        _article("Comet outburst", COMET, "Herald", 10),
    )
    (c,) = _add(
        library, _article("Estuary bridge down", BRIDGE.replace("Tuesday", "Wed"), "Post", 11)
    )
    (d,) = _add(library, _article("Comet fades", COMET.replace("bright", "big"), "Times", 12))
    assert library.stories.story_of(a) == [a, c]
    assert library.stories.story_of(d) == [b, d]
    multi = library.stories.stories(min_size=2)
    assert [s.id for s in multi] == [b, a]  # newest first
    assert multi[1].sources == ["Courier", "Post"]
    # the filler articles, about nothing else, stay alone
    assert all(len(s.articles) == 1 for s in library.stories.stories() if s.id not in (a, b))


def test_time_window_keeps_months_apart_articles_apart(tmp_path: Path) -> None:
    library = _library(tmp_path)
    (a,) = _add(library, _article("Bridge collapses", BRIDGE, "Courier", 10))
    (late,) = _add(library, _article("Bridge again", BRIDGE + " Again.", "Post", 100))
    (undated,) = _add(library, _article("Bridge undated", BRIDGE + " Update.", "Wire", None))
    assert late not in library.stories.story_of(a)
    assert undated in library.stories.story_of(a) or undated in library.stories.story_of(late)


def test_removal_reforms_and_stories_survive_reopen(tmp_path: Path) -> None:
    library = _library(tmp_path)
    a, b, c = _add(
        library,
        _article("Bridge collapses", BRIDGE, "Courier", 10),
        _article("Bridge two", BRIDGE + " Two.", "Post", 10),
        _article("Bridge three", BRIDGE + " Three.", "Wire", 11),
    )
    assert library.stories.story_of(a) == [a, b, c]
    library.close()
    library = Library.open(tmp_path / "lib.sqlite3")
    assert library.stories.story_of(c) == [a, b, c]
    assert library.remove(a)
    assert library.stories.reform(V) == 2
    assert library.stories.story_of(b) == [b, c]
    # made without an analysis, features stay until one is made; then that story re-forms
    assert library.stories.reform("other-version") == 0
    from reader.core.analysis import analyze

    library.put_analysis(c, analyze(library.get(c)), "other-version")
    assert library.stories.reform("other-version") == 2
    assert library.stories.story_of(c) == [b, c]
    assert library.stories.reform("other-version") == 0
    library.close()


def test_cli_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = _library(tmp_path)
    a, b = _add(
        library,
        _article("Bridge collapses", BRIDGE, "Courier", 10),
        _article("Bridge two", BRIDGE + " Two.", "Post", 12),
    )
    library.close()
    assert main(["--library", str(tmp_path / "lib.sqlite3"), "stories", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (story,) = data["stories"]
    assert set(story) == {"id", "title", "first", "last", "sources", "articles"}
    assert (story["first"], story["last"]) == ("2024-03-11", "2024-03-13")
    assert story["sources"] == ["Courier", "Post"]
    assert [x["id"] for x in story["articles"]] == [a, b]
    assert set(story["articles"][0]) == {"id", "title", "source", "published", "path", "url"}
    assert story["articles"][0]["path"] == "/x/Bridge collapses"


def test_companions_are_the_story_other_outlets_first(tmp_path: Path) -> None:
    from reader.core.reading.reading_set import companions

    library = _library(tmp_path)
    a, b, c = _add(
        library,
        _article("Bridge collapses", BRIDGE, "Courier", 10),
        _article("Bridge two", BRIDGE + " Two.", "Courier", 11),
        _article("Bridge three", BRIDGE + " Three.", "Wire", 10),
    )
    assert companions(library, a) == [c, b]


def test_new_matching_code_reforms_stories_without_reanalysing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.analysis.stories import version

    library = _library(tmp_path)
    a, b = _add(
        library,
        _article("Bridge collapses", BRIDGE, "Courier", 10),
        _article("Bridge two", BRIDGE + " Two.", "Post", 11),
    )
    assert library.stories.reform(V) == 0
    monkeypatch.setattr(version, "stories_version", lambda: "other-matching-code")
    assert library.stories.reform(V) == len(FILLER) + 2  # every story re-formed
    assert library.stories.story_of(a) == [a, b]
    assert library.stories.reform(V) == 0


def test_story_matching_code_is_not_part_of_the_analyser_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.core.analysis import pipeline

    before = pipeline.analyzer_version()
    real = Path.read_bytes

    def edited(path: Path) -> bytes:  # every stories/ file as if its code had changed
        return real(path) + (b"# edited" if "stories" in path.parts else b"")

    monkeypatch.setattr(Path, "read_bytes", edited)
    pipeline.analyzer_version.cache_clear()
    try:
        assert pipeline.analyzer_version() == before
    finally:
        pipeline.analyzer_version.cache_clear()
