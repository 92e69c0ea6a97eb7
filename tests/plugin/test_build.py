"""A real `mkdocs build --strict` in a temp folder, asserting on the built HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from buildkit import mkdocs_build

pytestmark = pytest.mark.build


build = mkdocs_build


def test_seed_event_on_home_and_permalink(project: Path):
    result = build(project)
    assert result.returncode == 0, result.stderr
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "Latest contacts" in home and "Last contact between the leaders" in home
    # The seed event is reviewed, so a build (reviewed entries only) publishes it.
    page = project / "site/events/2023-06-18-blinken-qin-gang-beijing/index.html"
    text = page.read_text(encoding="utf-8")
    for needle in ("18 June 2023", "talks", "Antony Blinken", "Qin Gang", "Beijing", "неділю"):
        assert needle in text, needle
    assert "content/articles/uk/2023/2023-06-18-ukrinform-blinken-qin-gang.md" in text


def test_broken_event_file_stops_the_build_with_its_name(project: Path):
    bad = project / "content/events/2023/broken.yml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "content/events/2023/broken.yml:" in result.stderr


def test_site_structure_nav_data_and_no_calls_to_other_hosts(project: Path):
    (project / "site_src/people").mkdir()
    (project / "site_src/people/index.md").write_text("# Our people\n\nWritten by hand.\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "events/" not in nav and "years/2023" not in nav  # the nav stays small
    for label in ("Years", "People", "Kinds", "Data"):
        assert label in nav
    assert 'data-md-component="source"' not in home  # no GitHub API call for repo stats
    assert '<link rel=" alternate" type="application/atom+xml"' in home  # a feed, no sitemap
    assert "fonts.googleapis" not in home
    assert "Written by hand." in (site / "people/index.html").read_text(encoding="utf-8")
    for name in (
        "404.html",
        "feed.xml",
        "data/index.html",
        "data/events.json",
        "data/events.csv",
        "data/events.ics",
        "data/timelinejs.json",
        "years/2023/index.html",
        "kinds/talks/index.html",
        "people/qin-gang/index.html",
    ):
        assert (site / name).is_file(), name
    event = (site / "events/2023-06-18-blinken-qin-gang-beijing/index.html").read_text()
    edit = "https://github.com/uschina-timeline/uschina-timeline/edit/main/content/events/2023/"
    assert f'href="{edit}2023-06-18-blinken-qin-gang-beijing.yml"' in event
    assert "<mark>неділю</mark>" in event


def test_an_event_with_an_impossible_date_fails_the_build_with_its_name(project: Path):
    path = project / "content/events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
    path.write_text(path.read_text().replace("date: 2023-06-18", "date: '18 June 2023'", 1))
    result = build(project)
    assert result.returncode != 0
    # Named once, by `timeline check` or, failing that, by the plugin; never a traceback.
    found = re.findall(r"blinken-qin-gang-beijing\.yml(?::\d+:\d+)?: date: expected", result.stderr)
    assert found and "Traceback" not in result.stderr, result.stderr


def test_year_page_lists_its_months_in_the_table_of_contents(project: Path):
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/years/2023/index.html").read_text(encoding="utf-8")
    toc = page.split('data-md-component="toc"')[1].split("</nav>")[0]
    assert 'href="#june"' in toc and "June 2023" in toc
