"""The home page: what the site is, key figures, the chart, the latest contacts and the
interactive timeline (the project's own script, assets/timeline.js, which loads
data/timeline.json lazily; without JavaScript the page still lists the contacts)."""

from __future__ import annotations

import datetime as dt
from functools import partial

from timeline.model import Event
from timeline.naming import format_date
from timeline.site.cards import KIND_LABELS, LEVEL_LABELS, date_html, event_card, event_href
from timeline.site.channels import CHANNELS
from timeline.site.chart import contacts_chart
from timeline.site.index import Site
from timeline.site.markup import esc, rel, script_json
from timeline.site.page import PageSpec, RenderOptions

URI = "index.md"
LATEST = 25
LATEST_SHORT = 5
TIMELINE_DATA = "data/timeline.json"


def first_day(date: str) -> dt.date:
    parts = [*date.split("-"), "01", "01"][:3]
    return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))


def happened_by(site: Site, today: str) -> list[Event]:
    """Top-level contacts (a trip counts once with its meetings) that happened by today."""
    return [e for e in site.top_level if e.date <= today and e.status == "happened"]


def last_leader_contact(site: Site, today: str) -> Event | None:
    """The most recent leader-level contact that happened on or before today."""
    for event in reversed(site.shown):
        if event.date <= today and event.status == "happened" and site.level_of(event) == "leader":
            return event
    return None


def days_since(event: Event | None, today: str) -> str:
    if event is None:
        return "—"
    return str((dt.date.fromisoformat(today) - first_day(event.date)).days)


def key_figures(site: Site, today: str) -> str:
    year = today[:4]
    this_year = sum(1 for e in happened_by(site, today) if e.year == year)
    last = last_leader_contact(site, today)
    figures = (
        (f"Contacts in {year} so far", str(this_year), rel(URI, f"years/{year}/")),
        ("Days since the last leader-level contact", days_since(last, today), None),
        ("Contacts recorded", str(len(site.top_level)), rel(URI, "years/")),
    )
    items = "".join(
        f'<div class="tl-figure-item"><dt>{esc(label)}</dt><dd>'
        + (f'<a href="{esc(href)}">{esc(value)}</a>' if href and value != "0" else esc(value))
        + "</dd></div>"
        for label, value, href in figures
    )
    return f'<dl class="tl-key-figures">{items}</dl>'


def answer_html(site: Site, today: str) -> str:
    """What a reader comes for: the latest contacts and the last one between the leaders."""
    latest = list(reversed(happened_by(site, today)[-LATEST_SHORT:]))
    leader = last_leader_contact(site, today)
    items = "".join(f"<li>{dated_link(e)}</li>" for e in latest)
    leader_line = (
        f"<p><strong>Last contact between the leaders:</strong> {dated_link(leader)}, "
        f"{esc(days_since(leader, today))} days ago.</p>"
        if leader
        else ""
    )
    return (
        '<section class="tl-answer" aria-labelledby="tl-latest-title">'
        f'<h2 id="tl-latest-title">Latest contacts</h2><ol class="tl-latest">{items}</ol>'
        f"{leader_line}{key_figures(site, today)}{data_as_of(site, today)}</section>"
    )


def dated_link(event: Event) -> str:
    href = esc(event_href(event, URI))
    return f'{date_html(event)}: <a href="{href}">{esc(event.title)}</a>'


def data_as_of(site: Site, today: str) -> str:  # on the home page, at the root
    return f'<p class="tl-as-of">{data_as_of_text(site, today)}</p>'


def data_as_of_text(site: Site, today: str, root: str = "") -> str:
    """'Data as of 1 December 2026; latest contact recorded: …', as HTML; `root` is the
    path from the page to the site root."""
    latest = happened_by(site, today)
    newest = f"; latest contact recorded: {date_html(latest[-1])}" if latest else ""
    return (
        f'Data as of <time datetime="{esc(today)}">{esc(format_date(today))}</time>{newest}. '
        f'Licence: <a href="{esc(root or "./")}data/#licence">CC BY 4.0</a>.'
    )


