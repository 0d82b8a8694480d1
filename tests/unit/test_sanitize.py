"""`visible` keeps lengths and shows every control; `one_line` makes list-ready titles."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.sanitize import one_line, visible


def test_c0_controls_become_control_pictures() -> None:
    assert visible("a\x1b[2Jb") == "a␛[2Jb"
    assert visible("\x00\x07\x08\x0b\x0c\r\x7f") == "␀␇␈␋␌␍␡"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"


def test_c1_bidi_invisible_and_surrogates_are_substituted() -> None:
    assert visible("\x85\x9b") == "\ufffd\ufffd"
    assert visible("\u202eevil\u202c \u2066x\u2069 \u200f\u061c") == "⁞evil⁞ ⁞x⁞ ⁞⁞"
    assert visible("Pay\u200bPal\u200d\ufeff\u2060") == "Pay⸱Pal⸱⸱⸱"
    assert visible("tag\U000e0041") == "tag⸱"
    assert visible("lone\ud800") == "lone\ufffd"
    assert visible("a\u2028b") == "a↵b"


def test_plain_text_is_returned_unchanged() -> None:
    text = "Café “quoted” — 東京 😀 [b]markup[/]"
    assert visible(text) is text


def test_many_controls_use_the_table_path() -> None:
    text = "\x1b" * 10_000 + "x"
    assert visible(text) == "␛" * 10_000 + "x"


DANGEROUS = {"Cc", "Cs"}


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec=None)))
def test_visible_keeps_length_and_removes_every_control(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    for original, char in zip(text, shown, strict=True):
        if char != original:
            continue
        category = unicodedata.category(char)
        assert category not in DANGEROUS or char in "\t\n", repr(char)
        assert char not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff"


def test_one_line_collapses_truncates_and_shows_controls() -> None:
    assert one_line("  Hello\n\n  world\t ", 40) == "Hello world"
    assert one_line("x" * 50, 10) == "x" * 9 + "…"
    assert one_line("a\x1b]0;pwned\x07b", 40) == "a␛]0;pwned␇b"
    assert one_line("word " * 1_000_000, 12) == "word word w…"
    assert one_line("a" + " " * 10_000 + "b", 10) == "a b"
    assert one_line("anything", 0) == ""
    assert len(one_line("[/] " * 100, 30)) == 30
