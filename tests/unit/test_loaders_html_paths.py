"""Loaders, continued: HTML pages, decoding bytes, and reading paths (refusals, sidecars, folders)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from test_loaders import LEDE, kinds, load

from reader.core.loaders import (
    MAX_FILE_BYTES,
    LoadError,
    decode_bytes,
    iter_article_files,
    load_path,
    parse_html,
    parse_markdown,
)
from reader.core.loaders import html as html_loader

PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Libraries close | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jo Writer">
<meta property="article:published_time" content="2025-10-29T10:00:00Z">
<link rel="canonical" href="https://example.com/libraries">
<script>var tracking = "SCRIPT";</script><style>p { color: red }</style>
</head><body><nav>Home NAV</nav><header>Site HEADER</header>
<div class="sidebar">Loose sidebar text</div>
<article><h1>Libraries close</h1>
<p>LONDON — The council <b>voted</b> on Tuesday.<br>Critics objected.</p>
<h2>Next steps</h2><ul><li>Consultation</li><li>Appeal</li></ul>
<blockquote>"A sad day," one reader said.</blockquote>
<figure><img src="x.png" alt="photo"><figcaption>The old library.</figcaption></figure>
<aside>Related ASIDE</aside><form>FORM<button>BUTTON</button></form>
</article><footer>FOOTER</footer></body></html>"""


def test_html_metadata_and_blocks() -> None:
    article = parse_html(PAGE)
    assert article.title == "Libraries close"
    assert article.source == "The Daily Example"
    assert article.author == "Jo Writer"
    assert article.published == dt.date(2025, 10, 29)
    assert article.url == "https://example.com/libraries"
    assert article.language == "en"
    assert kinds(article) == [
        ("title", "Libraries close"),
        ("dateline", "LONDON"),
        ("paragraph", "The council voted on Tuesday.\nCritics objected."),
        ("heading", "Next steps"),
        ("paragraph", "Consultation"),
        ("paragraph", "Appeal"),
        ("paragraph", '"A sad day," one reader said.'),
        ("paragraph", "The old library."),
    ]
    for dropped in ("SCRIPT", "NAV", "HEADER", "ASIDE", "FORM", "BUTTON", "FOOTER", "sidebar"):
        assert dropped not in article.body


def test_html_without_article_reads_the_body_and_og_title_wins() -> None:
    html = (
        '<html><head><meta property="og:title" content="OG headline"><title>T</title></head>'
        "<body><div>Loose text<p>Inner</p>tail</div><h3>Sub</h3><p>End.</p></body></html>"
    )
    article = parse_html(html)
    assert article.title == "OG headline"
    assert kinds(article) == [
        ("paragraph", "Loose text"),
        ("paragraph", "Inner"),
        ("paragraph", "tail"),
        ("heading", "Sub"),
        ("paragraph", "End."),
    ]


def test_html_title_suffix_is_dropped_when_the_h1_is_the_headline() -> None:
    article = parse_html("<title>Rates rise - Some Site</title><h1>Rates rise</h1><p>Text.</p>")
    assert article.title == "Rates rise" and article.blocks[0].kind == "title"


def test_html_time_element_and_derived_title() -> None:
    article = parse_html('<p><time datetime="2024-02-03">Feb 3</time> Rain fell. More.</p>')
    assert article.published == dt.date(2024, 2, 3)
    assert article.title_derived and article.title == "Feb 3 Rain fell"


def test_html_survives_50000_nested_divs() -> None:
    article = parse_html("<div>" * 50_000 + "deep text" + "</div>" * 50_000 + "<p>after</p>")
    assert article.paragraphs == ["deep text", "after"]


def test_html_walk_stops_at_the_element_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_loader, "MAX_NODES", 20)
    article = parse_html("".join(f"<p>para {i}</p>" for i in range(100)))
    assert article.paragraphs[0] == "para 0" and len(article.paragraphs) < 20
    assert any("elements" in n for n in article.notices)


def test_deep_nesting_is_flattened_after_the_limit_only() -> None:
    page = "<nav>NAV</nav><article><p>kept</p>" + "<div>" * 5000 + "deep" + "</div>" * 5000
    article = parse_html(page + "</article>")
    assert article.paragraphs == ["kept", "deep"] and "NAV" not in article.body


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Words here. " * 50_000, "over 512 KiB"),
        ("[[**__``" * 100 + " a few words", "dense in markup"),
        ("> " * 5_000 + "deep quote", "nested this deeply"),
    ],
)
def test_markdown_falls_back_to_plain_text(text: str, why: str) -> None:
    article = parse_markdown("---\ntitle: Kept\n---\n" + text)
    assert article.body == text and article.title == "Kept"
    assert any(why in n and "plain text" in n for n in article.notices)


