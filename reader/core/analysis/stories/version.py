"""The version of story matching: a digest of this package's code and data files, so that
stories matched by other code (or another background of word frequencies) re-form (without re-analysing articles, whose analyses have their own version)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path


@cache
def stories_version() -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    root = Path(__file__).parent
    for path in sorted([*root.rglob("*.py"), *root.glob("data/*")]):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
