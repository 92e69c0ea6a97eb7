"""Adding sources to an event file an editor may have touched: change nothing else.

The new source is inserted as text into the file's `sources:` block list, at its sorted place,
so every other byte (comments, quoting, key order, the editor's wording, CRLF line endings, a
byte-order mark) stays as it was; comment lines right above a source stay with it. When the
list is not a plain block list (a flow list) only the `sources:` entry is written again, as a
block list; only if that fails is the mapping written again with the same keys in the same
order (comments are then lost, content is not). Either way the result is re-read and
compared with what was intended before anything is written.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import yaml

from timeline.contentfs import read_text
from timeline.model import Source
from timeline.store.files import (
    MAX_EVENT_BYTES,
    MAX_EVENT_NODES,
    source_from_dict,
    source_to_dict,
)
from timeline.store.merge import source_order
from timeline.yamlio import TextLoader, YamlError, as_day, dump_yaml, parse_text, write_atomic

ARTICLE_LINE = re.compile(
    r"^(?P<head>\s*(?:-\s+)?article:\s*)(?P<quote>['\"]?)(?P<path>[^'\"\s#]+)(?P=quote)"
)


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


def _above_comments(text: str, start: int) -> int:
    """Where the comment lines right above the line at `start` begin (they belong to it)."""
    while start > 0:
        previous = _line_start(text, start - 1)
        if not text[previous:start].lstrip().startswith("#"):
            break
        start = previous
    return start


def _after_content(text: str, index: int) -> int:
    """The end of the last line before `index` that is neither blank nor a comment, so what an
    editor wrote after the list (a closing comment) stays after it."""
    cut = _line_start(text, index) if index < len(text) else len(text)
    while cut > 0:
        previous = _line_start(text, cut - 1)
        line = text[previous:cut].strip()
        if line and not line.startswith("#"):
            break
        cut = previous
    return cut


def _insert_all(text: str, sources: list[Source]) -> str | None:
    """`text` with `sources` inserted at their sorted places in a block `sources:` list (the
    document is composed once, whatever the number of sources); None when it cannot be."""
    node = _sources_node(text)
    if node is None:
        return None
    items = node.value
    dash = node.start_mark.column
    raw = (parse_text(text, MAX_EVENT_NODES) or {}).get("sources") or []
    if len(raw) != len(items) or not all(isinstance(s, dict) for s in raw):
        return None
    existing = [source_order(source_from_dict(s)) for s in raw]
    places: dict[int, list[str]] = {}
    for source in sorted(sources, key=source_order):
        position = bisect.bisect_right(existing, source_order(source))
        rendered = dump_yaml([source_to_dict(source)]).splitlines(True)
        places.setdefault(position, []).append("".join(" " * dash + ln for ln in rendered))
    pieces, done = [], 0
    for position in sorted(places):
        if position < len(items):
            item = items[position].start_mark.index
            start = _line_start(text, item)
            if text[start:item].strip() != "-":
                return None
            cut = _above_comments(text, start)
        else:
            end = items[-1].end_mark
            cut = _after_content(text, end.index if end.column == 0 else len(text))
            cut = max(cut, _line_start(text, items[-1].start_mark.index) + 1)
        head = text[done:cut]
        if head and not head.endswith("\n"):
            head += "\n"
        pieces += [head, *places[position]]
        done = cut
    return "".join(pieces) + text[done:]


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


def _sources_rewritten(text: str, intended: dict) -> str | None:
    """`text` with only its `sources:` entry written again as a block list (a flow list, an
    odd layout): every line before and after it, comments included, stays as it was."""
    root = yaml.compose(text, Loader=TextLoader)
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value != "sources" or key.start_mark.column != 0:
            continue
        start = _line_start(text, key.start_mark.index)
        end = value.end_mark.index
        if value.end_mark.column != 0:
            end = text.find("\n", end) + 1 or len(text)
        block = dump_yaml({"sources": _days_unquoted(intended)["sources"]})
        return text[:start] + block + text[end:]
    return None


def with_sources(text: str, sources: list[Source]) -> str:
    """The file text with `sources` added; raises `YamlError` when the file cannot be read."""
    data = parse_text(text)
    if not isinstance(data, dict) or not isinstance(data.get("sources", []), list):
        raise YamlError("expected an event mapping with a sources list")
    intended = _intended(data, sources)
    edited = _insert_all(text, sources)
    if edited is not None and _same(edited, intended):
        return edited
    edited = _sources_rewritten(text, intended)
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
    bom = "\ufeff" if path.read_bytes().startswith(b"\xef\xbb\xbf") else ""
    crlf = "\r\n" in text
    edited = with_sources(text.replace("\r\n", "\n") if crlf else text, sources)
    return write_atomic(path, bom + (edited.replace("\n", "\r\n") if crlf else edited))


def _moved_line(line: str, moves: dict[str, str]) -> str:
    match = ARTICLE_LINE.match(line)
    if match is None or match["path"] not in moves:
        return line
    quote = match["quote"]
    end = line[match.end() :]
    return f"{match['head']}{quote}{moves[match['path']]}{quote}{end}"


def move_articles(path: Path, rel: str, moves: dict[str, str]) -> bool:
    """Point the sources citing an old article path at its new one (a `git mv` of the
    article); every other byte stays. Raises `YamlError` when that cannot be done exactly."""
    text, problems = read_text(path, rel, MAX_EVENT_BYTES)
    if text is None:
        raise YamlError(problems[0].message)
    data = parse_text(text, MAX_EVENT_NODES)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise YamlError("expected an event mapping with a sources list")
    intended = dict(data)
    intended["sources"] = [
        {**s, "article": moves.get(s.get("article"), s.get("article"))}
        if isinstance(s, dict) and "article" in s
        else s
        for s in data["sources"]
    ]
    edited = "".join(_moved_line(line, moves) for line in text.splitlines(keepends=True))
    if not _same(edited, intended):
        raise YamlError("could not point the source at the article's new path")
    bom = "\ufeff" if path.read_bytes().startswith(b"\xef\xbb\xbf") else ""
    return write_atomic(path, bom + edited)


def with_scalars(text: str, values: dict[str, str]) -> str | None:
    """`text` with the top-level scalar values of `values`' keys replaced, as text (every
    other byte stays); None when one is not a plain top-level scalar or the result differs."""
    root = yaml.compose(text, Loader=TextLoader)
    if not isinstance(root, yaml.MappingNode):
        return None
    spans = []
    for key, value in root.value:
        if key.value in values and key.start_mark.column == 0:
            one_line = value.start_mark.line == value.end_mark.line == key.start_mark.line
            if not isinstance(value, yaml.ScalarNode) or not one_line:
                return None
            rendered = dump_yaml({key.value: values[key.value]}).split(": ", 1)[1].rstrip("\n")
            spans.append((value.start_mark.index, value.end_mark.index, rendered))
    if len(spans) != len(values):
        return None
    edited = text
    for start, end, rendered in sorted(spans, reverse=True):
        edited = edited[:start] + rendered + edited[end:]
    intended = {**parse_text(text, MAX_EVENT_NODES), **values}
    return edited if _same(edited, intended) else None
