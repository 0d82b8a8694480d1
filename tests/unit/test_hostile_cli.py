"""The hostile corpus through the command line, in-process (`reader.cli.main`) and, for a
couple of files, as a subprocess: `add`, `list`, `analyze`; and libraries the CLI must
refuse (not SQLite, damaged, from a newer Broadsheet, busy) with one line and the file
unchanged."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.core.article import Article
from reader.core.loaders import load_path
from reader.core.store import Library
from tests.hostile.corpus import HostileCase, build_corpus
from tests.hostile.libraries import REFUSED, not_sqlite

ROOT = Path(__file__).resolve().parents[2]
# What must never reach a terminal from a non-JSON command: C0 but tab/LF, DEL, C1, bidi.
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[HostileCase]:
    return build_corpus(tmp_path_factory.mktemp("hostile"), include_large=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_add_then_list_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_corpus: list[HostileCase]
) -> None:
    db = str(tmp_path / "lib.sqlite3")
    folder = str(small_corpus[0].path.parent)
    code, out, err = run(capsys, "--library", db, "add", "--no-analyze", folder)
    refused = [c for c in small_corpus if c.expected == "refused"]
    loads = [c for c in small_corpus if c.expected == "loads"]
    assert code == 0
    skipped = err.splitlines()
    assert len(skipped) == len(refused)
    assert all(line.startswith("broadsheet: skipped ") for line in skipped)
    assert not RAW_CONTROL.search(err)
    match = re.fullmatch(r"added (\d+), already in the library (\d+), could not read (\d+)\n", out)
    assert match, out
    added, dupes, failed = map(int, match.groups())
    assert added + dupes == len(loads) and failed == len(refused)

    code, out, err = run(capsys, "--library", db, "list", "--json")
    assert code == 0 and err == ""
    listed = json.loads(out)
    assert listed["total"] == added + 2  # the seeds of a new library, then the corpus
    titles = {a["path"]: a["title"] for a in listed["articles"]}
    for case in loads:
        article = load_path(case.path)
        assert isinstance(article, Article)
        if str(case.path) in titles:  # a duplicate body is listed under the first file
            assert titles[str(case.path)] == article.title  # verbatim, controls included

    code, out, err = run(capsys, "--library", db, "list")
    assert code == 0 and err == ""
    assert len(out.splitlines()) == added + 2
    assert not RAW_CONTROL.search(out), "the plain list shows controls as symbols"
    assert "[@click=app.quit]x[/]" in out

    for argv in (["search", "pwned"], ["search", "[/]"], ["timeline", "--limit", "100"]):
        code, out, err = run(capsys, "--library", db, *argv)
        assert code == 0 and err == "", argv
        assert not RAW_CONTROL.search(out), argv
        assert out or argv[1] == "[/]", argv  # punctuation alone matches nothing
    code, out, err = run(capsys, "--library", db, "search", "--json", "pwned")
    hits = json.loads(out)["hits"]
    assert hits and all("pwned" in h["snippet"] for h in hits)
    code, out, err = run(capsys, "--library", db, "timeline", "--json", "--limit", "100")
    data = json.loads(out)
    for event in data["timeline"]:
        for src in event["sources"]:
            body = data["articles"][src["article"]]["body"]
            assert 0 <= src["start"] <= src["end"] <= len(body)


def _spans_ok(body: str, data: dict[str, Any]) -> list[str]:
    wrong = []
    for kind in ("entities", "numbers", "dates"):
        for item in data[kind]:
            start, end = item["start"], item["end"]
            if not (0 <= start <= end <= len(body)) or body[start:end] != item["text"]:
                wrong.append(f"{kind} {item!r:.80}")
    return wrong


def test_analyze_json_every_small_case(
    capsys: pytest.CaptureFixture[str], small_corpus: list[HostileCase]
) -> None:
    """Each file analysed alone: valid JSON, spans index the body, refusals one line."""
    wrong: list[str] = []
    for case in small_corpus:
        code, out, err = run(capsys, "analyze", "--json", str(case.path))
        data = json.loads(out)
        if case.expected == "refused":
            assert code == 1 and data["articles"] == [], case.filename
            assert err.count("\n") == 1 and case.reason in err, case.filename
            assert not RAW_CONTROL.search(err)
            continue
        assert code == 0 and err == "", case.filename
        (article,) = data["articles"]
        wrong += [f"{case.filename}: {w}" for w in _spans_ok(article["body"], article)]
        if case.survives not in article["title"] + article["body"]:
            wrong.append(f"{case.filename}: {case.survives!r:.40} not verbatim")
    assert wrong == []


def test_analyze_json_whole_corpus_as_one_set(
    capsys: pytest.CaptureFixture[str], small_corpus: list[HostileCase]
) -> None:
    paths = [str(c.path) for c in small_corpus]
    code, out, err = run(capsys, "analyze", "--published", "2025-10-30", "--json", *paths)
    assert code == 1  # some files are refused; the rest are analysed
    assert len(err.splitlines()) == sum(c.expected == "refused" for c in small_corpus)
    data = json.loads(out)
    articles = data["articles"]
    assert len(articles) == sum(c.expected == "loads" for c in small_corpus)
    for article in articles:
        assert _spans_ok(article["body"], article) == []
    for event in data["timeline"]:
        for src in event["sources"]:
            body = articles[src["article"]]["body"]
            assert 0 <= src["start"] <= src["end"] <= len(body)
            if src["date_start"] >= 0:
                assert body[src["date_start"] : src["date_end"]] == src["date_text"]
    for row in data["comparison"]["numbers"]:
        for value in row["values"]:
            if value is not None:
                body = articles[value["article"]]["body"]
                assert body[value["start"] : value["end"]] == value["text"]


def test_analyze_text_mode_shows_controls_as_symbols(
    capsys: pytest.CaptureFixture[str], small_corpus: list[HostileCase]
) -> None:
    by_name = {c.filename: c for c in small_corpus}
    for name in ("esc_osc_title.txt", "controls_c1.txt", "bidi.txt"):
        code, out, _err = run(capsys, "analyze", str(by_name[name].path))
        assert code == 0
        assert not RAW_CONTROL.search(out), f"{name}: {out[:120]!r}"


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_analyze_as_a_subprocess(small_corpus: list[HostileCase], tmp_path: Path) -> None:
    by_name = {c.filename: c for c in small_corpus}
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:  # sparse, over the 16 MB limit
        handle.seek(20 * 1024 * 1024)
        handle.write(b"x")
    done = _cli("analyze", "--json", str(by_name["markup_title.txt"].path), str(big))
    assert done.returncode == 1
    assert done.stderr == f"broadsheet: {big}: is 20.0 MB, over the 16 MB limit\n"
    (article,) = json.loads(done.stdout)["articles"]
    assert article["title"].startswith("[breaking] news: [/] [b]unclosed [@click=app.quit]x[/]")


# --- libraries the CLI must refuse, untouched --------------------------------------------


@pytest.mark.parametrize("make", REFUSED)
@pytest.mark.parametrize(
    "command", [["list"], ["list", "--json"], ["search", "x"], ["timeline"], ["add", "ART"]]
)
def test_cli_refuses_a_bad_library_in_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Any,
    command: list[str],
) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    db = folder / "corrupt.sqlite3"
    says = make(db)
    article = tmp_path / "article.txt"
    article.write_text("Headline\n\nBody text of the article.\n", encoding="utf-8")
    before = _tree(folder)
    argv = [str(article) if a == "ART" else a for a in command]
    code, out, err = run(capsys, "--library", str(db), *argv)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("broadsheet: ") and says in err
    assert _tree(folder) == before, "the library file is never written to"


def test_cli_list_of_a_bad_library_as_a_subprocess(tmp_path: Path) -> None:
    db = tmp_path / "corrupt.sqlite3"
    not_sqlite(db)
    before = db.read_bytes()
    done = _cli("--library", str(db), "list")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"broadsheet: {db} is not a Broadsheet library (not an SQLite database)\n"
    assert db.read_bytes() == before


def test_cli_add_to_a_busy_library_is_one_line_not_a_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as lib:
        lib.add(Article("A title", "A title\n\nSome body text."))
    article = tmp_path / "article.txt"
    article.write_text("Headline\n\nBody text of the article.\n", encoding="utf-8")
    kwdefaults = Library.open.__func__.__kwdefaults__  # type: ignore[attr-defined]
    monkeypatch.setitem(kwdefaults, "timeout", 0.2)  # the CLI's open waits 0.2 s, not 5
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another Broadsheet in the middle of writing
    try:
        code, _out, err = run(capsys, "--library", str(db), "add", str(article))
        code_list, out_list, _err_list = run(capsys, "--library", str(db), "list", "--json")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 2
    assert err == f"broadsheet: library is busy: another Broadsheet is writing to {db}\n"
    assert code_list == 0 and json.loads(out_list)["total"] == 1, "reading is never blocked"
    with Library.open(db) as lib:
        assert lib.count() == 1


def test_analyze_when_the_engine_raises_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.core.analysis as analysis

    real = analysis.analyze

    def analyze(article: Article, *args: Any, **kwargs: Any) -> Any:
        if "CHOKE" in article.body:
            raise AssertionError  # what the numbers bug raised: no message at all
        return real(article, *args, **kwargs)

    monkeypatch.setattr(analysis, "analyze", analyze)
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Schools\n\nThe mayor backed a plan.\n", encoding="utf-8")
    bad.write_text("Schools\n\nThe CHOKE plan.\n", encoding="utf-8")
    code, out, err = run(capsys, "analyze", "--json", str(good), str(bad))
    assert code == 1 and len(err.splitlines()) == 1 and "bad.txt" in err
    assert [a["path"] for a in json.loads(out)["articles"]] == [str(good)]


def test_library_errors_show_controls_as_symbols(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib\x1b]0;pwned\x07\u202e.sqlite3"
    not_sqlite(db)
    code, out, err = run(capsys, "--library", str(db), "list")
    assert code == 2 and out == "" and "is not a Broadsheet library" in err
    assert not RAW_CONTROL.search(err)


def test_analyze_json_of_the_large_cases(
    capsys: pytest.CaptureFixture[str], hostile_corpus: list[HostileCase]
) -> None:
    """Deep nesting, a 2,000-row table, 300,000 brackets, 20,000 nested quotes (the 5 MB
    line is left out: its analysis alone takes seconds)."""
    large = [
        c
        for c in hostile_corpus
        if c.large and c.expected == "loads" and c.filename != "long_line.txt"
    ]
    assert len(large) >= 5
    code, out, err = run(capsys, "analyze", "--json", *(str(c.path) for c in large))
    assert code == 0 and err == ""
    articles = json.loads(out)["articles"]
    assert len(articles) == len(large)
    for case, article in zip(large, articles, strict=True):
        assert case.survives in article["title"] + article["body"], case.filename
        assert _spans_ok(article["body"], article) == []


def test_add_with_analysis_analyses_every_readable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_corpus: list[HostileCase]
) -> None:
    """The default `add` analyses as it imports: no file of the corpus that loads is left
    with "could not be analysed"."""
    db = str(tmp_path / "lib.sqlite3")
    code, _out, err = run(capsys, "--library", db, "add", str(small_corpus[0].path.parent))
    assert code == 0
    assert "could not be analysed" not in err
    assert len(err.splitlines()) == sum(c.expected == "refused" for c in small_corpus)
