"""The two bundled seed articles that a new library starts with.

In an installed wheel they live in the package (`reader/seeds/`, force-included by
pyproject.toml); in a checkout they are the repository's `seeds/` folder.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def seed_dir() -> Path:
    """The folder holding the seed `.txt` files and their `.meta.json` sidecars."""
    installed = _PACKAGE / "seeds"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "seeds"


def seed_paths() -> list[Path]:
    """The seed articles (`.txt` files), sorted by name; empty if none are found."""
    folder = seed_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.txt") if p.is_file())
