"""Feeds for the feed tests, written inline, and a local HTTP server to serve them (offline:
127.0.0.1, a free port, one thread)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

RSS2 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <language>en-gb</language>
  <item>
    <title>Port strike ends after 12 days</title>
    <link>https://gazette.example/strike</link>
    <dc:creator>Ann Reporter</dc:creator>
    <pubDate>Tue, 28 Oct 2025 08:00:00 GMT</pubDate>
    <description>Only a teaser.</description>
    <content:encoded><![CDATA[<p>Dock workers in Rotterdam returned on Monday after a
    deal that raises pay by 4.5% over two years.</p><h2>What changes</h2>
    <p>Night shifts get a bonus.</p><script>alert("x")</script>]]></content:encoded>
  </item>
  <item>
    <title>Ferry fares rise</title>
    <link>https://gazette.example/ferry</link>
    <pubDate>Wed, 29 Oct 2025 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;Ferry fares rise by $2 from Saturday, the operator said.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Nothing to read</title>
    <link>https://gazette.example/empty</link>
    <description>   </description>
  </item>
  <item>
    <link>https://gazette.example/cranes</link>
    <description>Harbour cranes stood idle for a week. Officials said repairs would end soon.</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Wire Service</title>
  <link href="https://wire.example/"/>
  <id>urn:wire</id>
  <updated>2025-10-29T12:00:00Z</updated>
  <entry>
    <title type="html">&lt;b&gt;Leaders&lt;/b&gt; meet in Gyeongju</title>
    <link href="/2025/leaders"/>
    <id>urn:wire:1</id>
    <updated>2025-10-29T12:00:00Z</updated>
    <author><name>Bo Writer</name></author>
    <content type="html">&lt;p&gt;Leaders met on Wednesday in Gyeongju.&lt;/p&gt;
      &lt;p&gt;Talks continue on Thursday.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain note</title>
    <id>urn:wire:2</id>
    <published>2025-10-27T09:00:00Z</published>
    <updated>2025-10-29T09:00:00Z</updated>
    <summary type="text">First paragraph of a plain summary, which is long enough to read.

Second paragraph of it.</summary>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://journal.example/rss">
    <title>Le Journal</title>
    <link>https://journal.example/</link>
    <description>Nouvelles</description>
    <dc:language>fr-FR</dc:language>
  </channel>
  <item rdf:about="https://journal.example/1">
    <title>La grève du port est finie</title>
    <link>https://journal.example/1</link>
    <description>Les dockers ont repris le travail lundi.</description>
    <dc:date>2025-10-01T10:00:00+00:00</dc:date>
    <dc:creator>Claire Plume</dc:creator>
  </item>
</rdf:RDF>
"""

SUMMARY_ONLY = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Teasers</title><link>https://teasers.example/</link>
<item><title>One</title><link>https://teasers.example/1</link>
<description>The first teaser says a bridge will close in May.</description></item>
<item><title>Two</title><link>https://teasers.example/2</link>
<description>The second teaser says the bridge reopens in June.</description></item>
</channel></rss>
"""

# Unclosed <p>, an HTML entity XML does not know, and no closing tags at the end.
MALFORMED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Sloppy Times</title>
<item><title>Broken &nbsp; but readable</title><link>https://sloppy.example/1</link>
<description><p>The council met on Tuesday and agreed the budget.</description></item>
<item><title>Second story</title><link>https://sloppy.example/2</link>
<description>Rain is expected all week in the valley.</description></item>
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Gazette home</title></head>
<body><h1>Welcome</h1><p>Read our news.</p></body></html>
"""

HOSTILE_TITLE = (
    "\x1b[2J\x1b]52;c;cGF5bG9hZA==\x07[@click=app.quit]x[/] \u202eevil\u202c \x9b31m \x00nul"
)
HOSTILE = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Bad \x1b[31mNews\x1b[0m [b]Wire[/b]</title>
<link>javascript:alert(1)</link>
<item>
  <title>{HOSTILE_TITLE}</title>
  <link>javascript:alert(1)</link>
  <description>Body with \x1b[2J an escape, \x1b]52;c;eA==\x07 a clipboard write, \u202e
  a bidi override, [@click=app.quit]markup[/] and a \x00 NUL.</description>
</item>
</channel></rss>
"""

BIG = 1024 * 1024 + 1  # over a 1 MB limit (tests set BROADSHEET_MAX_FEED_MB=1)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True
    reason: str | None = None


Route = Reply | Callable[[dict[str, str]], Reply]


class FeedServer:
    """`with FeedServer() as server:` serves `server.routes[path]` (a `Reply`, or a function
    of the request headers giving one) at `server.url(path)`; other paths are 404s.
    `server.requests` records (path, headers) of each request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = dict(self.headers.items())
                outer.requests.append((self.path, headers))
                route = outer.routes.get(self.path, Reply(404, b"not here"))
                reply = route(headers) if callable(route) else route
                time.sleep(reply.delay)
                try:
                    self.send_response(reply.status, reply.reason)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if reply.send_length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.status != 304:
                        self.wfile.write(reply.body)
                except OSError:
                    pass  # the client gave up (a timeout, a body too big): expected

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (connecting to it is refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port
