"""A corpus of hostile article files, written at test time (nothing binary or huge is committed).

    from tests.hostile.corpus import build_corpus

    cases = build_corpus(tmp_path)          # writes every file into tmp_path
    for case in cases:
        loaded = load_path(case.path)
        # case.expected == "loads":   an Article; case.survives is verbatim in title or body,
        #                             case.absent (if set) is in neither
        # case.expected == "refused": a LoadError whose reason contains case.reason

Every case is one file directly in the folder (sidecars `*.meta.json` sit beside the files
they describe), so `iter_article_files([tmp_path])` yields exactly the cases' paths
(`[c.path for c in cases]`, sorted). `build_corpus(folder, include_large=False)` leaves
out the cases marked `large` (5 MB, deep nesting, Markdown bombs). The folder also holds
`loops/`, whose only entry is a symbolic link back to the folder, to check that walking it
terminates. The named pipe is
left out where `os.mkfifo` does not exist, and the escape-in-file-name case where the file
system refuses the name.

Used by: the loader tests (`tests/unit/test_loaders_hostile.py`), and for importing into the
library, analysing with the CLI and opening in the app.
"""

from __future__ import annotations

import dataclasses
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Outcome = Literal["loads", "refused"]

MB = 1024 * 1024

MARKUP_TITLE = "[breaking] news: [/] [b]unclosed [@click=app.quit]x[/] [link=file:///etc]y"
CSI_CLEAR = "\x1b[2J\x1b[H"
OSC_TITLE = "\x1b]0;pwned\x07"
OSC8_LINK = "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\"
OSC52_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"
C0_RUN = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")
C1_RUN = "".join(chr(c) for c in range(0x80, 0xA0))
BIDI_RUN = "\u202eevil.exe\u202c \u2066isolate\u2069 \u200fRLM\u200e \u061c"
ZERO_WIDTH_RUN = "Pay\u200bPal\u200c log\u200din \u2060here\ufeffnow"
LONG_LINE_END = "END-OF-THE-FIVE-MEGABYTE-LINE"


@dataclass(frozen=True, slots=True)
class HostileCase:
    """One hostile file: `path` (written by `build_corpus`), what it is, and what must happen."""

    filename: str
    what: str
    expected: Outcome
    survives: str = ""  # "loads": must be verbatim in the title or the body
    reason: str = ""  # "refused": must be part of the LoadError's reason
    absent: str = ""  # "loads": must be in neither the title nor the body (e.g. script code)
    path: Path = Path()
    large: bool = False  # megabytes of text or tens of thousands of tags: slow to analyse


def _prose(topic: str) -> str:
    return (
        f"The council said on Tuesday that {topic} would be reviewed before the end of the "
        "year, and officials expected a decision within weeks."
    )


def _text(filename: str, title: str, body: str) -> tuple[str, bytes]:
    return filename, f"{title}\n\n{body}\n".encode()


LARGE = frozenset(
    {
        "long_line.txt",
        "huge_60mb.txt",
        "nested_20000.html",
        "nested_unclosed.htm",
        "huge_table.md",
        "brackets.md",
        "deep_quotes.md",
    }
)


