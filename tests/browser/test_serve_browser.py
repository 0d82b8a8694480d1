"""`broadsheet serve` in a real headless browser: Debian's Chromium under Playwright opens the
page, and what the app sends it (the terminal stream over the page's websocket) shows the
article list, then side by side after `c`, then search results after `/` and a word.

Chromium is never downloaded: the test uses /usr/bin/chromium (`apt-get install chromium`,
which `.ci/run` does) and skips, saying so, only when it is absent.
"""

from __future__ import annotations

import os
import re
import select
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Escape sequences (CSI, OSC, charset) taken out of the stream to leave the screen's text.
ESCAPES = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]"
)
TRUE_COLOUR = "\x1b[38;2;"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Chromium is not installed (/usr/bin/chromium): apt-get install -y chromium",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "broadsheet serve printed nothing"
    return process.stdout.readline()


class Stream:
    """Everything the page received from the app, and the screen text since a mark."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.mark = 0

    def received(self, payload: str | bytes) -> None:
        self.chunks.append(
            payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        )

    def raw(self) -> str:
        return "".join(self.chunks[self.mark :])

    def text(self) -> str:
        return ESCAPES.sub("", self.raw())

    def wait_for(self, page: Any, *needles: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.text()
            if all(needle in text for needle in needles):
                return text
            page.wait_for_timeout(100)
        missing = [n for n in needles if n not in self.text()]
        raise AssertionError(f"never shown in the page: {missing}")

    def from_now(self) -> None:
        self.mark = len(self.chunks)


def test_the_browser_page_lists_compares_and_searches(library_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reader",
            "--library",
            str(library_path),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TZ": "UTC"},
    )
    try:
        line = _first_line(server, 15)
        address = f"http://localhost:{port}"
        assert address in line
        stream = Stream()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.on("websocket", lambda ws: ws.on("framereceived", stream.received))
                page.goto(address)
                # The article list: both seeds, their sources, the footer's keys; in colour.
                stream.wait_for(
                    page, "Seed source A · ", "Seed source B · ", "Side by side", timeout=20
                )
                assert "whirlwind" not in stream.text()  # no article open yet
                assert TRUE_COLOUR in stream.raw()

                page.click("#terminal")
                stream.from_now()
                page.keyboard.press("c")  # side by side: both seeds' bodies (words of each)
                stream.wait_for(page, "whirlwind", "keynote")  # the first lines of each body

                stream.from_now()
                page.keyboard.press("/")
                stream.wait_for(page, "Search the library")
                page.keyboard.type("tariff")
                stream.wait_for(page, "2 results", "tariff")
            finally:
                browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
