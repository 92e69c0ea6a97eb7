"""Which generated pages an edit of the store can change, so that `mkdocs serve` renders
again only those (and writes only the ones whose text did change).

A page is a function of the `Site` (`render.render_pages`). An edit of some events changes
the page of each of them and the pages that show them: the trip they are part of, the
meetings they contain, the previous and next contacts between the same people (before and
after the edit), their year, kind and people, and the pages that sum up the whole store.
Anything wider (the people registry, the build-wide options, the problems banner) changes
every page. `tests/site/test_deps.py` checks this list against the pages whose text really
changes, for edits of every field.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.model import Event
from timeline.site.drafts import SRC_URI as DRAFTS_URI
from timeline.site.index import Site
from timeline.site.page import PageSpec
from timeline.site.pages import event_uri, year_uri
from timeline.site.people import kind_uri, person_uri

# Pages that sum up the whole store: written again after any edit (if their text changed).
SUMMARIES = frozenset(
    {"index.md", "years/index.md", "people/index.md", "channels.md", "kinds/index.md", DRAFTS_URI}
)


def changed_events(old: Site, new: Site) -> set[str]:
    """Ids of the events published differently: added, removed, or with any field changed."""
    before, after = old.index, new.index
    return {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}


def _shown_with(event: Event, site: Site) -> list[Event]:
    """The events whose pages show `event`: its trip, its meetings, its neighbours."""
    parent = site.index.get(event.part_of) if event.part_of else None
    before, after = site.neighbours.get(event.id, (None, None))
    found = [parent, before, after, *site.children.get(event.id, [])]
    return [e for e in found if e is not None]


def affected_pages(old: Site, new: Site, changed: Iterable[str]) -> set[str] | None:
    """The source paths of the pages an edit of the `changed` events can change, or None
    when it can change every page (the people registry changed)."""
    if old.people != new.people:
        return None
    pages = set(SUMMARIES)
    for site in (old, new):
        for event_id in changed:
            event = site.index.get(event_id)
            if event is None:
                continue
            pages.add(event_uri(event))
            pages.update(event_uri(e) for e in _shown_with(event, site))
            pages.add(year_uri(event.year))
            pages.add(kind_uri(event.kind))
            pages.update(person_uri(site.people[p]) for p in event.people if p in site.people)
    if list(old.by_year) != list(new.by_year):  # each year page links its neighbours
        pages.update(year_uri(y) for y in new.by_year)
    return pages


def page_digest(spec: PageSpec, banner: str = "", html: str | None = None) -> str:
    """A fingerprint of everything the plugin gives MkDocs for one page (`html`: its body,
    when already rendered)."""
    parts = (
        spec.title,
        spec.edit_url or "",
        repr(spec.searchable),
        repr(spec.toc),
        spec.description,
        repr(spec.boost),
        banner,
        spec.html if html is None else html,
    )
    return hashlib.blake2b("\x00".join(parts).encode("utf-8"), digest_size=16).hexdigest()


@dataclass
class Plan:
    """What an incremental rebuild writes: pages to render, pages to delete, and the new
    fingerprint of every page."""

    render: list[str]
    removed: list[str]
    digests: dict[str, str]


def plan_rebuild(
    specs: list[PageSpec], digests: dict[str, str], affected: set[str] | None, banner: str = ""
) -> Plan:
    """Compare the pages the store gives now (`specs`) with the fingerprints of the pages
    written last time (`digests`): a page is rendered again when it is new, or affected by
    the edit and its fingerprint changed (`affected` None: every page is looked at)."""
    new_digests: dict[str, str] = {}
    render = []
    for spec in specs:
        uri = spec.src_uri
        known = digests.get(uri)
        if known is not None and affected is not None and uri not in affected:
            new_digests[uri] = known
            continue
        new_digests[uri] = page_digest(spec, banner)
        if new_digests[uri] != known:
            render.append(uri)
    removed = [uri for uri in digests if uri not in new_digests]
    return Plan(render, removed, new_digests)
