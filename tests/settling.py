"""The one `settle()`: let an app's workers finish and their messages land (pilot and snapshot tests)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

# Workers whose results start further workers (open, then analyse, then companions): settle
# follows such a chain this many rounds deep before it gives up waiting for quiet.
MAX_ROUNDS = 12


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and their messages land.

    Each round lets the messages queued so far be handled (`pilot.pause()`), then, if any
    worker is still pending or running, waits for all of them and goes round again. It
    returns after a pause that left no worker busy: quiet, not a fixed number of rounds
    (which cost four idle waits even when nothing was running).
    """
    app = pilot.app
    for _ in range(MAX_ROUNDS):
        await pilot.pause()
        if not any(not worker.is_finished for worker in app.workers):
            return
        await app.workers.wait_for_complete()
    await pilot.pause()
