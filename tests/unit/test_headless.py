"""The core never imports the UI toolkit: checked in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader.core


def core_modules() -> list[str]:
    return [
        m.name
        for m in pkgutil.walk_packages(reader.core.__path__, prefix="reader.core.")
        if not m.name.endswith("__main__")
    ]


def test_core_imports_neither_textual_nor_rich() -> None:
    modules = core_modules()
    assert "reader.core.store" in modules and "reader.core.analysis.timex.find" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_cli_analyze_does_not_import_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from reader.cli import main\n"
        "import reader.core.seeds as s\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    main(['analyze', '--json', str(s.seed_paths()[0])])\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"
