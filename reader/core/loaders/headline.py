"""A headline from a lede's first sentence, for an article that has none: its main clause.

A lede packs its main clause with asides that a headline leaves out. Two rules, general to
news English (no word lists of names or topics):

1. An aside set off by a pair of commas right after the subject is dropped when it opens
   with a preposition, a relative pronoun or a participle ("Donald Trump, during a keynote
   address at the summit, praised …" → "Donald Trump praised …"). A list ("Paris, London
   and Rome") is kept: its middle item opens with none of those.
2. What follows the main clause is trimmed at the last clause boundary that fits (a comma,
   semicolon, colon or dash before a new clause: "…, a decision that critics said …",
   "…, lauding …"), never leaving fewer than four words.

What is left is the title; `structure.derive_title` cuts it at a word if it is still too long.
"""

from __future__ import annotations

import re

# Words that open an aside (rule 1) or a trailing clause (rule 2).
_ASIDE_OPENERS = frozenset(
    [
        "about",
        "according",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "amidst",
        "among",
        "as",
        "at",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "by",
        "despite",
        "during",
        "for",
        "from",
        "in",
        "inside",
        "including",
        "into",
        "like",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "outside",
        "over",
        "per",
        "since",
        "speaking",
        "through",
        "throughout",
        "to",
        "toward",
        "towards",
        "under",
        "unlike",
        "until",
        "upon",
        "via",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "with",
        "within",
        "without",
    ]
)
_MAX_ASIDE_WORDS = 16
_MIN_TITLE_WORDS = 4
_ASIDE = re.compile(r", ([^,;:()]{3,200}?),(?= )")
# A boundary before a trailing clause: punctuation, then a space.
_BOUNDARY = re.compile(r"\s*(?:[,;:]|\s[–—-])\s")


def _opens_aside(phrase: str) -> bool:
    first = phrase.split(" ", 1)[0].lower().strip("“\"'‘(")
    if first in _ASIDE_OPENERS:
        return True
    return len(first) > 4 and (first.endswith("ing") or first.endswith("ed"))


def drop_asides(sentence: str) -> str:
    """`sentence` without the comma-paired asides of rule 1 (the first few words kept)."""
    out = sentence
    for _ in range(3):  # at most a few asides; each pass drops the first one found
        for match in _ASIDE.finditer(out):
            phrase = match.group(1)
            if len(phrase.split()) > _MAX_ASIDE_WORDS or not _opens_aside(phrase):
                continue
            if len(out[: match.start()].split()) < 1:
                continue
            out = out[: match.start()] + out[match.end() :]
            break
        else:
            break
    return out


def main_clause(sentence: str, limit: int) -> str:
    """The headline of `sentence`: asides dropped, then cut at the last clause boundary
    that leaves at most `limit` characters (and at least four words); unchanged if none."""
    text = drop_asides(sentence).strip()
    if len(text) <= limit:
        return text
    best = ""
    for match in _BOUNDARY.finditer(text):
        head = text[: match.start()].rstrip()
        if len(head) > limit:
            break
        if len(head.split()) >= _MIN_TITLE_WORDS:
            best = head
    return best or text
