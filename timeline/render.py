"""Everything the plugin publishes, as plain data: pages (HTML fragments) and data files.

Every field from the store is untrusted: it reaches HTML only through `timeline.markup`.
"""

from __future__ import annotations

from collections.abc import Iterator

from .exports import events_csv, events_json, timeline_json, timelinejs_json
from .feeds import atom_feed, events_ics
from .page import PageSpec, RenderOptions
from .render_home import render_home
from .render_pages import render_event, render_year, render_years_index
from .render_people import render_kind, render_kinds_index, render_people_index, render_person
from .site import Site

__all__ = ["PageSpec", "RenderOptions", "Site", "render_files", "render_pages"]


def render_pages(site: Site, options: RenderOptions) -> Iterator[PageSpec]:
    """Every generated page of the site."""
    yield render_home(site, options)
    yield render_years_index(site)
    for year in site.by_year:
        yield render_year(year, site)
    for event in site.shown:
        yield render_event(event, site, options)
    yield render_people_index(site)
    for person in site.people.values():
        yield render_person(person, site)
    yield render_kinds_index(site)
    for kind in site.by_kind:
        yield render_kind(kind, site)


def render_files(site: Site, options: RenderOptions, base_url: str | None) -> dict[str, bytes]:
    """The data files, by their path in the built site."""
    return {
        "data/events.json": events_json(site),
        "data/timeline.json": timeline_json(site),
        "data/timelinejs.json": timelinejs_json(site),
        "data/events.csv": events_csv(site),
        "data/events.ics": events_ics(site, options.today, base_url),
        "feed.xml": atom_feed(site, base_url),
    }
