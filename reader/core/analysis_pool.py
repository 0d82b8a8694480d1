"""Analysis behind storing: the articles still pending (`Library.queue`) analysed by a pool
of worker processes on every core, the results written back by this process in batches.

Workers only analyse (`reader.core.analysis` is pure: an `Article` in, an `Analysis` out,
both plain dataclasses that pickle); every SQLite write stays in the process that owns the
library, one transaction per batch (`AnalysisQueue.land`, which also lets each article join a
story). What is pending is read from the store, so a run stopped at any point (quit, Ctrl-C,
kill -9) loses at most the batch in flight, and the next run resumes with what is left. An
article the analysis fails on is stored as failed with why (`AnalysisQueue.fail`): it stays
listed and searchable, and is not retried until the analyser's version changes.

Workers are started by `forkserver` (a fork of a clean server process that has the analysis
imported already): forking the app itself, with its threads, could copy a held lock. `close`
shuts the pool down and waits for its processes: none is left behind.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.analysis.model import Analysis
    from reader.core.article import Article
    from reader.core.store import Library

TASK = 8  # articles one worker analyses per task (fewer round trips, still fair)
BATCH = 64  # analyses written per transaction
AHEAD = 2  # tasks in flight per worker, so none waits while the parent writes

Progress = Callable[[int, int], None]  # (analysed so far, of how many)
Landed = Callable[[list[int]], None]  # the ids whose analyses were just stored


def _analyse_task(articles: list[tuple[int, Article]]) -> list[tuple[int, Analysis | str]]:
    """In a worker: each article's analysis, or why it failed (one line)."""
    from reader.core.analysis import analyze

    out: list[tuple[int, Analysis | str]] = []
    for article_id, article in articles:
        try:
            out.append((article_id, analyze(article)))
        except Exception as exc:  # one bad article must not stop the others
            out.append((article_id, f"{type(exc).__name__}: {exc}"))
    return out


def _warm(parent: int) -> None:
    """A worker's start: end with the process that started the pool, however it ends (a
    `kill -9` runs no shutdown: the workers, waiting for tasks on a queue they hold both ends
    of, would wait for ever), then load the analysis rules once, before the first task."""
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    import reader.core.analysis.pipeline  # noqa: F401


def _exit_with(parent: int) -> None:
    """Return only to end this process, once `parent` has ended (a pidfd on Linux; else
    asking every second)."""
    try:
        handle = os.pidfd_open(parent)
    except ProcessLookupError:
        os._exit(0)
    except (AttributeError, OSError):  # no pidfd (not Linux, old kernel): ask every second
        while True:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(0)
            except OSError:
                pass
            time.sleep(1.0)
    select.select([handle], [], [])  # readable once the process has exited
    os._exit(0)


def _run_here(
    task: Callable[[list[tuple[int, Article]]], list[tuple[int, Analysis | str]]],
    articles: list[tuple[int, Article]],
) -> Future[list[tuple[int, Analysis | str]]]:
    """`task(articles)` in this process, as a finished future."""
    future: Future[list[tuple[int, Analysis | str]]] = Future()
    future.set_result(task(articles))
    return future


