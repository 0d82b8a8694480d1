"""Every file of the hostile corpus loads or is refused as expected, never raises, and what
loads keeps its text verbatim (markup, escapes and controls included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.loaders import LoadError, iter_article_files, load_path
from tests.hostile.corpus import HostileCase, build_corpus


@pytest.fixture
def corpus(hostile_corpus: list[HostileCase]) -> list[HostileCase]:
    return hostile_corpus


def test_corpus_covers_the_hostile_kinds(corpus: list[HostileCase]) -> None:
    names = {c.filename for c in corpus}
    for expected in (
        "markup_title.txt",
        "esc_osc52_clipboard.txt",
        "bidi.txt",
        "long_line.txt",
        "huge_60mb.txt",
        "binary_noise.txt",
        "nested_20000.html",
        "huge_table.md",
        "bad_front_matter.md",
    ):
        assert expected in names
    assert {c.expected for c in corpus} == {"loads", "refused"}
    assert all(c.path.name == c.filename for c in corpus)
    assert {c.filename for c in corpus if c.large} >= {"long_line.txt", "nested_20000.html"}


def test_every_case_has_the_expected_outcome(
    corpus: list[HostileCase], hostile_loaded: dict[Path, Article | LoadError]
) -> None:
    wrong = []
    for case in corpus:
        loaded = hostile_loaded[case.path]  # load_path(case.path), once per test process
        if case.expected == "refused":
            if not isinstance(loaded, LoadError) or case.reason not in loaded.reason:
                wrong.append(
                    f"{case.filename}: expected refusal ({case.reason}), got {loaded!r:.80}"
                )
            continue
        if not isinstance(loaded, Article):
            wrong.append(f"{case.filename}: expected to load, got {loaded}")
            continue
        if case.survives not in loaded.title and case.survives not in loaded.body:
            wrong.append(f"{case.filename}: {case.survives!r:.60} not kept verbatim")
        if case.absent and (case.absent in loaded.title or case.absent in loaded.body):
            wrong.append(f"{case.filename}: {case.absent!r} should have been dropped")
        for block in loaded.blocks:
            if not 0 <= block.start <= block.end <= len(loaded.body):
                wrong.append(f"{case.filename}: block {block} out of range")
    assert wrong == []


def test_refusals_are_one_line_with_visible_controls(corpus: list[HostileCase]) -> None:
    for case in corpus:
        loaded = load_path(case.path) if case.expected == "refused" else None
        if isinstance(loaded, LoadError):
            text = str(loaded)
            assert "\n" not in text and "\x1b" not in text
            assert text.endswith(loaded.reason)


def test_escape_in_file_name_is_shown_visibly(tmp_path: Path) -> None:
    error = load_path(tmp_path / "gone_\x1b]0;pwned\x07.txt")
    assert isinstance(error, LoadError)
    assert error.reason == "does not exist"
    assert "\x1b" not in str(error) and "␛]0;pwned␇" in str(error)


def test_walking_the_corpus_yields_exactly_its_files(corpus: list[HostileCase]) -> None:
    folder = corpus[0].path.parent
    assert (folder / "loops" / "back").is_symlink()
    assert list(iter_article_files([folder])) == [c.path for c in corpus]


def test_escapes_and_controls_stay_in_the_body(corpus: list[HostileCase]) -> None:
    by_name = {c.filename: c for c in corpus}
    article = load_path(by_name["esc_osc52_clipboard.txt"].path)
    assert isinstance(article, Article)
    assert "\x1b]52;c;" in article.title and "\x1b]52;c;" in article.body
    assert any("control character" in n for n in article.notices)
    sidecar = load_path(by_name["sidecar_broken.txt"].path)
    assert isinstance(sidecar, Article)
    assert any("not valid JSON" in n for n in sidecar.notices)


def test_small_corpus_leaves_out_the_large_cases(tmp_path: Path) -> None:
    small = build_corpus(tmp_path, include_large=False)
    assert small and not any(c.large for c in small)
    assert "long_line.txt" not in {c.filename for c in small}
    assert list(iter_article_files([tmp_path])) == [c.path for c in small]
