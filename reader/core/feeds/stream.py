"""Read a well-formed RSS 2.0, RSS 1.0/RDF or Atom feed in one streaming pass, with lxml.

`FeedStream(data, base).entries()` yields each entry as the dict feedparser would give for the
keys Broadsheet reads (title, title_detail, link, id, content, summary, summary_detail,
author, author_detail, source, published_parsed, updated_parsed); `.feed` holds the feed's
title, title_detail, link and language, filled as they are read. Each item is cleared as soon
as it is read, so memory stays near the size of the bytes.

The parser is `lxml.etree.iterparse` with entities never expanded (`resolve_entities=False`),
no network, and lxml's limits on (`huge_tree=False`). It reads only what it reads exactly as
feedparser does; anything else — a DOCTYPE, an encoding other than UTF-8, xml:base, an element
it does not know (itunes:, media:title …), a title that may hold HTML, an author with an
e-mail address, an XML error — raises `Odd`, and the caller reads the feed with feedparser
instead. HTML is passed on as it is when it holds only plain tags (p, a, em, lists …) and
plain entities; any other HTML goes through feedparser's own sanitiser, as before.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from reader.core.feeds.values import Odd as Odd
from reader.core.feeds.values import fix, map_type, maybe_html, parse_date, plain_html, urljoin

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
MEDIA = "{http://search.yahoo.com/mrss/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Tags whose text parse_html reads the same with or without feedparser's sanitiser.
_ENCODING = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")

# Elements read, by where they are; everything else met there is Odd.
_IGNORED_IN_ITEM = frozenset(
    {
        "category",
        "comments",
        "enclosure",
        *(ATOM + n for n in ("category", "contributor", "rights")),
        *(MEDIA + n for n in ("content", "thumbnail")),
        *(DC + n for n in ("subject", "rights", "publisher")),
    }
)
_IGNORED_IN_CHANNEL = frozenset(
    {
        *[
            "description",
            "docs",
            "generator",
            "lastBuildDate",
            "pubDate",
            "copyright",
            "image",
            "ttl",
            "managingEditor",
            "webMaster",
            "category",
            "cloud",
            "textInput",
            "skipHours",
            "skipDays",
            "rating",
        ],
        *(RSS1 + n for n in ("description", "items", "image", "textinput")),
        *(ATOM + n for n in ("id", "updated", "subtitle", "generator", "icon", "logo", "rights")),
        *(ATOM + n for n in ("category", "author", "contributor")),
        *(DC + n for n in ("date", "publisher", "rights", "creator", "subject", "description")),
    }
)
_ITEM_TAGS = frozenset(["item", RSS1 + "item", ATOM + "entry"])
_RSS1_TOP = frozenset([RSS1 + "channel", RSS1 + "image", RSS1 + "textinput"])


class FeedStream:
    def __init__(self, data: bytes, base: str) -> None:
        _check_prolog(data)
        self.data = data
        self.base = base  # what relative links resolve against ("" for a file)
        self.version = ""
        self.feed: dict[str, Any] = {}
        self._channel_title = False

    def entries(self) -> Iterator[dict[str, Any]]:
        """Each entry in document order; raises `Odd` (an XML error included)."""
        events = etree.iterparse(
            io.BytesIO(self.data),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
        )
        container: etree._Element | None = None  # the element holding the channel's fields
        root: etree._Element | None = None
        try:
            for event, element in events:
                if event == "start":
                    if element.get(XML_BASE) is not None:
                        raise Odd("xml:base")
                    if root is None:
                        root = element
                        self._root(element)
                    elif container is None:
                        container = self._container(element)
                    continue
                parent = element.getparent()
                if parent is None or element is container:
                    continue
                if element.tag in _ITEM_TAGS and (
                    parent is container or (parent is root and self.version == "rss10")
                ):
                    yield self._entry(element)
                    _drop(element)
                elif parent is container:
                    self._channel_field(element)
                    _drop(element)
                elif parent is root:
                    if self.version != "rss10" or element.tag not in _RSS1_TOP:
                        raise Odd(f"unexpected {element.tag} at the top")
                    if element.tag != RSS1 + "channel":
                        _drop(element)
        except etree.XMLSyntaxError as exc:
            raise Odd(f"not well-formed ({exc})") from exc

    def _root(self, root: etree._Element) -> None:
        tag = root.tag
        if tag == "rss" and root.get("version", "").startswith(("2.", "0.91", "0.92")):
            self.version = "rss20"
        elif tag == RDF + "RDF":
            self.version = "rss10"
        elif tag == ATOM + "feed":
            self.version = "atom10"
        else:
            raise Odd(f"not a feed root: {tag}")
        lang = root.get(XML_LANG, root.get("lang"))
        if lang:
            self.feed["language"] = lang.replace("_", "-")

    def _container(self, element: etree._Element) -> etree._Element:
        if self.version == "atom10":
            return element.getparent()  # an Atom feed's fields are the root's children
        if element.tag not in ("channel", RSS1 + "channel"):
            raise Odd(f"expected a channel, found {element.tag}")
        return element

    def _channel_field(self, element: etree._Element) -> None:
        tag = element.tag
        if isinstance(tag, str) and len(element) and tag not in _IGNORED_IN_CHANNEL:
            raise Odd(f"unexpected children in {tag}")
        local = _local(tag, self.version)
        if local == "title" or tag == DC + "title":
            if self._channel_title:
                raise Odd("a second feed title")
            value, kind = self._title(element)
            if value:
                self._channel_title = True
            self.feed["title"], self.feed["title_detail"] = value, {"type": kind}
        elif local == "link":
            link = self._link(element, in_entry=False)
            if link is not None:
                self.feed["link"] = link
        elif local == "language" or tag == DC + "language":
            self.feed["language"] = fix(_text(element))
        elif tag == ATOM + "link" and element.get("rel") not in (None, "alternate"):
            pass
        elif tag not in _IGNORED_IN_CHANNEL and (local is None or local not in _IGNORED_IN_CHANNEL):
            raise Odd(f"unexpected {tag}")

    def _entry(self, item: etree._Element) -> dict[str, Any]:
        entry: dict[str, Any] = {}
        about = item.get(RDF + "about")
        if about:
            entry["id"] = about
        has_content = False
        title_found = False
        authors = 0
        for child in item:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if XML_LANG in child.attrib:
                raise Odd("xml:lang in an entry")
            if tag == ATOM + "author":
                authors += 1
                entry.update(_atom_author(child))
                if authors > 1:
                    raise Odd("more than one author")
                continue
            if len(child):
                raise Odd(f"unexpected children in {tag}")
            local = _local(tag, self.version)
            if local == "title" or tag == DC + "title":
                value, kind = self._title(child)
                if not title_found:
                    entry["title"], entry["title_detail"] = value, {"type": kind}
                    title_found = bool(value)
            elif local == "link":
                link = self._link(child, in_entry=True)
                if link is not None:
                    entry["link"] = link
            elif local in ("guid", "id"):
                permalink = child.get("isPermaLink", child.get("ispermalink", "true"))
                if permalink not in ("true", "false"):
                    raise Odd("isPermaLink")
                value = _text(child)
                if permalink == "true" and value:
                    value = urljoin(self.base, value)
                entry["id"] = value = fix(value)
                if permalink == "true":
                    entry.setdefault("link", value)
            elif local in ("description", "summary") or tag == DC + "description":
                if "summary" in entry and not has_content:
                    raise Odd("a second summary")
                atom = tag == ATOM + "summary"
                default = "text/plain" if atom or local == "summary" else "text/html"
                kind = _kind(child, default, atom)
                entry["summary"] = self._value(child, kind, atom)
                entry["summary_detail"] = {"type": kind}
            elif tag == CONTENT + "encoded" or tag == ATOM + "content":
                atom = tag == ATOM + "content"
                if atom and child.get("src"):
                    raise Odd("content by reference")
                kind = _kind(child, "text/plain" if atom else "text/html", atom)
                has_content = True
                value = self._value(child, kind, atom)
                entry.setdefault("content", []).append({"value": value, "type": kind})
                entry.setdefault("summary", value)
            elif local in ("pubDate", "published", "issued"):
                entry["published_parsed"] = parse_date(fix(_text(child)))
            elif local in ("updated", "modified") or tag == DC + "date":
                entry["updated_parsed"] = parse_date(fix(_text(child)))
            elif local == "author" or tag == DC + "creator":
                authors += 1
                name = fix(_text(child))
                if "@" in name:
                    raise Odd("an author with an e-mail address")
                entry["author"] = name
                if name:
                    entry.setdefault("author_detail", {"name": name})
            elif local == "source" and self.version == "rss20":
                value = fix(_text(child))
                entry["source"] = {"title": value} if value else {}
            elif tag not in _IGNORED_IN_ITEM:
                raise Odd(f"unexpected {tag} in an entry")
            if authors > 1:
                raise Odd("more than one author")
        return entry

    def _title(self, element: etree._Element) -> tuple[str, str]:
        atom = element.tag == ATOM + "title"
        kind = _kind(element, "text/plain", atom)
        return self._value(element, kind, atom), kind

    def _value(self, element: etree._Element, kind: str, atom: bool) -> str:
        """The element's text as feedparser leaves it: stripped, HTML sanitised."""
        value = _text(element)
        if kind not in _HTML_TYPES:
            if not atom and maybe_html(value):
                raise Odd("text that may be HTML")
            return fix(value)
        if not plain_html(value):
            from feedparser.sanitizer import _sanitize_html  # (the odd fragment only)
            from feedparser.urls import resolve_relative_uris

            value = resolve_relative_uris(value, self.base, "utf-8", kind)
            value = _sanitize_html(value, "utf-8", kind)
        return fix(value)

    def _link(self, element: etree._Element, *, in_entry: bool) -> str | None:
        href = element.get("href")
        if href is None:
            if element.tag.startswith(ATOM):
                raise Odd("an Atom link without href")
            link = fix(urljoin(self.base, _text(element)) if _text(element) else "")
            if in_entry:
                link = link.replace("&amp;", "&")
            return re.sub("&([A-Za-z0-9_]+);", r"&\g<1>", link)
        rel = element.get("rel", "alternate")
        kind = element.get("type", "application/atom+xml" if rel == "self" else "text/html")
        if rel == "alternate" and map_type(kind) in _HTML_TYPES:
            return urljoin(self.base, href)
        return None


