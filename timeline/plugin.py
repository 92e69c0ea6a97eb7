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
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment
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
from timeline.contentfs import StatMemo
from timeline.model import Event, Problem
from timeline.plugin_serve import LiveSite
from timeline.site.deps import page_digest
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
    serve_polling = c.Type(bool, default=False)
    """`mkdocs serve` only: notice edits by polling every file twice a second (MkDocs'
    default, about 16% of a core at 10,000 events) instead of the system's file events
    (inotify, FSEvents, ReadDirectoryChanges); for file systems that send no events, such
    as some network and container mounts."""


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
        self.memo: StatMemo | None = None  # serving: what each event file gave last time
        self.live: LiveSite | None = None  # serving: the incremental rebuild
        self.searched: list[PageSpec] = []  # the generated pages, for the search index

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A plugin with `on_startup` is kept across `mkdocs serve` rebuilds (MkDocs 1.4+),
        # so what it holds here lasts from one rebuild to the next.
        self.serving = command == "serve"
        if self.serving and not dirty:
            self.memo = StatMemo()
            self.live = LiveSite(self)

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
        hand_written = set(files.src_uris)
        site, specs = self.collect(config, hand_written, extract=self.config.extract)
        for spec in specs:
            files.append(File.generated(config, spec.src_uri, content=""))
        options = self.options(config)
        writers = export_writers(options, self.base_url(config))
        for path, target in self.exports(options, config, hand_written).items():
            write_export(writers[path], site, target)
            files.append(File.generated(config, path, abs_src_path=str(target)))
        redirects = self.redirects(site, hand_written | set(files.src_uris))
        for path, page in redirects.items():
            files.append(File.generated(config, path, content=page))
        if self.live is not None:
            self.live.files_listed(config, files, hand_written, redirects)
        return files

    def collect(
        self, config: MkDocsConfig, hand_written: set[str], extract: bool
    ) -> tuple[Site, list[PageSpec]]:
        """Extract (when asked), load and check `content/`, log its problems; the site and
        its generated pages (those a hand-written page does not replace), in build order."""
        if extract:
            for line in extract_before_build(self.content):
                log.info(line)
        site, problems = load_site(
            self.content,
            keep_when_failing=self.serving,
            include_drafts=self.drafts_shown,
            memo=self.memo,
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
        self.site = site
        self.pages = {}
        kept = self.memo
        read = (lambda: [r.file for r in kept.values()]) if kept is not None else None  # type: ignore[attr-defined]
        editors = [drafts_page(self.content, read)] if self.serving else []  # for editors only
        for spec in itertools.chain(render_pages(site, options), editors):
            if spec.src_uri in hand_written:
                continue  # a hand-written page at the same path wins
            self.pages[spec.src_uri] = spec
        self.searched = list(self.pages.values())
        return site, self.searched

    def base_url(self, config: MkDocsConfig) -> str | None:
        return config.site_url if config.site_url and is_web_url(config.site_url) else None

    def exports(
        self, options: RenderOptions, config: MkDocsConfig, hand_written: set[str]
    ) -> dict[str, Path]:
        """Where each data file goes: streamed straight into `site_dir` (cleaned before
        `on_files`), one at a time, and listed as a file backed by itself: MkDocs' copy is
        then a no-op (`File.copy_file` passes on `shutil.SameFileError`, "let plugins write
        directly into site_dir"), links to it from Markdown resolve, and nothing holds its
        bytes. A hand-written file at the same path wins."""
        return {
            path: Path(config.site_dir) / path
            for path in export_writers(options, None)
            if path not in hand_written
        }

    def redirects(self, site: Site, taken: set[str]) -> dict[str, str]:
        """Renamed events: their old addresses redirect (timeline rename)."""
        problems: list = []
        published = {page_slug(e.id) for e in site.shown}
        pages = redirect_pages(self.content, published, problems)
        for problem in problems:
            log.warning(str(problem))
        return {path: page for path, page in pages.items() if path not in taken}

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.live is not None:
            self.live.nav = nav
        return nav

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        marked = False
        if AS_OF_MARK in markdown:  # a hand-written page asks for the data's date (data.md)
            markdown = markdown.replace(AS_OF_MARK, f'<p class="tl-as-of">{self.as_of}</p>')
            marked = True
        if PROVENANCE_MARK in markdown:  # Methodology and About: where the entries come from
            markdown = markdown.replace(PROVENANCE_MARK, self.provenance)
            marked = True
        if marked and self.live is not None:
            self.live.marked.add(page.file.src_uri)
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
        if self.live is not None:
            self.live.page_starts(page, config)
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return context
        if spec.toc:  # Material prints these titles unescaped
            tokens = [{"level": 2, "id": a, "name": esc(t), "children": []} for a, t in spec.toc]
            page.toc = get_toc(tokens)  # type: ignore[arg-type]
        html = spec.html
        page.content = self.banner + html
        if self.live is not None:
            self.live.digests[spec.src_uri] = page_digest(spec, self.banner, html)
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
        if self.live is not None:
            self.live.page_written(page)
        if self.pages.pop(page.file.src_uri, None) is not None:
            page.content = ""
            page.toc = NO_TOC
        return output

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.live is not None:
            self.live.env = env
        return env

    @event_priority(-100)  # after the search plugin has written its index of hand-written pages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.write_search_index(config)
        if self.live is not None:
            self.live.built(config)

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
        for old in material.parent.glob("index.*.json"):  # a served site's earlier index
            if f"search/{old.name}" not in files:
                old.unlink(missing_ok=True)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]
    ) -> LiveReloadServer:
        server.watch(str(self.content))
        if self.live is not None:
            self.live.install(server, builder, polling=self.config.serve_polling)
        return server
