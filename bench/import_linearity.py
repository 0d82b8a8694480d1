"""Whether import slows down as the library grows: the same folder of files imported (with
analysis, as `broadsheet add FOLDER`) into a copy of the N-article library and into a copy
of one a tenth its size; `import_linearity` is the per-article time into the big one over
that into the small one (1.0: import costs the same at any size)."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from reader.core.article import Article
from reader.core.loaders import load_path


@dataclass(frozen=True, slots=True)
class Linearity:
    big_ms: float  # per article, into the N library
    small_ms: float  # per article, into the N/10 library
    big_plain_ms: float  # the same without analysis
    small_plain_ms: float

    @property
    def ratio(self) -> float:
        return self.big_ms / self.small_ms if self.small_ms else 0.0

    @property
    def plain_ratio(self) -> float:
        return self.big_plain_ms / self.small_plain_ms if self.small_plain_ms else 0.0


def measure(folder: Path, big: Path, small: Path, scratch: Path) -> Linearity:
    """Per-article milliseconds of importing `folder` into copies of `big` and `small`, with
    and without analysis; the small and big imports alternate so load falls on both."""
    from reader.core import analysis

    warm = load_path(next(folder.glob("*.txt")))
    if isinstance(warm, Article):  # load the engine's tables before any clock starts
        analysis.analyze(warm)
    got: dict[tuple[Path, bool], float] = {}
    for analyze in (True, False):
        for db in (small, big):
            got[db, analyze] = _per_article_ms(folder, db, scratch, analyze=analyze)
    return Linearity(got[big, True], got[small, True], got[big, False], got[small, False])


def _per_article_ms(folder: Path, db: Path, scratch: Path, *, analyze: bool) -> float:
    from reader.core import analysis
    from reader.core.importer import import_paths
    from reader.core.store import Library

    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    copy = scratch / "library.db"
    shutil.copyfile(db, copy)
    library = Library.open(copy)
    before = library.count()
    started = time.perf_counter()
    import_paths(
        library,
        [folder],
        progress=lambda done, total, path: None,
        analyze=analysis.analyze if analyze else None,
        analysis_version=analysis.analyzer_version(),
    )
    elapsed = time.perf_counter() - started
    added = library.count() - before
    library.close()
    shutil.rmtree(scratch)
    if added <= 0:
        raise RuntimeError(f"import_paths added nothing to a copy of {db}")
    return elapsed / added * 1000
