"""Render the site's generated pages as HTML fragments: plain functions over plain data.

Every field from the store is untrusted: it reaches HTML only through `esc` or `link`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .model import Event, Person
from .naming import format_date


@dataclass(frozen=True)
class PageSpec:
    """A generated page: where it goes (Markdown source path), its title and its HTML body."""

    src_uri: str
    title: str
    html: str


@dataclass
class Site:
    """Everything the renderers need, collected before anything is rendered."""

    events: list[Event]
    people: dict[str, Person]

    def by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def link(url: str | None, text: str) -> str:
    """An anchor for http(s) URLs only; anything else is shown as plain text."""
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(url)}" rel="noopener nofollow">{esc(text)}</a>'
    return esc(text)


def event_url(event: Event, from_uri: str) -> str:
    """Relative link from the page at `from_uri` to the event's permalink page."""
    depth = from_uri.count("/")
    return "../" * depth + f"events/{event.id}/"


def person_names(ids: list[str], people: dict[str, Person]) -> str:
    return ", ".join(esc(people[i].name if i in people else i) for i in ids)


def event_card(event: Event, site: Site, from_uri: str) -> str:
    """One event as a card: date, kind, participants, place, summary."""
    place = f'<span class="tl-place">{esc(event.location)}</span>' if event.location else ""
    return (
        f'<article class="tl-card tl-kind-{esc(event.kind)}" data-id="{esc(event.id)}">'
        f'<p class="tl-meta"><time datetime="{esc(event.date)}">'
        f"{esc(format_date(event.date, event.end_date))}</time> "
        f'<span class="tl-badge">{esc(event.kind)}</span> {place}</p>'
        f'<h3><a href="{esc(event_url(event, from_uri))}">{esc(event.title)}</a></h3>'
        f'<p class="tl-people">US: {person_names(event.us, site.people)}; '
        f"China: {person_names(event.china, site.people)}</p>"
        f"<p>{esc(event.summary)}</p></article>"
    )


def render_home(site: Site) -> PageSpec:
    events = sorted(site.events, key=lambda e: e.date, reverse=True)
    cards = "\n".join(event_card(e, site, "index.md") for e in events)
    body = (
        "<p>A timeline of diplomatic contacts between US and Chinese officials, "
        "extracted from news articles and reviewed by editors.</p>"
        f'<section class="tl-list" aria-label="Contacts">{cards}</section>'
    )
    return PageSpec("index.md", "US–China diplomatic contacts", body)


def render_source(source, event: Event) -> str:  # type: ignore[no-untyped-def]
    article = f" <code>{esc(source.article)}</code>" if source.article else ""
    quote = ""
    if source.quote:
        quote = f'<blockquote lang="{esc(source.language or "")}">{esc(source.quote)}</blockquote>'
    return (
        f'<li class="tl-source"><p>{link(source.url, source.outlet or "source")}, '
        f"{esc(source.published or '')}{article}</p>{quote}</li>"
    )


def render_event_page(event: Event, site: Site) -> PageSpec:
    uri = f"events/{event.id}.md"
    place = f"<dt>Place</dt><dd>{esc(event.location)}</dd>" if event.location else ""
    sources = "".join(render_source(s, event) for s in event.sources)
    body = (
        '<dl class="tl-facts">'
        f'<dt>Date</dt><dd><time datetime="{esc(event.date)}">'
        f"{esc(format_date(event.date, event.end_date))}</time></dd>"
        f"<dt>Kind</dt><dd>{esc(event.kind)}</dd>"
        f"<dt>Status</dt><dd>{esc(event.status)}</dd>"
        f"<dt>US participants</dt><dd>{person_names(event.us, site.people)}</dd>"
        f"<dt>Chinese participants</dt><dd>{person_names(event.china, site.people)}</dd>"
        f"{place}<dt>Review</dt><dd>{esc(event.review)}</dd></dl>"
        f"<p>{esc(event.summary)}</p><h2>Sources</h2><ul>{sources}</ul>"
    )
    return PageSpec(uri, event.title, body)


def render_pages(site: Site) -> list[PageSpec]:
    """Every generated page of the site."""
    return [render_home(site), *(render_event_page(e, site) for e in site.events)]
