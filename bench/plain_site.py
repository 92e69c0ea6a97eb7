"""The benchmark's baseline: the same content written as ordinary Markdown pages with the
same page structure (home, years, one page per event, people, kinds), for a plain
MkDocs + Material build without the timeline plugin."""

from __future__ import annotations

from pathlib import Path

from timeline.model import Event
from timeline.naming import format_date
from timeline.site.index import Site
from timeline.site.pages import month_groups


def names(ids: list[str], site: Site, prefix: str) -> str:
    return ", ".join(
        f"[{site.people[i].name}]({prefix}people/{i}.md)" if i in site.people else i for i in ids
    )


def card(event: Event, site: Site, prefix: str, level: str = "###") -> str:
    lines = [
        f"{level} [{event.title}]({prefix}events/{event.id}.md)",
        "",
        f"{format_date(event.date, event.end_date)} · [{event.kind}]({prefix}kinds/{event.kind}.md)"
        f" · {event.location or ''} · {event.review}",
        "",
        f"US: {names(event.us, site, prefix)}; China: {names(event.china, site, prefix)}",
        "",
        event.summary,
        "",
    ]
    for source in event.sources:
        lines += [f"- [{source.outlet}]({source.url}), {source.published or ''}", ""]
        if source.quote:
            lines += [f"    > {source.quote}", ""]
    return "\n".join(lines)


def event_page(event: Event, site: Site) -> str:
    parts = [f"# {event.title}", "", card(event, site, "../", "##")]
    parent = site.index.get(event.part_of) if event.part_of else None
    if parent:
        parts += ["## Part of", "", f"- [{parent.title}]({parent.id}.md)", ""]
    children = site.children.get(event.id, [])
    if children:
        parts += ["## Contacts during this visit", ""]
        parts += [f"- [{c.title}]({c.id}.md)" for c in children] + [""]
    before, after = site.neighbours.get(event.id, (None, None))
    for label, other in (("Previous", before), ("Next", after)):
        if other:
            parts += [f"- {label}: [{other.title}]({other.id}.md)", ""]
    parts += [f"[Edit this entry](https://example.org/edit/{event.path})", ""]
    return "\n".join(parts)


def write_plain_docs(site: Site, docs: Path) -> None:
    for folder in ("events", "years", "people", "kinds"):
        (docs / folder).mkdir(parents=True, exist_ok=True)
    latest = "\n".join(card(e, site, "") for e in reversed(site.shown[-25:]))
    (docs / "index.md").write_text(f"# US–China diplomatic contacts\n\n{latest}\n")
    years = "\n".join(f"- [{y}]({y}.md) ({len(v)})" for y, v in site.by_year.items())
    (docs / "years/index.md").write_text(f"# Years\n\n{years}\n")
    for year, events in site.by_year.items():
        body = [f"# {year}", ""]
        for _, heading, group in month_groups(events):
            body += [f"## {heading} {year}", ""] + [card(e, site, "../") for e in group]
        (docs / f"years/{year}.md").write_text("\n".join(body))
    for event in site.shown:
        (docs / f"events/{event.id}.md").write_text(event_page(event, site))
    people = "\n".join(f"- [{p.name}]({p.id}.md)" for p in site.people.values())
    (docs / "people/index.md").write_text(f"# People\n\n{people}\n")
    for person in site.people.values():
        items = "\n".join(
            f"- {format_date(e.date, e.end_date)} [{e.title}](../events/{e.id}.md)"
            for e in reversed(site.by_person.get(person.id, []))
        )
        (docs / f"people/{person.id}.md").write_text(f"# {person.name}\n\n{items}\n")
    kinds = "\n".join(f"- [{k}]({k}.md)" for k in site.by_kind)
    (docs / "kinds/index.md").write_text(f"# Kinds\n\n{kinds}\n")
    for kind, events in site.by_kind.items():
        items = "\n".join(f"- [{e.title}](../events/{e.id}.md)" for e in reversed(events))
        (docs / f"kinds/{kind}.md").write_text(f"# {kind}\n\n{items}\n")
    for name in ("data", "methodology", "about"):
        (docs / f"{name}.md").write_text(f"# {name.title()}\n\nText.\n")
