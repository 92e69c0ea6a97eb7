"""Calendar and feed exports: iCalendar (RFC 5545, all-day events, stable UIDs) and Atom.

Both are written by hand so that every escaping rule is visible: iCalendar text escaping
and line folding at 75 octets, XML escaping with characters XML cannot hold removed. Both are
written to a text stream, the calendar one event at a time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TextIO
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from timeline.model import Event
from timeline.naming import format_date
from timeline.site.index import Site, page_slug
from timeline.site.markup import is_web_url

UID_DOMAIN = "uschina-timeline"
FEED_SIZE = 50
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
NOT_ICS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def ics_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped; controls removed."""
    value = NOT_ICS.sub("", value.replace("\r\n", "\n"))
    for char, code in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(char, code)
    return value


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    data = line.encode("utf-8")
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: step back to the start
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74  # continuation lines begin with a space
    parts.append(data[start:])
    return "\r\n ".join(p.decode("utf-8") for p in parts)


def span(event: Event) -> tuple[dt.date, dt.date]:
    """First day and the day after the last (DTEND is exclusive for all-day events)."""
    parts = [int(p) for p in event.date.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0] + 1, 1, 1)
    if len(parts) == 2:
        start = dt.date(parts[0], parts[1], 1)
        return start, (start + dt.timedelta(days=32)).replace(day=1)
    start = dt.date(*parts)
    end = start
    if event.end_date and len(event.end_date) == 10:
        end = max(start, dt.date.fromisoformat(event.end_date))
    return start, end + dt.timedelta(days=1)


def ics_event(event: Event, site: Site, stamp: str, base_url: str | None) -> list[str]:
    start, end = span(event)
    names = ", ".join(site.people[p].name if p in site.people else p for p in event.people)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{page_slug(event.id)}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{ics_text(event.title)}",
        f"DESCRIPTION:{ics_text(event.summary + (' Participants: ' + names if names else ''))}",
        f"CATEGORIES:{ics_text(event.kind)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{ics_text(event.location)}")
    if base_url:
        lines.append(f"URL:{base_url}events/{page_slug(event.id)}/")
    lines.append("STATUS:CANCELLED" if event.status == "cancelled" else "STATUS:CONFIRMED")
    return [*lines, "END:VEVENT"]


ICS_HEAD = (
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//uschina-timeline//timeline//EN",
    "CALSCALE:GREGORIAN",
    "X-WR-CALNAME:US–China diplomatic contacts",
)


def write_lines(out: TextIO, lines: Iterable[str]) -> None:
    out.write("".join(fold(line) + "\r\n" for line in lines))


def write_events_ics(site: Site, out: TextIO, *, today: str, base_url: str | None = None) -> None:
    """The calendar; lines end in CRLF: `out` must not translate newlines (`newline=""`)."""
    stamp = today.replace("-", "") + "T000000Z"
    write_lines(out, ICS_HEAD)
    for event in site.shown:
        write_lines(out, ics_event(event, site, stamp, base_url))
    write_lines(out, ["END:VCALENDAR"])


def xml_text(value: str) -> str:
    return xml_escape(NOT_XML.sub("", value))


def atom_time(date: str) -> str:
    parts = [*date.split("-"), "01", "01"][:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def atom_entry(event: Event, base_url: str) -> str:
    href = f"{base_url}events/{page_slug(event.id)}/"
    summary = f"{format_date(event.date, event.end_date)}. {event.summary}"
    return (
        "<entry>"
        f"<id>tag:{UID_DOMAIN},2024:event/{xml_text(page_slug(event.id))}</id>"
        f"<title>{xml_text(event.title)}</title>"
        f"<updated>{atom_time(event.date)}</updated>"
        f'<link rel="alternate" type="text/html" href={quoteattr(href)}/>'
        f"<category term={quoteattr(NOT_XML.sub('', event.kind))}/>"
        f'<summary type="text">{xml_text(summary)}</summary>'
        "</entry>"
    )


def write_atom_feed(site: Site, out: TextIO, *, base_url: str | None = None) -> None:
    """The newest contacts. Links are absolute when the site's URL is known, else relative
    to the feed (it sits at the site root)."""
    base = base_url if base_url and is_web_url(base_url) else ""
    newest = list(reversed(site.shown[-FEED_SIZE:]))
    updated = atom_time(newest[0].date) if newest else "1970-01-01T00:00:00Z"
    entries = "".join(atom_entry(e, base) for e in newest)
    home = base or "./"
    out.write(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>tag:{UID_DOMAIN},2024:feed</id>"
        "<title>US–China diplomatic contacts</title>"
        f"<updated>{updated}</updated>"
        f'<link rel="alternate" type="text/html" href={quoteattr(home)}/>'
        f"<author><name>{UID_DOMAIN}</name></author>{entries}</feed>\n"
    )
