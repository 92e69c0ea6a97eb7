"""A real build with pages rendered only when MkDocs writes them and exports streamed to
`site_dir`: hand-written files still win, every generated page is written whole and indexed
for search, and none keeps its HTML once written (the build's memory stays flat)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from buildkit import mkdocs_build, search_docs, site_config

pytestmark = pytest.mark.build
EVENT = "2023-06-18-blinken-qin-gang-beijing"

# A MkDocs hook (mkdocs.yml `hooks:`) that reports, once every page is written, what each
# page still holds.
HOOK = """
import json
import shutil
from pathlib import Path

seen = {}


def on_env(env, *, config, files):
    seen["files"] = files
    return env


def on_post_build(*, config):
    report = {}
    for file in seen["files"].documentation_pages():
        page = file.page
        report[file.src_uri] = {
            "generated": file.generated_by is not None,
            "content": len(page.content or ""),
            "toc": len(list(page.toc)),
            "title": page.title,
        }
    Path(config.config_file_path).with_name("pages.json").write_text(json.dumps(report))
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import ROOT

    root = tmp_path_factory.mktemp("lazy")
    (root / "mkdocs.yml").write_text(site_config(ROOT), encoding="utf-8")
    for folder in ("site_src", "overrides", "content"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "hooks.py").write_text(HOOK, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - hooks.py\n", "utf-8")
    (root / "site_src/events").mkdir()
    (root / f"site_src/events/{EVENT}.md").write_text("# By hand\n\nAn editor's page.\n")
    (root / "site_src/data").mkdir(exist_ok=True)
    (root / "site_src/data/events.csv").write_text("id\nwritten-by-hand\n", encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root


def test_hand_written_page_and_data_file_win(built: Path):
    page = (built / f"site/events/{EVENT}/index.html").read_text(encoding="utf-8")
    assert "An editor&rsquo;s page." in page or "An editor's page." in page
    assert "Qin Gang" not in page.split('class="md-content"')[1]
    assert (built / "site/data/events.csv").read_text() == "id\nwritten-by-hand\n"
    data = json.loads((built / "site/data/events.json").read_text(encoding="utf-8"))
    assert EVENT in {e["id"] for e in data["events"]}  # the other exports are generated


def test_generated_pages_are_written_whole_and_indexed(built: Path):
    year = (built / "site/years/2023/index.html").read_text(encoding="utf-8")
    assert 'href="#june"' in year and 'id="june"' in year  # body and table of contents
    assert "<h1>2023</h1>" in year
    person = (built / "site/people/qin-gang/index.html").read_text(encoding="utf-8")
    assert "<h1>Qin Gang</h1>" in person and "<title>Qin Gang" in person
    people = [d for d in search_docs(built / "site") if d["location"] == "people/qin-gang/"]
    assert people and "Qin Gang" in people[0]["title"] and "contact" in people[0]["text"]


def test_no_generated_page_keeps_its_html_once_written(built: Path):
    report = json.loads((built / "pages.json").read_text(encoding="utf-8"))
    generated = {uri: r for uri, r in report.items() if r["generated"]}
    assert "years/2023.md" in generated and "people/qin-gang.md" in generated
    assert f"events/{EVENT}.md" not in generated  # the hand-written one
    for uri, page in generated.items():
        assert page["content"] == 0 and page["toc"] == 0, uri
        assert page["title"], uri  # titles stay: the nav of later pages prints them
    assert report[f"events/{EVENT}.md"]["content"] > 0  # hand-written pages are left alone
    assert report["years/2023.md"]["title"] == "Contacts in 2023"
