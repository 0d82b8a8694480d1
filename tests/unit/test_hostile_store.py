"""Library paths that are not files: `Library.open` and the CLI answer with one clear line
and never block (a named pipe with no writer would block a plain `open`)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.store import Library, LibraryError


def test_a_folder_as_library_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["--library", str(folder), "list"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("broadsheet: ") and str(folder) in err
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_as_library_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "library.sqlite3"
    os.mkfifo(pipe)
    outcome: list[BaseException | Library] = []

    def open_it() -> None:
        try:
            outcome.append(Library.open(pipe, timeout=0.2))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=open_it, daemon=True)
    worker.start()
    worker.join(timeout=1)
    if worker.is_alive():  # blocked in open(): feed it a non-SQLite header so it ends
        fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        os.write(fd, b"not a database!!")
        os.close(fd)
        worker.join(timeout=5)
        pytest.fail("Library.open blocked on a named pipe")
    (result,) = outcome
    assert isinstance(result, LibraryError)
    assert "\n" not in str(result) and str(pipe) in str(result)
