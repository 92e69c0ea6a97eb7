"""Year pages (grouped by month), the years index and one permalink page per event."""

from __future__ import annotations

from functools import partial

from timeline.model import Event
from timeline.naming import MONTHS
from timeline.site.cards import (
    date_html,
    event_card,
    event_href,
    kind_badge,
    participants_html,
    review_badge,
    sources_html,
)
from timeline.site.channels import CHANNELS, channel_href, channel_of
from timeline.site.index import Site, page_slug
from timeline.site.markup import esc, is_web_url, rel
from timeline.site.page import PageSpec, RenderOptions
from timeline.site.provenance import provenance_row

STATUS_LABELS = {"happened": "Happened", "planned": "Planned", "cancelled": "Cancelled"}


def year_uri(year: str) -> str:
    return f"years/{page_slug(year)}.md"


def month_groups(events: list[Event]) -> list[tuple[str, str, list[Event]]]:
    """(anchor, heading, events) per month in date order; year-precision events come last."""
    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(event.date[5:7] or "", []).append(event)
    found = []
    for month in sorted(k for k in groups if k):
        name = MONTHS[int(month) - 1] if month.isdigit() and 1 <= int(month) <= 12 else month
        found.append((name.lower(), name, groups[month]))
    if "" in groups:
        found.append(("month-unknown", "Month not known", groups[""]))
    return found


def year_nav(years: list[str], year: str, src_uri: str) -> str:
    i = years.index(year)
    links = []
    if i > 0:
        links.append(
            f'<a href="{esc(rel(src_uri, f"years/{years[i - 1]}/"))}">← {esc(years[i - 1])}</a>'
        )
    links.append(f'<a href="{esc(rel(src_uri, "years/"))}">All years</a>')
    if i + 1 < len(years):
        links.append(
            f'<a href="{esc(rel(src_uri, f"years/{years[i + 1]}/"))}">{esc(years[i + 1])} →</a>'
        )
    return f'<nav class="tl-pager" aria-label="Years">{" · ".join(links)}</nav>'


def year_html(year: str, site: Site) -> str:
    uri = year_uri(year)
    events = site.by_year[year]
    groups = month_groups(events)
    toc = " · ".join(f'<a href="#{a}">{esc(h)}</a>' for a, h, _ in groups)
    sections = "".join(
        f'<section aria-labelledby="{a}"><h2 id="{a}">{esc(h)} {esc(year)}</h2>'
        f"{''.join(event_card(e, site, uri) for e in evs)}</section>"
        for a, h, evs in groups
    )
    count = f"{len(events)} contact{'s' if len(events) != 1 else ''}"
    return (
        f"<h1>{esc(year)}</h1>{year_nav(list(site.by_year), year, uri)}"
        f'<p>{count}. <span class="tl-months">{toc}</span></p>{sections}'
    )


def render_year(year: str, site: Site) -> PageSpec:
    toc = tuple((a, f"{h} {year}") for a, h, _ in month_groups(site.by_year[year]))
    render = partial(year_html, year, site)
    n = len(site.by_year[year])
    description = f"{n} contact{'s' if n != 1 else ''} between US and Chinese officials in {year}."
    title = f"Contacts in {year}"
    return PageSpec(
        year_uri(year), title, render, searchable=False, toc=toc, description=description
    )


def years_index_html(site: Site) -> str:
    uri = "years/index.md"
    rows = "".join(
        f'<li><a href="{esc(rel(uri, f"years/{page_slug(y)}/"))}">{esc(y)}</a> '
        f"<span>{len(evs)} contact{'s' if len(evs) != 1 else ''}</span></li>"
        for y, evs in reversed(site.by_year.items())
    )
    return f'<h1>Years</h1><ul class="tl-years">{rows}</ul>'


def render_years_index(site: Site) -> PageSpec:
    description = "US–China diplomatic contacts, year by year."
    return PageSpec(
        "years/index.md", "Years", partial(years_index_html, site), description=description
    )


def edit_url(event: Event, options: RenderOptions) -> str | None:
    if not options.edit_base or not event.path:
        return None
    url = f"{options.edit_base}events/{event.path}"
    return url if is_web_url(url) else None