def _start_helpers() -> None:
    """Start multiprocessing's resource tracker and fork server, with the real stderr: they
    are handed `sys.stderr`'s file descriptor, and under the app `sys.stderr` is Textual's
    capture, whose `fileno()` is no descriptor ("bad value(s) in fds_to_keep")."""
    from multiprocessing import forkserver, resource_tracker

    shown = sys.stderr
    try:
        if sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
        forkserver.ensure_running()
    finally:
        sys.stderr = shown


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class BackgroundAnalyser:
    """Analyses a library's pending articles in worker processes (see the module docstring).
    Use from one thread; `stop` and `wake` may be called from any thread."""

    def __init__(
        self, library: Library, *, workers: int | None = None, inline_below: int = 2 * TASK
    ) -> None:
        """`inline_below`: with fewer articles pending, analyse them in this process."""
        self.library = library
        self.workers = workers or default_workers()
        self.inline_below = inline_below
        self.failed: dict[int, str] = {}  # article id -> why (stored: not retried, see `run`)
        self._pool: ProcessPoolExecutor | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._serving = threading.Event()  # set while `serve` runs
        self._served = threading.Event()  # set when it has returned
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                ctx = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload(["reader.core.analysis.pipeline"])
                _start_helpers()
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=ctx,
                    initializer=_warm,
                    initargs=(os.getpid(),),
                )
            return self._pool

    def pending(self) -> int:
        from reader.core.analysis import analyzer_version

        return self.library.queue.pending_count(analyzer_version())

    def run(self, *, progress: Progress | None = None, landed: Landed | None = None) -> int:
        """Analyse every pending article (those stored meanwhile too), oldest first; how
        many analyses were stored. Returns early, after the batch in flight, once `stop`."""
        from reader.core.analysis import analyzer_version

        version = analyzer_version()
        queue = self.library.queue
        total = self.pending()
        if total <= 0 or self._stop.is_set():
            return 0
        if progress is not None:
            progress(0, total)
        if total < self.inline_below:  # a few: quicker here than starting the workers
            submit: Callable[..., Future[list[tuple[int, Analysis | str]]]] = _run_here
        else:
            submit = self._executor().submit
        inflight: deque[Future[list[tuple[int, Analysis | str]]]] = deque()
        batch: list[tuple[int, Analysis]] = []
        done, after, exhausted = 0, 0, False

        def flush() -> None:
            nonlocal done, total
            if not batch:
                return
            stored = queue.land(batch, version)
            done += len(batch)
            batch.clear()
            total = max(total, done + self.pending())
            if progress is not None:
                progress(done, total)
            if landed is not None and stored:
                landed(stored)

        while not self._stop.is_set():
            try:
                while not exhausted and len(inflight) < self.workers * AHEAD:
                    ids = queue.pending(version, after=after, limit=TASK)
                    if not ids:
                        exhausted = True
                        break
                    after = ids[-1]
                    todo = [(i, self.library.get(i)) for i in ids if i not in self.failed]
                    if todo:
                        inflight.append(submit(_analyse_task, todo))
                if not inflight:
                    break
                results = inflight.popleft().result()
            except (CancelledError, RuntimeError):  # closed meanwhile, or a worker died
                self._forget_pool()
                break
            failures = [(i, r) for i, r in results if isinstance(r, str)]
            if failures:  # kept with the version: not retried until the analyser changes
                queue.fail(failures, version)
                self.failed.update(failures)
                total -= len(failures)
            batch.extend((i, r) for i, r in results if not isinstance(r, str))
            if len(batch) >= BATCH or not inflight:
                flush()
        for future in inflight:
            future.cancel()
        flush()  # what is analysed already is kept, stopping or not
        return done

    def serve(self, *, progress: Progress | None = None, landed: Landed | None = None) -> None:
        """`run` again whenever `wake` is called, until `stop` (the app's background loop)."""
        self._served.clear()
        self._serving.set()
        try:
            while not self._stop.is_set():
                self._wake.clear()
                self.run(progress=progress, landed=landed)
                self._wake.wait()
        finally:
            self._serving.clear()
            self._served.set()

    def wake(self) -> None:
        """Articles were stored: `serve` looks for pending ones again."""
        self._wake.set()

    def stop(self) -> None:
        """Ask `run`/`serve` to return after the batch in flight."""
        self._stop.set()
        self._wake.set()

    def _forget_pool(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self, timeout: float = 5.0) -> None:
        """Stop, shut the worker processes down (waiting for them to exit), and wait up to
        `timeout` seconds for `serve` to write its last batch and return."""
        self.stop()
        self._forget_pool()
        if self._serving.is_set():
            self._served.wait(timeout)

    def processes(self) -> list[int]:
        """The worker processes' ids (for tests: none after `close`)."""
        with self._lock:
            pool = self._pool
        return [] if pool is None else [p.pid for p in pool._processes.values() if p.pid]


def analyse_pending(
    library: Library, *, progress: Progress | None = None, workers: int | None = None
) -> BackgroundAnalyser:
    """Analyse every pending article of `library` now (the CLI's `--wait`, and commands that
    need analyses); the analyser, closed, whose `failed` says what could not be analysed."""
    analyser = BackgroundAnalyser(library, workers=workers)
    try:
        analyser.run(progress=progress)
    finally:
        analyser.close()
    return analyser
