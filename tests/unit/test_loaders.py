"""The loaders' rules, each with a small example of our own, and the two bundled seeds."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.loaders import (
    MAX_FILE_BYTES,
    LoadError,
    decode_bytes,
    iter_article_files,
    load_path,
    parse_html,
    parse_markdown,
    parse_plaintext,
)
from reader.core.loaders import html as html_loader
from reader.core.loaders.markdown import parse_front_matter
from reader.core.seeds import seed_paths

LEDE = (
    "LONDON — The city council voted on Tuesday to close two libraries, a decision that "
    "critics said would leave thousands of residents without a reading room nearby."
)
SECOND = (
    "The vote followed months of debate over the budget, which officials described as the "
    "tightest in a decade."
)


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.body[b.start : b.end]) for b in article.blocks]


def load(tmp_path: Path, name: str, data: bytes | str) -> Article:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    loaded = load_path(path)
    assert isinstance(loaded, Article), loaded
    return loaded


# Plain text ---------------------------------------------------------------------------


def test_plaintext_headline_dateline_paragraphs_and_heading() -> None:
    text = f"Libraries to close in budget cuts\n\n{LEDE}\n\nWhat happens next\n\n{SECOND}\n"
    article = parse_plaintext(text)
    assert article.body == text
    assert article.title == "Libraries to close in budget cuts"
    assert not article.title_derived
    assert kinds(article) == [
        ("title", "Libraries to close in budget cuts"),
        ("dateline", "LONDON"),
        ("paragraph", LEDE.removeprefix("LONDON — ")),
        ("heading", "What happens next"),
        ("paragraph", SECOND),
    ]


def test_plaintext_lede_first_gives_a_derived_title_and_no_title_block() -> None:
    article = parse_plaintext(f"{LEDE}\n{SECOND}\n")
    assert article.title_derived
    # The main clause, trimmed at the comma before the trailing appositive.
    assert article.title == "The city council voted on Tuesday to close two libraries"
    assert len(article.title) <= 90
    assert [k for k, _ in kinds(article)] == ["dateline", "paragraph", "paragraph"]


def test_a_derived_title_is_the_ledes_main_clause_not_its_first_characters() -> None:
    first, _ = seed_paths()
    lede = load_path(first)
    assert isinstance(lede, Article) and lede.title_derived
    body = " ".join(lede.body.split())
    assert not body.startswith(lede.title.rstrip("…")[:60])
    assert not any(
        body[i:].startswith(lede.title.rstrip("…")) for i in range(0, 200)
    )  # not a slice of the lede: its aside ("during a keynote address …") is gone
    assert lede.title.startswith("U.S. President Donald Trump characterized")
    assert "during a keynote" not in lede.title


@pytest.mark.parametrize(
    ("lede", "title"),
    [
        (
            "Lee Jae-myung, speaking in Seoul on Monday, said the talks were slow.",
            "Lee Jae-myung said the talks were slow",
        ),
        (
            "The minister, who took office in May, resigned on Friday after a row over"
            " expenses, ending a tenure that lasted barely six months and shook the party.",
            "The minister resigned on Friday after a row over expenses",
        ),
        # A list is not an aside: its middle item opens with no preposition or participle.
        ("Paris, London and Rome saw protests.", "Paris, London and Rome saw protests"),
    ],
)
def test_derived_titles_drop_asides_and_trailing_clauses(lede: str, title: str) -> None:
    assert parse_plaintext(f"{lede}\nMore text follows here.\n").title == title


def test_derived_title_is_the_first_sentence_when_short() -> None:
    article = parse_plaintext("The Fed held rates. Markets rose sharply after the news.\nMore.\n")
    assert article.title == "The Fed held rates"
    assert article.title_derived


def test_headline_with_question_mark_followed_by_blank_line_and_longer_paragraph() -> None:
    article = parse_plaintext(f"Is the library era over?\n\n{SECOND}\n")
    assert article.title == "Is the library era over?"
    assert article.blocks[0].kind == "title"


def test_single_newline_paragraphs_and_blank_line_paragraphs_agree() -> None:
    single = parse_plaintext(f"Headline here\n{LEDE}\n{SECOND}\n")
    double = parse_plaintext(f"Headline here\n\n{LEDE}\n\n{SECOND}\n")
    assert single.paragraphs == double.paragraphs == [LEDE.removeprefix("LONDON — "), SECOND]


def test_body_is_the_text_and_blocks_are_stripped_spans() -> None:
    text = "  Headline with spaces  \n\n\t  Indented paragraph that ends here.   \n\n\n"
    article = parse_plaintext(text)
    assert article.body == text
    assert [text[b.start : b.end] for b in article.blocks] == [
        "Headline with spaces",
        "Indented paragraph that ends here.",
    ]


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("WASHINGTON (Reuters) - ", "WASHINGTON (Reuters)"),
        ("NEW YORK, Oct. 29 (AP) -- ", "NEW YORK, Oct. 29 (AP)"),
        ("Taipei, Taiwan — ", "Taipei, Taiwan"),
        ("GENEVA – ", "GENEVA"),
    ],
)
def test_datelines_opening_the_lede(opening: str, dateline: str) -> None:
    article = parse_plaintext(f"Talks resume\n\n{opening}Negotiators met again today.\n")
    assert article.dateline == dateline
    assert article.paragraphs == ["Negotiators met again today."]
    assert "heading" not in [b.kind for b in article.blocks]


def test_no_dateline_for_an_ordinary_sentence_with_a_dash() -> None:
    article = parse_plaintext("Talks resume\n\nApple — the company — said nothing.\n")
    assert article.dateline == ""


@pytest.mark.parametrize("line", ["Sunday, May 17, 2015", "17 May 2015", "Updated: Oct. 29, 2025"])
def test_date_line_under_the_headline_is_a_dateline(line: str) -> None:
    article = parse_plaintext(f"Council closes libraries\n\n{line}\n\n{SECOND}\n")
    assert kinds(article)[:2] == [("title", "Council closes libraries"), ("dateline", line)]
    assert article.headings == []


def test_a_date_first_line_is_a_dateline_not_a_headline() -> None:
    article = parse_plaintext(f"Sunday, May 17, 2015\n\n{SECOND}\n")
    assert kinds(article)[0] == ("dateline", "Sunday, May 17, 2015")
    assert article.title_derived and article.title.startswith("The vote followed")


def test_heading_rules() -> None:
    text = "\n".join(
        [
            "Main headline of the story",
            LEDE,
            "Short heading without punctuation",
            SECOND,
            "A line ending with a colon:",
            SECOND,
            '"A quoted line" - someone',
            SECOND,
            "Reporting by Jane Smith. Editing by Joe Bloggs",
            SECOND,
            "Last line without punctuation",
        ]
    )
    article = parse_plaintext(text)
    assert article.headings == ["Short heading without punctuation"]


def test_three_short_lines_in_a_row_are_a_list_not_headings() -> None:
    text = f"Headline\n\n{LEDE}\n\nApples\nPears\nPlums\n\n{SECOND}\n"
    assert parse_plaintext(text).headings == []


def test_hard_wrapped_text_is_reflowed_into_paragraphs() -> None:
    long_a = " ".join([LEDE.removeprefix("LONDON — "), SECOND, SECOND])
    long_b = " ".join([SECOND, SECOND, SECOND])
    text = (
        f"Wrapped story\n\n{textwrap.fill(long_a, 70)}\n\nA heading\n\n"
        f"{textwrap.fill(long_b, 70)}\n"
    )
    article = parse_plaintext(text)
    assert [k for k, _ in kinds(article)] == ["title", "paragraph", "heading", "paragraph"]
    assert " ".join(article.paragraphs[0].split()) == long_a


def test_uniform_sentence_lines_are_paragraphs_not_wrapped_text() -> None:
    line = "A short paragraph of news, one sentence long, that ends here."
    article = parse_plaintext("Headline\n\n" + "\n".join([line] * 6) + "\n")
    assert article.paragraphs == [line] * 6


def test_plaintext_is_linear_on_a_huge_single_line() -> None:
    text = "word " * 1_000_000
    article = parse_plaintext(text)
    assert article.body == text
    assert len(article.blocks) == 1 and article.title_derived and len(article.title) <= 90


# The seeds ----------------------------------------------------------------------------


def test_seeds_titles_datelines_and_headings() -> None:
    first, second = seed_paths()
    lede = load_path(first)
    headline = load_path(second)
    assert isinstance(lede, Article) and isinstance(headline, Article)
    assert lede.title_derived and lede.title.startswith("U.S. President Donald Trump")
    assert len(lede.title) <= 90 and "title" not in [b.kind for b in lede.blocks]
    assert lede.body == first.read_text(encoding="utf-8")
    assert lede.headings == [
        "Trump South Korea Trade Negotiations Reach Crucial Juncture",
        "South Korea’s Economic Landscape and Strategic Importance in Trump South Korea Relations",
        "APEC Summit Context and High-Level Diplomacy for Trump South Korea",
    ]
    assert not headline.title_derived
    assert headline.title.startswith("Trump’s Asia Tour Hits Snag")
    assert headline.blocks[0].kind == "title"
    assert headline.headings == [
        "A Stark Contrast to Japan’s Warm Welcome",
        "Lingering Shadows: Immigration Raid and Visa Woes",
        "Broader Horizons: China, North Korea Loom Large",
    ]
    for article in (lede, headline):
        assert article.dateline == "GYEONGJU, South Korea"
        assert article.published == dt.date(2025, 10, 29)
        assert article.source.startswith("Seed source")
        assert article.notices == []


# Markdown -----------------------------------------------------------------------------


def test_markdown_front_matter_blocks_and_inline_markup() -> None:
    text = (
        '---\ntitle: "Front: title"\npublished: 2025-10-29T08:00:00Z\nsource: Wire\n'
        "tags:\n  - a\n  - b\n---\n# First h1\n\n"
        "LONDON — See [the report](https://x.example) and ![a chart](c.png), `code` **bold**.\n\n"
        "## Section\n\n- item one\n- item *two*\n\n> quoted\n\n"
        "| name | value |\n|---|---|\n| a | 1 |\n\n"
        '<div onclick="x()"><script>evil()</script>raw <b>html</b> text</div>\n'
    )
    article = parse_markdown(text)
    assert article.title == "Front: title" and not article.title_derived
    assert article.published == dt.date(2025, 10, 29) and article.source == "Wire"
    assert kinds(article) == [
        ("heading", "First h1"),
        ("dateline", "LONDON"),
        ("paragraph", "See the report and a chart, code bold."),
        ("heading", "Section"),
        ("paragraph", "item one"),
        ("paragraph", "item two"),
        ("paragraph", "quoted"),
        ("paragraph", "name | value"),
        ("paragraph", "a | 1"),
        ("paragraph", "raw html text"),
    ]
    assert article.body.startswith("First h1\n\nLONDON — See the report and a chart")
    assert "<" not in article.body and "evil" not in article.body


def test_markdown_first_h1_is_the_title_without_front_matter() -> None:
    article = parse_markdown("Intro line.\n\n# The headline\n\nBody text.\n")
    assert article.title == "The headline"
    assert ("title", "The headline") in kinds(article)


def test_markdown_without_heading_derives_the_title() -> None:
    article = parse_markdown("Stocks fell on Monday. Traders blamed rates.\n")
    assert article.title == "Stocks fell on Monday" and article.title_derived


def test_malformed_front_matter_is_a_notice_and_text() -> None:
    fields, rest, notices = parse_front_matter("---\ntitle: x\nnot a key line\n---\nBody\n")
    assert fields == {} and rest.startswith("---\ntitle") and notices
    article = parse_markdown("---\ntitle: x\nnot a key line\n---\nBody\n")
    assert article.notices and "not a key line" in article.body
    fields, rest, notices = parse_front_matter("---\ntitle: 'Quoted'\n# comment\n---\nBody\n")
    assert fields == {"title": "Quoted"} and rest == "Body\n" and notices == []


def test_markdown_bad_front_matter_date_is_a_notice() -> None:
    article = parse_markdown("---\npublished: yesterday\n---\nBody text.\n")
    assert article.published is None
    assert any("published" in n for n in article.notices)


# HTML ---------------------------------------------------------------------------------

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
