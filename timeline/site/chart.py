"""Contacts per year, by kind: a stacked bar chart in plain HTML drawn at build time.

Each year is a link to its page; the bars are flex boxes, so the labels stay text of the
page's own size on a phone (an SVG scaled to 390 px shrinks its labels to a few pixels).
A trip and the meetings held during it count once (the caller passes `Site.top_level`).
"""

from __future__ import annotations

from collections import Counter

from timeline.model import Event
from timeline.site.cards import KIND_LABELS, kind_label
from timeline.site.index import page_slug
from timeline.site.markup import esc, rel


def counts_by_year(events: list[Event]) -> dict[str, Counter[str]]:
    found: dict[str, Counter[str]] = {}
    for event in events:
        found.setdefault(event.year, Counter())[event.kind] += 1
    return dict(sorted(found.items()))


def year_span(years: list[str]) -> list[str]:
    """Every year from the first to the last, so that gaps show as gaps."""
    numeric = [int(y) for y in years if y.isdigit()]
    if not numeric:
        return years
    return [str(y) for y in range(min(numeric), max(numeric) + 1)]


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def kind_count(n: int, kind: str) -> str:
    """'3 meetings', '1 call', '2 talks', '4 other'."""
    word = kind_label(kind).lower()
    if n != 1 and not word.endswith("s") and word != "other":
        word += "s"
    return f"{n} {word}"


def bar_label(year: str, counts: Counter[str], kinds: list[str]) -> str:
    total = sum(counts.values())
    parts = ", ".join(kind_count(counts[k], k) for k in kinds if counts[k])
    return f"{year}: {plural(total, 'contact')}" + (f" ({parts})" if parts else "")


def tick_class(year: str) -> str:
    if not year.isdigit():
        return ""
    n = int(year)
    return " tl-tick-10" if n % 10 == 0 else " tl-tick-5" if n % 5 == 0 else ""


def year_bar(year: str, counts: Counter[str], kinds: list[str], top: int, src_uri: str) -> str:
    total = sum(counts.values())
    height = 100 * total / top if top else 0
    segments = "".join(
        f'<span class="tl-fill-{esc(page_slug(k))}" style="flex-grow:{counts[k]}"></span>'
        for k in kinds
        if counts[k]
    )
    stack = f'<span class="tl-stack" style="height:{height:.1f}%">{segments}</span>'
    label = f'<span class="tl-bar-year{tick_class(year)}" aria-hidden="true">{esc(year)}</span>'
    title = esc(bar_label(year, counts, kinds))
    if not total:
        return f'<span class="tl-bar" title="{title}">{stack}{label}</span>'
    href = esc(rel(src_uri, f"years/{page_slug(year)}/"))
    return (
        f'<a class="tl-bar" href="{href}" title="{title}" aria-label="{title}">{stack}{label}</a>'
    )


def numbers_table(counts: dict[str, Counter[str]], kinds: list[str]) -> str:
    head = "".join(f"<th scope='col'>{esc(kind_label(k))}</th>" for k in kinds)
    rows = "".join(
        f"<tr><th scope='row'>{esc(y)}</th>"
        + "".join(f"<td>{counts[y][k]}</td>" for k in kinds)
        + f"<td>{sum(counts[y].values())}</td></tr>"
        for y in reversed(list(counts))
    )
    return (
        "<details class='tl-numbers'><summary>The numbers</summary><table><thead><tr>"
        f"<th scope='col'>Year</th>{head}<th scope='col'>All</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></details>"
    )


def contacts_chart(events: list[Event], src_uri: str = "index.md") -> str:
    """The chart (a bar per year, each a link to the year), its legend, and the numbers."""
    counts = counts_by_year(events)
    if not counts:
        return "<p>No contacts yet.</p>"
    years = year_span(list(counts))
    kinds = [k for k in KIND_LABELS if any(c[k] for c in counts.values())]
    kinds += sorted({k for c in counts.values() for k in c} - set(kinds))
    top = max(sum(c.values()) for c in counts.values())
    bars = "".join(year_bar(y, counts.get(y, Counter()), kinds, top, src_uri) for y in years)
    legend = "".join(
        f'<li><span class="tl-swatch tl-fill-{esc(page_slug(k))}"></span>{esc(kind_label(k))}</li>'
        for k in kinds
    )
    caption = f"Contacts per year by kind, {esc(years[0])}–{esc(years[-1])}; highest: {top}"
    return (
        f'<figure class="tl-figure"><figcaption class="tl-chart-caption">{caption}. '
        "Choose a year to see its contacts.</figcaption>"
        f'<div class="tl-chart" data-top="{top}">'
        f"{bars}</div>"
        f'<ul class="tl-legend" aria-label="Kinds">{legend}</ul>'
        f"{numbers_table(counts, kinds)}</figure>"
    )
