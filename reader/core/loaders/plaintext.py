"""Plain-text articles. (Minimal version; the full loader replaces it.)"""

from __future__ import annotations

from reader.core.article import Article, Block


def parse_plaintext(text: str, *, path: str = "") -> Article:
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        blocks.append(Block("paragraph", start + lead, start + lead + len(stripped)))
    title = text[blocks[0].start : blocks[0].end] if blocks else ""
    return Article(title=title[:120], body=text, blocks=blocks, path=path)
