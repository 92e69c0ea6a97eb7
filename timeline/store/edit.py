"""Adding sources to an event file an editor may have touched: change nothing else.

The new source is inserted as text into the file's `sources:` block list, at its sorted place,
so every other byte (comments, quoting, key order, the editor's wording) stays as it was. When
the list is not a plain block list the mapping is written again with the same keys in the
same order (comments are then lost, content is not). Either way the result is re-read and
compared with what was intended before anything is written.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from timeline.contentfs import read_text
from timeline.model import Source
from timeline.store.files import MAX_EVENT_BYTES, source_from_dict, source_to_dict
from timeline.store.merge import source_order
from timeline.yamlio import TextLoader, YamlError, as_day, dump_yaml, parse_text, write_atomic


def _sources_node(text: str) -> yaml.SequenceNode | None:
    root = yaml.compose(text, Loader=TextLoader)
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == "sources" and isinstance(value, yaml.SequenceNode):
            return value if not value.flow_style and value.value else None
    return None


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _insert_one(text: str, source: Source) -> str | None:
    """`text` with `source` inserted at its sorted place in a block `sources:` list."""
    node = _sources_node(text)
    if node is None:
        return None
    items = node.value
    dash = node.start_mark.column
    raw = (parse_text(text) or {}).get("sources") or []
    if len(raw) != len(items) or not all(isinstance(s, dict) for s in raw):
        return None
    existing = [source_order(source_from_dict(s)) for s in raw]
    position = next((i for i, k in enumerate(existing) if k > source_order(source)), len(items))
    rendered = "".join(
        " " * dash + line for line in dump_yaml([source_to_dict(source)]).splitlines(True)
    )
    if position < len(items):
        start = _line_start(text, items[position].start_mark.index)
        if text[start : items[position].start_mark.index].strip() != "-":
            return None
        return text[:start] + rendered + text[start:]
    end = items[-1].end_mark
    cut = end.index if end.column == 0 else text.find("\n", end.index) + 1 or len(text)
    head = text[:cut] if text[:cut].endswith("\n") else text[:cut] + "\n"
    return head + rendered + text[cut:]


def _as_text(source: Source) -> dict:
    """The source as `parse_text` reads it back (dates as text)."""
    return {k: str(v) if k == "published" else v for k, v in source_to_dict(source).items()}


def _intended(data: dict, sources: list[Source]) -> dict:
    """The mapping with `sources` inserted at their sorted places; all else as it was."""
    raw = list(data.get("sources") or [])
    order = [source_order(source_from_dict(s)) if isinstance(s, dict) else ("",) for s in raw]
    for source in sources:
        key = source_order(source)
        position = next((i for i, k in enumerate(order) if k > key), len(raw))
        raw.insert(position, _as_text(source))
        order.insert(position, key)
    return {**data, "sources": raw}


def _leading_comments(text: str) -> str:
    """The comment lines (the schema line among them) before the first key, kept verbatim."""
    lines = text.splitlines(keepends=True)
    kept = []
    for line in lines:
        if not line.startswith("#"):
            break
        kept.append(line if line.endswith("\n") else line + "\n")
    return "".join(kept)


def _days_unquoted(data: dict) -> dict:
    """Dates written as dates (`2023-06-18`, not `'2023-06-18'`) when the mapping is re-dumped."""
    out = {
        k: as_day(v) if k in ("date", "end_date") and isinstance(v, str) else v
        for k, v in data.items()
    }
    out["sources"] = [
        {k: as_day(v) if k == "published" and isinstance(v, str) else v for k, v in s.items()}
        if isinstance(s, dict)
        else s
        for s in data.get("sources") or []
    ]
    return out


def _same(text: str, intended: dict) -> bool:
    try:
        return parse_text(text) == intended
    except YamlError:
        return False


def with_sources(text: str, sources: list[Source]) -> str:
    """The file text with `sources` added; raises `YamlError` when the file cannot be read."""
    data = parse_text(text)
    if not isinstance(data, dict) or not isinstance(data.get("sources", []), list):
        raise YamlError("expected an event mapping with a sources list")
    intended = _intended(data, sources)
    edited: str | None = text
    for source in sources:
        edited = _insert_one(edited, source) if edited is not None else None
    if edited is not None and _same(edited, intended):
        return edited
    rewritten = _leading_comments(text) + dump_yaml(_days_unquoted(intended))
    if not _same(rewritten, intended):
        raise YamlError("could not add the source without changing other fields")
    return rewritten


def add_sources(path: Path, rel: str, sources: list[Source]) -> bool:
    """Add `sources` to the event file at `path`; True when the file changed."""
    text, problems = read_text(path, rel, MAX_EVENT_BYTES)
    if text is None:
        raise YamlError(problems[0].message)
    return write_atomic(path, with_sources(text, sources))
