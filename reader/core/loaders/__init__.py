"""Turn files into `Article`s.

Every loader is given untrusted bytes and never raises on bad content or a bad path: what
cannot be read becomes a `LoadError` whose `str()` is one line, "path: reason".

- `load_path(path)` checks `os.stat` first and refuses anything that is not a regular file
  (a named pipe is never opened), files over `MAX_FILE_BYTES` (16 MiB, reported in MB of
  1024 × 1024 bytes), empty or whitespace-only files and binary data. It decodes with
  `decode_bytes`, picks the format by extension (.md/.markdown → Markdown,
  .html/.htm/.xhtml → HTML, anything else plain text, or HTML when it starts like an HTML
  document), and reads a `STEM.meta.json` sidecar beside the file when there is one (keys
  source, published YYYY-MM-DD, language, url, title, author; its values win). A broken
  sidecar, or one that is a symbolic link out of its folder, only adds a notice to
  `Article.notices`. Nothing else is opened: not what links, images or entities point to.
- `iter_article_files(paths)` lists the files to load from files and folders.
- `parse_plaintext`, `parse_markdown`, `parse_html` turn text into an `Article`;
  `extract_page(html, url)` reads a web page's main text (trafilatura) and metadata, and is
  what HTML files are loaded with.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.article import Article
from reader.core.loaders.decode import binary_kind, count_controls, decode_bytes, looks_binary
from reader.core.loaders.html import parse_html
from reader.core.loaders.markdown import parse_markdown
from reader.core.loaders.metadata import apply_metadata, read_sidecar, sidecar_for
from reader.core.loaders.page import extract_page
from reader.core.loaders.plaintext import parse_plaintext
from reader.core.sanitize import visible

__all__ = [
    "MAX_FILE_BYTES",
    "LoadError",
    "decode_bytes",
    "extract_page",
    "iter_article_files",
    "load_path",
    "load_text",
    "parse_html",
    "parse_markdown",
    "parse_plaintext",
]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Files larger than this (16 MiB) are refused before they are read."""

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
META_SUFFIX = ".meta.json"

_FILE_TYPES = (
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "named pipe"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


@dataclass(frozen=True, slots=True)
class LoadError:
    """Why a file could not be loaded. `str()` gives "path: reason" on one line, with any
    control characters of a hostile file name made visible."""

    path: str
    reason: str

    def __str__(self) -> str:
        return visible(f"{self.path}: {self.reason}".replace("\n", " "))


def load_path(path: str | Path) -> Article | LoadError:
    """Load one file as an `Article`, or say in a `LoadError` why it cannot be loaded."""
    p = Path(path)
    name = str(path)
    try:
        info = os.stat(p)
    except FileNotFoundError:
        gone = "is a broken symbolic link" if os.path.islink(p) else "does not exist"
        return LoadError(name, gone)
    except OSError as exc:
        return LoadError(name, f"cannot be read ({exc.strerror or exc})")
    except ValueError:
        return LoadError(name, "is not a valid path")
    if not stat.S_ISREG(info.st_mode):
        kind = next((k for test, k in _FILE_TYPES if test(info.st_mode)), "special file")
        return LoadError(name, f"is not a regular file ({kind})")
    if info.st_size > MAX_FILE_BYTES:
        return LoadError(name, _too_big(info.st_size))
    data = _read(p)
    if isinstance(data, str):
        return LoadError(name, data)
    if len(data) > MAX_FILE_BYTES:
        return LoadError(name, _too_big(len(data)))
    if not data:
        return LoadError(name, "is empty")
    magic = binary_kind(data)
    if magic is not None:
        return LoadError(name, f"looks like binary data ({magic}), not text")
    text, notices = decode_bytes(data)
    if looks_binary(text):
        return LoadError(name, "looks like binary data, not text")
    if not text.strip():
        return LoadError(name, "has no text (only whitespace)")
    article = load_text(text, suffix=p.suffix.lower(), path=name)
    if not article.body.strip():
        return LoadError(name, "has no readable text")
    article.notices[:0] = notices
    controls = count_controls(text)
    if controls:
        article.notices.append(f"contains {controls} control character(s), shown as symbols")
    sidecar = sidecar_for(p)
    if sidecar is not None:
        fields, sidecar_notices = read_sidecar(sidecar)
        article.notices.extend(sidecar_notices)
        apply_metadata(article, fields, f"metadata file {sidecar.name}")
    return article


def load_text(text: str, *, suffix: str = ".txt", path: str = "") -> Article:
    """Parse decoded text by format: the file's `suffix` decides, or HTML content sniffing."""
    if suffix in MARKDOWN_SUFFIXES:
        return parse_markdown(text, path=path)
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        return extract_page(text, path=path)
    return parse_plaintext(text, path=path)


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _too_big(size: int) -> str:
    return f"is {size / (1024 * 1024):.1f} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit"


def _read(path: Path) -> bytes | str:
    """The file's bytes (at most one more than the limit), or why they cannot be read.
    Opened non-blocking and checked again: a file swapped for a pipe must not hang us."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return "is not a regular file"
        chunks: list[bytes] = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    finally:
        os.close(fd)


def iter_article_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files to load: each path given that is not a folder, as given (even a missing
    one, so that loading it reports the problem), and the files in each folder,
    recursively and sorted by name, skipping hidden files and folders and `*.meta.json`
    sidecars. Symbolic links inside a folder are followed only when they lead to somewhere
    inside that folder (a folder of articles cannot make Broadsheet read `~/.ssh/id_rsa`),
    and no folder is entered twice (no loops)."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[Path] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            yield from _walk(p, seen_dirs, seen_files)
        elif p not in seen_files:
            seen_files.add(p)
            yield p


def _inside(target: str, root: str) -> bool:
    """Whether the resolved path `target` is `root` or within it (both resolved)."""
    try:
        return os.path.commonpath([root, target]) == root
    except ValueError:  # different drives
        return False


def _walk(folder: Path, seen_dirs: set[tuple[int, int]], seen_files: set[Path]) -> Iterator[Path]:
    root = os.path.realpath(folder)
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = os.stat(current)
            key = (info.st_dev, info.st_ino)
            if key in seen_dirs:
                continue
            seen_dirs.add(key)
            with os.scandir(current) as entries:
                names = sorted(entries, key=lambda e: e.name)
        except OSError:
            continue
        subdirs: list[Path] = []
        for entry in names:
            if entry.name.startswith(".") or entry.name.endswith(META_SUFFIX):
                continue
            try:
                if entry.is_symlink() and not _inside(os.path.realpath(entry.path), root):
                    continue  # leads out of the folder given
            except (OSError, ValueError):
                continue
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            path = Path(entry.path)
            if is_dir:
                subdirs.append(path)
            elif path not in seen_files:
                seen_files.add(path)
                yield path
        stack.extend(reversed(subdirs))
