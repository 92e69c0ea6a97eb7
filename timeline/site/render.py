"""Everything the plugin publishes, as plain data: pages (a spec each, rendered on demand)
and data files (each written to a text stream).

Every field from the store is untrusted: it reaches HTML only through `timeline.site.markup`.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TextIO

from timeline.site.channels import render_channels
from timeline.site.exports import (
    write_events_csv,
    write_events_json,
    write_timeline_json,
    write_timelinejs_json,
)
from timeline.site.feeds import write_atom_feed, write_events_ics
from timeline.site.home import render_home
from timeline.site.index import Site
from timeline.site.page import PageSpec, RenderOptions
from timeline.site.pages import render_event, render_year, render_years_index
from timeline.site.people import render_kind, render_kinds_index, render_people_index, render_person

__all__ = [
    "PageSpec", "RenderOptions", "Site", "export_writers", "render_files", "render_pages",
    "write_export",
]  # fmt: skip

Writer = Callable[[Site, TextIO], None]


def render_pages(site: Site, options: RenderOptions) -> Iterator[PageSpec]:
    """Every generated page of the site, as specs: nothing is rendered until asked for."""
    yield render_home(site, options)
    yield render_years_index(site)
    for year in site.by_year:
        yield render_year(year, site)
    for event in site.shown:
        yield render_event(event, site, options)
    yield render_people_index(site)
    for person in site.people.values():
        yield render_person(person, site)
    yield render_channels(site, options.today)
    yield render_kinds_index(site)
    for kind in site.by_kind:
        yield render_kind(kind, site)


def export_writers(options: RenderOptions, base_url: str | None) -> dict[str, Writer]:
    """The data files, by their path in the built site: how to write each."""
    return {
        "data/events.json": write_events_json,
        "data/timeline.json": write_timeline_json,
        "data/timelinejs.json": write_timelinejs_json,
        "data/events.csv": write_events_csv,
        "data/events.ics": partial(write_events_ics, today=options.today, base_url=base_url),
        "feed.xml": partial(write_atom_feed, base_url=base_url),
    }


def write_export(writer: Writer, site: Site, target: Path, replace: bool = False) -> None:
    """Write one data file as UTF-8, streamed; line ends are the writer's own.

    With `replace`, the file is written beside the target and then renamed over it, so that
    a reader (the `mkdocs serve` server) sees the old file or the new one, never a part."""
    target.parent.mkdir(parents=True, exist_ok=True)
    path = target.with_name(f".{target.name}.tmp") if replace else target
    with path.open("w", encoding="utf-8", newline="") as out:
        writer(site, out)
    if replace:
        os.replace(path, target)


def render_files(site: Site, options: RenderOptions, base_url: str | None) -> dict[str, bytes]:
    """The data files as bytes, by their path in the built site (what `write_export` writes)."""
    found = {}
    for path, writer in export_writers(options, base_url).items():
        out = io.StringIO(newline="")
        writer(site, out)
        found[path] = out.getvalue().encode("utf-8")
    return found
