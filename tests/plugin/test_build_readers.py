"""A real build for readers: drafts left out unless the option says so, canonical URLs,
social-card metadata with each page's own description, absolute feed links, data as of."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from buildkit import mkdocs_build

pytestmark = pytest.mark.build
SEED = "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
DRAFT_ID = "2023-06-18-blinken-qin-gang-draft"


def add_draft(project: Path) -> None:
    seed = (project / SEED).read_text(encoding="utf-8")
    draft = seed.replace("id: 2023-06-18-blinken-qin-gang-beijing", f"id: {DRAFT_ID}")
    draft = re.sub(r"(?m)^review: .*$", "review: draft", draft)
    draft = draft.replace("holds talks with", "drafted talks with")
    draft = draft.replace("date: 2023-06-18", "date: 2023-06-28")  # another contact
    draft = re.sub(r"(?m)^part_of: .*$", "part_of: null", draft)
    (project / f"content/events/2023/{DRAFT_ID}.yml").write_text(draft, encoding="utf-8")


def test_build_leaves_drafts_out_and_the_option_publishes_them(project: Path):
    add_draft(project)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert not (site / f"events/{DRAFT_ID}").exists()
    assert "drafted talks" not in (site / "data/events.json").read_text(encoding="utf-8")
    assert (site / "events/2023-06-18-blinken-qin-gang-beijing/index.html").exists()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "publish_drafts: false" in text
    config.write_text(text.replace("publish_drafts: false", "publish_drafts: true"), "utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = (site / f"events/{DRAFT_ID}/index.html").read_text(encoding="utf-8")
    assert "tl-draft-banner" in page and "not yet checked by an editor" in page


def test_canonical_social_cards_feed_and_data_as_of(project: Path):
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    base = "https://uschina-timeline.github.io/uschina-timeline/"
    slug = "2023-06-18-blinken-qin-gang-beijing"
    page = (site / f"events/{slug}/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base}events/{slug}/">' in page
    assert f'<meta property="og:url" content="{base}events/{slug}/">' in page
    summary = "US Secretary of State Antony Blinken and Chinese Minister of Foreign Affairs"
    for name in ('name="description"', 'property="og:description"', 'name="twitter:description"'):
        assert re.search(rf'<meta {name} content="{summary}', page), name
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="The latest diplomatic contacts', home)
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" type="text/html" href="([^"]+)"', feed)
    assert links and all(link.startswith(base) for link in links)
    data = (site / "data/index.html").read_text(encoding="utf-8")
    for html in (home, data):
        assert re.search(r"Data as of <time datetime=\"\d{4}-\d{2}-\d{2}\">", html)
    assert 'id="licence"' in data and "CC BY 4.0" in data
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/uschina-timeline/assets/stylesheets/' in not_found  # works at any depth
