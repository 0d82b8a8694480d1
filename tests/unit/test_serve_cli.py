"""`broadsheet serve`: registered like the other commands, localhost by default, and the
command each page runs opens the same library."""

from __future__ import annotations

import shlex
import sys

import pytest

from reader.cli import build_parser
from reader.cli.serve import app_command, page_address


def test_serve_defaults_to_localhost() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("localhost", 8000)
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9001"])
    assert (args.host, args.port) == ("0.0.0.0", 9001)
    assert "broadsheet serve" in build_parser().format_help()


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_serve_refuses_a_bad_port(port: str) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--port", port])


def test_each_page_runs_this_python_on_the_same_library() -> None:
    argv = shlex.split(app_command("/tmp/my lib.db"))
    assert argv == [sys.executable, "-m", "reader", "--library", "/tmp/my lib.db"]
    assert shlex.split(app_command(None)) == [sys.executable, "-m", "reader"]
    assert page_address("localhost", 8000) == "http://localhost:8000"
    assert page_address("::1", 8000) == "http://[::1]:8000"
