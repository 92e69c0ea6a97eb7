"""Synthetic news articles for benchmarks and stress tests: good ones and broken ones.

Good articles are short reports in uk, ru, en or zh (the project's own filler text, not news)
in which a US and a Chinese official from `content/people.yml`, both in office that day, meet,
talk or call on a stated day; some say "yesterday" instead, some carry a 100,000-character
line. Broken articles fail in one of `BROKEN_KINDS` ways, each of which must cost its file one
or more error lines and nothing else.

    from synth_articles import write_corpus
    corpus = write_corpus(Path("content"), count=2000, broken_share=0.01, seed=1)
    corpus.broken   # {"content/articles/…md": "bad-date", …}

Deterministic for a given count, share and seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.articles import MAX_ARTICLE_BYTES
from timeline.extract.places import load_places
from timeline.model import Person
from timeline.people import load_people

LANGUAGES = ("uk", "ru", "en", "zh")
LAST_DAY = dt.date(2025, 6, 30)
OUTLETS = ("Synthetic Wire", "Sample Daily", "Bench Gazette", "Test Courier")
LONG_LINE_EVERY = 500  # one good article in this many carries a 100,000-character line
LONG_LINE = 100_000

MONTHS = {
    "en": "January February March April May June July August September October November "
    "December".split(),
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада "
    "грудня".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября "
    "декабря".split(),
}
YESTERDAY = {"en": "yesterday", "uk": "вчора", "ru": "вчера", "zh": "昨天"}
# {date} {us} {cn} {place}; every template names both sides and a contact word.
TEMPLATES = {
    "en": [
        "{us} met {cn} in {place} {date}, officials said.",
        "{us} held talks with {cn} in {place} {date}.",
        "{us} spoke by phone with {cn} {date}.",
    ],
    "uk": [
        "{date} {us} і {cn} провели переговори у місті {place}.",
        "{date} {us} і {cn} зустрілися у місті {place}.",
        "{date} {us} і {cn} провели телефонну розмову.",
    ],
    "ru": [
        "{date} {us} и {cn} провели переговоры в городе {place}.",
        "{date} {us} и {cn} встретились в городе {place}.",
        "{date} {us} и {cn} провели телефонный разговор.",
    ],
    "zh": [
        "{date}，{us}与{cn}在{place}举行会谈。",
        "{date}，{us}在{place}会见{cn}。",
        "{date}，{us}与{cn}通电话。",
    ],
}
FILLER = {
    "en": [
        "The two sides discussed trade, climate and regional security.",
        "Both delegations described the conversation as candid.",
        "Analysts expect further contacts later this year.",
    ],
    "uk": [
        "Сторони обговорили торгівлю, клімат і регіональну безпеку.",
        "Обидві делегації назвали розмову відвертою.",
        "Аналітики очікують нових контактів до кінця року.",
    ],
    "ru": [
        "Стороны обсудили торговлю, климат и региональную безопасность.",
        "Обе делегации назвали разговор откровенным.",
        "Аналитики ожидают новых контактов до конца года.",
    ],
    "zh": [
        "双方讨论了贸易、气候和地区安全问题。",
        "两国代表团均称交流坦诚。",
        "分析人士预计今年晚些时候双方还会有更多往来。",
    ],
}


@dataclass
class Corpus:
    """What `write_corpus` wrote: every article path (as cited) and the broken ones' kinds."""

    paths: list[str] = field(default_factory=list)
    broken: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Pick:
    language: str
    day: dt.date
    us: Person
    cn: Person


def in_office(person: Person, day: dt.date) -> bool:
    return any(role.held_on(day.isoformat()) for role in person.roles)


def spans(person: Person) -> list[tuple[dt.date, dt.date]]:
    """The days a person held office, as (first, last) pairs, clipped to LAST_DAY."""
    found = []
    for role in person.roles:
        if role.start is None:
            continue
        first = dt.date.fromisoformat(role.start)
        last = dt.date.fromisoformat(role.end) if role.end else LAST_DAY
        if first <= min(last, LAST_DAY):
            found.append((first, min(last, LAST_DAY)))
    return found


def pick_contact(rng: random.Random, people: list[Person]) -> Pick:
    """A language, a day and two officials (one per side) in office that day, named in it."""
    while True:
        language = rng.choice(LANGUAGES)
        us = [p for p in people if p.country == "us" and p.names.get(language) and spans(p)]
        person = rng.choice(us)
        first, last = rng.choice(spans(person))
        day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
        china = [
            p for p in people if p.country == "cn" and p.names.get(language) and in_office(p, day)
        ]
        if china:
            return Pick(language, day, person, rng.choice(china))


