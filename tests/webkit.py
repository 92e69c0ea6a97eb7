"""A small web server on 127.0.0.1 for `timeline add` tests, and pages written for them.

The pages are the project's own words (no third-party text). Every request loop is bounded:
the server answers until the test stops it, and each slow answer sleeps a fixed time.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | The Harbour Ledger</title>
<meta property="og:site_name" content="The Harbour Ledger">
<meta name="author" content="Test Desk">
{date_meta}
</head><body>
<nav><a href="/">Front page</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer>All rights reserved by nobody: a test page.</footer>
</body></html>
"""

EN_TITLE = "Secretary Blinken and Qin Gang hold talks in Beijing"
EN_TEXT = [
    "US Secretary of State Antony Blinken held talks with Chinese Foreign Minister Qin Gang "
    "in Beijing on Sunday, June 18, 2023, the two sides said in statements afterwards.",
    "The talks lasted several hours and covered trade, climate and the channels of "
    "communication between the two governments, according to officials on both sides.",
    "Both ministers agreed to keep meeting, and the visit was described as candid and useful.",
]
UK_TEXT = [
    "Держсекретар США Ентоні Блінкен у неділю провів переговори з міністром закордонних справ "
    "Китаю Цінь Ганом у Пекіні, повідомили обидві сторони у своїх заявах.",
    "Переговори тривали кілька годин і стосувалися торгівлі, клімату та каналів зв'язку між "
    "урядами двох країн.",
]


def page(
    title: str = EN_TITLE,
    paragraphs: list[str] | None = None,
    lang: str = "en",
    published: str | None = "2023-06-18",
) -> str:
    date_meta = (
        f'<meta property="article:published_time" content="{published}T09:00:00Z">'
        if published
        else ""
    )
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or EN_TEXT))
    return PAGE.format(lang=lang, title=title, date_meta=date_meta, paragraphs=body)


class Routes:
    """path -> (status, content type, body, delay in seconds, extra headers)."""

    def __init__(self) -> None:
        self.table: dict[str, tuple[int, str, bytes, float, dict[str, str]]] = {}

    def add(
        self,
        path: str,
        body: str | bytes,
        status: int = 200,
        kind: str = "text/html; charset=utf-8",
        delay: float = 0.0,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.table[path] = (status, kind, data, delay, headers or {})


@contextmanager
def serve(routes: Routes) -> Iterator[str]:
    """Serve `routes` on 127.0.0.1 (a free port); yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, kind, data, delay, headers = routes.table.get(
                self.path, (404, "text/plain", b"not here", 0.0, {})
            )
            time.sleep(delay)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            with contextlib.suppress(OSError):  # the client gave up (a timeout test)
                self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
