"""What the user types into the search box, made safe for SQLite FTS5, and the snippets shown
for each hit.

The user types letter by letter, so every string must parse: there is no syntax error. Words
must all match; the last word, while it is being typed (no space after it yet), matches as a
prefix once it has `MIN_PREFIX` letters (a one-letter prefix matches nearly every article and
tells the user nothing, so it waits for the second letter). `"quoted phrases"` match as
phrases (an unclosed quote runs to the end). `source:`, `person:`, `place:` and `org:` filter
(their values may be quoted and always match as a prefix). Anything else - FTS5 operators,
`*`, `-`, parentheses, `NEAR`, `AND` - is just text: only letters and digits become terms,
and every term reaches FTS5 inside double quotes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# What FTS5's unicode61 tokenizer keeps as token characters: letters and digits.
_TOKEN = re.compile(r"[^\W_]+")
_CHUNK = re.compile(
    r"""(?P<field>[A-Za-z]+):(?:"(?P<fq>[^"]*)("|$)|(?P<fv>[^\s"]*))"""
    r"""|"(?P<phrase>[^"]*)(?P<close>"|$)"""
    r"""|(?P<word>[^\s"]+)"""
)
TEXT_FIELDS = ("source",)
ENTITY_FIELDS = ("person", "place", "org")
FIELDS = TEXT_FIELDS + ENTITY_FIELDS
MIN_PREFIX = 2
MAX_CLAUSES = 32
SNIPPET_CHARS = 160
_SNIPPET_LEAD = 40
_ELLIPSIS = "…"
_WHITESPACE = str.maketrans({c: " " for c in "\n\r\t\v\f\x85\u2028\u2029"})


