"""Adding sources keeps what an editor wrote: comments where they were, CRLF line endings, a
byte-order mark; a moved article is pointed at its new path (issue 13, item 6)."""

from __future__ import annotations

from pathlib import Path

from timeline.model import Source
from timeline.store.edit import add_sources, move_articles, with_sources
from timeline.yamlio import parse_text

EVENT = """\
# yaml-language-server: $schema=../../../timeline/schema/event.schema.json
id: 2023-06-18-blinken-qin-gang-beijing
title: Antony Blinken holds talks with Qin Gang in Beijing  # checked with the readout
date: 2023-06-18
kind: talks
sources:
# the first report
- article: content/articles/a.md
  outlet: Wire
  published: 2023-06-19
  quote: Blinken met Qin.  # verbatim
# the last report
- article: content/articles/b.md
  outlet: Courier
  published: 2023-06-19
  quote: Qin met Blinken.
# end of sources
part_of: null
# editors: keep this
notes: null
"""


def source(name: str, published: str) -> Source:
    return Source(outlet="New", article=f"content/articles/{name}.md", published=published)


def test_comments_stay_with_what_they_describe():
    text = with_sources(EVENT, [source("0", "2023-06-01"), source("z", "2023-06-30")])
    lines = text.splitlines()
    assert lines[lines.index("# the first report") + 1] == "- article: content/articles/a.md"
    assert lines[lines.index("# end of sources") + 1] == "part_of: null"
    assert lines[lines.index("# end of sources") - 1] == "  published: 2023-06-30"
    for comment in ("# checked with the readout", "# verbatim", "# editors: keep this"):
        assert comment in text


def test_a_flow_list_is_written_again_alone_and_the_other_comments_stay():
    flow = EVENT[: EVENT.index("sources:")] + (
        "sources: [{outlet: Hand, url: 'https://example.org/x'}]\n"
        + EVENT[EVENT.index("part_of:") :]
    )
    text = with_sources(flow, [source("z", "2023-06-30")])
    assert "# editors: keep this" in text and "# checked with the readout" in text
    assert [s["outlet"] for s in parse_text(text)["sources"]] == ["Hand", "New"]


def test_crlf_and_the_byte_order_mark_are_kept(tmp_path: Path):
    path = tmp_path / "event.yml"
    path.write_bytes(b"\xef\xbb\xbf" + EVENT.replace("\n", "\r\n").encode())
    add_sources(path, "event.yml", [source("z", "2023-06-30")])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# yaml-language-server")
    assert data.count(b"\n") == data.count(b"\r\n") and b"content/articles/z.md\r\n" in data


def test_a_moved_article_is_pointed_at_its_new_path_and_nothing_else_changes(tmp_path: Path):
    path = tmp_path / "event.yml"
    path.write_text(EVENT, encoding="utf-8")
    move_articles(path, "event.yml", {"content/articles/a.md": "content/articles/en/a.md"})
    assert path.read_text(encoding="utf-8") == EVENT.replace(
        "- article: content/articles/a.md", "- article: content/articles/en/a.md"
    )
