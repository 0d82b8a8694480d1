"""Benchmark articles made from real news text.

The newswire corpus (2,708 stories) and the two seeds are cut into paragraphs; article `k` is a
recombination of them drawn with a RNG seeded by `k`: a lead story gives the title, the date and
the first paragraphs, and paragraphs from other stories follow. So any N articles are the same
on every machine, each body differs from all the others (checked by content hash) and the text
is real news prose, with real names, figures and dates for search and analysis to find.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.article import Article
from reader.core.loaders import parse_plaintext

# Bump when the recombination changes: it is part of the cache key of built libraries.
CORPUS_VERSION = 2
SOURCES = 7


@dataclass(frozen=True, slots=True)
class Story:
    title: str  # "" when the story has no headline (its title was its first sentence)
    published: dt.date | None
    paragraphs: tuple[str, ...]


def default_data_path(repo: Path) -> Path:
    return repo.parent / "shared" / "data" / "newswire" / "newswire.jsonl"


def read_stories(data: Path, seeds: Path | None = None) -> list[Story]:
    """The newswire stories, then the seeds (whose paragraphs are one per line)."""
    stories: list[Story] = []
    with data.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            paragraphs = tuple(p.strip() for p in row["text"].split("\n\n") if p.strip())
            if paragraphs:
                title = row["title"].strip() if row.get("title_from") == "headline" else ""
                stories.append(Story(title, _date(row.get("dct", "")), paragraphs))
    if seeds is not None:
        for path in sorted(seeds.glob("*.txt")):
            lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
            lines = [ln for ln in lines if ln]
            if len(lines) > 1:
                meta = _sidecar(path)
                stories.append(Story(lines[0], _date(meta.get("published", "")), tuple(lines[1:])))
    return stories


def corpus_words(data: Path) -> list[Article]:
    """Every newswire story as one Article (title line, then its paragraphs), for analysis."""
    articles = []
    for story in read_stories(data):
        article = parse_plaintext(_text(story.title, story.paragraphs))
        article.published = story.published
        articles.append(article)
    return articles


def generate(stories: list[Story], count: int, start: int = 0) -> Iterator[Article]:
    """Articles `start` … `start + count - 1`, each with a body unlike any other's. A lead
    story with a headline gives its headline as the first line; one without starts with its
    lede, and the loader derives the title from it, as for such files in the wild."""
    seen: set[bytes] = set()
    for k in range(start, start + count):
        rng = random.Random(k * 7919 + CORPUS_VERSION)
        while True:
            title, published, paragraphs = _draw(stories, k, rng)
            text = _text(title, paragraphs)
            digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
            if digest not in seen:
                seen.add(digest)
                break
        article = parse_plaintext(text)
        article.source = f"Wire {k % SOURCES}"
        article.published = published
        yield article


def write_text_files(stories: list[Story], folder: Path, count: int, start: int) -> list[Path]:
    """`count` generated articles as .txt files with .meta.json sidecars, as the seeds are."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, article in enumerate(generate(stories, count, start)):
        path = folder / f"{start + i:06d}.txt"
        path.write_text(article.body, encoding="utf-8")
        meta = {"source": article.source, "language": "en"}
        if article.published:
            meta["published"] = article.published.isoformat()
        path.with_suffix(".meta.json").write_text(json.dumps(meta), encoding="utf-8")
        paths.append(path)
    return paths


def _draw(
    stories: list[Story], k: int, rng: random.Random
) -> tuple[str, dt.date | None, list[str]]:
    lead = stories[k % len(stories)]
    take = min(len(lead.paragraphs), rng.randint(2, 4))
    paragraphs = list(lead.paragraphs[:take])
    for _ in range(rng.randint(2, 5)):
        other = stories[rng.randrange(len(stories))]
        paragraphs.append(other.paragraphs[rng.randrange(len(other.paragraphs))])
    published = lead.published
    if published is not None:
        published += dt.timedelta(days=rng.randint(0, 30))
    return lead.title, published, paragraphs


def _text(title: str, paragraphs: tuple[str, ...] | list[str]) -> str:
    return "\n\n".join([title, *paragraphs] if title else paragraphs) + "\n"


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _sidecar(path: Path) -> dict[str, str]:
    meta = path.with_suffix(".meta.json")
    if not meta.exists():
        return {}
    data = json.loads(meta.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}
