"""Throughput of the extractor against the naive baseline given the article's language.

A synthetic corpus of 600 articles of 2-4 KB in mixed languages (uk, ru, en, zh, de,
fr), written by the generator below in its own words, is run through
`Extractor.extract_events` (after parsing each article's front matter, as `timeline
extract` does) and through the naive baseline, `dateparser.search.search_dates` on the
whole body with `languages=[the article's language]`. Both run on the same articles in the
same process, interleaved article by article (ours, then the baseline, on each), so that
the machine's load falls on both alike; the ratio is baseline time / our time over those
articles. The corpus is split into `--rounds` disjoint rounds (every third article), each
with its ratio; the median is printed.
`--unhinted` also times the baseline without `languages` (much slower) on a few articles.

    PYTHONPATH=. python bench/bench_extract.py [--articles 600] [--rounds 3] [--unhinted 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from timeline.articles import parse_article  # noqa: E402
from timeline.extract.extractor import Extractor  # noqa: E402
from timeline.extract.places import PlaceMatcher  # noqa: E402
from timeline.people import load_people  # noqa: E402

PAIRS = {
    "en": [
        ("Antony Blinken", "Wang Yi"),
        ("Joe Biden", "Xi Jinping"),
        ("Janet Yellen", "He Lifeng"),
    ],
    "uk": [
        ("Ентоні Блінкен", "Ван І"),
        ("Джо Байден", "Сі Цзіньпін"),
        ("Ллойд Остін", "Вей Фенхе"),
    ],
    "ru": [
        ("Энтони Блинкен", "Ван И"),
        ("Джо Байден", "Си Цзиньпин"),
        ("Джейк Салливан", "Ян Цзечи"),
    ],
    "zh": [("布林肯", "王毅"), ("拜登", "习近平"), ("耶伦", "何立峰")],
    "de": [("Antony Blinken", "Wang Yi"), ("Joe Biden", "Xi Jinping")],
    "fr": [("Antony Blinken", "Wang Yi"), ("Joe Biden", "Xi Jinping")],
}
CONTACT = {
    "en": [
        "{us} met {cn} on {wd} in {city}.",
        "{us} held talks with {cn} on {day} {month}.",
        "{us} and {cn} spoke by phone yesterday.",
        "{us} will visit Beijing on {month} {day}.",
    ],
    "uk": [
        "{us} у {wdu} зустрівся з {cn} у Пекіні.",
        "{us} і {cn} провели переговори {day} червня.",
        "{us} та {cn} вчора провели телефонну розмову.",
    ],
    "ru": [
        "{us} встретился с {cn} в {wdr} в Пекине.",
        "{us} и {cn} провели переговоры {day} июня.",
        "{us} и {cn} вчера провели телефонный разговор.",
    ],
    "zh": ["{us}{day}日与{cn}举行会谈。", "{cn}周四同{us}通电话。", "{us}将于7月{day}日访问北京。"],
    "de": ["{us} traf {cn} am {day}. Juni in Peking.", "{us} und {cn} telefonierten gestern."],
    "fr": ["{us} a rencontré {cn} le {day} juin à Pékin.", "{us} et {cn} se sont parlé hier."],
}
FILLER = {
    "en": [
        "Markets moved {n} percent after the {adj} report.",
        "The committee spent {n} hours on the {adj} draft.",
        "Analysts expect growth of {n}% in the coming quarter.",
        "The sun rose as delegates sat in the {adj} hall.",
    ],
    "uk": [
        "Ринки зросли на {n} відсотків після {adj} звіту.",
        "Комітет працював понад {n} годин.",
        "У червні експерти обговорювали {adj} прогноз.",
        "Бюджет склав {n} млн гривень у 2022 році.",
    ],
    "ru": [
        "Рынки выросли на {n} процентов после отчета.",
        "Комиссия работала более {n} часов.",
        "В июне эксперты обсуждали прогноз.",
        "Бюджет составил {n} млн рублей в 2022 году.",
    ],
    "zh": [
        "市场上涨了{n}%。",
        "委员会工作了{n}个小时。",
        "专家在6月讨论了预测。",
        "预算为{n}亿元。",
    ],
    "de": ["Die Märkte stiegen um {n} Prozent.", "Der Ausschuss tagte {n} Stunden lang."],
    "fr": [
        "Les marchés ont progressé de {n} pour cent.",
        "La commission a siégé pendant {n} heures.",
    ],
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_UK = ["понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу", "неділю"]
WD_RU = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"]
ADJ = ["quarterly", "annual", "revised", "final", "joint", "technical"]


def article(rng: random.Random, index: int) -> str:
    """One article of 2-4 KB, front matter included."""
    language = rng.choice(list(PAIRS))
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
    target = rng.randrange(2000, 4000)
    parts: list[str] = []
    while len("\n".join(parts).encode("utf-8")) < target:
        us, cn = rng.choice(PAIRS[language])
        pool = CONTACT[language] if rng.random() < 0.25 else FILLER[language]
        parts.append(
            rng.choice(pool).format(
                us=us, cn=cn, wd=rng.choice(WEEKDAYS), wdu=rng.choice(WD_UK), wdr=rng.choice(WD_RU),
                day=rng.randrange(1, 29), month="June", city="Beijing", n=rng.randrange(2, 500),
                adj=rng.choice(ADJ),
            )
        )  # fmt: skip
    body = " ".join(parts)
    while len(body.encode("utf-8")) > 4000:
        body = body[: int(len(body) * 0.95)]
    front = (
        f"---\ntitle: Article {index}\noutlet: Bench\n"
        f"published: {published}\nlanguage: {language}\n---\n"
    )
    return front + body + "\n"


def ours(extractor: Extractor, name: str, text: str) -> int:
    parsed, _ = parse_article(name, text)
    return len(extractor.extract_events(parsed))  # type: ignore[arg-type]


def baseline(text: str, hinted: bool = True) -> int:
    head, _, body = text[4:].partition("\n---\n")
    language = head.split("language: ", 1)[1].split("\n", 1)[0]
    return len(search_dates(body, languages=[language] if hinted else None) or [])


BY_LANGUAGE: dict[str, list[float]] = {}  # language -> [our seconds, baseline seconds]


def interleaved(extractor: Extractor, texts: list[str]) -> tuple[float, float, int, int]:
    """Seconds spent by ours and by the baseline on the same articles, one after the other."""
    mine = theirs = 0.0
    events = dates = 0
    for i, text in enumerate(texts):
        start = time.perf_counter()
        events += ours(extractor, f"bench/{i}.md", text)
        middle = time.perf_counter()
        dates += baseline(text)
        end = time.perf_counter()
        mine, theirs = mine + middle - start, theirs + end - middle
        language = text.split("language: ", 1)[1].split("\n", 1)[0]
        spent = BY_LANGUAGE.setdefault(language, [0.0, 0.0])
        spent[0], spent[1] = spent[0] + middle - start, spent[1] + end - middle
    return mine, theirs, events, dates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--unhinted", type=int, default=0, help="articles for the no-language run")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = [article(rng, i) for i in range(args.articles)]
    warm = [article(random.Random(-1), i) for i in range(30)]  # not in the corpus
    sizes = [len(t.encode("utf-8")) for t in texts]
    people, _ = load_people(ROOT / "content/people.yml")
    extractor = Extractor(people, PlaceMatcher())
    interleaved(extractor, warm)  # imports, compiled patterns, each language's data: not timed
    BY_LANGUAGE.clear()
    print(
        f"corpus: {len(texts)} articles, {min(sizes)}-{max(sizes)} bytes, {sum(sizes) // 1024} KB"
    )
    ratios, total_mine, total_theirs = [], 0.0, 0.0
    for number in range(args.rounds):
        sample = texts[number :: args.rounds]  # disjoint rounds, each of every language
        mine, theirs, events, dates = interleaved(extractor, sample)
        ratios.append(theirs / mine)
        total_mine, total_theirs = total_mine + mine, total_theirs + theirs
        print(
            f"round {number + 1}: extractor {len(sample) / mine:6.1f} articles/s "
            f"({events} events), baseline with languages {len(sample) / theirs:5.1f} "
            f"articles/s ({dates} dates): {theirs / mine:5.1f}x"
        )
    print(f"extractor {len(texts) / total_mine:.1f} articles/s, baseline given the language "
          f"{len(texts) / total_theirs:.1f} articles/s over the {len(texts)} articles")  # fmt: skip
    shares = ", ".join(
        f"{lang} {spent[1] / spent[0]:.1f}x ({spent[0] / total_mine:.0%} of our time)"
        for lang, spent in sorted(BY_LANGUAGE.items())
    )
    print(f"by language: {shares}")
    print(f"speed-up against the baseline given the language: {statistics.median(ratios):.1f}x "
          f"(median of {len(ratios)} interleaved rounds)")  # fmt: skip
    if args.unhinted:
        sample = texts[: args.unhinted]
        start = time.perf_counter()
        for text in sample:
            baseline(text, hinted=False)
        print(f"baseline without languages: {len(sample) / (time.perf_counter() - start):.1f} "
              f"articles/s ({len(sample)} articles)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
