"""Article metadata from outside the text: `STEM.meta.json` sidecars and Markdown front
matter. Both are untrusted: a broken one gives a notice on the article, never a failure."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

from reader.core.article import Article

META_KEYS = ("source", "published", "language", "url", "title", "author")
MAX_SIDECAR_BYTES = 256 * 1024
MAX_FIELD_CHARS = 2000


def sidecar_for(path: Path) -> Path | None:
    """The sidecar beside `path`: `STEM.meta.json` (or `NAME.meta.json`) if it exists."""
    for candidate in (path.with_name(path.stem + ".meta.json"), Path(f"{path}.meta.json")):
        if candidate != path and os.path.lexists(candidate):
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[dict[str, str], list[str]]:
    """The metadata in a sidecar as strings, and notices for what was wrong with it."""
    name = path.name
    if os.path.islink(path) and not _inside(os.path.realpath(path), os.path.realpath(path.parent)):
        return {}, [f"metadata file {name} links outside its folder; ignored"]
    try:
        info = os.stat(path)
    except OSError as exc:
        return {}, [f"metadata file {name} cannot be read ({exc.strerror or exc}); ignored"]
    if not stat.S_ISREG(info.st_mode):
        return {}, [f"metadata file {name} is not a regular file; ignored"]
    if info.st_size > MAX_SIDECAR_BYTES:
        return {}, [f"metadata file {name} is too large; ignored"]
    try:
        raw = _read_regular(path, MAX_SIDECAR_BYTES + 1)
        if raw is None:  # swapped for a pipe or device since the stat above
            return {}, [f"metadata file {name} is not a regular file; ignored"]
        data = json.loads(raw.decode("utf-8-sig"))
    except OSError as exc:
        return {}, [f"metadata file {name} cannot be read ({exc.strerror or exc}); ignored"]
    except UnicodeDecodeError:
        return {}, [f"metadata file {name} is not UTF-8; ignored"]
    except (json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", 0)
        return {}, [f"metadata file {name} is not valid JSON (line {line}); ignored"]
    if not isinstance(data, dict):
        return {}, [f"metadata file {name} is not a JSON object; ignored"]
    fields: dict[str, str] = {}
    notices: list[str] = []
    for key in META_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            notices.append(f"metadata file {name}: {key} is not a string; ignored")
            continue
        fields[key] = value
    return fields, notices


def _inside(target: str, root: str) -> bool:
    try:
        return os.path.commonpath([root, target]) == root
    except ValueError:  # different drives
        return False


def _read_regular(path: Path, limit: int) -> bytes | None:
    """At most `limit` bytes of `path`, or None if it is not a regular file once opened.
    Opened non-blocking: a sidecar swapped for a named pipe must not hang the import."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks: list[bytes] = []
        while limit > 0:
            chunk = os.read(fd, min(limit, 64 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            limit -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


PLAUSIBLE_YEARS = range(1000, 3000)
"""Publication years outside these are a mistake or a prank: 9999-12-31 would pin an article
to the top of a newest-first list, and dates at the ends of the calendar leave no room for
"tomorrow" or "last year"."""


def parse_date(text: str) -> dt.date | None:
    """A YYYY-MM-DD date, also the date part of an ISO timestamp; None if it is not one or
    its year is not in `PLAUSIBLE_YEARS`."""
    text = text.strip()
    if len(text) < 10 or (len(text) > 10 and text[10] not in "T "):
        return None
    try:
        date = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    return date if date.year in PLAUSIBLE_YEARS else None


def apply_metadata(article: Article, fields: dict[str, Any], origin: str) -> None:
    """Set the article's metadata from `fields` (values win over what the text said).
    `origin` names where they came from, for notices."""
    for key in META_KEYS:
        value = fields.get(key)
        if not isinstance(value, str):
            continue
        value = value.strip()[:MAX_FIELD_CHARS]
        if not value:
            continue
        if key == "published":
            date = parse_date(value)
            if date is None:
                article.notices.append(
                    f"{origin}: published {value[:40]!r} is not a date (YYYY-MM-DD, years 1000-2999)"
                )
            else:
                article.published = date
        elif key == "title":
            article.title = value
            article.title_derived = False
        else:
            setattr(article, key, value)
