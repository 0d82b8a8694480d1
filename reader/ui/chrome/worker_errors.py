"""The one funnel for failed workers: every screen's `on_worker_state_changed` hands its
event here, and a worker that failed becomes one error notification in one format —
"Could not <what the worker was doing>: <why>". A library error is already a sentence for
the user; anything else is named by its type. A cancelled worker is not a failure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.screen import Screen
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from reader.core.sanitize import visible

TITLE = "Broadsheet"


def failure_text(worker: Worker[object], doing: str) -> str:
    """The line the user sees for a failed `worker` that was `doing` something."""
    error = worker.error
    name = type(error).__name__
    why = str(error) if name == "LibraryError" else f"{name}: {error}"
    return visible(f"Could not {doing}: {why}" if doing else why)


def report_failure(
    node: Screen[Any] | Widget,
    event: Worker.StateChanged,
    doing: Mapping[str, str],
    default: str = "",
) -> bool:
    """Notify (on `node`) when the event is a worker's failure; whether it was. `doing` maps a
    worker group to what its workers do ("export the timeline"); other groups say `default`."""
    worker = event.worker
    if event.state != WorkerState.ERROR or worker.is_cancelled:
        return False
    text = failure_text(worker, doing.get(worker.group, default))
    node.notify(text, title=TITLE, severity="error", markup=False)
    return True
