"""`broadsheet serve`: the same app in a web page, through textual-serve.

broadsheet serve [--host H] [--port P]     serve the app at http://H:P (localhost:8000)

Each browser tab that opens the page starts its own `broadsheet` process (the app as in the
terminal, keys, mouse and colours included) on the same library, and the page shows its
screen. Only this machine can reach it unless `--host` says otherwise: anyone who can open
the address can read and change the library, so bind another address only on a network you
trust. Ctrl+C stops the server.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from typing import Any

from reader.cli.output import error

DEFAULT_HOST = "localhost"
DEFAULT_PORT = 8000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `serve` on the main parser's subcommands."""
    p = sub.add_parser(
        "serve",
        help="serve the app in a web page (localhost by default)",
        description="Serve the app in a web page: each tab runs it on the same library.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    p.set_defaults(run=cmd_serve)
    p.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST})"
    )
    p.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})"
    )


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return int(text)


def app_command(library: str | None) -> str:
    """The shell command each page runs: this Python, this package, the same library."""
    argv = [sys.executable, "-m", "reader"]
    if library:
        argv += ["--library", os.path.abspath(os.path.expanduser(library))]
    return shlex.join(argv)


def page_address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:  # an extra (`broadsheet[serve]`): say how to get it
        error("serve needs textual-serve: pip install 'broadsheet[serve]'")
        return 1

    address = page_address(args.host, args.port)

    class BroadsheetServer(Server):
        def initialize_logging(self) -> None:
            import logging

            logging.basicConfig(level=logging.WARNING)  # no line per request

        async def on_startup(self, app: Any) -> None:
            # One line instead of textual-serve's logo: the address to open.
            print(f"Broadsheet in your browser: {address}  (Ctrl+C stops)", flush=True)

    server = BroadsheetServer(
        app_command(args.library),
        host=args.host,
        port=args.port,
        title="Broadsheet",
        public_url=address,
    )
    try:
        server.serve()
    except OSError as exc:  # the port is taken, the address is not this machine's
        error(f"cannot serve on {address}: {exc.strerror or exc}")
        return 1
    return 0
