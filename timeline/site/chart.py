"""Contacts per year, by kind, as an inline SVG stacked bar chart drawn at build time."""

from __future__ import annotations

from collections import Counter

from timeline.site.cards import KIND_LABELS, kind_label
from timeline.site.markup import esc
from timeline.model import Event
from timeline.site.index import page_slug

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_BOTTOM, PAD_TOP = 720, 240, 36, 16, 28, 10


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


def _bars(years: list[str], counts: dict[str, Counter[str]], kinds: list[str], top: int) -> str:
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    step = (WIDTH - PAD_LEFT - PAD_RIGHT) / max(len(years), 1)
    bar_w = max(step * 0.8, 1)
    label_every = max(1, round(len(years) / 12))
    out = []
    for i, year in enumerate(years):
        x = PAD_LEFT + i * step + (step - bar_w) / 2
        y = HEIGHT - PAD_BOTTOM
        for kind in kinds:
            n = counts.get(year, Counter())[kind]
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            out.append(
                f'<rect class="tl-fill-{esc(page_slug(kind))}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{bar_w:.1f}" height="{h:.1f}"><title>{esc(year)}: {n} '
                f"{esc(kind_label(kind))}</title></rect>"
            )
        if i % label_every == 0:
            out.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle">'
                f"{esc(year)}</text>"
            )
    return "".join(out)


def contacts_chart(events: list[Event]) -> str:
    """The chart, its legend, and the same numbers as a table for screen readers."""
    counts = counts_by_year(events)
    if not counts:
        return "<p>No contacts yet.</p>"
    years = year_span(list(counts))
    kinds = [k for k in KIND_LABELS if any(c[k] for c in counts.values())]
    kinds += sorted({k for c in counts.values() for k in c} - set(kinds))
    top = max(sum(c.values()) for c in counts.values())
    base = HEIGHT - PAD_BOTTOM
    axis = (
        f'<text x="{PAD_LEFT - 6}" y="{PAD_TOP + 4}" text-anchor="end">{top}</text>'
        f'<text x="{PAD_LEFT - 6}" y="{HEIGHT - PAD_BOTTOM}" text-anchor="end">0</text>'
        f'<line x1="{PAD_LEFT}" x2="{WIDTH}" y1="{base}" y2="{base}"/>'
    )
    svg = (
        f'<svg class="tl-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="tl-chart-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="tl-chart-title">Contacts per year by kind, '
        f"{esc(years[0])}–{esc(years[-1])}</title>"
        f"{axis}{_bars(years, counts, kinds, top)}</svg>"
    )
    legend = "".join(
        f'<li><span class="tl-swatch tl-fill-{esc(page_slug(k))}"></span>{esc(kind_label(k))}</li>'
        for k in kinds
    )
    head = "".join(f"<th scope='col'>{esc(kind_label(k))}</th>" for k in kinds)
    rows = "".join(
        f"<tr><th scope='row'>{esc(y)}</th>"
        + "".join(f"<td>{counts[y][k]}</td>" for k in kinds)
        + f"<td>{sum(counts[y].values())}</td></tr>"
        for y in reversed(list(counts))
    )
    table = (
        "<details><summary>The numbers</summary><table><thead><tr><th scope='col'>Year</th>"
        f"{head}<th scope='col'>All</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )
    return f'<figure class="tl-figure">{svg}<ul class="tl-legend">{legend}</ul>{table}</figure>'
