"""MkDocs glue: the only module that imports MkDocs. Loads `content/`, generates pages."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .load import load_site
from .render import PageSpec, render_pages

log = logging.getLogger("mkdocs.plugins.timeline")


class TimelineConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """The folder editors own (articles/, events/, people.yml), relative to mkdocs.yml."""


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Turns the YAML event store into timeline pages, one permalink per event."""

    def __init__(self) -> None:
        self.pages: dict[str, PageSpec] = {}
        self.content: Path = Path("content")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.content = root / self.config.content_dir
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        site, problems = load_site(self.content)
        errors = [p for p in problems if not p.warning]
        for problem in problems:
            (log.warning if problem.warning else log.error)(str(problem))
        if errors:
            raise PluginError(f"{len(errors)} error(s) in {self.content}; see above")
        self.pages = {}
        for spec in render_pages(site):
            if files.get_file_from_path(spec.src_uri) is not None:
                continue  # a hand-written page at the same path wins
            self.pages[spec.src_uri] = spec
            files.append(File.generated(config, spec.src_uri, content=""))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            # Material prints meta.title unescaped, so it is escaped here, once.
            page.meta["title"] = html.escape(spec.title)
        return markdown

    def on_page_content(
        self, html_: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        spec = self.pages.get(page.file.src_uri)
        return spec.html if spec is not None else html_

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        server.watch(str(self.content))
        return server