def build_corpus(folder: Path, *, include_large: bool = True) -> list[HostileCase]:
    """Write every hostile file into `folder` (created if needed) and return the cases,
    sorted by file name, each with its `path` set. `include_large=False` leaves out the
    cases marked `large` (for tests that analyse or render every case)."""
    folder.mkdir(parents=True, exist_ok=True)
    specs: list[tuple[HostileCase, bytes | None]] = []

    def add(case: HostileCase, data: bytes | None) -> None:
        specs.append((case, data))

    def loads(filename: str, what: str, data: bytes, survives: str, absent: str = "") -> None:
        add(HostileCase(filename, what, "loads", survives=survives, absent=absent), data)

    def refused(filename: str, what: str, data: bytes | None, reason: str) -> None:
        add(HostileCase(filename, what, "refused", reason=reason), data)

    # Markup: Rich/Textual markup must stay text.
    name, data = _text("markup_title.txt", MARKUP_TITLE, _prose("the [b]unclosed tag"))
    loads(name, "Textual/Rich markup in the headline", data, MARKUP_TITLE)
    body = f"{_prose('the plan')} Then [/] closed nothing and [@click=app.quit]x[/] ran."
    name, data = _text("markup_body.txt", "Council reviews plan", body)
    loads(name, "markup with an action in the body", data, "[@click=app.quit]x[/]")
    md = f"# [breaking] news [/]\n\n{_prose('[b]unclosed')}\n\nSay [/] and [$x] here.\n"
    loads("markup.md", "markup in a Markdown heading and paragraph", md.encode(), "[/] and [$x]")
    html = (
        "<html><head><title>[/] [b]Title</title></head><body><p>"
        f"{_prose('[@click=app.quit]x[/]')}</p></body></html>"
    )
    loads("markup.html", "markup in an HTML title and paragraph", html.encode(), "[/] [b]Title")

    # Terminal escapes and controls: kept verbatim in the body, shown visibly when rendered.
    for filename, what, seq in (
        ("esc_csi_clear.txt", "CSI clear-screen and cursor-home", CSI_CLEAR),
        ("esc_osc_title.txt", "OSC 0 window-title change", OSC_TITLE),
        ("esc_osc8_link.txt", "OSC 8 hyperlink", OSC8_LINK),
        ("esc_osc52_clipboard.txt", "OSC 52 clipboard write", OSC52_CLIPBOARD),
    ):
        name, data = _text(filename, f"Escape test {seq}headline", f"{_prose('it')} {seq} end.")
        loads(name, f"{what} in headline and body", data, seq)
    name, data = _text("controls_c0.txt", "Control characters", f"{_prose('x') * 4} {C0_RUN} end.")
    loads(name, "every C0 control but tab, LF and CR", data, C0_RUN)
    name, data = _text("controls_c1.txt", "C1 controls", f"{_prose('x') * 4} {C1_RUN} end.")
    loads(name, "every C1 control (U+0080-U+009F, UTF-8 encoded)", data, C1_RUN)
    name, data = _text("bidi.txt", f"Invoice {BIDI_RUN}", f"{_prose('the bill')} {BIDI_RUN}.")
    loads(name, "bidi overrides, isolates and marks", data, BIDI_RUN)
    name, data = _text("zero_width.txt", f"Sign in {ZERO_WIDTH_RUN}", _prose(ZERO_WIDTH_RUN))
    loads(name, "zero-width characters and a mid-text BOM", data, ZERO_WIDTH_RUN)
    name, data = _text("nul_bytes.txt", "Report with NULs", _prose("NUL") + " x\x00\x00y.")
    loads(name, "a few NUL bytes in a text", data, "x\x00\x00y")

    # Sizes.
    line = ("word " * (MB + 1000))[: 5 * MB] + LONG_LINE_END
    loads("long_line.txt", "a 5 MB single line", line.encode(), LONG_LINE_END)
    refused("huge_60mb.txt", "a 60 MB file (sparse)", None, "over the 16 MB limit")
    refused("empty.txt", "an empty file", b"", "is empty")
    refused("whitespace.txt", "only whitespace", b"  \n\t\n \r\n  \n", "only whitespace")

    # Encodings.
    loads(
        "invalid_utf8.txt",
        "invalid UTF-8 (Latin-1 bytes, with a byte cp1252 cannot map)",
        "Caf\xe9 cr\xe8me prices rise\n\nThe caf\xe9 raised prices \x81 again.\n".encode("latin-1"),
        "Café crème prices rise",
    )
    loads(
        "windows1252.txt",
        "Windows-1252 curly quotes and pound sign",
        "\u201cNa\xefve\u201d r\xe9sum\xe9 of the \xa31m deal\n\nIt was agreed.\n".encode("cp1252"),
        "“Naïve” résumé of the £1m deal",
    )
    loads(
        "utf8_one_bad_byte.txt",
        "UTF-8 with one stray byte",
        "Zürich café “opens”\n\nThe café opened ".encode() + b"\xff" + b" on Monday.\n",
        "Zürich café “opens”",
    )
    text16 = "Überraschung in Köln\r\n\r\nThe mayor said “yes”.\r\n"
    loads(
        "utf16le_bom.txt",
        "UTF-16 LE with BOM, CRLF",
        b"\xff\xfe" + text16.encode("utf-16-le"),
        "Überraschung in Köln",
    )
    loads(
        "utf16be_bom.txt",
        "UTF-16 BE with BOM",
        b"\xfe\xff" + text16.encode("utf-16-be"),
        "The mayor said “yes”.",
    )
    loads(
        "utf16le_nobom.txt",
        "UTF-16 LE without BOM",
        text16.encode("utf-16-le"),
        "Überraschung in Köln",
    )
    loads(
        "utf32_bom.txt",
        "UTF-32 LE with BOM",
        b"\xff\xfe\x00\x00" + text16.encode("utf-32-le"),
        "Überraschung in Köln",
    )
    loads(
        "utf8_bom_cr.txt",
        "UTF-8 BOM and lone CR line ends",
        b"\xef\xbb\xbfOld Mac headline\r\rFirst line.\rSecond line.\r",
        "First line.\nSecond line.",
    )

    # Binary.
    rng = random.Random(1234)
    noise = bytes(rng.randrange(256) for _ in range(64 * 1024))
    refused("binary_noise.txt", "random bytes named .txt", noise, "binary")
    refused("image_named.txt", "a PNG named .txt", b"\x89PNG\r\n\x1a\n" + noise[:4096], "binary")
    refused("nul_heavy.txt", "text padded with NULs", b"text\x00\x00\x00\x00" * 4000, "binary")

    # Special files.
    refused("named_pipe.txt", "a named pipe (must not block)", None, "named pipe")

    # HTML.
    html = (
        "<!doctype html><html><head><title>Safe title</title>"
        "<script>document.write('SCRIPT-IN-HEAD')</script>"
        "<style>body{display:none}</style></head><body>"
        "<nav>NAV-LINKS</nav><p onclick=\"alert('ONCLICK')\">Safe paragraph text.</p>"
        "<script>alert('SCRIPT-IN-BODY')</script><iframe src=x>IFRAME</iframe>"
        "<p><img src=x onerror=alert(1)>More text.</p></body></html>"
    )
    loads(
        "scripts.html",
        "HTML with scripts, styles, handlers",
        html.encode(),
        "Safe paragraph text.",
        absent="SCRIPT-IN",
    )
    deep = "<html><body>" + "<div>" * 20000 + "deep text" + "</div>" * 20000 + "</body></html>"
    loads("nested_20000.html", "20,000 nested divs", deep.encode(), "deep text")
    deeper = "<p>top</p>" + "<div><span><blockquote>" * 50000 + "very deep"
    loads("nested_unclosed.htm", "50,000 unclosed nested block tags", deeper.encode(), "very deep")
    sniffed = "<!DOCTYPE html><html><body><h1>Sniffed headline</h1><p>Body.</p></body></html>"
    loads(
        "sniffed_html.txt",
        "HTML content in a .txt file",
        sniffed.encode(),
        "Sniffed headline",
        absent="<h1>",
    )

    # Markdown.
    md = (
        '# Raw HTML story\n\n<div onclick="steal()"><script>STEAL-COOKIES()</script>'
        "Visible words</div>\n\nInline <b>bold</b> and <script>INLINE-SCRIPT</script> end.\n"
    )
    loads(
        "raw_html.md",
        "Markdown with raw HTML and scripts",
        md.encode(),
        "Visible words",
        absent="STEAL-COOKIES",
    )
    rows = "".join(f"| row {i} | {i * 7} |\n" for i in range(2000))
    table = f"# Table\n\n| name | value |\n|---|---|\n{rows}"
    loads("huge_table.md", "a 2,000-row Markdown table", table.encode(), "row 1999 | 13993")
    bad_front = "---\ntitle: Fine\nthis line is not key value\n---\n\nBody paragraph here.\n"
    loads(
        "bad_front_matter.md",
        "malformed front matter",
        bad_front.encode(),
        "this line is not key value",
    )
    unclosed = "---\ntitle: Never closed\n\nBody paragraph here.\n"
    loads(
        "unclosed_front_matter.md",
        "front matter never closed",
        unclosed.encode(),
        "Body paragraph here.",
    )
    loads("brackets.md", "300,000 '[' (slow for markdown-it)", b"[" * 300_000, "[[[[[[[[")
    loads(
        "deep_quotes.md",
        "20,000 nested blockquotes",
        ("> " * 20000 + "deep quote").encode(),
        "deep quote",
    )

    # Sidecars.
    name, data = _text("sidecar_markup.txt", "Plain headline", _prose("metadata"))
    loads(name, "a sidecar whose title is markup", data, "[/] [@click=app.quit]x[/]")
    name, data = _text("sidecar_broken.txt", "Broken sidecar headline", _prose("JSON"))
    loads(name, "a sidecar that is not JSON", data, "Broken sidecar headline")

    # A file name with an escape sequence (shown in errors and lists).
    name, data = _text("name_\x1b]0;pwned\x07.txt", "Hostile file name", _prose("names"))
    loads(name, "an OSC escape in the file name", data, "Hostile file name")

    cases: list[HostileCase] = []
    for case, payload in specs:
        large = case.filename in LARGE
        if large and not include_large:
            continue
        path = folder / case.filename
        if _write(case, path, payload):
            cases.append(dataclasses.replace(case, path=path, large=large))
    (folder / "sidecar_markup.meta.json").write_text(
        '{"title": "[/] [@click=app.quit]x[/]", "source": "[b]Wire", "published": "2025-10-29"}',
        encoding="utf-8",
    )
    (folder / "sidecar_broken.meta.json").write_text('{"title": "unterminated', encoding="utf-8")
    loops = folder / "loops"
    loops.mkdir(exist_ok=True)
    try:
        if not (loops / "back").is_symlink():
            os.symlink("..", loops / "back", target_is_directory=True)
    except (OSError, NotImplementedError):
        pass
    return sorted(cases, key=lambda c: c.filename)


def _write(case: HostileCase, path: Path, payload: bytes | None) -> bool:
    """Write one case's file; False when this system cannot make it."""
    try:
        if path.exists() or path.is_symlink():
            path.unlink()
        if case.filename == "named_pipe.txt":
            mkfifo = getattr(os, "mkfifo", None)
            if mkfifo is None:
                return False
            mkfifo(path)
        elif case.filename == "huge_60mb.txt":
            with open(path, "wb") as handle:  # sparse: seek past the end, write one byte
                handle.seek(60 * MB - 1)
                handle.write(b"\0")
        else:
            path.write_bytes(payload or b"")
    except (OSError, ValueError):
        return False
    return True
