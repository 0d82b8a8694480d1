"""Document frequencies before the library has read anything: a background of English.

A library's own document frequencies say little while it is small: in a library of the two
seed articles, every word they share is "in every article" and weighs nothing, so two
reports of one summit are not one story. Story matching therefore starts from a prior: each
word is counted as if the library already held `PRIOR_ARTICLES` articles of ordinary English,
a share `background_share(word)` of which have the word. "the", "said" and "with" are in
nearly all of them and weigh little from the first article on; "Gyeongju" or "tariff" are in
almost none and weigh what they would in a large library. As the library grows its own
counts outweigh the prior, and the weights tend to plain IDF.

The share comes from the word's frequency in running English text (`data/english_words.tsv.gz`,
from wordfreq; built by `scripts/build_word_prior.py`): a word of frequency f is in an article
of `ARTICLE_WORDS` words with probability 1 - exp(-ARTICLE_WORDS * f) (words falling at random).
A word not in the table is rarer than one in a million words: its share is taken as 0.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "english_words.tsv.gz"
# How many articles of background English the library is counted as already holding.
# Eight: enough that the two seeds are one story; with 20 the library's own counts weighed so
# little in a library of eight articles that a port strike and a bridge collapse in one town
# (tests/samples/stories.py) became one story through the town's name. Dev B-cubed F1 is the
# same (0.911) from 4 to 8.
PRIOR_ARTICLES = 8
# The length of an article, in words, the background shares are computed for.
ARTICLE_WORDS = 600

Idf = Callable[[str], float]


@cache
def _shares() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in gzip.decompress(DATA.read_bytes()).decode().splitlines():
        word, _, zipf = line.partition("\t")
        frequency = 10.0 ** (int(zipf) / 100 - 9)  # Zipf: log10 of uses per billion words
        out[word] = 1.0 - math.exp(-ARTICLE_WORDS * frequency)
    return out


def background_share(word: str) -> float:
    """The share of ordinary English articles that have `word` (lower case), 0 to 1."""
    return _shares().get(word, 0.0)


def smoothed_idf(df: Mapping[str, int], n: int) -> Idf:
    """Inverse document frequency from a library of `n` articles in which word w is in
    `df[w]` (absent: none), each count added to the background prior's; never negative."""
    total = n + PRIOR_ARTICLES + 1
    shares = _shares()

    def idf(word: str) -> float:
        prior = PRIOR_ARTICLES * shares.get(word, 0.0)
        return max(0.0, math.log(total / (df.get(word, 0) + prior + 0.5)))

    return idf
