"""HTML building blocks. Every value from the store is untrusted and reaches HTML only here.

- `esc` escapes text for element content and quoted attributes, and makes Unicode bidi
  controls visible so they cannot reorder the page around them;
- `link` makes an anchor only for http(s) URLs;
- `script_json` writes JSON that is safe inside a `<script>` element;
- `rel` writes links between generated pages (directory URLs) relative to the current page.
"""

from __future__ import annotations

import html
import json
import re

BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def show_bidi(text: str) -> str:
    """Replace each bidi control with a visible marker such as [U+202E]."""
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def esc(value: object) -> str:
    """Text for HTML content or a double-quoted attribute: escaped, bidi controls visible."""
    return html.escape(show_bidi("" if value is None else str(value)), quote=True)


def is_web_url(url: str | None) -> bool:
    """True for absolute http(s) URLs with a host; javascript:, data:, relative: False."""
    if not url or SPACE_OR_CONTROL.search(url):
        return False
    lower = url.lower()
    for scheme in ("http://", "https://"):
        if lower.startswith(scheme) and len(url) > len(scheme) and url[len(scheme)] != "/":
            return True
    return False


def link(url: str | None, text: str) -> str:
    """An anchor for http(s) URLs only; anything else is shown as plain text."""
    if is_web_url(url):
        return f'<a href="{esc(url)}" rel="noopener nofollow">{esc(text)}</a>'
    return esc(text)


def script_json(data: object) -> str:
    """JSON for a `<script type="application/json">`: no `</script>`, `<!--` or line breaks
    that end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def root_of(src_uri: str) -> str:
    """The relative path from the page built from `src_uri` to the site root.

    With directory URLs `index.md` is at the root, `a/index.md` one level down and `a/b.md`
    (served at `a/b/`) two levels down.
    """
    parts = src_uri.split("/")
    depth = len(parts) - 1 if parts[-1] in ("index.md", "README.md") else len(parts)
    return "../" * depth


def rel(src_uri: str, target: str) -> str:
    """Link from the page at `src_uri` to `target`, a path from the site root such as
    `events/x/`."""
    return (root_of(src_uri) + target) or "./"


def highlight(text: str, phrase: str | None) -> str:
    """Escaped `text` with the first occurrence of `phrase` wrapped in `<mark>`."""
    if not phrase or phrase not in text:
        return esc(text)
    start = text.index(phrase)
    end = start + len(phrase)
    return f"{esc(text[:start])}<mark>{esc(text[start:end])}</mark>{esc(text[end:])}"
