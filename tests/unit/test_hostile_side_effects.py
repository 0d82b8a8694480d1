"""Nothing in an article runs by itself: loading a file reads only that file and its
sidecar (never what its links, images, includes or entities point to), opens no socket and
no browser; analysing it does neither."""

from __future__ import annotations

import builtins
import io
import os
import socket
import webbrowser
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.core.analysis import analyze
from reader.core.article import Article
from reader.core.loaders import load_path

SECRET = "SECRET-CONTENT-MUST-NOT-BE-READ"

MARKDOWN = """---
title: Links that point elsewhere
include: {secret}
url: file://{secret}
---

# Links that point elsewhere

![an image]({secret}) and ![remote](https://evil.example/pixel.png) and
[a link](file://{secret}) and <img src="{secret}"> and <iframe src="{secret}"></iframe>.

[ref]: file://{secret}

A [reference link][ref] and an autolink <file://{secret}>.

{{% include "{secret}" %}} and {{{{ include('{secret}') }}}}
"""

HTML = """<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>
<html><head><title>Things that point elsewhere</title>
<base href="file:///">
<link rel="stylesheet" href="{secret}"><link rel="import" href="{secret}">
<meta http-equiv="refresh" content="0; url=file://{secret}">
<script src="{secret}"></script>
</head><body>
<p>Entity &xxe; here. <img src="{secret}"> <img srcset="{secret} 2x">
<object data="{secret}"></object><embed src="{secret}"><iframe src="{secret}"></iframe>
<video src="{secret}"></video><audio src="{secret}"></audio>
<a href="file://{secret}">a link</a>
<svg><image href="{secret}"/></svg>
<!--#include file="{secret}" -->
</p></body></html>
"""

XHTML = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>XML entity &xxe; here.</p></body></html>
"""

PLAIN = 'A plain headline\n\nSee file://{secret} and <img src="{secret}"> for more.\n'


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    path = folder / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


class Opened:
    """Records every path opened for reading by Python code while active."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def add(self, file: Any) -> None:
        if isinstance(file, (str, bytes, os.PathLike)):
            self.paths.append(os.path.abspath(os.fsdecode(file)))


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[Opened]:
    record = Opened()
    real_open, real_os_open = builtins.open, os.open
    real_read_bytes, real_read_text = Path.read_bytes, Path.read_text
    real_path_open = Path.open

    def spy_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        record.add(file)
        return real_open(file, *args, **kwargs)

    def spy_os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        record.add(path)
        return real_os_open(path, *args, **kwargs)

    def spy_read_bytes(self: Path) -> bytes:
        record.add(self)
        return real_read_bytes(self)

    def spy_read_text(self: Path, *args: Any, **kwargs: Any) -> str:
        record.add(self)
        return real_read_text(self, *args, **kwargs)

    def spy_path_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        record.add(self)
        return real_path_open(self, *args, **kwargs)

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network use while loading: {args!r:.80}")

    def no_browser(*args: Any, **kwargs: Any) -> bool:
        raise AssertionError(f"browser opened: {args!r:.80}")

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr(Path, "read_bytes", spy_read_bytes)
    monkeypatch.setattr(Path, "read_text", spy_read_text)
    monkeypatch.setattr(Path, "open", spy_path_open)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(webbrowser, "open", no_browser)
    monkeypatch.setattr(webbrowser, "open_new_tab", no_browser)
    yield record


