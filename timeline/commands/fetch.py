"""Fetching one web page for `timeline add`: http(s) only, a timeout, a size limit.

Redirects are followed only to http(s) addresses. Every failure is a `FetchError` whose text
is the one line the editor sees.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any
from urllib.parse import urlsplit

from timeline.articles import MAX_ARTICLE_BYTES

TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_BYTES = MAX_ARTICLE_BYTES  # what an article file may hold
USER_AGENT = "uschina-timeline (timeline add)"
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class FetchError(Exception):
    """A page that could not be fetched; the message is one line."""


@dataclass(frozen=True)
class Fetched:
    text: str
    url: str  # after redirects
    html: bool


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"expected an http(s) link, found {url!r}")


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self, req: Any, fp: IO[bytes], code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _decode(data: bytes, headers: Message) -> str:
    charset = headers.get_content_charset()
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    from trafilatura.utils import decode_file  # guesses from the page's own declaration

    return str(decode_file(data))


def fetch(url: str, timeout: float | None = None, limit: int | None = None) -> Fetched:
    """The page at `url`, decoded; raises `FetchError` with a one-line reason."""
    timeout = timeout or TIMEOUT
    limit = limit or MAX_BYTES
    check_url(url)
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in TEXT_TYPES:
                raise FetchError(f"{url}: expected an HTML or text page, found {kind}")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise FetchError(f"{url}: expected at most {limit} bytes, found {length}")
            data = response.read(limit + 1)
            if len(data) > limit:
                raise FetchError(f"{url}: expected at most {limit} bytes, found more")
            return Fetched(_decode(data, response.headers), response.geturl(), kind != "text/plain")
    except urllib.error.HTTPError as err:
        raise FetchError(f"{url}: cannot fetch: HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, socket.timeout | TimeoutError):
            raise FetchError(f"{url}: cannot fetch: no answer within {timeout:g} s") from None
        raise FetchError(f"{url}: cannot fetch: {reason} (offline?)") from None
    except TimeoutError:
        raise FetchError(f"{url}: cannot fetch: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as err:
        raise FetchError(f"{url}: cannot fetch: {err}") from None
