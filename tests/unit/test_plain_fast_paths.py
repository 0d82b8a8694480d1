"""The str-search fast paths of reading a feed entry give what the regexes they stand in
for give: bare `<p>` paragraphs (`loaders.plain_paragraphs.bare_paragraphs` against `PLAIN_DOCUMENT`
and `PLAIN_PARAGRAPH`) and "plain enough to need no sanitiser" (`feeds.values.plain_html`
against its tag substitution)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.feeds.values import _AMP, _PLAIN_TAG, plain_html
from reader.core.loaders.plain_paragraphs import PLAIN_DOCUMENT, PLAIN_PARAGRAPH, bare_paragraphs

# Pieces a feed's text is made of, the awkward ones included: tags of either case, nested or
# unclosed paragraphs, entities good and bad, blanks the document allows and some it does not.
PIECES = [
    "<p>",
    "</p>",
    "<P>",
    "<p >",
    "<br>",
    "<b>",
    "</b>",
    "<!-- x -->",
    "<?x?>",
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&#39;",
    "&#x27;",
    "&nbsp;",
    "&",
    "&amp",
    "<",
    ">",
    " ",
    "\n",
    "\t",
    "\f",
    "\r",
    "\v",
    "\0",
    "word",
    "Zürich",
]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _by_regex(text: str) -> list[str]:
    return PLAIN_PARAGRAPH.findall(text) if PLAIN_DOCUMENT.fullmatch(text) else []


def _plain_by_regex(value: str) -> bool:
    if "<" not in value and "&" not in value:
        return True
    if "<!" in value or "<?" in value or _AMP.search(value):
        return False
    rest = _PLAIN_TAG.sub("", value)
    return "<" not in rest and ">" not in rest


@settings(max_examples=400, deadline=None)
@given(texts)
def test_bare_paragraphs_as_the_regexes_read_them(text: str) -> None:
    assert bare_paragraphs(text) == _by_regex(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_plain_html_as_the_substitution_reads_it(text: str) -> None:
    assert plain_html(text) is _plain_by_regex(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" <p>one</p>\n<p>two &amp; three</p> ", ["one", "two &amp; three"]),
        ("<p>a<p>b</p></p>", []),  # nested
        ("<p>a</p>b<p>c</p>", []),  # text between paragraphs
        ("<p>a</p>\r<p>b</p>", []),  # a CR: the parser reads it
        ("<p>a &nbsp; b</p>", []),  # another entity: the parser reads it
        ("<p>x > y</p>", ["x > y"]),
    ],
)
def test_bare_paragraphs_examples(text: str, expected: list[str]) -> None:
    assert bare_paragraphs(text) == expected == _by_regex(text)


def test_plain_html_examples() -> None:
    assert plain_html("<p>one</p><p>two</p>")
    assert not plain_html("<p>one</p><script>x</script>")
    assert not plain_html("<p>a > b</p>")  # a stray ">": the substitution leaves it
