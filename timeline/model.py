"""The plain data the whole package passes around: articles, sources, events, people."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

KINDS = ("meeting", "talks", "call", "visit", "summit", "message", "other")
STATUSES = ("happened", "planned", "cancelled")
REVIEWS = ("draft", "reviewed", "rejected")
PRECISIONS = ("day", "month", "year")
DATE_BASES = ("explicit", "relative", "publication", "imported")
SIDES = ("us", "china")
COUNTRY_OF_SIDE = {"us": "us", "china": "cn"}
LANGUAGES = ("uk", "ru", "en", "zh")
DATE_FORM = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")

EVENT_KEYS = (
    "id",
    "title",
    "date",
    "end_date",
    "precision",
    "kind",
    "status",
    "review",
    "participants",
    "location",
    "summary",
    "sources",
    "part_of",
    "tags",
    "notes",
)
SOURCE_KEYS = (
    "article",
    "outlet",
    "url",
    "published",
    "language",
    "record",
    "quote",
    "date_text",
    "date_basis",
    "confidence",
    "claim",
)


@dataclass
class Article:
    """A news article: front matter plus the body text, as read from `content/articles/`."""

    path: str
    title: str
    outlet: str
    published: dt.date
    language: str
    body: str
    url: str | None = None
    published_inferred: bool = False


@dataclass(slots=True)
class Source:
    """Where an event was found: the article, its sentence, and how the date was read."""

    outlet: str
    published: str | None = None
    article: str | None = None
    url: str | None = None
    language: str | None = None
    record: str | None = None
    quote: str | None = None
    date_text: str | None = None
    date_basis: str | None = None
    confidence: float | None = None
    claim: str | None = None  # what was read: see timeline/store/claims.py

    def key(self) -> tuple[str, str]:
        """What makes two sources the same citation."""
        return (self.article or self.record or self.url or "", self.quote or "")


@dataclass(slots=True)
class Event:
    """One diplomatic contact. `date` is ISO text: YYYY-MM-DD, YYYY-MM or YYYY."""

    id: str
    title: str
    date: str
    kind: str
    precision: str = "day"
    end_date: str | None = None
    status: str = "happened"
    review: str = "draft"
    us: list[str] = field(default_factory=list)
    china: list[str] = field(default_factory=list)
    location: str | None = None
    summary: str = ""
    sources: list[Source] = field(default_factory=list)
    part_of: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: str | None = None
    path: str | None = None

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def people(self) -> list[str]:
        return [*self.us, *self.china]


@dataclass
class Role:
    """An office a person held; `start`/`end` are ISO dates, `end` None while in office."""

    title: str
    start: str | None = None
    end: str | None = None

    def held_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Person:
    """An official in the people registry (`content/people.yml`)."""

    id: str
    name: str
    country: str
    roles: list[Role] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=dict)
    short: str | None = None
    level: str | None = None

    @property
    def side(self) -> str:
        return "us" if self.country == "us" else "china"

    @property
    def id_part(self) -> str:
        """The part of an event id that names this person: US surname, Chinese full name."""
        if self.short:
            return self.short
        return self.name.split()[-1] if self.country == "us" else self.name


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, printed as `path:line:column: field: message`."""

    path: str
    message: str
    field: str | None = None
    line: int | None = None
    column: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


def date_span(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of YYYY-MM-DD, YYYY-MM or YYYY; None when it is no real date."""
    if not DATE_FORM.match(value):
        return None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None