def filter_form(site: Site) -> str:
    kinds = "".join(
        f'<option value="{esc(k)}">{esc(v)}</option>'
        for k, v in KIND_LABELS.items()
        if k in site.by_kind
    )
    levels = "".join(f'<option value="{esc(k)}">{esc(v)}</option>' for k, v in LEVEL_LABELS.items())
    channels = "".join(f'<option value="{esc(k)}">{esc(v)}</option>' for k, v in CHANNELS.items())
    people = sorted(
        (p for p in site.people.values() if p.id in site.by_person), key=lambda p: p.name
    )
    persons = "".join(f'<option value="{esc(p.id)}">{esc(p.name)}</option>' for p in people)
    years = list(site.by_year)
    first, last = (years[0], years[-1]) if years else ("", "")
    bounds = f'min="{esc(first)}" max="{esc(last)}" inputmode="numeric"'
    return (
        '<form id="tl-filters" class="tl-filters" role="search" aria-label="Filter contacts" '
        'hidden><label>Text <input type="search" name="q" autocomplete="off"></label>'
        f'<label>Kind <select name="kind"><option value="">All kinds</option>{kinds}'
        "</select></label>"
        f'<label>Person <select name="person"><option value="">Anyone</option>{persons}'
        "</select></label>"
        f'<label>Level <select name="level"><option value="">All levels</option>{levels}'
        "</select></label>"
        f'<label>Channel <select name="channel"><option value="">All channels</option>{channels}'
        "</select></label>"
        f'<label>From <input type="number" name="from" placeholder="{esc(first)}" {bounds}>'
        "</label>"
        f'<label>To <input type="number" name="to" placeholder="{esc(last)}" {bounds}></label>'
        '<label>Lanes <select name="lanes"><option value="level">By level</option>'
        '<option value="channel">By channel</option></select></label>'
        '<button type="reset">Clear filters</button></form>'
    )


def timeline_app(site: Site) -> str:
    config = {"data": rel(URI, TIMELINE_DATA), "root": rel(URI, "")}
    latest = list(reversed(site.shown[-LATEST:]))
    cards = "".join(event_card(e, site, URI, with_sources=False) for e in latest)
    return (
        '<section id="tl-app" class="tl-app" aria-labelledby="tl-app-title" data-search-exclude>'
        '<h2 id="tl-app-title">Timeline</h2>'
        f'<script type="application/json" id="tl-config">{script_json(config)}</script>'
        f"{filter_form(site)}"
        '<div id="tl-view-wrap" class="tl-view-wrap" hidden>'
        '<div id="tl-view-tools" class="tl-axis-tools"></div>'
        '<div id="tl-view-legend" class="tl-view-legend" role="group" '
        'aria-label="Kinds: choose one to show only that kind"></div>'
        '<div id="tl-view" class="tl-view"></div>'
        '<p id="tl-view-hint" class="tl-view-hint">Drag or use the arrow keys to move in time; '
        "wheel, pinch, + and − to zoom; hover or press . and , to read a contact; click or "
        "Enter opens it.</p></div>"
        '<p id="tl-status" class="tl-status" role="status" aria-live="polite">'
        f"The {len(latest)} latest contacts. "
        f'<a href="{esc(rel(URI, "years/"))}">All contacts, year by year</a>.</p>'
        f'<div id="tl-results" class="tl-results">{cards}</div></section>'
    )


def home_html(site: Site, options: RenderOptions) -> str:
    link = partial(rel, URI)
    return (
        "<h1>US–China diplomatic contacts</h1>"
        '<p class="tl-intro">Meetings, talks, calls, visits, summits and messages between US '
        "and Chinese officials, each with its sources. "
        f'<a href="{esc(link("channels/"))}">By channel</a> · '
        f'<a href="{esc(link("methodology/"))}">How it is made</a> · '
        f'<a href="{esc(link("data/"))}">Download the data</a>.</p>'
        f"{answer_html(site, options.today)}"
        f"<h2>Contacts per year</h2>{contacts_chart(site.top_level)}"
        f"{timeline_app(site)}"
    )


DESCRIPTION = (
    "The latest diplomatic contacts between US and Chinese officials, by year, kind, "
    "person and channel, each with its sources."
)


def render_home(site: Site, options: RenderOptions) -> PageSpec:
    render = partial(home_html, site, options)
    return PageSpec(URI, "US–China diplomatic contacts", render, description=DESCRIPTION)
