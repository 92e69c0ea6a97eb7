"""The people index (by country and level), a page per person, the kinds index and a page
per kind."""

from __future__ import annotations

from collections import Counter
from functools import partial

from timeline.model import Event, Person
from timeline.site.cards import (
    KIND_LABELS,
    LEVEL_LABELS,
    date_html,
    event_href,
    kind_label,
    person_href,
)
from timeline.site.chart import plural
from timeline.site.index import Site, page_slug
from timeline.site.markup import esc, rel
from timeline.site.page import PageSpec

COUNTRIES = {"us": "United States", "cn": "China"}


def current_role(person: Person) -> str:
    if not person.roles:
        return ""
    ordered = sorted(person.roles, key=lambda r: (r.end is None, r.end or "", r.start or ""))
    return ordered[-1].title


def compact_list(events: list[Event], uri: str) -> str:
    """Events as a short list, newest first: date, kind, linked title."""
    items = "".join(
        f"<li>{date_html(e)} · {esc(kind_label(e.kind))} · "
        f'<a href="{esc(event_href(e, uri))}">{esc(e.title)}</a></li>'
        for e in reversed(events)
    )
    return f'<ol class="tl-compact" reversed>{items}</ol>'


def people_index_html(site: Site) -> str:
    uri = "people/index.md"
    parts = ["<h1>People</h1>"]
    for country, country_name in COUNTRIES.items():
        people = [p for p in site.people.values() if p.country == country]
        if not people:
            continue
        parts.append(f"<h2>{esc(country_name)}</h2>")
        for level, label in LEVEL_LABELS.items():
            group = sorted(
                (p for p in people if (p.level or "other") == level), key=lambda p: p.name
            )
            if not group:
                continue
            items = "".join(
                f'<li><a href="{esc(person_href(p.id, uri))}">{esc(p.name)}</a>'
                f" — {esc(current_role(p))} ({len(site.by_person.get(p.id, []))})</li>"
                for p in group
            )
            parts.append(f'<h3>{esc(label)}</h3><ul class="tl-index">{items}</ul>')
    return "".join(parts)


def render_people_index(site: Site) -> PageSpec:
    description = "US and Chinese officials in the timeline, by country and level."
    render = partial(people_index_html, site)
    return PageSpec("people/index.md", "People", render, description=description, boost=0.3)


def counterparts(person: Person, events: list[Event]) -> Counter[str]:
    found: Counter[str] = Counter()
    for event in events:
        others = event.china if person.side == "us" else event.us
        found.update(list(dict.fromkeys(others)))  # not a set: ties keep one order in every build
    return found


def person_uri(person: Person) -> str:
    return f"people/{page_slug(person.id)}.md"


def person_html(person: Person, site: Site) -> str:
    uri = person_uri(person)
    events = site.by_person.get(person.id, [])
    roles = "".join(
        f"<li>{esc(r.title)} ({esc(r.start or '?')} – {esc(r.end or 'present')})</li>"
        for r in person.roles
    )
    met = counterparts(person, events).most_common()
    others = "".join(
        f'<li><a href="{esc(person_href(pid, uri))}">{esc(site.people[pid].name)}</a> ({n})</li>'
        if pid in site.people
        else f"<li>{esc(pid)} ({n})</li>"
        for pid, n in met
    )
    return (
        f"<h1>{esc(person.name)}</h1>"
        f"<p>{esc(COUNTRIES.get(person.country, person.country))} · "
        f"{esc(LEVEL_LABELS.get(person.level or 'other', 'Others'))}</p>"
        f"<h2>Roles</h2><ul>{roles}</ul>"
        f"<h2>Counterparts</h2><ul>{others or '<li>None yet</li>'}</ul>"
        f"<h2>Contacts ({len(events)})</h2>{compact_list(events, uri)}"
    )


def person_description(person: Person, site: Site) -> str:
    n = len(site.by_person.get(person.id, []))
    role = current_role(person)
    country = COUNTRIES.get(person.country, person.country)
    return f"{person.name}{', ' + role if role else ''} ({country}): {plural(n, 'contact')}."


def render_person(person: Person, site: Site) -> PageSpec:
    render = partial(person_html, person, site)
    description = person_description(person, site)
    return PageSpec(person_uri(person), person.name, render, description=description, boost=1.5)


def kinds_index_html(site: Site) -> str:
    uri = "kinds/index.md"
    kinds = [k for k in KIND_LABELS if k in site.by_kind] + sorted(
        k for k in site.by_kind if k not in KIND_LABELS
    )
    items = "".join(
        f'<li><a href="{esc(rel(uri, f"kinds/{page_slug(k)}/"))}">{esc(kind_label(k))}</a> '
        f"({len(site.by_kind[k])})</li>"
        for k in kinds
    )
    return f"<h1>Kinds of contact</h1><ul>{items}</ul>"


def render_kinds_index(site: Site) -> PageSpec:
    return PageSpec("kinds/index.md", "Kinds of contact", partial(kinds_index_html, site))


def kind_uri(kind: str) -> str:
    return f"kinds/{page_slug(kind)}.md"


def kind_html(kind: str, site: Site) -> str:
    events = site.by_kind[kind]
    items = compact_list(events, kind_uri(kind))
    return f"<h1>{esc(kind_label(kind))}</h1><p>{plural(len(events), 'contact')}.</p>{items}"


def render_kind(kind: str, site: Site) -> PageSpec:
    render = partial(kind_html, kind, site)
    n = len(site.by_kind[kind])
    description = f"{kind_label(kind)}: {plural(n, 'contact')} between US and Chinese officials."
    return PageSpec(
        kind_uri(kind), kind_label(kind), render, searchable=False, description=description
    )
