"""Tokens and per-article facts for the entity finder: capitalised runs, sentence starts,
title-case lines, words seen in lower case."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from reader.core.analysis.entities.gazetteer import (
    CONNECTORS,
    STOPWORDS,
    gazetteer,
    word_set,
)

UPPER = "A-ZÀ-ÖØ-ÞŁŚŠŞŽŻŹĆČĐİ"
_CAPW = rf"(?:(?:al|el|ad|as|ash|abu)-|d['’])?[{UPPER}]\w*(?:[-'’.]\w+)*\.?"
_CONN = "|".join(sorted(CONNECTORS - {"the"}, key=len, reverse=True))
_SEP = rf"(?:[ \t]+(?:(?:{_CONN})[ \t]+(?:the[ \t]+)?)?|[ \t]*[-&][ \t]*)"
RUN = re.compile(rf"(?<![\w'’.-]){_CAPW}(?:{_SEP}{_CAPW})*")
_TOK = re.compile(rf"{_CAPW}|[-&]|[a-z]+")
_LOWER = re.compile(r"(?<![\w'’-])[a-z][a-z]+")
_ABBREV = word_set(
    "mr. mrs. ms. dr. st. jr. sr. inc. corp. co. ltd. gen. col. capt. lt. sgt. gov. sen. "
    "rep. prof. rev. mt. ft. no. vs."
)
_OPENERS = " \t“\"‘'([—–-”’)"


@lru_cache(maxsize=1 << 16)
def norm(word: str) -> str:
    return word.lower().rstrip(".")


class Doc:
    """Per-article facts the rules consult."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.lower = set(_LOWER.findall(body))
        self.mid: Counter[str] = Counter()  # capitalised words seen away from a sentence start
        self.caps: Counter[str] = Counter()  # capitalised words seen anywhere
        self.headings = _heading_lines(body)
        self._heading_starts = [a for a, _ in self.headings]
        self._stems: dict[str, list[str]] | None = None

    @property
    def mid_stems(self) -> dict[str, list[str]]:
        """Capitalised words by their first four letters ("Chec" -> ["Chechnya"])."""
        if self._stems is None:
            self._stems = {}
            for w in self.mid:
                self._stems.setdefault(w[:4], []).append(w)
        return self._stems

    def sentence_initial(self, start: int) -> bool:
        i = start - 1
        body = self.body
        while i >= 0 and body[i] in _OPENERS:
            if body[i] in "-—–" and i > 0 and body[i - 1] == " ":
                return False
            if body[i] in '“"‘':
                return True
            i -= 1
        return i < 0 or body[i] in "\n.!?:;•*#|"

    def in_heading(self, pos: int) -> bool:
        i = bisect.bisect_right(self._heading_starts, pos) - 1
        return i >= 0 and pos < self.headings[i][1]


def _heading_lines(body: str) -> list[tuple[int, int]]:
    """Lines written in title case (headlines, section headings)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in body.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if 0 < len(stripped) < 200 and stripped[-1] not in ".,;":
            words = re.findall(r"[^\W\d_][\w'’-]*", stripped)
            content = [w for w in words if len(w) > 3 and w.lower() not in STOPWORDS]
            if len(words) >= 3 and content:
                caps = sum(1 for w in content if w[0].isupper())
                if caps / len(content) >= 0.75 and caps >= 2:
                    out.append((pos, end))
        pos = end + 1
    return out


class Tok:
    __slots__ = ("brk", "end", "low", "start", "text", "word")

    def __init__(self, text: str, start: int, word: bool) -> None:
        self.text = text
        self.start = start
        self.end = start + len(text)
        self.word = word
        self.brk = False  # a possessive or a sentence end closes the name here
        self.low = ""


def tokens(run: str, base: int) -> list[Tok]:
    toks: list[Tok] = []
    for m in _TOK.finditer(run):
        text = m.group()
        word = text[0] not in "-&" and not text.islower()
        tok = Tok(text, base + m.start(), word)
        if word:
            if text[-2:] in ("’s", "'s") and len(text) > 2:
                tok.text, tok.end, tok.brk = text[:-2], tok.end - 2, True
            elif "-" in text and _common_suffix(text.rsplit("-", 1)[1]):  # "Nairobi-based"
                head = text.split("-", 1)[0]
                tok.text, tok.end, tok.brk = head, tok.start + len(head), True
            elif text.endswith(".") and not (
                len(text) == 2 or "." in text[:-1] or text.lower() in _ABBREV
            ):
                tok.text, tok.end, tok.brk = text[:-1], tok.end - 1, True
        tok.low = norm(tok.text)
        toks.append(tok)
    return toks


_COMPOUND_TAILS = word_set(
    "born led run made style wide era free friendly specific focused like type class critic "
    "area level speaking language"
)


def _common_suffix(part: str) -> bool:
    """ "based" in "Nairobi-based", not "jun" in "Min-jun" nor "bin" in "Wei-bin"."""
    return part.islower() and (part.endswith(("ed", "ing")) or part in _COMPOUND_TAILS)


# "T-shirt", "X-ray", "U-turn": a letter and a common word make a common noun, not a name.
_LETTER_COMPOUND = re.compile(r"[A-Z]-[a-z]+")
_LONGEST = 12  # tokens: longer capitalised runs are cut, so the work stays linear
_TITLE_WORDS = frozenset(["who", "what", "where", "how"])  # "Doctor Who" is one name


def segments(toks: list[Tok]) -> list[list[Tok]]:
    """Split a run at possessives, sentence ends and capitalised function words."""
    segs: list[list[Tok]] = []
    cur: list[Tok] = []
    for tok in toks:
        if tok.word and _LETTER_COMPOUND.fullmatch(tok.text):
            if cur:
                segs.append(cur)
            cur = []
            continue
        if tok.word and tok.low in STOPWORDS and tok.low not in _TITLE_WORDS and cur:
            segs.append(cur)
            cur = []
        cur.append(tok)
        if tok.brk or len(cur) >= _LONGEST:
            segs.append(cur)
            cur = []
    if cur:
        segs.append(cur)
    return segs


def trim(seg: list[Tok]) -> list[Tok]:
    while seg and not seg[0].word:
        seg = seg[1:]
    while seg and not seg[-1].word:
        seg = seg[:-1]
    return seg


def confirmed(doc: Doc, word: str, times: int = 1) -> bool:
    gz = gazetteer()
    if doc.mid[word] >= times or gz.places.get(word, 0) >= 100_000:
        return True
    return word in gz.given and word.lower() not in doc.lower  # "Major industrial ..."


def span(doc: Doc, words: list[Tok]) -> str:
    return doc.body[words[0].start : words[-1].end]
