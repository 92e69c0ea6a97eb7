"""An event as HTML: the card shown on year, person, kind and home pages, and its parts."""

from __future__ import annotations

from timeline.model import Event, Person, Source
from timeline.naming import format_date
from timeline.site.index import Site, is_iso_date, page_slug
from timeline.site.markup import esc, highlight, is_web_url, link, rel

KIND_LABELS = {
    "meeting": "Meeting",
    "talks": "Talks",
    "call": "Call",
    "visit": "Visit",
    "summit": "Summit",
    "message": "Message",
    "other": "Other",
}
LEVEL_LABELS = {"leader": "Leaders", "minister": "Ministers", "other": "Others"}
SIDE_LABELS = {"us": "US", "china": "China"}


def event_href(event: Event, src_uri: str) -> str:
    return rel(src_uri, f"events/{page_slug(event.id)}/")


def person_href(person_id: str, src_uri: str) -> str:
    return rel(src_uri, f"people/{page_slug(person_id)}/")


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def date_html(event: Event) -> str:
    return (
        f'<time datetime="{esc(event.date)}">{esc(format_date(event.date, event.end_date))}</time>'
    )


def kind_badge(event: Event, src_uri: str) -> str:
    href = rel(src_uri, f"kinds/{page_slug(event.kind)}/")
    return f'<a class="tl-badge tl-kind" href="{esc(href)}">{esc(kind_label(event.kind))}</a>'


def review_badge(event: Event) -> str:
    label = "reviewed" if event.review == "reviewed" else "draft"
    title = "checked by an editor" if label == "reviewed" else "not yet checked by an editor"
    return f'<span class="tl-badge tl-review tl-review-{label}" title="{title}">{label}</span>'


def person_link(person_id: str, people: dict[str, Person], src_uri: str) -> str:
    person = people.get(person_id)
    if person is None:
        return f'<span class="tl-person">{esc(person_id)}</span>'
    href = person_href(person_id, src_uri)
    return f'<a class="tl-person" href="{esc(href)}">{esc(person.name)}</a>'


def participants_html(event: Event, site: Site, src_uri: str) -> str:
    parts = []
    for side, ids in (("us", event.us), ("china", event.china)):
        if ids:
            names = ", ".join(person_link(p, site.people, src_uri) for p in ids)
            parts.append(f"<span>{SIDE_LABELS[side]}: {names}</span>")
    return f'<p class="tl-people">{"; ".join(parts) or "Participants not named"}</p>'


LANGUAGE_LABELS = {"en": "English", "uk": "Ukrainian", "ru": "Russian", "zh": "Chinese"}
HSG_HOME = "https://history.state.gov/departmenthistory/"
HSG_HOSTS = ("https://history.state.gov/", "http://history.state.gov/")


def language_label(code: str | None) -> str:
    return LANGUAGE_LABELS.get(code or "", code or "Language not given")


def source_url(source: Source) -> str | None:
    """The original: the article's URL, or the historian record's page on history.state.gov."""
    if is_web_url(source.url):
        return source.url
    historian = source.record and source.record.isdigit()
    return HSG_HOME if historian else None


def source_line(source: Source) -> str:
    """Outlet, publication date and a link to the original, as a reader reads them."""
    outlet = esc(source.outlet or "Source")
    parts = [f'<span class="tl-outlet-name">{outlet}</span>']
    if source.published and is_iso_date(source.published):
        when = format_date(source.published)
        parts.append(f'<time datetime="{esc(source.published)}">{esc(when)}</time>')
    url = source_url(source)
    if url:
        hsg = url.lower().startswith(HSG_HOSTS)
        label = "the record on history.state.gov" if hsg else "the original"
        parts.append(link(url, f"Read {label}"))
    else:
        parts.append('<span class="tl-no-link">no link to the original</span>')
    return f'<p class="tl-outlet">{" · ".join(parts)}</p>'


def quote_html(source: Source, summary: str | None) -> str:
    """The quote in its language, date phrase highlighted, labelled; the English summary
    beside it when the quote is not in English."""
    if not source.quote:
        return ""
    lang = esc(source.language or "")
    label = f'<p class="tl-lang">{esc(language_label(source.language))}</p>'
    quote = f'<blockquote lang="{lang}">{highlight(source.quote, source.date_text)}</blockquote>'
    beside = ""
    if summary and source.language != "en":
        beside = (
            '<div class="tl-translation"><p class="tl-lang">English summary</p>'
            f'<p lang="en">{esc(summary)}</p></div>'
        )
    return f'<div class="tl-quote-pair"><div>{label}{quote}</div>{beside}</div>'


def source_html(source: Source, summary: str | None = None) -> str:
    """One source: outlet, date and link, and the quote with the date phrase highlighted."""
    return f'<li class="tl-source">{source_line(source)}{quote_html(source, summary)}</li>'


def sources_html(event: Event, *, with_summary: bool = False) -> str:
    if not event.sources:
        return ""
    summary = event.summary if with_summary else None
    items = "".join(source_html(s, summary) for s in event.sources)
    return f'<ul class="tl-sources" aria-label="Sources">{items}</ul>'


def event_card(event: Event, site: Site, src_uri: str, *, with_sources: bool = True) -> str:
    """One event as a card: date, kind, place, review, title, participants, summary, sources."""
    place = f' <span class="tl-place">{esc(event.location)}</span>' if event.location else ""
    sources = sources_html(event) if with_sources else ""
    return (
        f'<article class="tl-card" data-id="{esc(event.id)}">'
        f'<p class="tl-meta">{date_html(event)} {kind_badge(event, src_uri)}'
        f"{place} {review_badge(event)}</p>"
        f'<h3 class="tl-title"><a href="{esc(event_href(event, src_uri))}">'
        f"{esc(event.title)}</a></h3>"
        f"{participants_html(event, site, src_uri)}"
        f'<p class="tl-summary">{esc(event.summary)}</p>{sources}</article>'
    )


def event_list(events: list[Event], site: Site, src_uri: str, **kwargs: bool) -> str:
    return "\n".join(event_card(e, site, src_uri, **kwargs) for e in events)
