"""Make untrusted text safe to show in a terminal without changing its offsets.

Article bodies keep every character the file had (offsets index `Article.body`); what must
never reach the terminal is made visible only when text is rendered, by `visible`, which
returns a string of the same length, so a span `[start:end]` of the body is the same span of
`visible(body)`.

Substitutes (one character for one character):

- C0 controls other than ``\\n`` and ``\\t`` become their Unicode Control Picture
  (U+2400 + code: NUL → ␀, ESC → ␛, CR → ␍, FF → ␌); DEL becomes ␡ (U+2421).
- C1 controls (U+0080–U+009F, including NEL) and lone surrogates become � (U+FFFD).
- Bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) become
  ⁞ (U+205E, VERTICAL FOUR DOTS).
- Invisible characters (zero-width space/joiners U+200B–U+200D, word joiner U+2060,
  invisible operators U+2061–U+2064, deprecated format controls U+206A–U+206F, the BOM
  U+FEFF, interlinear annotation controls U+FFF9–U+FFFB and the tag characters
  U+E0000–U+E007F, which can smuggle hidden text) become ⸱ (U+2E31, WORD SEPARATOR MIDDLE DOT).
- Line and paragraph separators (U+2028, U+2029) become ↵ (U+21B5).
"""

from __future__ import annotations

import re
from functools import cache

CONTROL_PICTURE_DEL = "\u2421"
C1_SUBSTITUTE = "\ufffd"
BIDI_SUBSTITUTE = "\u205e"
INVISIBLE_SUBSTITUTE = "\u2e31"
SEPARATOR_SUBSTITUTE = "\u21b5"

_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_INVISIBLE = [
    *range(0x200B, 0x200E),
    *range(0x2060, 0x2065),
    *range(0x206A, 0x2070),
    0xFEFF,
    *range(0xFFF9, 0xFFFC),
    *range(0xE0000, 0xE0080),
]


@cache  # built on first need (~0.5 ms): most text has nothing to substitute
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        if code not in (0x09, 0x0A):
            table[code] = chr(0x2400 + code)
    table[0x7F] = CONTROL_PICTURE_DEL
    for code in range(0x80, 0xA0):
        table[code] = C1_SUBSTITUTE
    for code in range(0xD800, 0xE000):
        table[code] = C1_SUBSTITUTE
    for code in _BIDI:
        table[code] = BIDI_SUBSTITUTE
    for code in _INVISIBLE:
        table[code] = INVISIBLE_SUBSTITUTE
    table[0x2028] = SEPARATOR_SUBSTITUTE
    table[0x2029] = SEPARATOR_SUBSTITUTE
    return table


# Every key of the table as ranges: a search for them is fast, and most bodies have none.
_NEEDS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_SPACES = re.compile("[ \t\n\r\f\v\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def visible(text: str) -> str:
    """`text` with every control, bidi and invisible character replaced by a visible
    substitute (see the module docstring). The result has the same length as `text`."""
    first = _NEEDS.search(text)
    if first is None:
        return text
    # A few substitutions: replace by match (fast); many: translate (fast per character).
    if len(_NEEDS.findall(text, first.start(), first.start() + 4096)) > 40:
        return text.translate(_table())
    return _NEEDS.sub(_substitute, text)


def _substitute(match: re.Match[str]) -> str:
    return _table()[ord(match.group())]


def one_line(text: str, limit: int) -> str:
    """`text` for one row of a list: whitespace runs (newlines included) collapsed to one
    space, made `visible`, and cut to at most `limit` characters with '…' when longer."""
    if limit <= 0:
        return ""
    # Look at a bounded prefix first: a title can be a 5 MB line.
    head = text[: limit * 4 + 16]
    flat = _SPACES.sub(" ", head).strip(" ")
    if len(flat) <= limit and len(head) < len(text):
        flat = _SPACES.sub(" ", text).strip(" ")  # whitespace-heavy: look at all of it
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip(" ") + "…"
    return visible(flat)