def _local(tag: Any, version: str) -> str | None:
    """An element's name in the feed's own vocabulary (RSS 2.0: no namespace; RSS 1.0 and
    Atom: theirs), else None."""
    if not isinstance(tag, str):
        return None
    if tag[0] != "{":
        return tag if version == "rss20" else None
    space = RSS1 if version == "rss10" else ATOM if version == "atom10" else None
    if space is not None and tag.startswith(space):
        return tag[len(space) :]
    return None


def _kind(element: etree._Element, default: str, atom: bool) -> str:
    given = element.get("type")
    if given is None:
        return default
    kind = map_type(given)
    if kind not in ("text/plain", "text/html") or element.get("mode"):
        raise Odd(f"content of type {given}")
    return kind


def _atom_author(element: etree._Element) -> dict[str, Any]:
    names = [c for c in element if c.tag == ATOM + "name"]
    others = [c for c in element if c.tag not in (ATOM + "name", ATOM + "email", ATOM + "uri")]
    if len(names) != 1 or others or any(len(c) for c in element):
        raise Odd("an Atom author without one name")
    name = fix(_text(names[0]))
    if not name or any(c.tag == ATOM + "email" for c in element):
        raise Odd("an Atom author with an e-mail address or no name")
    return {"author": name, "author_detail": {"name": name}}


def _text(element: etree._Element) -> str:
    text = element.text
    return text.strip() if text else ""


def _check_prolog(data: bytes) -> None:
    head = data[:512]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x4c\x6f")):
        raise Odd("not UTF-8")
    found = _ENCODING.match(head.removeprefix(b"\xef\xbb\xbf").lstrip())
    if found is not None and found[1].lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise Odd("not UTF-8")
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data[:4096].upper():
        raise Odd("a DOCTYPE")


def _drop(element: etree._Element) -> None:
    """Forget a read element and the siblings before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
