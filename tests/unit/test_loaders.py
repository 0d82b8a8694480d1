"""The loaders' rules, each with a small example of our own, and the two bundled seeds."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.loaders import (
    load_path,
    parse_markdown,
    parse_plaintext,
)
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
