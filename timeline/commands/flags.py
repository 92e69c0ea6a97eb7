"""`unreviewed: true` on a source added to an event an editor already decided on.

`timeline extract` only ever adds sources to a `reviewed` or `rejected` event; each source it
adds there is flagged, so `timeline review` lists the event again. `timeline review ID
--accept` (or `--reject`) clears the flags. Both edit the file as text: one line is added or
removed per source, every other byte stays, and the result is re-read and compared with what
was intended before it is written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from timeline.yamlio import TextLoader, YamlError, parse_text, write_atomic

FLAG = "unreviewed"
DECIDED = ("reviewed", "rejected")
FLAG_LINE = re.compile(rf"^[ \t]*{FLAG}:[ \t]*true[ \t]*\r?\n", re.MULTILINE)


def _data(path: Path) -> dict[str, Any] | None:
    try:
        data = parse_text(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, YamlError):
        return None
    return data if isinstance(data, dict) else None


def _sources(data: dict[str, Any] | None) -> list[dict[str, Any]]:
    sources = (data or {}).get("sources")
    return [s for s in sources if isinstance(s, dict)] if isinstance(sources, list) else []


def source_count(path: Path) -> int:
    return len(_sources(_data(path))) if path.is_file() else 0


def _key(source: dict[str, Any]) -> tuple[str, str]:
    where = source.get("article") or source.get("record") or source.get("url") or ""
    return (str(where), str(source.get("quote") or ""))


def _with_flags(text: str, indexes: list[int]) -> str | None:
    """`text` with `unreviewed: true` at the end of each listed source; None when the sources
    are not a block list of mappings (the file is then left as it is)."""
    root = yaml.compose(text, Loader=TextLoader)
    if not isinstance(root, yaml.MappingNode):
        return None
    node = next((v for k, v in root.value if k.value == "sources"), None)
    if not isinstance(node, yaml.SequenceNode) or node.flow_style:
        return None
    inserts = []
    for index in indexes:
        item = node.value[index]
        if not isinstance(item, yaml.MappingNode) or item.flow_style or not item.value:
            return None
        indent = item.value[0][0].start_mark.column
        last = item.value[-1][1].end_mark
        cut = last.index if last.column == 0 else (text.find("\n", last.index) + 1 or len(text))
        inserts.append((cut, " " * indent + f"{FLAG}: true\n"))
    for cut, line in sorted(inserts, reverse=True):
        head = text[:cut] if text[:cut].endswith("\n") else text[:cut] + "\n"
        text = head + line + text[cut:]
    return text


def flag_sources(path: Path, indexes: list[int]) -> bool:
    """Flag the sources at `indexes`; True when the file was written and re-reads as meant."""
    text = path.read_text("utf-8")
    before = _sources(parse_text(text))
    flagged = _with_flags(text, indexes)
    if flagged is None:
        return False
    after = _sources(parse_text(flagged))
    expected = [{**s, FLAG: True} if i in indexes else s for i, s in enumerate(before)]
    if after != expected:
        return False
    return write_atomic(path, flagged)


def flag_new_sources(target: Path, before: Path, changed: list[str], name: str) -> dict[str, int]:
    """Flag the sources that appeared in decided events among `changed` (cited paths)."""
    flagged = {}
    for cited in changed:
        rel = cited[len(name) + 1 :]
        if not (rel.startswith("events/") and rel.endswith(".yml")):
            continue
        data = _data(target / rel)
        if not data or data.get("review") not in DECIDED:
            continue
        old = {_key(s) for s in _sources(_data(before / rel))}
        new = [i for i, s in enumerate(_sources(data)) if _key(s) not in old and not s.get(FLAG)]
        if new and flag_sources(target / rel, new):
            flagged[cited] = len(new)
    return flagged


def set_review(path: Path, review: str) -> str | None:
    """Set `review:` and clear every source's flag; returns an error message, or None."""
    text = path.read_text("utf-8")
    data = parse_text(text)
    if not isinstance(data, dict):
        return "expected an event mapping"
    new, count = re.subn(r"^review:[^\n]*$", f"review: {review}", text, flags=re.MULTILINE)
    if count != 1:
        return "expected one top-level 'review:' line"
    new = FLAG_LINE.sub("", new)
    again = parse_text(new)
    expected = {**data, "review": review}
    expected["sources"] = [
        {k: v for k, v in s.items() if k != FLAG} if isinstance(s, dict) else s
        for s in data.get("sources") or []
    ]
    if again != expected:
        return "expected the file to change only in review and the flags: edit it by hand"
    write_atomic(path, new)
    return None