@dataclass(frozen=True, slots=True)
class Clause:
    """One thing that must match: a word or phrase (`tokens`), in `field` ("" = anywhere:
    title, body or source), the last token as a prefix when `prefix`."""

    tokens: tuple[str, ...]
    prefix: bool = False
    field: str = ""

    def fts(self) -> str:
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class Query:
    clauses: tuple[Clause, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def has_text(self) -> bool:
        """Whether anything is searched in titles and bodies (not only filters)."""
        return any(not c.field for c in self.clauses)

    @property
    def has_phrase(self) -> bool:
        """Whether a title/body clause has several words ('"said the"', "U.S.")."""
        return any(len(c.tokens) > 1 for c in self.clauses if not c.field)

    def fts_expression(self) -> str:
        """The MATCH expression for the article index ("" if only entity filters)."""
        parts = []
        text = [c.fts() for c in self.clauses if not c.field]
        if text:  # all columns: the word "reuters" also finds what Reuters published
            parts.append("(" + " AND ".join(text) + ")")
        parts += [f"{c.field} : {c.fts()}" for c in self.clauses if c.field in TEXT_FIELDS]
        return " AND ".join(parts)

    def entity_expression(self) -> str:
        """The MATCH expression for the entity index ("" if no person/place/org filter)."""
        parts = [f"{c.field} : {c.fts()}" for c in self.clauses if c.field in ENTITY_FIELDS]
        return " AND ".join(parts)


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _clause(tokens: list[str], *, typing: bool, field: str = "") -> Clause | None:
    """A clause, or None when nothing is left of it. `typing`: the user's cursor is at the
    end of it, so its last token is a prefix - or, if too short to mean anything, waits."""
    if typing and tokens and len(tokens[-1]) < MIN_PREFIX:
        tokens = tokens[:-1]
        typing = False
    if not tokens:
        return None
    return Clause(tuple(tokens), prefix=typing, field=field)


def parse_query(text: str) -> Query:
    """Parse anything the user typed; never raises."""
    clauses: list[Clause] = []
    matches = list(_CHUNK.finditer(text))
    for i, m in enumerate(matches):
        at_end = i == len(matches) - 1 and m.end() == len(text)
        field = (m.group("field") or "").lower()
        clause: Clause | None
        if m.group("field") is not None and field in FIELDS:
            closed = m.group("fq") is not None and m.group(3) == '"'
            value = m.group("fq") if m.group("fq") is not None else m.group("fv")
            tokens = _tokens(value or "")
            typing = bool(tokens) and len(tokens[-1]) >= MIN_PREFIX
            if at_end and not closed and tokens and not typing:
                tokens = tokens[:-1]  # a filter value one letter long: wait for more
            clause = _clause(tokens, typing=typing, field=field)
        elif m.group("field") is not None:  # "http:", "note:": not a filter, just words
            clause = _clause(_tokens(m.group(0)), typing=at_end)
        elif m.group("phrase") is not None:
            clause = _clause(_tokens(m.group("phrase")), typing=at_end and not m.group("close"))
        else:
            clause = _clause(_tokens(m.group("word")), typing=at_end)
        if clause is not None and clause not in clauses:
            clauses.append(clause)
        if len(clauses) >= MAX_CLAUSES:
            break
    return Query(tuple(clauses))


def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Strip diacritics character by character; the result has the same length as `text`."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """Each ASCII letter to the Latin letters with diacritics that fold to it."""
    found: dict[str, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        ch = chr(code)
        base = _fold_char(ch).lower()
        if base != ch and base.isascii() and base.isalpha():
            found[base] = found.get(base, "") + ch
    return found


def _word_pattern(token: str) -> str:
    """A regex for `token` that also matches it written with diacritics, so that the text
    itself never has to be folded (which costs a Python call per character)."""
    accented = _accented()
    return "".join(f"[{c}{accented[c]}]" if c in accented else re.escape(c) for c in fold(token))


@lru_cache(maxsize=256)
def _patterns(query: Query) -> tuple[re.Pattern[str], ...] | None:
    """The query's words as regexes: for lower-cased ASCII text (plain literals, the
    fastest), for lower-cased text (letters also match their accented forms), and the
    latter ignoring case (for the rare text whose lower-casing changes its length). None
    checks that a match starts a word: a look-behind there would cost `re` its fast scan
    for the first letter, so `_spans` checks that instead."""
    plain: list[str] = []
    accented: list[str] = []
    for clause in sorted(
        (c for c in query.clauses if not c.field), key=lambda c: -sum(map(len, c.tokens))
    ):  # longest first
        # A phrase matches its words with anything but letters and digits between them.
        tail = r"[^\W_]*" if clause.prefix else ""
        plain.append(r"[\W_]+".join(re.escape(fold(t)) for t in clause.tokens) + tail)
        accented.append(r"[\W_]+".join(_word_pattern(t) for t in clause.tokens) + tail)
    if not plain:
        return None
    ascii_only, full = ("(?:" + "|".join(a) + r")(?![^\W_])" for a in (plain, accented))
    return re.compile(ascii_only), re.compile(full), re.compile(full, re.IGNORECASE)


def _spans(
    query: Query, text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int]]:
    patterns = _patterns(query)
    if patterns is None:
        return
    lowered = text.lower()
    if text.isascii():
        pattern, subject = patterns[0], lowered
    elif len(lowered) == len(text):
        pattern, subject = patterns[1], lowered
    else:
        pattern, subject = patterns[2], text
    for m in pattern.finditer(subject, start, len(text) if end is None else end):
        at = m.start()
        if at == 0 or not text[at - 1].isalnum():  # a word starts here
            yield m.span()


def match_spans(query: Query, text: str) -> list[tuple[int, int]]:
    """(start, end) of every word of `text` that the query's words match (not filters)."""
    return list(_spans(query, text))


def matches(query: Query, text: str) -> bool:
    """Whether any of the query's words (not filters) occurs in `text`."""
    return next(_spans(query, text), None) is not None


def snippet(
    query: Query, body: str, width: int = SNIPPET_CHARS
) -> tuple[str, list[tuple[int, int]]]:
    """About `width` characters of `body` around its first match, on one line, with "…" where
    it was cut, and the spans of the matches within the returned snippet."""
    first = next(_spans(query, body), None)
    start = 0
    if first is not None and first[0] > _SNIPPET_LEAD:
        start = first[0] - _SNIPPET_LEAD
        space = body.find(" ", start, first[0])
        start = space + 1 if space != -1 else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", start + width // 2, end)
        end = space if space != -1 else end
    lead = _ELLIPSIS if start > 0 else ""
    text = lead + body[start:end].translate(_WHITESPACE) + (_ELLIPSIS if end < len(body) else "")
    shift = len(lead) - start
    spans = [(s + shift, min(e, end) + shift) for s, e in _spans(query, body, start, end)]
    return text, spans
