"""The hostile corpus imported into a library that already holds good articles: nothing raises,
what loads is stored verbatim, what cannot be read is one line each, the counts add up and
the articles that were there before are untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.importer import ImportReport, import_paths
from reader.core.loaders import LoadError, load_path
from reader.core.store import Library
from tests.hostile.corpus import HostileCase, build_corpus


@pytest.fixture
def corpus(hostile_corpus: list[HostileCase]) -> list[HostileCase]:
    return hostile_corpus


def _state(path: Path) -> list[tuple[object, ...]]:
    """Everything stored about every article, read straight from SQLite."""
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT a.id, a.title, a.source, a.published, a.read, a.starred, a.content_hash,"
            " t.body, t.blocks FROM articles AS a JOIN article_text AS t ON t.id = a.id"
            " ORDER BY a.id"
        ).fetchall()
    finally:
        con.close()


def test_corpus_import_keeps_the_library_whole(
    library_path: Path, corpus: list[HostileCase], hostile_loaded: dict[Path, Article | LoadError]
) -> None:
    with Library.open(library_path) as lib:
        lib.set_read(1)
        lib.set_starred(2)
    before = _state(library_path)
    assert len(before) == 2

    progress: list[tuple[int, int]] = []
    with Library.open(library_path) as lib:
        report = import_paths(
            lib,
            [corpus[0].path.parent],
            progress=lambda done, total, _path: progress.append((done, total)),
            batch_size=7,
        )
        count = lib.count()
        integrity = lib.integrity_check()

    loads = [c for c in corpus if c.expected == "loads"]
    refused = [c for c in corpus if c.expected == "refused"]
    # The same text in UTF-16 LE with and without a BOM and in UTF-32 is one article.
    loaded = [hostile_loaded[c.path] for c in loads]  # load_path, once per test process
    assert all(isinstance(a, Article) for a in loaded)
    distinct = {a.content_hash for a in loaded if isinstance(a, Article)}
    assert report.added == len(distinct)
    assert report.added + report.duplicates == len(loads)
    assert count == 2 + report.added
    assert integrity == []
    assert progress and progress[-1] == (len(corpus), len(corpus))

    # One clear line per file that cannot be read, naming the file and why.
    assert sorted(e.path for e in report.errors) == sorted(str(c.path) for c in refused)
    for error in report.errors:
        case = next(c for c in refused if str(c.path) == error.path)
        assert case.reason in error.reason
        line = str(error)
        assert "\n" not in line and "\x1b" not in line

    # The articles that were there before: every byte and flag as it was.
    after = _state(library_path)
    assert after[:2] == before

    # What loaded is stored verbatim (a duplicate body is stored once, under the first file).
    with Library.open(library_path) as lib:
        by_path = {row.path: row.id for row in lib.rows(0, 1000)}
        stored_hashes = {lib.get(i).content_hash for i in by_path.values()}
        wrong = []
        for case, article in zip(loads, loaded, strict=True):
            assert isinstance(article, Article)
            article_id = by_path.get(str(case.path))
            if article_id is None:
                assert article.content_hash in stored_hashes, case.filename
                continue
            stored = lib.get(article_id)
            if case.survives not in stored.title and case.survives not in stored.body:
                wrong.append(f"{case.filename}: {case.survives!r:.60} not kept")
            if (stored.title, stored.body, stored.blocks) != (
                article.title,
                article.body,
                article.blocks,
            ):
                wrong.append(f"{case.filename}: stored article differs from the loaded one")
    assert wrong == []


def test_importing_the_corpus_again_adds_nothing(tmp_path: Path) -> None:
    cases = build_corpus(tmp_path / "corpus", include_large=False)
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        first = import_paths(lib, [tmp_path / "corpus"])
        second = import_paths(lib, [tmp_path / "corpus"])
        assert second.added == 0
        assert second.duplicates == first.added + first.duplicates
        assert (
            len(second.errors) == len(first.errors) == sum(c.expected == "refused" for c in cases)
        )
        assert lib.count() == first.added


def test_analysis_failure_keeps_the_article(tmp_path: Path) -> None:
    """An analyser that raises on one article: the article is kept, the error is one line."""
    build_corpus(tmp_path / "corpus", include_large=False)

    def analyze(article: Article) -> object:
        if "\x1b" in article.body:
            raise ValueError("boom\nsecond line")
        from reader.core.analysis.model import Analysis

        return Analysis()

    with Library.open(tmp_path / "lib.sqlite3") as lib:
        report: ImportReport = import_paths(
            lib,
            [tmp_path / "corpus"],
            analyze=analyze,  # type: ignore[arg-type]
            analysis_version="t",
        )
        failed = [e for e in report.errors if "could not be analysed" in e.reason]
        assert failed
        assert all("\n" not in str(e) for e in failed)
        stored_paths = {row.path for row in lib.rows(0, 1000)}
        assert {e.path for e in failed} <= stored_paths


def test_refusal_messages_are_clear(corpus: list[HostileCase]) -> None:
    by_name = {c.filename: c for c in corpus}
    big = load_path(by_name["huge_60mb.txt"].path)
    assert isinstance(big, LoadError)
    assert big.reason == "is 60.0 MB, over the 16 MB limit"
    pipe = by_name.get("named_pipe.txt")
    if pipe is not None:
        error = load_path(pipe.path)
        assert isinstance(error, LoadError) and error.reason == "is not a regular file (named pipe)"


@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("title.html", "<html><head><title>{big}</title></head><body><p>Body.</p></body></html>"),
        ("og.html", "<html><head><meta property='og:title' content='{big}'></head><p>Body.</p>"),
        ("h1.html", "<html><body><h1>{big}</h1><p>Body.</p></body></html>"),
        (
            "meta.html",
            "<html><head><link rel=canonical href='https://x/{big}'><meta name=author "
            "content='{big}'><meta property='og:site_name' content='{big}'></head><p>Body.</p>",
        ),
        ("front.md", "---\ntitle: {big}\nsource: {big}\n---\n\nBody.\n"),
        ("heading.md", "# {big}\n\nBody.\n"),
        ("line.txt", "{big}\n\nBody.\n"),
    ],
)
def test_metadata_of_a_hostile_size_is_bounded(tmp_path: Path, name: str, template: str) -> None:
    """A megabyte headline, site name, author or address is cut to `MAX_FIELD_CHARS` (as a
    sidecar's are): every screen that shows one line of it stays cheap."""
    from reader.core.loaders.metadata import MAX_FIELD_CHARS

    path = tmp_path / name
    path.write_text(template.format(big="Word " * 200_000), encoding="utf-8")
    article = load_path(path)
    assert isinstance(article, Article)
    for field in (article.title, article.source, article.author, article.url):
        assert len(field) <= MAX_FIELD_CHARS
    assert "Body." in article.body


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "0999-12-31", "3000-01-01"])
def test_a_publication_date_at_the_ends_of_the_calendar_is_refused(
    tmp_path: Path, published: str
) -> None:
    """From a sidecar, front matter or HTML meta: not taken (with a notice where the format
    has one), so it neither pins the article atop a newest-first list nor leaves the
    analysis no room for "tomorrow" (see test_relative_dates_near_the_ends_of_the_calendar)."""
    from reader.core.analysis import analyze

    (tmp_path / "side.txt").write_text("Side\n\nBody said tomorrow.\n", encoding="utf-8")
    (tmp_path / "side.meta.json").write_text(f'{{"published": "{published}"}}', encoding="utf-8")
    (tmp_path / "front.md").write_text(
        f"---\npublished: {published}\n---\n\n# Front\n\nBody said tomorrow.\n", encoding="utf-8"
    )
    (tmp_path / "meta.html").write_text(
        f"<html><head><meta property='article:published_time' content='{published}'></head>"
        "<body><h1>Meta</h1><p>Body said tomorrow.</p></body></html>",
        encoding="utf-8",
    )
    for name in ("side.txt", "front.md", "meta.html"):
        article = load_path(tmp_path / name)
        assert isinstance(article, Article) and article.published is None, name
        analyze(article)
        if name != "meta.html":
            assert any("years 1000-2999" in n for n in article.notices), name
