"""Words per second of `analyze()` on one core, over real newswire text."""

from __future__ import annotations

import time
from pathlib import Path

from bench.corpus import corpus_words
from reader.core.analysis import analyze


def words_per_second(data: Path, min_words: int) -> tuple[float, int]:
    """Analyse whole stories, in corpus order, until at least `min_words` words are done (0:
    the whole corpus). Only `analyze()` is timed, not reading or parsing. Returns (wps, words)."""
    articles = corpus_words(data)
    words = 0
    elapsed = 0.0
    for article in articles:
        started = time.perf_counter()
        analyze(article)
        elapsed += time.perf_counter() - started
        words += article.word_count
        if min_words and words >= min_words:
            break
    return words / elapsed if elapsed else 0.0, words