def related_html(event: Event, site: Site, uri: str) -> str:
    """The trip this event is part of, the meetings it contains, and the same people's
    previous and next contacts."""
    parts = []
    parent = site.index.get(event.part_of) if event.part_of else None
    if parent is not None:
        parts.append(f"<h2>Part of</h2><ul>{_item(parent, uri)}</ul>")
    children = site.children.get(event.id, [])
    if children:
        items = "".join(_item(c, uri) for c in children)
        parts.append(f"<h2>Contacts during this {esc(event.kind)}</h2><ul>{items}</ul>")
    before, after = site.neighbours.get(event.id, (None, None))
    if before or after:
        items = ""
        if before:
            items += f"<li>Previous: {_link(before, uri)}</li>"
        if after:
            items += f"<li>Next: {_link(after, uri)}</li>"
        parts.append(f"<h2>Between the same people</h2><ul>{items}</ul>")
    return "".join(parts)


def _link(event: Event, uri: str) -> str:
    return f'<a href="{esc(event_href(event, uri))}">{esc(event.title)}</a> ({date_html(event)})'


def _item(event: Event, uri: str) -> str:
    return f"<li>{_link(event, uri)}</li>"


def event_uri(event: Event) -> str:
    return f"events/{page_slug(event.id)}.md"


DRAFT_BANNER = (
    '<div class="admonition warning tl-draft-banner" role="note">'
    '<p class="admonition-title">Draft: not yet checked by an editor</p>'
    "<p>This entry was extracted automatically and may be wrong. A build for the public "
    "site leaves drafts out unless the plugin's <code>publish_drafts</code> option is set."
    "</p></div>"
)


def editors_html(event: Event, options: RenderOptions) -> str:
    """The editors' tools, collapsed: the file, its edit link, the id, the sources' files."""
    edit = edit_url(event, options)
    path = f"{options.content_path}/events/{event.path}" if event.path else ""
    rows = [f"<li>Id: <code>{esc(event.id)}</code></li>"]
    if path:
        rows.append(f"<li>File: <code>{esc(path)}</code></li>")
    if edit:
        rows.append(f'<li><a href="{esc(edit)}" rel="nofollow">Edit this entry</a></li>')
    for source in event.sources:
        ref = source.article or (f"historian record {source.record}" if source.record else "")
        if ref:
            rows.append(f"<li>Source: <code>{esc(ref)}</code></li>")
    return (
        '<details class="tl-editors" data-search-exclude><summary>For editors</summary>'
        f"<ul>{''.join(rows)}</ul></details>"
    )


def event_description(event: Event, site: Site) -> str:
    """One line for search engines and social cards."""
    return event.summary or event.title


def channel_row(event: Event, site: Site, uri: str) -> str:
    channel = channel_of(event, site)
    href = esc(channel_href(channel, uri))
    return f'<dt>Channel</dt> <dd><a href="{href}">{esc(CHANNELS[channel])}</a></dd> '


def event_html(event: Event, site: Site, options: RenderOptions) -> str:
    uri = event_uri(event)
    place = f"<dt>Place</dt> <dd>{esc(event.location)}</dd> " if event.location else ""
    tags = ", ".join(esc(t) for t in event.tags)
    tags_row = f"<dt>Tags</dt> <dd>{tags}</dd> " if tags else ""
    year = f'<a href="{esc(rel(uri, f"years/{page_slug(event.year)}/"))}">{esc(event.year)}</a>'
    banner = DRAFT_BANNER if event.review != "reviewed" else ""
    return (
        f"<h1>{esc(event.title)}</h1>{banner}"
        f'<p class="tl-summary">{esc(event.summary)}</p> '
        f'<p class="tl-meta">{date_html(event)} {kind_badge(event, uri)} {review_badge(event)}</p> '
        '<dl class="tl-facts">'
        f"<dt>Date</dt> <dd>{date_html(event)}, in {year}</dd> "
        f"<dt>Status</dt> <dd>{esc(STATUS_LABELS.get(event.status, event.status))}</dd> "
        f"<dt>Participants</dt> <dd>{participants_html(event, site, uri)}</dd> "
        f"{place}{channel_row(event, site, uri)}{tags_row}{provenance_row(event)}</dl> "
        f"{related_html(event, site, uri)}"
        f'<h2 id="sources">Sources</h2><div class="tl-side-by-side">'
        f"{sources_html(event, with_summary=True)}</div>{editors_html(event, options)}"
    )


def render_event(event: Event, site: Site, options: RenderOptions) -> PageSpec:
    render = partial(event_html, event, site, options)
    description = event_description(event, site)
    return PageSpec(event_uri(event), event.title, render, description=description, boost=2)
