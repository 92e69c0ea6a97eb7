"""MkDocs glue: the only module that imports MkDocs. Loads `content/`, generates pages.

Pages are declared in `on_files` with `File.generated` (a hand-written page at the same path
in `docs_dir` wins), as empty Markdown: Markdown never sees a byte of untrusted text. Memory
stays flat in the number of events: the plugin holds a small spec per page, renders a page's
HTML only when MkDocs writes that page (`on_page_context`) and lets go of it once written
(`on_post_page`); the data files are streamed to `site_dir` one at a time in `on_files`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from timeline.commands.build import drafts_page, extract_before_build
from timeline.model import Event, Problem
from timeline.site.home import data_as_of_text
from timeline.site.index import Site, page_slug
from timeline.site.load import load_site
from timeline.site.markup import esc, is_web_url
from timeline.site.provenance import provenance_html
from timeline.site.redirects import redirect_pages
from timeline.site.render import PageSpec, RenderOptions, export_writers, render_pages, write_export
from timeline.site.search import search_index_files

log = logging.getLogger("mkdocs.plugins.timeline")
AS_OF_MARK = "<!-- timeline: data as of -->"
PROVENANCE_MARK = "<!-- timeline: provenance -->"
NO_TOC = get_toc([])  # one empty table of contents for every written page: nothing adds to it


class TimelineConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """The folder editors own (articles/, events/, people.yml), relative to mkdocs.yml."""
    today = c.Optional(c.Type(str))
    """ISO date the key figures count from; default: SOURCE_DATE_EPOCH, else today."""
    publish_drafts = c.Type(bool, default=False)
    """Publish draft events too; by default `mkdocs build` publishes reviewed events only
    (`mkdocs serve` always shows drafts, each with a draft banner)."""
    extract = c.Type(bool, default=True)
    """Run `timeline extract` (new and changed articles only) before each build; `false` for
    a build that must not write to content/ (see docs/editors.md)."""


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
        self.as_of = ""
        self.provenance = ""
        self.site: Site | None = None
        self.searched: list[PageSpec] = []

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
            drafts_shown=self.drafts_shown,
        )

    @property
    def drafts_shown(self) -> bool:
        return self.serving or self.config.publish_drafts

    def unrenderable(self, event: Event) -> Problem:
        where = f"{self.config.content_dir}/events/{event.path or event.id}"
        found = f"{event.date!r}" + (f" to {event.end_date!r}" if event.end_date else "")
        return Problem(where, f"expected ISO dates the site can show, found {found}", "date")

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.config.extract:
            for line in extract_before_build(self.content):
                log.info(line)
        site, problems = load_site(
            self.content, keep_when_failing=self.serving, include_drafts=self.drafts_shown
        )
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
        self.as_of = data_as_of_text(site, options.today, root="../")
        self.provenance = provenance_html(site.shown)
        hand_written = set(files.src_uris)
        self.pages = {}
        self.site, self.searched = site, []
        editors = [drafts_page(self.content)] if self.serving else []  # for editors only
        for spec in itertools.chain(render_pages(site, options), editors):
            if spec.src_uri in hand_written:
                continue  # a hand-written page at the same path wins
            self.pages[spec.src_uri] = spec
            self.searched.append(spec)
            files.append(File.generated(config, spec.src_uri, content=""))
        self.write_exports(site, options, files, config, hand_written)
        return files

    def write_exports(
        self,
        site: Site,
        options: RenderOptions,
        files: Files,
        config: MkDocsConfig,
        hand_written: set[str],
    ) -> None:
        """Stream each data file straight into `site_dir` (cleaned before `on_files`), one at
        a time, and list it as a file backed by itself: MkDocs' copy is then a no-op
        (`File.copy_file` passes on `shutil.SameFileError`, "let plugins write directly into
        site_dir"), links to it from Markdown resolve, and nothing holds its bytes."""
        base_url = config.site_url if config.site_url and is_web_url(config.site_url) else None
        for path, writer in export_writers(options, base_url).items():
            if path in hand_written:
                continue  # a hand-written file at the same path wins
            target = Path(config.site_dir) / path
            write_export(writer, site, target)
            files.append(File.generated(config, path, abs_src_path=str(target)))
        problems: list = []  # renamed events: their old addresses redirect (timeline rename)
        published = {page_slug(e.id) for e in site.shown}
        for path, page in redirect_pages(self.content, published, problems).items():
            if path not in hand_written and path not in files.src_uris:
                files.append(File.generated(config, path, content=page))
        for problem in problems:
            log.warning(str(problem))

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if AS_OF_MARK in markdown:  # a hand-written page asks for the data's date (data.md)
            markdown = markdown.replace(AS_OF_MARK, f'<p class="tl-as-of">{self.as_of}</p>')
        if PROVENANCE_MARK in markdown:  # Methodology and About: where the entries come from
            markdown = markdown.replace(PROVENANCE_MARK, self.provenance)
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            # Material prints meta.title unescaped, so it is escaped here, once.
            page.meta["title"] = esc(spec.title)
            page.edit_url = spec.edit_url
            if spec.description:
                page.meta["description"] = esc(spec.description)  # printed unescaped
            # Found through the index made from the data (write_search_index), not from
            # this page's HTML: Material's search plugin indexes hand-written pages only.
            page.meta["search"] = {"exclude": True}
        return markdown

    @event_priority(50)  # before the search plugin indexes page.content in its own handler
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Render a generated page's HTML now, just before its template: MkDocs reads every
        page's Markdown before it writes any, so HTML made in `on_page_content` would all be
        held at once. Until now the page's content is the empty string its Markdown gave."""
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return context
        if spec.toc:  # Material prints these titles unescaped
            tokens = [{"level": 2, "id": a, "name": esc(t), "children": []} for a, t in spec.toc]
            page.toc = get_toc(tokens)  # type: ignore[arg-type]
        page.content = self.banner + spec.html
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Let go of a generated page's HTML, table of contents and spec once it is written.

        Safe in MkDocs 1.6 and Material 9: after `on_post_page` MkDocs writes `output` (not
        `page.content`) and later only validates anchors (`present_anchor_ids`,
        `links_to_anchors`: set by the Markdown render, untouched here). Templates read the
        content and toc of the page being written only (`page`), never another page's; the
        sitemap and 404 are rendered before any page, and read urls and dates. The search
        plugins index a page from its content and toc in `on_page_context`, copying the text
        into their own entries. `page.title` comes from the nav or from `meta["title"]`, set
        for every generated page, never from the content (the nav of later pages prints it);
        `page.markdown` is already the empty string. A `mkdocs serve`
        rebuild makes new pages and calls `on_files` again, which makes new specs; the server
        sends the files written to `site_dir`.
        """
        if self.pages.pop(page.file.src_uri, None) is not None:
            page.content = ""
            page.toc = NO_TOC
        return output

    @event_priority(-100)  # after the search plugin has written its index of hand-written pages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.write_search_index(config)

    def write_search_index(self, config: MkDocsConfig) -> None:
        """Write the site's search files (timeline.site.search): the index of every event,
        person and page, and the small `search/search_index.json` Material's bundle fetches
        on each page. Needs the search plugin's index of the hand-written pages in site_dir;
        without the search plugin there is no search box and nothing to write."""
        material = Path(config.site_dir) / "search" / "search_index.json"
        if self.site is None or not material.is_file():
            return
        try:
            material_index = json.loads(material.read_text(encoding="utf-8"))
        except ValueError as error:
            raise PluginError(f"{material}: not the search plugin's JSON ({error})") from error
        files = search_index_files(
            self.site, self.searched, material_index, config.use_directory_urls
        )
        for path, body in files.items():
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
        self.site, self.searched = None, []

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        server.watch(str(self.content))
        return server
