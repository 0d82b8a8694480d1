"""Turn files into `Article`s. Every loader is given untrusted bytes and never raises on bad
content: what cannot be read becomes a `LoadError` with one clear line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.article import Article
from reader.core.loaders.plaintext import parse_plaintext


@dataclass(frozen=True, slots=True)
class LoadError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def load_path(path: str | Path) -> Article | LoadError:
    """Load one file. (Minimal version: UTF-8 plain text; the full loader replaces it.)"""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        return LoadError(str(p), f"cannot be read ({exc.strerror or exc})")
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    return parse_plaintext(text, path=str(p))
