"""`content/redirects.yml`: event ids that were renamed (`timeline rename`), old -> new.

The site publishes a page at each old id's address that sends the reader to the new one, so
a permalink someone cited keeps working. Written sorted; a chain (a -> b, then b -> c) is kept
flat (a -> c, b -> c), and renaming an event back to an old id drops that redirect.
"""

from __future__ import annotations

from pathlib import Path

from timeline.contentfs import read_text
from timeline.model import Problem
from timeline.naming import ID_RE
from timeline.yamlio import YamlError, dump_yaml, parse_text, write_atomic

REDIRECTS_NAME = "redirects.yml"
HEAD = (
    "# Written by `timeline rename`: old event id -> new one; the site redirects the old\n"
    "# address. Keep it (a permalink someone cited would break). docs/editors.md\n"
)


def read_redirects(content: Path, problems: list[Problem]) -> dict[str, str]:
    """The redirects (empty when there is no file); a bad file or entry is a problem."""
    path = content / REDIRECTS_NAME
    if not path.exists():
        return {}
    rel = f"content/{REDIRECTS_NAME}"
    text, found = read_text(path, rel, 5_000_000)
    problems.extend(found)
    if text is None:
        return {}
    try:
        data = parse_text(text)
    except YamlError as err:
        problems.append(Problem(rel, err.message, line=err.line, column=err.column))
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(rel, "expected a mapping of old id to new id"))
        return {}
    redirects = {}
    for old, new in data.items():
        ids = isinstance(old, str) and isinstance(new, str)
        if ids and ID_RE.match(old) and ID_RE.match(new):
            redirects[old] = new
        else:
            problems.append(Problem(rel, f"expected old id: new id, found {old!r}: {new!r}"))
    return redirects


def add_redirect(redirects: dict[str, str], old: str, new: str) -> dict[str, str]:
    """The redirects once `old` is renamed `new` (chains flattened, a rename back undone)."""
    updated = {k: (new if v == old else v) for k, v in redirects.items()}
    updated[old] = new
    updated.pop(new, None)
    return {k: v for k, v in sorted(updated.items()) if k != v}


def write_redirects(content: Path, redirects: dict[str, str]) -> bool:
    return write_atomic(content / REDIRECTS_NAME, HEAD + dump_yaml(redirects))
