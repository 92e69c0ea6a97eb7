"""Run a real `mkdocs build --strict` in a project folder (shared by the build tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def mkdocs_build(project: Path, **env: str) -> subprocess.CompletedProcess:
    """Build the site in `project`; `env` adds variables (e.g. PYTHONPATH) to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def site_config(root: Path, *, drafts: bool = True, site_url: str | None = None) -> str:
    """The project's mkdocs.yml for a test build: synthetic stores are part drafts, so by
    default the build publishes them (`publish_drafts: true`); `site_url` replaces the
    project's."""
    import re

    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if drafts:
        assert "publish_drafts: false" in text
        text = text.replace("publish_drafts: false", "publish_drafts: true")
    if site_url:
        text = re.sub(r"(?m)^site_url: .*$", f"site_url: {site_url}", text)
    return text


def served_path(project: Path) -> str:
    """The path `mkdocs serve` serves the site under: that of `site_url` ('/' without one)."""
    import re
    from urllib.parse import urlsplit

    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"(?m)^site_url: (\S+)", text)
    return urlsplit(found.group(1)).path if found else "/"


def search_docs(site: Path) -> list[dict]:
    """The built site's search documents (timeline/site/searchindex.py), as dicts with
    location, title, text and boost: the manifest names the index file."""
    import json

    manifest = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert manifest["docs"] == [], "the manifest every page fetches must hold no documents"
    index = json.loads((site / manifest["config"]["timeline_index"]).read_text(encoding="utf-8"))
    keys = ("location", "title", "text", "boost")
    return [dict(zip(keys, doc, strict=True)) for doc in index["docs"]]
