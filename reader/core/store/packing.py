"""How an analysis (and a story's features and profile) is stored: zlib of its compact JSON
(a quarter to a third of the JSON's size), and the SQL functions the schema uses:
`analysis_pack` (migrations 10 and 11 pack older rows with it) and `json_unpack` (the story
features' triggers read the packed words with it)."""

from __future__ import annotations

import json
import sqlite3
import zlib


def pack_json(value: object) -> bytes:
    """An analysis's JSON, as stored: compact, then zlib (level 6; 9 saved ~1% more)."""
    compact = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(compact.encode("utf-8", "surrogatepass"), 6)


def pack(data: str | bytes) -> bytes:
    """A stored analysis, packed (an unreadable one as it was: reading it recomputes it)."""
    if isinstance(data, bytes):
        return data  # packed already
    try:
        return pack_json(json.loads(data))
    except ValueError:
        return zlib.compress(data.encode("utf-8", "surrogatepass"), 6)


def unpack(stored: str | bytes) -> str:
    """The JSON of a stored analysis (packed or, from before migration 10, plain)."""
    if isinstance(stored, str):
        return stored
    return zlib.decompress(stored).decode("utf-8", "surrogatepass")


def register_functions(con: sqlite3.Connection) -> None:
    """The SQL functions the schema's migrations and triggers use (`analysis_pack`,
    `json_unpack`)."""
    con.create_function("analysis_pack", 1, pack, deterministic=True)
    con.create_function("json_unpack", 1, unpack, deterministic=True)
