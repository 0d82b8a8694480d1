"""Property tests: no text or bytes makes a parser raise, and every block is a span of the body."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.article import Article
from reader.core.loaders import decode_bytes, parse_html, parse_markdown, parse_plaintext

PARSERS: list[Callable[..., Article]] = [parse_plaintext, parse_markdown, parse_html]

# Text biased towards what the rules look at: newlines, datelines, headings, markup, tags.
PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        " ",
        "LONDON — ",
        "WASHINGTON (Reuters) - ",
        "Sunday, May 17, 2015",
        "Headline Here",
        "A sentence ends.",
        "# ",
        "---\n",
        "title: x\n",
        "| a | b |\n",
        "|---|---|\n",
        "- ",
        "> ",
        "<div>",
        "</div>",
        "<p>",
        "<h2>",
        "<script>",
        "[/]",
        "\x1b[2J",
        "\x00",
        "\r",
        "\u202e",
        "\ufeff",
        "’",
        "…",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join),
)


def check(article: Article) -> None:
    assert isinstance(article.title, str)
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(article.body)


@pytest.mark.parametrize("parse", PARSERS, ids=lambda p: p.__name__)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_any_text_parses(parse: Callable[..., Article], text: str) -> None:
    check(parse(text, path="x"))


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_decode_and_parse(data: bytes) -> None:
    text, notices = decode_bytes(data)
    assert "\r" not in text and all(isinstance(n, str) for n in notices)
    for parse in PARSERS:
        check(parse(text))


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_plaintext_body_is_the_text(text: str) -> None:
    article = parse_plaintext(text)
    assert article.body == text
    for block in article.blocks:
        span = text[block.start : block.end]
        assert span == span.strip() and span