@pytest.mark.parametrize(
    ("name", "template", "sidecar"),
    [
        ("links.md", MARKDOWN, None),
        ("links.html", HTML, None),
        ("links.xhtml", XHTML, None),
        ("links.txt", PLAIN, None),
        ("sniffed.txt", HTML, None),
        (
            "with_meta.txt",
            PLAIN,
            '{{"title": "T", "url": "file://{secret}", "source": "{secret}"}}',
        ),
    ],
)
def test_loading_reads_only_the_file_and_its_sidecar(
    tmp_path: Path,
    secret: Path,
    opened: Opened,
    name: str,
    template: str,
    sidecar: str | None,
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / name
    with io.FileIO(path, "w") as handle:  # not through the spies
        handle.write(template.format(secret=secret).encode())
    allowed = {os.path.abspath(path)}
    if sidecar is not None:
        meta = folder / (path.stem + ".meta.json")
        with io.FileIO(meta, "w") as handle:
            handle.write(sidecar.format(secret=secret).encode())
        allowed.add(os.path.abspath(meta))
    opened.paths.clear()

    article = load_path(path)
    assert isinstance(article, Article), article
    assert SECRET not in article.title + article.body + article.url + article.source
    read_during_load = set(opened.paths)
    analyze(article)
    assert read_during_load == allowed, "the spies see the article (and sidecar) read"
    assert str(secret) not in {os.path.abspath(p) for p in opened.paths}


def test_a_sidecar_is_read_only_when_it_is_a_small_regular_file(
    tmp_path: Path, opened: Opened
) -> None:
    """A sidecar that is a folder, a pipe or huge is never opened (a pipe would block)."""
    for n, kind in enumerate(("dir", "fifo", "big")):
        path = tmp_path / f"a{n}.txt"
        with io.FileIO(path, "w") as handle:
            handle.write(b"Headline\n\nBody text of the article.\n")
        meta = tmp_path / f"a{n}.meta.json"
        if kind == "dir":
            meta.mkdir()
        elif kind == "fifo":
            if not hasattr(os, "mkfifo"):
                continue
            os.mkfifo(meta)
        else:
            with io.FileIO(meta, "w") as handle:
                handle.seek(1024 * 1024)
                handle.write(b"}")
        opened.paths.clear()
        article = load_path(path)
        assert isinstance(article, Article)
        assert any("ignored" in notice for notice in article.notices), kind
        assert os.path.abspath(meta) not in opened.paths, kind


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_sidecar_swapped_for_a_pipe_after_the_check_does_not_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sidecar is a regular file when checked and a named pipe when opened (a race):
    the load must not block on the pipe."""
    import threading

    path = tmp_path / "a.txt"
    path.write_bytes(b"Headline\n\nBody text of the article.\n")
    meta = tmp_path / "a.meta.json"
    os.mkfifo(meta)
    real_stat = os.stat
    regular = real_stat(path)

    def stat_before_the_swap(target: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if os.fspath(target) == os.fspath(meta):
            return regular
        return real_stat(target, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_before_the_swap)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(load_path(path)), daemon=True)
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # unblock the reader before failing
        os.close(os.open(meta, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=5)
    assert result, "loading blocked on a named pipe"
    (article,) = result
    assert isinstance(article, Article)
    assert any("not a regular file" in notice for notice in article.notices)


def test_links_out_of_a_folder_are_not_followed(
    tmp_path: Path, secret: Path, opened: Opened
) -> None:
    """A folder of articles with symbolic links to a file, a folder and a sidecar outside
    it: importing the folder never opens them. Links that stay inside are followed, and a
    link given by name is the user's choice and is read."""
    from reader.core.importer import import_paths
    from reader.core.loaders import iter_article_files
    from reader.core.store import Library

    (secret.parent / "meta.json").write_text('{"title": "' + SECRET + '"}', encoding="utf-8")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "story.txt").write_text("Story\n\nA body of text.\n", encoding="utf-8")
    (folder / "sub" / "inner.txt").write_text("Inner\n\nAnother body.\n", encoding="utf-8")
    (folder / "notes.txt").symlink_to(secret)
    (folder / "elsewhere").symlink_to(secret.parent, target_is_directory=True)
    (folder / "story.meta.json").symlink_to(secret.parent / "meta.json")
    (folder / "inner-link.txt").symlink_to(folder / "sub" / "inner.txt")
    (folder / "sub-link").symlink_to(folder / "sub", target_is_directory=True)

    found = list(iter_article_files([folder]))
    assert found == [folder / "inner-link.txt", folder / "story.txt", folder / "sub" / "inner.txt"]
    opened.paths.clear()
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        report = import_paths(lib, [folder])
        assert report.added == 2 and report.duplicates == 1 and report.errors == []
        stored = [lib.get(row.id) for row in lib.rows(0, 10)]
    assert all(SECRET not in a.title + a.body for a in stored)
    assert not [p for p in opened.paths if p.startswith(str(secret.parent))]
    story = load_path(folder / "story.txt")
    assert isinstance(story, Article) and story.title == "Story"
    assert any("links outside its folder" in n for n in story.notices)

    given = load_path(folder / "notes.txt")  # named on the command line: read
    assert isinstance(given, Article) and SECRET in given.body
