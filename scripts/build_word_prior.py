"""Rebuild `reader/core/analysis/stories/data/english_words.tsv.gz`, the background English word
frequencies story matching starts from (by hand, never at run time):

    pip install wordfreq==3.1.1 && python scripts/build_word_prior.py

Source: the `wordfreq` package 3.1.1 (code Apache-2.0; its English word list, CC BY-SA 4.0,
is built from Wikipedia, subtitles, news, books, web text, Reddit and Twitter). Kept: words
as story matching reads them (three letters or more, letters only, lower case) of Zipf
frequency at least `MIN_ZIPF` (one in a million words). Rarer words are left out: the
runtime treats a word not in the table as rare, which is what it is. Written as
`word<TAB>zipf×100`, sorted by word, gzip'd with no timestamp (the same bytes every run).
wordfreq is not a dependency of the package, not even of the `dev` extra: only this script
imports it.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1]
    / "reader"
    / "core"
    / "analysis"
    / "stories"
    / "data"
    / "english_words.tsv.gz"
)
MIN_ZIPF = 3.0
# The words story matching compares (`reader.core.analysis.stories.features._WORD`).
_WORD = re.compile(r"[^\W\d_]{3,}")


def build() -> list[str]:
    import wordfreq  # type: ignore[import-not-found,unused-ignore]

    rows: dict[str, int] = {}
    for word in wordfreq.iter_wordlist("en"):
        zipf = wordfreq.zipf_frequency(word, "en")
        if zipf < MIN_ZIPF:
            break  # the list is in descending frequency
        folded = word.casefold()
        if _WORD.fullmatch(folded):
            rows[folded] = max(rows.get(folded, 0), round(zipf * 100))
    return [f"{w}\t{z}" for w, z in sorted(rows.items())]


def main() -> None:
    lines = build()
    data = ("\n".join(lines) + "\n").encode()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{OUT}: {len(lines)} words, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