# Decoding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "notice"),
    [
        (b"plain\r\nlines\rhere", "plain\nlines\nhere", ""),
        (b"\xef\xbb\xbfbom text", "bom text", ""),
        (b"\xff\xfe" + "h\xe9llo".encode("utf-16-le"), "h\xe9llo", ""),
        (b"\xfe\xff" + "h\xe9llo".encode("utf-16-be"), "h\xe9llo", ""),
        (b"\xff\xfe\x00\x00" + "h\xe9llo".encode("utf-32-le"), "h\xe9llo", ""),
        (b"\x93quoted\x94 \x80", "“quoted” €", "decoded as Windows-1252"),
        (b"caf\xe9 \x81", "café \x81", "decoded as Latin-1"),
        ("Zürich “x” é".encode() + b"\xff", "Zürich “x” é\ufffd", "invalid UTF-8"),
        ("hello world".encode("utf-16-le"), "hello world", "no byte-order mark"),
    ],
)
def test_decode_bytes(data: bytes, text: str, notice: str) -> None:
    decoded, notices = decode_bytes(data)
    assert decoded == text
    assert any(notice in n for n in notices) if notice else notices == []


# load_path and iter_article_files -----------------------------------------------------


def test_load_path_refusals(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n \n")
    (tmp_path / "folder").mkdir()
    (tmp_path / "big.txt").write_bytes(b"")
    os.truncate(tmp_path / "big.txt", MAX_FILE_BYTES + 1)
    (tmp_path / "noise.txt").write_bytes(bytes(range(32)) * 100)
    os.mkfifo(tmp_path / "pipe.txt")
    reasons = {
        name: load_path(tmp_path / name)
        for name in ("empty.txt", "blank.txt", "folder", "big.txt", "noise.txt", "pipe.txt", "no")
    }
    assert all(isinstance(r, LoadError) for r in reasons.values())
    assert str(reasons["empty.txt"]) == f"{tmp_path / 'empty.txt'}: is empty"
    assert reasons["folder"].reason == "is not a regular file (directory)"  # type: ignore[union-attr]
    assert reasons["pipe.txt"].reason == "is not a regular file (named pipe)"  # type: ignore[union-attr]
    assert reasons["big.txt"].reason == "is 16.0 MB, over the 16 MB limit"  # type: ignore[union-attr]
    assert reasons["noise.txt"].reason == "looks like binary data, not text"  # type: ignore[union-attr]
    assert reasons["no"].reason == "does not exist"  # type: ignore[union-attr]
    assert "whitespace" in reasons["blank.txt"].reason  # type: ignore[union-attr]


def test_load_path_never_raises_on_odd_paths(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "nowhere.txt")
    for odd in ("bad\x00name.txt", str(tmp_path / "link.txt"), "", "/dev/null"):
        assert isinstance(load_path(odd), LoadError)
    assert load_path(tmp_path / "link.txt").reason == "is a broken symbolic link"  # type: ignore[union-attr]
    assert list(iter_article_files(["bad\x00name.txt"])) == [Path("bad\x00name.txt")]


def test_load_path_picks_the_format(tmp_path: Path) -> None:
    assert load(tmp_path, "a.md", "# Head\n\nText *here*.\n").body == "Head\n\nText here."
    assert load(tmp_path, "a.htm", "<p>One <i>two</i></p>").body == "One two"
    assert load(tmp_path, "a.xhtml", "<p>X</p>").body == "X"
    assert load(tmp_path, "a.dat", "  <!DOCTYPE html><p>Sniffed</p>").body == "Sniffed"
    assert load(tmp_path, "a.txt", "# Not markdown\n\nText *here*.\n").body.startswith("# Not")


def test_sidecar_metadata_and_broken_sidecars(tmp_path: Path) -> None:
    (tmp_path / "story.meta.json").write_text(
        '{"source": "Wire", "published": "2024-01-02", "language": "fr", "url": "u", '
        '"title": "Sidecar title", "author": "A. Writer", "extra": 1}',
        encoding="utf-8",
    )
    article = load(tmp_path, "story.txt", f"{LEDE}\n")
    assert (article.source, article.published, article.language, article.url, article.author) == (
        "Wire",
        dt.date(2024, 1, 2),
        "fr",
        "u",
        "A. Writer",
    )
    assert article.title == "Sidecar title" and not article.title_derived
    for name, content, notice in (
        ("broken", "{nope", "not valid JSON"),
        ("listy", "[1, 2]", "not a JSON object"),
        ("typed", '{"title": 5, "published": "29/10/2025"}', "not a string"),
    ):
        (tmp_path / f"{name}.meta.json").write_text(content, encoding="utf-8")
        loaded = load(tmp_path, f"{name}.txt", "Headline\n\nBody text.\n")
        assert any(notice in n for n in loaded.notices), loaded.notices
        assert loaded.title == "Headline"
    (tmp_path / "dated.meta.json").write_text('{"published": "29/10/2025"}', encoding="utf-8")
    dated = load(tmp_path, "dated.txt", "Headline\n\nBody text.\n")
    assert dated.published is None and any("YYYY-MM-DD" in n for n in dated.notices)
    os.mkfifo(tmp_path / "piped.meta.json")
    piped = load(tmp_path, "piped.txt", "Headline\n\nBody text.\n")
    assert any("not a regular file" in n for n in piped.notices)


def test_iter_article_files(tmp_path: Path) -> None:
    for rel in ("b.txt", "a.md", "a.meta.json", ".hidden.txt", "sub/c.html", ".git/x.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    direct = tmp_path / ".hidden.txt"
    found = list(iter_article_files([tmp_path, direct, tmp_path / "missing.txt", str(direct)]))
    assert found == [
        tmp_path / "a.md",
        tmp_path / "b.txt",
        tmp_path / "sub" / "c.html",
        direct,
        tmp_path / "missing.txt",
    ]
