"""Channels: which line of government a contact ran through (leaders, foreign policy, defense,
trade and economy, climate, others), derived from the offices the participants held on the
day; the channels page shows each channel's last contact, its longest silences and its
contacts per year."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from functools import partial

from timeline.model import Event, Person
from timeline.site.cards import date_html, event_href
from timeline.site.index import Site
from timeline.site.markup import esc, rel
from timeline.site.page import PageSpec

CHANNELS = {
    "leaders": "Leaders",
    "foreign": "Foreign policy",
    "defense": "Defense",
    "economy": "Trade and economy",
    "climate": "Climate",
    "others": "Others",
}
# Words of an office title -> its channel, tried in this order (first match wins).
OFFICE_WORDS = (
    ("climate", ("Climate",)),
    ("defense", ("Defense", "Military", "Joint Staff", "General Staff", "Liberation Army")),
    ("economy", ("Treasury", "Commerce", "Trade", "Economic", "Finance", "Bank", "Reform",
                 "Agriculture", "Vice Premier")),
    ("foreign", ("Secretary of State", "Foreign Affairs", "National Security Advisor",
                 "Top Diplomat", "State Councilor", "Ambassador", "Liaison Office")),
)  # fmt: skip
PRIORITY = ("defense", "economy", "climate", "foreign")
URI = "channels.md"
GAPS = 3
# Gaps are measured from here: before 2009 the store holds only the historian's visit
# records, too sparse for a silence to mean anything.
GAPS_FROM = "2009"


def office_channel(title: str) -> str | None:
    for channel, words in OFFICE_WORDS:
        if any(word in title for word in words):
            return channel
    return None


def first_day(date: str) -> str:
    return (date + "-01-01")[:10] if len(date) < 10 else date


def person_channels(person: Person, day: str) -> set[str]:
    """The channels of the offices held that day (of all offices when none is dated then)."""
    held = [r for r in person.roles if r.held_on(day)] or person.roles
    return {c for c in (office_channel(r.title) for r in held) if c}


def channel_of(event: Event, site: Site) -> str:
    """Leaders when both sides are leaders; else the channel both sides share, else one
    side's, in the order defense, economy, climate, foreign policy; else others."""
    if site.level_of(event) == "leader":
        return "leaders"
    day = first_day(event.date)
    sides = []
    for ids in (event.us, event.china):
        found: set[str] = set()
        for pid in ids:
            if pid in site.people:
                found |= person_channels(site.people[pid], day)
        sides.append(found)
    both = sides[0] & sides[1]
    either = sides[0] | sides[1]
    for pool in (both, either):
        for channel in PRIORITY:
            if channel in pool:
                return channel
    return "others"


def channel_href(channel: str, src_uri: str) -> str:
    return rel(src_uri, f"channels/#{channel}")


def by_channel(site: Site, today: str) -> dict[str, list[Event]]:
    """Contacts that happened by `today`, per channel; a contact made during a trip counts
    once when the trip is in the same channel."""
    found: dict[str, list[Event]] = {c: [] for c in CHANNELS}
    for event in site.shown:
        if event.status != "happened" or event.date > today:
            continue
        channel = channel_of(event, site)
        parent = site.index.get(event.part_of) if event.part_of else None
        if parent is not None and channel_of(parent, site) == channel:
            continue
        found[channel].append(event)
    return found


def day_of(date: str) -> dt.date:
    return dt.date.fromisoformat(first_day(date))


def longest_gaps(events: list[Event], today: str) -> list[tuple[int, Event, Event | None]]:
    """The longest silences: (days, the contact before, the one after or None if ongoing)."""
    gaps = [((day_of(b.date) - day_of(a.date)).days, a, b) for a, b in itertools.pairwise(events)]
    if events:
        gaps.append(
            ((dt.date.fromisoformat(today) - day_of(events[-1].date)).days, events[-1], None)
        )
    return sorted(gaps, key=lambda g: -g[0])[:GAPS]


def duration(days: int) -> str:
    if days >= 730:
        return f"{days / 365.25:.1f} years"
    if days >= 60:
        return f"{round(days / 30.44)} months"
    return f"{days} day{'s' if days != 1 else ''}"


def _link(event: Event) -> str:
    return f'<a href="{esc(event_href(event, URI))}">{esc(event.title)}</a> ({date_html(event)})'


def gaps_html(events: list[Event], today: str) -> str:
    items = []
    for days, before, after in longest_gaps(events, today):
        end = f"until {_link(after)}" if after else "<strong>and counting</strong>"
        items.append(
            f"<li><strong>{esc(duration(days))}</strong> after {_link(before)}, {end}</li>"
        )
    if not items:
        return f"<p>No contact since {GAPS_FROM}.</p>"
    return f'<ul class="tl-gaps">{"".join(items)}</ul>'


def channel_section(channel: str, events: list[Event], today: str) -> str:
    label = esc(CHANNELS[channel])
    n = len(events)
    count = f'<span class="tl-count">{n} contact{"s" if n != 1 else ""}</span>'
    head = f'<h2 id="{channel}">{label} {count}</h2>'
    if not events:
        return f"{head}<p>No contact recorded in this channel.</p>"
    return (
        f"{head}<p>Last contact: {_link(events[-1])}.</p>"
        f"<p>Longest gaps between contacts since {GAPS_FROM}:</p>"
        f"{gaps_html([e for e in events if e.date >= GAPS_FROM], today)}"
    )


def per_year_table(found: dict[str, list[Event]]) -> str:
    counts = {c: Counter(e.year for e in evs) for c, evs in found.items()}
    years = sorted({y for c in counts.values() for y in c}, reverse=True)
    head = "".join(f'<th scope="col">{esc(label)}</th>' for label in CHANNELS.values())
    rows = "".join(
        f'<tr><th scope="row"><a href="{esc(rel(URI, f"years/{y}/"))}">{esc(y)}</a></th>'
        + "".join(f"<td>{counts[c][y] or ''}</td>" for c in CHANNELS)
        + "</tr>"
        for y in years
    )
    return (
        '<h2 id="per-year">Contacts per year, by channel</h2><div class="tl-table-wrap">'
        f'<table class="tl-channels-table"><thead><tr><th scope="col">Year</th>{head}</tr>'
        f"</thead><tbody>{rows}</tbody></table></div>"
    )


def channels_html(site: Site, today: str) -> str:
    found = by_channel(site, today)
    sections = "".join(channel_section(c, evs, today) for c, evs in found.items())
    return (
        "<h1>Channels</h1><p>Which line of government each contact ran through, from the "
        "offices the participants held that day: <em>leaders</em> when both sides' leaders "
        "took part; otherwise defense, trade and economy, climate or foreign policy (the one "
        "both sides share first). A long gap means a channel fell silent. Contacts made during "
        f"a trip in the same channel count once. Counted up to {esc(today)}.</p>"
        f"{sections}{per_year_table(found)}"
    )


def render_channels(site: Site, today: str) -> PageSpec:
    toc = (*CHANNELS.items(), ("per-year", "Per year"))
    description = "US–China contacts by channel: last contact, longest gaps, contacts per year."
    return PageSpec(
        URI, "Channels", partial(channels_html, site, today), toc=toc, description=description
    )
