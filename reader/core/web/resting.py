"""Servers that asked (429/503 Retry-After) to be left alone, remembered between runs.

Feeds keep that time in the library, per feed. Pages have no row of their own, so the web
client keeps their servers' times here: in memory, and in a small JSON file in the user's
cache folder, so that `broadsheet add URL` run again a minute later does not ask a server
that asked for an hour. The file is advisory: one that cannot be read or written is ignored
(the time is still kept in memory), and times past are dropped when it is written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import threading
from pathlib import Path

MAX_SERVERS = 1000  # the file never grows past this many servers (the latest kept)


def default_path() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("broadsheet") / "resting-servers.json"


class RestingServers:
    """server (host:port) → the UTC time it asked to be tried again after."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._times: dict[str, dt.datetime] = {}
        self._lock = threading.Lock()
        self._loaded = path is None

    def until(self, server: str, now: dt.datetime) -> dt.datetime | None:
        with self._lock:
            self._load()
            when = self._times.get(server)
        return when if when is not None and when > now else None

    def rest(self, server: str, until: dt.datetime) -> None:
        with self._lock:
            self._load()
            self._times[server] = max(until, self._times.get(server, until))
            self._save(dt.datetime.now(dt.UTC))

    def _load(self) -> None:
        if self._loaded or self.path is None:
            return
        self._loaded = True
        try:
            found = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(found, dict):
            return
        for server, text in list(found.items())[:MAX_SERVERS]:
            try:
                when = dt.datetime.fromisoformat(str(text))
            except ValueError:
                continue
            if isinstance(server, str) and when.tzinfo is not None:
                self._times[server] = max(when, self._times.get(server, when))

    def _save(self, now: dt.datetime) -> None:
        if self.path is None:
            return
        kept = sorted(
            ((s, t) for s, t in self._times.items() if t > now), key=lambda item: item[1]
        )[-MAX_SERVERS:]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({s: t.isoformat() for s, t in kept}, out)
            os.replace(name, self.path)
        except OSError:
            pass  # advisory: the time is still kept in memory for this run
