"""The importer: batches, duplicates, errors that do not stop it, progress, analysis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import importer
from reader.core.analysis.model import Analysis, Entity
from reader.core.article import Article
from reader.core.importer import ImportReport, import_paths, import_seeds
from reader.core.seeds import seed_paths
from reader.core.store import Library


def write_stories(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        p = folder / f"story{n:03}.txt"
        p.write_text(f"Headline {n}\n\nThe body of story {n} mentions Leeds.\n", encoding="utf-8")
        paths.append(p)
    return paths


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "library.sqlite3")
    yield library
    library.close()


def test_imports_a_folder_and_skips_duplicates(lib: Library, tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 7)
    copy = tmp_path / "in" / "copy.txt"  # the same text under another name
    copy.write_bytes((tmp_path / "in" / "story003.txt").read_bytes())
    report = import_paths(lib, [tmp_path / "in"], batch_size=3)
    assert (report.added, report.duplicates, report.errors) == (7, 1, [])
    assert lib.count() == 7
    again = import_paths(lib, [tmp_path / "in"])
    assert (again.added, again.duplicates) == (0, 8)
    assert lib.count() == 7


def test_errors_are_collected_and_the_import_goes_on(lib: Library, tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 3)
    missing = tmp_path / "nope.txt"
    binary = tmp_path / "in" / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    report = import_paths(lib, [missing, tmp_path / "in"], batch_size=2)
    assert report.added == 3
    assert {e.path for e in report.errors} == {str(missing), str(binary)}
    assert all(str(e) for e in report.errors)


def test_progress_is_batched_and_ends_at_the_total(lib: Library, tmp_path: Path) -> None:
    paths = write_stories(tmp_path / "in", 10)
    calls: list[tuple[int, int, str]] = []
    import_paths(lib, paths, batch_size=4, progress=lambda d, t, p: calls.append((d, t, p)))
    assert calls[-1] == (10, 10, str(paths[-1]))
    assert all(total == 10 for _, total, _ in calls)
    done = [d for d, _, _ in calls]
    assert done == sorted(done)
    assert {4, 8} <= set(done)  # each batch reports
    assert len(calls) <= 10 // 4 + 1 + 10  # never more than once per file


def test_progress_reports_each_file_once_when_unthrottled(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "PROGRESS_INTERVAL", 0.0)
    paths = write_stories(tmp_path / "in", 10)
    calls: list[tuple[int, int, str]] = []
    import_paths(lib, paths, batch_size=4, progress=lambda d, t, p: calls.append((d, t, p)))
    each = [(n, 10, str(p)) for n, p in enumerate(paths, start=1)]
    assert calls == [*each, (10, 10, str(paths[-1]))]  # a full batch's file: once, not twice


def test_empty_import(lib: Library) -> None:
    calls: list[tuple[int, int, str]] = []
    report = import_paths(lib, [], progress=lambda d, t, p: calls.append((d, t, p)))
    assert report == ImportReport(0, 0, [])
    assert calls == [(0, 0, "")]


def test_analysis_is_computed_for_new_articles_and_cached(lib: Library, tmp_path: Path) -> None:
    paths = write_stories(tmp_path / "in", 4)
    analysed: list[str] = []

    def analyze(article: Article) -> Analysis:
        analysed.append(article.title)
        at = article.body.index("Leeds")
        return Analysis(entities=[Entity("Leeds", "place", at, at + 5, "Leeds")])

    report = import_paths(lib, paths, analyze=analyze, analysis_version="t1", batch_size=3)
    assert report.added == 4
    assert len(analysed) == 4
    for article_id in lib.ids():
        cached = lib.get_analysis(article_id, "t1")
        assert cached is not None and cached.entities[0].name == "Leeds"
    assert len(lib.search("place:leeds")) == 4
    import_paths(lib, paths, analyze=analyze, analysis_version="t1")
    assert len(analysed) == 4  # duplicates are not analysed again


def test_a_failing_analysis_keeps_the_article(lib: Library, tmp_path: Path) -> None:
    paths = write_stories(tmp_path / "in", 2)

    def analyze(article: Article) -> Analysis:
        raise ValueError("boom")

    report = import_paths(lib, paths, analyze=analyze, analysis_version="t1")
    assert report.added == 2
    assert len(report.errors) == 2 and "could not be analysed (boom)" in str(report.errors[0])
    assert lib.get_analysis(lib.ids()[0], "t1") is None


def test_import_seeds_once(lib: Library) -> None:
    assert len(seed_paths()) == 2  # they ship with the code
    first = import_seeds(lib)
    assert first.added == len(seed_paths()) and first.errors == []
    second = import_seeds(lib)
    assert (second.added, second.duplicates) == (0, len(seed_paths()))
