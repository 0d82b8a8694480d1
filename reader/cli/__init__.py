"""The command line: `parser` builds it, one module per command group (`library`, `feeds`),
`output` holds what they print with (they import it, never each other), `main` runs it."""

from reader.cli.main import main
from reader.cli.parser import build_parser

__all__ = ["build_parser", "main"]
