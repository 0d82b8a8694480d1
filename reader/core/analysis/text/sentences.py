"""Sentence splitting for news text, by offsets into the text it is given.

`split_sentences(text)` returns `Sentence` spans with `text[s.start:s.end] == s.text`, no
leading or trailing whitespace. It is one linear scan with a regex, fast enough to run on
every article; the UI reuses it (`sentence_at`) to jump to the sentence around an offset.

Rules:
- A blank line always ends a sentence. A single line break ends one too (headlines and
  datelines have no full stop), unless it looks like a hard wrap: the next line starts in
  lower case, or the line ends on a comma or a word like "the", "on", "and".
- "!", "?" and "…" end a sentence unless the next word starts in lower case
  ("“Why?” he asked").
- "." ends a sentence unless the next word starts in lower case, or the word before is
  a title ("Mr.", "Gen."), an initial ("J."), a month before a day ("Jan. 5"), or
  "No." before a number. After a dotted abbreviation ("U.S.", "a.m.") or a company
  suffix ("Inc.", "Corp."), it ends one only before a word that usually starts a
  sentence ("U.S. President" goes on; "in the U.S. The company" splits).
- Closing quotes and brackets after the stop belong to the sentence that ends.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, one word per space."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


_TITLES = _words("""mr mrs ms dr prof sr st gen sen rep gov lt col capt cpl sgt maj adm cmdr rev hon pres
    supt insp det messrs mmes mme mlle msgr fr atty amb vs v cf fig figs vol vols pp ed eds
    approx est dept univ ave blvd rd mt ft ste e.g i.e viz al""")
_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "art", "sec", "ch", "p", "para"})
_SUFFIXES = frozenset({"inc", "corp", "ltd", "co", "bros", "plc", "llc", "jr", "etc", "esq"})
_STARTERS = _words("""the a an he she it they we i you in on at but and or so this that these those there
    his her their its our my as after before when while if although though however
    meanwhile still yet also some many most one two no not what why how who where which
    during since for from with by to under over last next earlier later other another
    such both each all mr mrs ms dr""")

# A candidate end: stops, then any closing quotes or brackets, then whitespace.
_CANDIDATE_RE = re.compile(r"[.!?…]+[\"'”’)\]»]*(?=\s)|\n")
_WORD_BEFORE_RE = re.compile(r"[\"'“‘(\[«]*([\w.&'’-]*)\Z")
_LAST_WORD_RE = re.compile(r"(,|\w+)[ \t]*\Z")
_CONTINUERS = _words(
    """a an the of in on at to for from with by and or but as than that his her its their
    our your my is are was were be has have had will would could should"""
)
_LOOKAHEAD = 200  # characters looked at after a candidate end: keeps long blank runs linear
_NEXT_RE = re.compile(r"\s*[\"'“‘(\[«]*(\S?)(\w*)")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of `text[start:end]`, with offsets into `text`."""
    stop = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    out: list[Sentence] = []
    begin = start
    for m in _CANDIDATE_RE.finditer(text, start, stop):
        if _ends_sentence(text, m, stop):
            _add(text, begin, m.end(), out)
            begin = m.end()
    _add(text, begin, stop, out)
    return out


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing `offset` (or the last one starting before it)."""
    k = bisect.bisect_right([s.start for s in sentences], offset) - 1
    return sentences[k] if k >= 0 else None


def _add(text: str, begin: int, end: int, out: list[Sentence]) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if begin < end:
        out.append(Sentence(begin, end, text[begin:end]))


def _continues(text: str, newline: int) -> bool:
    """A hard-wrapped line: it ends on a comma or a word that cannot end a sentence."""
    wb = _LAST_WORD_RE.search(text, max(0, newline - 30), newline)
    if not wb:
        return False
    return wb.group(1) == "," or wb.group(1).lower() in _CONTINUERS


def _ends_sentence(text: str, m: re.Match[str], stop: int) -> bool:
    nxt = _NEXT_RE.match(text, m.end(), min(stop, m.end() + _LOOKAHEAD))
    first, rest = (nxt.group(1), nxt.group(2)) if nxt else ("", "")
    if m.group() == "\n":
        return not first.islower() and not _continues(text, m.start())
    if first.islower():
        return False
    stops = m.group().rstrip("\"'”’)]»")
    if stops != "." * len(stops) or len(stops) > 1:
        return True  # "!", "?", "…", "..." before a capital
    wb = _WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
    word = wb.group(1) if wb else ""
    lower = word.lower()
    if not word:
        return True
    if lower in _TITLES:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    if lower in _MONTHS or lower in _NUMBER_ABBREVIATIONS:
        return not first.isdigit()
    if "." in word or lower in _SUFFIXES:
        return (first + rest).lower() in _STARTERS or not first
    return True
