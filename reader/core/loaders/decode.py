"""Bytes to text: byte-order marks, strict UTF-8, a visible legacy fallback, binary sniffing.

Never raises: whatever the bytes, `decode_bytes` returns text and notices. Control characters
are kept verbatim (offsets must line up with the file); they are made visible at render time
by `reader.core.sanitize.visible`.
"""

from __future__ import annotations

import re

# (byte-order mark, codec, name shown in notices). UTF-32 LE first: its BOM starts with
# the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 BE"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 BE"),
)

# Formats that are binary whatever their share of control bytes.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)

BINARY_SAMPLE_CHARS = 64 * 1024
BINARY_CONTROL_SHARE = 0.10

# C0 controls other than tab, newline, form feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode a file's bytes: (text, notices). CRLF and lone CR become LF, a BOM is dropped.

    UTF-8/16/32 with a byte-order mark; else UTF-16 without a BOM when every other byte is
    zero; else strict UTF-8; else, when the bytes are mostly UTF-8 with a few bad bytes,
    UTF-8 with � for them; else Windows-1252, then Latin-1 (which decodes anything). Every
    fallback leaves a notice saying what was done.
    """
    notices: list[str] = []
    text = _decode(data, notices)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, notices


def _decode(data: bytes, notices: list[str]) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                notices.append(f"not valid {name}; bad bytes shown as \ufffd")
                return data[len(bom) :].decode(codec, errors="replace")
    utf16 = _sniff_utf16(data)  # before UTF-8: ASCII in UTF-16 is valid UTF-8 with NULs
    if utf16 is not None:
        codec, name = utf16
        notices.append(f"no byte-order mark; decoded as {name}")
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = len(_NON_ASCII.findall(lenient)) - lenient.count("\ufffd")
    if good > 2 * bad:
        notices.append(f"{bad} invalid UTF-8 byte sequence(s) shown as \ufffd")
        return lenient
    try:
        text = data.decode("cp1252")
        notices.append("not valid UTF-8; decoded as Windows-1252")
        return text
    except UnicodeDecodeError:
        notices.append("not valid UTF-8; decoded as Latin-1")
        return data.decode("latin-1")


def _sniff_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: mostly-ASCII text has a zero in every other byte."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 4:
        return None
    zero_even = sample[0::2].count(0)
    zero_odd = sample[1::2].count(0)
    if zero_odd > 0.4 * half and zero_even < 0.02 * half:
        return "utf-16-le", "UTF-16 LE"
    if zero_even > 0.4 * half and zero_odd < 0.02 * half:
        return "utf-16-be", "UTF-16 BE"
    return None


def binary_kind(data: bytes) -> str | None:
    """What a known binary format's magic number says the bytes are, or None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def looks_binary(text: str) -> bool:
    """True when more than 10 % of the first 64 Ki characters are control characters
    (other than tab, newline, form feed, carriage return). A few NULs or escapes are text."""
    sample = text[:BINARY_SAMPLE_CHARS]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > BINARY_CONTROL_SHARE * len(sample)


def count_controls(text: str) -> int:
    """How many control characters (as `looks_binary` counts them) `text` holds."""
    return len(_CONTROL.findall(text))
