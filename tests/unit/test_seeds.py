"""The bundled seeds are found in the checkout (and, in a wheel, inside the package)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import seeds


def test_seed_paths_are_the_two_txt_files_with_sidecars() -> None:
    paths = seeds.seed_paths()
    assert [p.suffix for p in paths] == [".txt", ".txt"]
    assert paths == sorted(paths)
    for path in paths:
        assert path.parent == seeds.seed_dir()
        assert path.with_name(path.stem + ".meta.json").is_file()


def test_installed_layout_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "reader"
    (package / "seeds").mkdir(parents=True)
    (package / "seeds" / "b.txt").write_text("b", encoding="utf-8")
    (package / "seeds" / "a.txt").write_text("a", encoding="utf-8")
    (package / "seeds" / "a.meta.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(seeds, "_PACKAGE", package)
    assert seeds.seed_dir() == package / "seeds"
    assert [p.name for p in seeds.seed_paths()] == ["a.txt", "b.txt"]


def test_missing_seeds_give_an_empty_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seeds, "_PACKAGE", tmp_path / "reader")
    assert seeds.seed_paths() == []
