"""`broadsheet`: parse, run the command (or open the app), turn failures into exit codes."""

from __future__ import annotations

import os
from collections.abc import Sequence

from reader.cli.output import error
from reader.cli.parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        run = getattr(args, "run", None)
        if run is not None:
            code: int = run(args)
            return code
        from reader.ui.app import run_app

        return run_app(library=args.library)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from reader.core.store import LibraryError

        if isinstance(exc, LibraryError):
            error(str(exc))
            return 2
        if os.environ.get("BROADSHEET_DEBUG"):
            raise
        error(f"unexpected error ({type(exc).__name__}: {exc}); BROADSHEET_DEBUG=1 shows more")
        return 70
