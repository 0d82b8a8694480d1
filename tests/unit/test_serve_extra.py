"""`broadsheet serve` without its extra (textual-serve) says how to install it."""

from __future__ import annotations

import argparse
import sys

import pytest

from reader.cli import serve


def test_serve_without_the_extra_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # import fails
    args = argparse.Namespace(host="localhost", port=8000, library=None)
    assert serve.cmd_serve(args) == 1
    err = capsys.readouterr().err
    assert "pip install 'broadsheet[serve]'" in err
    assert err.count("\n") == 1
