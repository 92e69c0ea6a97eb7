"""Pages at the addresses of renamed events (`content/redirects.yml`) that send the reader on.

Each is a small static HTML page (no script needed): a `refresh` to the event's new page and
a canonical link to it. Ids are restricted to a-z, 0-9 and '-', and escaped all the same.
"""

from __future__ import annotations

import html
from pathlib import Path

from timeline.model import Problem
from timeline.store.redirects import read_redirects


def redirect_html(new: str) -> str:
    target = html.escape(f"../{new}/", quote=True)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<link rel="canonical" href="{target}">\n'
        f"<title>Moved: {html.escape(new)}</title></head>\n"
        f'<body><p>This event moved to <a href="{target}">{html.escape(new)}</a>.</p></body>'
        "</html>\n"
    )


def redirect_pages(content: Path, published: set[str], problems: list[Problem]) -> dict[str, str]:
    """Built-site path -> page, for each old id whose event is published under its new id
    (an old id that is an event's id again gets no redirect)."""
    pages = {}
    for old, new in read_redirects(content, problems).items():
        if new in published and old not in published:
            pages[f"events/{old}/index.html"] = redirect_html(new)
    return pages
