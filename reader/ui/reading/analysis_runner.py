"""The reading screen's background analysis: the library's articles still waiting for their
analysis, analysed by `reader.core.analysis_pool` in worker processes on every core.

The pool is served from one thread worker of the screen, started a moment after the library
is open and woken whenever the list is read from the top again (after a feed update, an added page,
the seeds' import): new articles are found from the store, nothing is handed over. It
reports by message: `Progress` ("analysing 340 of 1,000") for the title line, and
`AnalysesLanded` so the panes repaint their highlights. `stop`, when the screen goes (the app
quits), ends the pool's processes and waits for them. An article the reader opens before its
turn is analysed at once by the reading set's own worker (`ReadingData.open_set`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui import messages as msg

if TYPE_CHECKING:
    from reader.core.analysis_pool import BackgroundAnalyser
    from reader.ui.reading.reading_data import ReadingData

# Seconds between the library's first page and the pool's start: the first frames (and the
# start-up, with its imports) are the reader's, and a glance at the app costs no processes.
START_AFTER = 1.0


class AnalysisRunner:
    def __init__(self, data: ReadingData, *, enabled: bool = True) -> None:
        self.data = data
        self.enabled = enabled  # off in most tests and the screenshots: a fixed title line
        self.analyser: BackgroundAnalyser | None = None
        self._starting = self._stopped = False

    def start(self) -> None:
        """Start the background analysis (once the library is open), or, when it runs,
        have it look for pending articles again."""
        if not self.enabled or self.data.library is None:
            return
        if self.analyser is not None:
            self.analyser.wake()
        elif not self._starting:
            self._starting = True
            self.data.host.set_timer(START_AFTER, self._begin)

    def _begin(self) -> None:
        from reader.core.analysis_pool import BackgroundAnalyser

        if self._stopped or self.data.library is None:
            return
        self.analyser = analyser = BackgroundAnalyser(self.data.library)
        self.data.host.run_worker(
            lambda: analyser.serve(progress=self._progress, landed=self._landed),
            thread=True,
            group="analysis",
            exit_on_error=False,
        )

    def _progress(self, done: int, total: int) -> None:
        text = f"analysing {done:,} of {total:,}" if done < total else ""
        self.data.post(msg.Progress(text, slot="analysis"))

    def _landed(self, ids: list[int]) -> None:
        self.data.post(msg.AnalysesLanded(ids))

    def processes(self) -> list[int]:
        """The pool's worker processes (none before any work and after `stop`)."""
        return [] if self.analyser is None else self.analyser.processes()

    def stop(self) -> None:
        self._stopped = True
        if self.analyser is not None:
            self.analyser.close()
