"""The home page: what the site is, key figures, the chart, the latest contacts and the
interactive timeline (the project's own script, assets/timeline.js, which loads
data/timeline.json lazily; without JavaScript the page still lists the contacts)."""

from __future__ import annotations

import datetime as dt
from functools import partial

from timeline.site.cards import KIND_LABELS, LEVEL_LABELS, event_card
from timeline.site.markup import esc, rel, script_json
from timeline.model import Event
from timeline.site.page import PageSpec, RenderOptions
from timeline.site.index import Site
from timeline.site.chart import contacts_chart

URI = "index.md"
LATEST = 25
TIMELINE_DATA = "data/timeline.json"


def first_day(date: str) -> dt.date:
    parts = [*date.split("-"), "01", "01"][:3]
    return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))


def last_leader_contact(site: Site, today: str) -> Event | None:
    """The most recent leader-level contact that happened on or before today."""
    for event in reversed(site.shown):
        if event.date <= today and event.status == "happened" and site.level_of(event) == "leader":
            return event
    return None


def key_figures(site: Site, today: str) -> str:
    year = today[:4]
    this_year = sum(1 for e in site.by_year.get(year, []) if e.status == "happened")
    last = last_leader_contact(site, today)
    days = "—"
    if last is not None:
        days = str((dt.date.fromisoformat(today) - first_day(last.date)).days)
    figures = (
        ("Contacts recorded", str(len(site.shown))),
        (f"Contacts in {year}", str(this_year)),
        ("Days since the last leader-level contact", days),
    )
    items = "".join(
        f'<div class="tl-figure-item"><dt>{esc(label)}</dt><dd>{esc(value)}</dd></div>'
        for label, value in figures
    )
    return f'<dl class="tl-key-figures">{items}</dl>'


def filter_form(site: Site) -> str:
    kinds = "".join(f'<option value="{esc(k)}">{esc(v)}</option>' for k, v in KIND_LABELS.items())
    levels = "".join(f'<option value="{esc(k)}">{esc(v)}</option>' for k, v in LEVEL_LABELS.items())
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
        f'<label>From <input type="number" name="from" placeholder="{esc(first)}" {bounds}>'
        "</label>"
        f'<label>To <input type="number" name="to" placeholder="{esc(last)}" {bounds}></label>'
        '<button type="reset">Clear filters</button></form>'
    )


def timeline_app(site: Site) -> str:
    config = {"data": rel(URI, TIMELINE_DATA), "root": rel(URI, "")}
    latest = list(reversed(site.shown[-LATEST:]))
    cards = "".join(event_card(e, site, URI, with_sources=False) for e in latest)
    return (
        '<section id="tl-app" class="tl-app" aria-labelledby="tl-app-title">'
        '<h2 id="tl-app-title">Timeline</h2>'
        f'<script type="application/json" id="tl-config">{script_json(config)}</script>'
        f"{filter_form(site)}"
        '<div id="tl-axis" class="tl-axis" hidden></div>'
        '<p id="tl-status" class="tl-status" role="status" aria-live="polite">'
        f"The {len(latest)} latest contacts. "
        f'<a href="{esc(rel(URI, "years/"))}">All contacts, year by year</a>.</p>'
        f'<div id="tl-results" class="tl-results">{cards}</div></section>'
    )


def home_html(site: Site, options: RenderOptions) -> str:
    return (
        "<h1>US–China diplomatic contacts</h1>"
        '<p class="tl-intro">A timeline of meetings, talks, calls, visits, summits and messages '
        "between officials of the United States and the People's Republic of China. Each entry "
        "is extracted from news articles, keeps the sentence it came from, and is reviewed by an "
        f'editor. <a href="{esc(rel(URI, "methodology/"))}">How it is made</a> · '
        f'<a href="{esc(rel(URI, "data/"))}">Download the data</a>.</p>'
        f"{key_figures(site, options.today)}"
        f"<h2>Contacts per year</h2>{contacts_chart(site.shown)}"
        f"{timeline_app(site)}"
    )


def render_home(site: Site, options: RenderOptions) -> PageSpec:
    return PageSpec(URI, "US–China diplomatic contacts", partial(home_html, site, options))
