"""`install_mb`: the size of a fresh virtual environment after `pip install .` of this
checkout (Broadsheet and every dependency it pulls in, no extras, no bytecode), in MB of 2^20
bytes, the bare venv's own pip and setuptools included; and the bare venv's size beside it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path


def folder_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file()) / (1 << 20)


def measure(repo: Path, scratch: Path) -> tuple[float, float]:
    """(MB of the venv with Broadsheet installed, MB of the bare venv). Needs the package
    index (or a pip cache) and takes a minute or more: opt-in (`--install`)."""
    if scratch.exists():
        shutil.rmtree(scratch)
    venv.EnvBuilder(with_pip=True).create(scratch)
    bare = folder_mb(scratch)
    python = scratch / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-compile", str(repo)],
        check=True,
        timeout=1800,
        stdout=sys.stderr,
    )
    installed = folder_mb(scratch)
    shutil.rmtree(scratch)
    return installed, bare
