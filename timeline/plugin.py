"""MkDocs glue: the only module that imports MkDocs. Loads `content/`, generates pages.

Pages are generated in `on_files` with `File.generated` (a hand-written page at the same path
in `docs_dir` wins); their HTML replaces the page content in `on_page_content`, so Markdown
never sees a byte of untrusted text.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .load import load_site
from .markup import esc, is_web_url
from .model import Event, Problem
from .render import PageSpec, RenderOptions, render_files, render_pages

log = logging.getLogger("mkdocs.plugins.timeline")


class TimelineConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """The folder editors own (articles/, events/, people.yml), relative to mkdocs.yml."""
    today = c.Optional(c.Type(str))
    """ISO date the key figures count from; default: SOURCE_DATE_EPOCH, else today."""


def build_day(configured: str | None) -> str:
    if configured:
        return dt.date.fromisoformat(configured).isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()


def content_edit_base(config: MkDocsConfig, content: Path) -> str | None:
    """The edit URL of the content folder, from `repo_url` and `edit_uri` (which points at
    `docs_dir`); None when either is missing."""
    if not config.repo_url or not config.edit_uri:
        return None
    docs_edit = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri.rstrip("/") + "/")
    rel = os.path.relpath(content, config.docs_dir).replace(os.sep, "/")
    url = urljoin(docs_edit, rel.rstrip("/") + "/")
    return url if is_web_url(url) else None


def problems_banner(errors: list[Problem]) -> str:
    if not errors:
        return ""
    items = "".join(f"<li><code>{esc(p)}</code></li>" for p in errors)
    return (
        '<div class="admonition failure" role="alert"><p class="admonition-title">'
        f"{len(errors)} problem(s) in content/: those files are left out</p><ul>{items}</ul></div>"
    )


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Turns the YAML event store into timeline pages, one permalink per event."""

    def __init__(self) -> None:
        self.pages: dict[str, PageSpec] = {}
        self.content: Path = Path("content")
        self.root: Path = Path(".")
        self.serving = False
        self.banner = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content = self.root / self.config.content_dir
        return config

    def options(self, config: MkDocsConfig) -> RenderOptions:
        return RenderOptions(
            today=build_day(self.config.today),
            edit_base=content_edit_base(config, self.content),
            content_path=os.path.relpath(self.content, self.root).replace(os.sep, "/"),
        )

    def unrenderable(self, event: Event) -> Problem:
        where = f"{self.config.content_dir}/events/{event.path or event.id}"
        found = f"{event.date!r}" + (f" to {event.end_date!r}" if event.end_date else "")
        return Problem(where, f"expected ISO dates the site can show, found {found}", "date")

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        site, problems = load_site(self.content)
        # Events the pages cannot show are left out; said once, unless the check already has.
        reported = {p.path for p in problems if not p.warning}
        extra = [self.unrenderable(e) for e in site.unrenderable]
        problems = problems + [p for p in extra if p.path not in reported]
        errors = [p for p in problems if not p.warning]
        for problem in problems:
            (log.warning if problem.warning else log.error)(str(problem))
        self.banner = problems_banner(errors)
        if errors and not self.serving:
            raise PluginError(f"{len(errors)} error(s) in {self.content}; see above")
        # While serving, a broken file is reported on every generated page and skipped, and
        # the server keeps running; the next good edit rebuilds without the banner.
        options = self.options(config)
        hand_written = set(files.src_uris)
        self.pages = {}
        for spec in render_pages(site, options):
            if spec.src_uri in hand_written:
                continue  # a hand-written page at the same path wins
            self.pages[spec.src_uri] = spec
            files.append(File.generated(config, spec.src_uri, content=""))
        base_url = config.site_url if config.site_url and is_web_url(config.site_url) else None
        for path, data in render_files(site, options, base_url).items():
            if path not in hand_written:
                files.append(File.generated(config, path, content=data))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            # Material prints meta.title unescaped, so it is escaped here, once.
            page.meta["title"] = esc(spec.title)
            page.edit_url = spec.edit_url
            if not spec.searchable:
                page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_content(
        self, html_: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return html_
        if spec.toc:  # Material prints these titles unescaped
            tokens = [{"level": 2, "id": a, "name": esc(t), "children": []} for a, t in spec.toc]
            page.toc = get_toc(tokens)  # type: ignore[arg-type]
        return self.banner + spec.html

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        server.watch(str(self.content))
        return server
