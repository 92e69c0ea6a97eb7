"""Hostile content for the escaping tests: every free-text field holds markup, Markdown,
template syntax, bidi controls or a spreadsheet formula. Our own strings, no third-party text.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from timeline.model import Event, Person, Role, Source
from timeline.people import person_to_dict
from timeline.site.index import Site
from timeline.store.files import write_event
from timeline.yamlio import dump_yaml

SCRIPT = "<script>alert('t')</script>"
IMG = '"><img src=x onerror=alert(1)>'
END_SCRIPT = "</script><script>alert(2)</script><!--"
MARKDOWN = "[click me](javascript:alert(3)) ![pic](https://evil.example/p.png)"
TEMPLATE = "{{ config.site_name }} {% raw %}"
BIDI = "abc\u202eevil\u2066x"
FORMULA = '=HYPERLINK("https://evil.example")'
HOSTILE = (SCRIPT, IMG, END_SCRIPT, MARKDOWN, TEMPLATE, BIDI, FORMULA)
BIDI_CHARS = ("\u202e", "\u2066")

EVENT_ID = "2023-06-18-hostile-talks"


def hostile_people() -> list[Person]:
    return [
        Person(
            "us-hostile",
            f"Ann {SCRIPT}",
            "us",
            [Role(IMG, "2020-01-01")],
            short="Ann",
            level="leader",
            names={"en": ["Ann"]},
        ),
        Person(
            "cn-hostile",
            f"Bo {IMG}",
            "cn",
            [Role(TEMPLATE, "2020-01-01")],
            short="Bo",
            level="leader",
            names={"en": ["Bo"]},
        ),
    ]


def hostile_events(bad_links: bool = True) -> list[Event]:
    """Two events; `bad_links` adds a javascript: source URL, which `timeline check` (and so
    the build) refuses: renderer tests use it, build tests leave it out."""
    source = Source(
        outlet=f"{SCRIPT} {FORMULA}",
        url='https://news.example.org/a?x=1&y="><b>',
        published="2023-06-18",
        language="en",
        quote=f"On Sunday {END_SCRIPT} {MARKDOWN} {BIDI} they met.",
        date_text="Sunday",
        date_basis="relative",
        confidence=0.9,
    )
    first = Event(
        id=EVENT_ID,
        title=f"{SCRIPT} {IMG} {TEMPLATE}",
        date="2023-06-18",
        kind="talks",
        us=["us-hostile"],
        china=["cn-hostile"],
        location=f"{IMG} {BIDI}",
        summary=f"{FORMULA} {MARKDOWN} {END_SCRIPT}",
        sources=[source],
        tags=[SCRIPT, FORMULA, "-1+1", "@cmd"],
        path=f"2023/{EVENT_ID}.yml",
    )
    second = Event(
        id="2023-07-02-hostile-call",
        title=f"+{BIDI} {END_SCRIPT}",
        date="2023-07",
        precision="month",
        kind="call",
        us=["us-hostile"],
        china=["cn-hostile"],
        summary=f"@{TEMPLATE}\nsecond line; with, commas\\",
        sources=[
            Source(
                outlet=MARKDOWN,
                url="javascript:alert(4)" if bad_links else None,
                record="hostile-record-1",
                quote=SCRIPT,
            )
        ],
        part_of=EVENT_ID,
        path="2023/2023-07-02-hostile-call.yml",
    )
    return [first, second]


def write_hostile_content(content: Path) -> None:
    (content / "events").mkdir(parents=True, exist_ok=True)
    people = [person_to_dict(p) for p in hostile_people()]
    (content / "people.yml").write_text(dump_yaml(people), encoding="utf-8")
    for event in hostile_events(bad_links=False):
        write_event(event, content / "events")


class InertChecker(HTMLParser):
    """Collects what would be active in a page: scripts, event handlers, links, images."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.in_script: str | None = None
        self.scripts: list[tuple[str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action") and value:
                scheme = value.split(":", 1)[0].lower() if ":" in value.split("/")[0] else ""
                if scheme and scheme not in ("http", "https"):
                    self.problems.append(f"<{tag} {name}={value!r}>")
                if "evil.example" in value:
                    self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self.in_script = values.get("type") or "text/javascript"
            self.scripts.append((self.in_script, ""))
        if tag == "img" and values.get("src") == "x":
            self.problems.append("<img src=x>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = None

    def handle_data(self, data: str) -> None:
        if self.in_script is None:
            self.text.append(data)
        else:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)


def check_inert(page: str) -> InertChecker:
    """Parse a page; fail on anything hostile that became markup rather than text."""
    checker = InertChecker()
    checker.feed(page)
    checker.close()
    assert not checker.problems, checker.problems
    for kind, body in checker.scripts:
        if kind == "application/json":
            json.loads(body)  # intact: nothing ended the element early
            assert "<" not in body, "a raw < inside embedded JSON"
        else:
            assert "alert(" not in body, f"hostile text inside a <script type={kind}>"
    for char in BIDI_CHARS:
        assert char not in page, f"raw bidi control U+{ord(char):04X} in the page"
    return checker


def hostile_site(summary: str = "Ünïcödé " * 30) -> Site:
    """The hostile events and people, and a three-day visit with a long title and `summary`."""
    extra = Event(
        id="2023-06-20-long-visit",
        title="A visit " + "é" * 80,
        date="2023-06-20",
        end_date="2023-06-22",
        kind="visit",
        summary=summary,
    )
    return Site([*hostile_events(), extra], {p.id: p for p in hostile_people()})
