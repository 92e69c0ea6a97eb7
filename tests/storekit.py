"""Helpers for store tests: a content folder, articles, and a predictable stand-in extractor.

The stand-in reads lines `CONTACT <date> <kind> <us ids> <china ids> [place]` from an
article's body, so merge and ledger tests do not depend on how the real extractor reads prose.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from timeline.model import Article, Event, Person, Source
from timeline.naming import event_id, event_summary, event_title

ROOT = Path(__file__).resolve().parent.parent


class LineExtractor:
    def __init__(self, people: list[Person]):
        self.people = {p.id: p for p in people}

    def extract_events(self, article: Article) -> list[Event]:
        events = []
        for line in article.body.splitlines():
            if not line.startswith("CONTACT "):
                continue
            _, date, kind, us, china, *place = line.split()
            event = Event(
                id="",
                title="",
                date=date,
                kind=kind,
                us=us.split(","),
                china=china.split(","),
                location=place[0] if place else None,
            )
            event.sources.append(
                Source(
                    article=article.path,
                    outlet=article.outlet,
                    published=article.published.isoformat(),
                    language=article.language,
                    quote=line,
                    date_basis="explicit",
                    confidence=0.9,
                )
            )
            event.id = event_id(event, self.people)
            event.title = event_title(event, self.people)
            event.summary = event_summary(event, self.people)
            events.append(event)
        return events


def make_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "events").mkdir()
    shutil.copy(ROOT / "content/people.yml", content / "people.yml")
    return content


def write_article(
    content: Path, name: str, *lines: str, published: str = "2023-06-18", outlet: str = "Wire"
) -> Path:
    path = content / "articles" / f"{name}.md"
    front = f"---\ntitle: {name}\noutlet: {outlet}\npublished: {published}\nlanguage: en\n---\n"
    path.write_text(front + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file below `root` and its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


TALKS = "CONTACT 2023-06-18 talks antony-blinken qin-gang Beijing"


def talks_event(source: Source) -> Event:
    """The seed's contact (Blinken and Qin Gang, Beijing, 18 June 2023) reported by `source`."""
    return Event(
        id="2023-06-18-blinken-qin-gang-beijing",
        title="Antony Blinken holds talks with Qin Gang in Beijing",
        date="2023-06-18",
        kind="talks",
        us=["antony-blinken"],
        china=["qin-gang"],
        location="Beijing",
        summary="They held talks.",
        sources=[source],
    )