def date_phrase(language: str, day: dt.date) -> str:
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    month = MONTHS[language][day.month - 1]
    if language == "en":
        return f"on {month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year} {'року' if language == 'uk' else 'года'}"


def good_article(rng: random.Random, number: int, people: list[Person], places: list[dict]):
    """(language, published day, text) of one well-formed report of one contact."""
    pick = pick_contact(rng, people)
    lang = pick.language
    relative = rng.random() < 0.2
    published = pick.day + dt.timedelta(days=1 if relative else rng.randint(0, 3))
    date = YESTERDAY[lang] if relative else date_phrase(lang, pick.day)
    place = rng.choice(places)["names"][lang][0]
    sentence = rng.choice(TEMPLATES[lang]).format(
        date=date, us=pick.us.names[lang][0], cn=pick.cn.names[lang][0], place=place
    )
    if lang != "en":
        sentence = sentence[0].upper() + sentence[1:]
    paragraphs = [sentence, *rng.sample(FILLER[lang], 2)]
    if number % LONG_LINE_EVERY == LONG_LINE_EVERY - 1:
        words = FILLER[lang][0].rstrip(".。") + " "
        paragraphs.append((words * (LONG_LINE // len(words) + 1))[:LONG_LINE])
    front = (
        f"---\ntitle: Report {number} ({lang})\noutlet: {OUTLETS[number % len(OUTLETS)]}\n"
        f"published: {published.isoformat()}\nlanguage: {lang}\n"
        f"url: https://news.example.org/{lang}/{number}\n---\n\n"
    )
    return lang, published, front + "\n\n".join(paragraphs) + "\n"


def _front(text: str) -> tuple[str, str]:
    head, _, body = text[4:].partition("\n---\n")
    return head, body


def _replace_line(text: str, key: str, line: str | None) -> str:
    head, body = _front(text)
    lines = [x for x in head.split("\n") if not x.startswith(f"{key}:")]
    if line is not None:
        lines.append(line)
    return "---\n" + "\n".join(lines) + "\n---\n" + body


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
# One way to break a good article each: text in, bytes out.
BROKEN_KINDS: dict[str, Callable[[str], bytes]] = {
    "no-front-matter": lambda t: _front(t)[1].encode(),
    "missing-published": lambda t: _replace_line(t, "published", None).encode(),
    "unknown-language": lambda t: _replace_line(t, "language", "language: tlh").encode(),
    "bad-date": lambda t: _replace_line(t, "published", "published: 2023-02-30").encode(),
    "non-utf8": lambda t: t.encode().replace(b"\n\n", b"\n\xff\xfe caf\xe9\n", 1),
    "binary": lambda t: bytes(range(256)) * 8,
    "empty": lambda t: b"",
    "yaml-syntax": lambda t: _replace_line(t, "title", "title: [unclosed, list").encode(),
    "alias-bomb": lambda t: ("---\n" + BOMB + _front(t)[0] + "\n---\n" + _front(t)[1]).encode(),
    "python-tag": lambda t: _replace_line(
        t, "title", "title: !!python/object/apply:os.system ['echo pwned']"
    ).encode(),
    "huge-line": lambda t: b"x" * (MAX_ARTICLE_BYTES + 1),
}


def broken_indexes(count: int, share: float, rng: random.Random) -> list[int]:
    return sorted(rng.sample(range(count), round(count * share)))


def write_corpus(
    content: Path,
    count: int,
    broken_share: float = 0.01,
    seed: int = 1,
    people_file: Path | None = None,
) -> Corpus:
    """Write `count` articles under `content/articles/`; `broken_share` of them broken, the
    kinds of breakage taken in turn. Paths are reported as cited: `content/articles/…`."""
    rng = random.Random(seed)
    people, problems = load_people(people_file or content / "people.yml")
    if problems or not people:
        raise ValueError(f"cannot read the people registry: {problems}")
    places = [p for p in load_places() if all(p["names"].get(lang) for lang in LANGUAGES)]
    broken = dict.fromkeys(broken_indexes(count, broken_share, rng))
    kinds = list(BROKEN_KINDS)
    corpus = Corpus()
    for number in range(count):
        lang, published, text = good_article(rng, number, people, places)
        rel = f"articles/{lang}/{published.year}/{published.isoformat()}-report-{number:05d}.md"
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        cited = f"{content.name}/{rel}"
        corpus.paths.append(cited)
        if number in broken:
            kind = kinds[len(corpus.broken) % len(kinds)]
            corpus.broken[cited] = kind
            path.write_bytes(BROKEN_KINDS[kind](text))
        else:
            path.write_text(text, encoding="utf-8")
    return corpus
