"""MkDocs glue for `mkdocs serve` (the second module that imports MkDocs, beside plugin.py):
the edit loop at any size of the store.

MkDocs' server rebuilds the whole site after any change (at 10,000 events, about 40 s), polls
every watched file twice a second, and holds every request while it rebuilds. Here:

- edits are noticed through the system's file events (watchdog's native observer) unless the
  plugin's `serve_polling` asks for MkDocs' polling; only edits, creations, deletions and moves
  count (reading or hard-linking a file is not an edit);
- after a change inside `content/` only, the site is updated in place: the event files that
  changed are read again (`contentfs.StatMemo`), the pages the edit can change are rendered
  again (`site.deps`), and those whose text changed go through the same plugin events and
  theme template as in a full build, each written to a temporary file and renamed over the
  old one; then the data files, the sitemap when pages come or go, and whatever the plugins
  write at the end of a build (the search index, from each page's entries as the search
  plugin made them, in a clean build's order); anything else (mkdocs.yml, docs_dir, the
  theme) rebuilds everything, as before;
- meanwhile the old site is served: in place during an update, from a hard-linked copy of
  it during a full rebuild.

It relies on three attributes of MkDocs 1.6's `LiveReloadServer` (`_epoch_cond`,
`_wanted_epoch`, `_visible_epoch`: requests wait while the two epochs differ) and on the
search plugin keeping its entries in `search_index.entries` (Material's); without them it
falls back to MkDocs' own behaviour.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import _build_theme_template, get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from timeline.site.deps import Plan, affected_pages, changed_events, plan_rebuild
from timeline.site.pages import event_uri
from timeline.site.render import export_writers, write_export

log = logging.getLogger("mkdocs.plugins.timeline")
EDITS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
]


class _Recorder(FileSystemEventHandler):
    """Notes the path of each event, then hands the event to MkDocs' own handler."""

    def __init__(self, inner: FileSystemEventHandler, live: LiveSite) -> None:
        self.inner, self.live = inner, live

    def dispatch(self, event: FileSystemEvent) -> None:
        paths = [os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if all(os.path.basename(p).startswith(".") for p in paths):
            return  # hidden files (locks, editors' temporaries) are read by no one
        with self.live.lock:
            self.live.changed.update(paths)
        self.inner.dispatch(event)


def recording_observer(live: LiveSite, polling: bool) -> Any:
    """A watchdog observer that records the changed paths for `live`."""
    base: Any = PollingObserver if polling else Observer

    class RecordingObserver(base):  # type: ignore[misc, valid-type]
        def schedule(self, handler: FileSystemEventHandler, path: str, **kwargs: Any) -> Any:
            if not polling:  # polling sees modifications only, which are all edits
                kwargs.setdefault("event_filter", EDITS)
            return super().schedule(_Recorder(handler, live), path, **kwargs)

    return RecordingObserver(timeout=0.5) if polling else RecordingObserver()


@contextmanager
def old_site_served(server: LiveReloadServer) -> Iterator[None]:
    """Let requests through while the body runs (MkDocs holds them until the rebuild ends);
    the browsers reload once it has succeeded."""
    cond = getattr(server, "_epoch_cond", None)
    if cond is None or not hasattr(server, "_wanted_epoch"):
        yield
        return
    with cond:
        wanted = server._wanted_epoch
        server._wanted_epoch = server._visible_epoch
        cond.notify_all()
    yield  # on an error the epochs stay equal: the last good site goes on being served
    with cond:
        server._wanted_epoch = wanted


def linked_copy(root: str) -> str:
    """A copy of the folder made of hard links (a copy where links cannot be made)."""
    copy = tempfile.mkdtemp(prefix="mkdocs_served_", dir=os.path.dirname(root))
    for folder, _, names in os.walk(root):
        target = os.path.join(copy, os.path.relpath(folder, root))
        os.makedirs(target, exist_ok=True)
        for name in names:
            source, dest = os.path.join(folder, name), os.path.join(target, name)
            try:
                os.link(source, dest)
            except OSError:
                shutil.copy2(source, dest)
    return copy


def write_replacing(data: bytes, path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.tmp")
    with open(temporary, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


def search_index(config: MkDocsConfig) -> Any:
    """The search plugin's index (Material's keeps its entries in `entries`), or None."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return index
    return None


class LiveSite:
    """What `mkdocs serve` keeps between rebuilds, and the rebuild itself."""

    def __init__(self, plugin: Any) -> None:  # the TimelinePlugin (plugin.py imports this)
        self.plugin = plugin
        self.lock = threading.Lock()
        self.changed: set[str] = set()
        self.ready = False  # the last build finished and can be updated in place
        self.config: MkDocsConfig | None = None
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        self.hand_written: set[str] = set()
        self.digests: dict[str, str] = {}  # generated page -> fingerprint of what was written
        self.entries: dict[str, list[dict]] = {}  # page -> its search entries
        self.marked: set[str] = set()  # hand-written pages showing data (data.md, about.md)
        self.redirects: dict[str, str] = {}
        self.mark = 0
        self.index: Any = None
        self.server: LiveReloadServer | None = None
        self.builder: Callable[[], None] | None = None
        self.site_root = ""
        self.copy: str | None = None  # served while a full rebuild runs
        self.redirected = False

    # --- what a full build records ---------------------------------------------------------

    def files_listed(
        self, config: MkDocsConfig, files: Files, hand_written: set[str], redirects: dict
    ) -> None:
        self.ready = False
        self.files, self.hand_written, self.redirects = files, hand_written, redirects
        self.digests, self.entries, self.marked = {}, {}, set()

    def page_starts(self, page: Page, config: MkDocsConfig) -> None:
        self.index = search_index(config)
        self.mark = len(self.index.entries) if self.index is not None else 0

    def page_written(self, page: Page) -> None:
        if self.index is not None:
            self.entries[page.file.src_uri] = self.index.entries[self.mark :]

    def built(self, config: MkDocsConfig) -> None:
        self.config = config
        has_search = any("search" in name for name in config.plugins)
        self.ready = search_index(config) is not None or not has_search

    # --- the rebuild -----------------------------------------------------------------------

    def install(
        self, server: LiveReloadServer, builder: Callable[..., None], polling: bool
    ) -> None:
        """Watch with a recording observer and rebuild through `rebuild`."""
        watched = dict(getattr(server, "_watched_paths", {}))
        for path, count in watched.items():
            for _ in range(count):
                server.unwatch(path)
        server.observer = recording_observer(self, polling)
        for path, count in watched.items():
            for _ in range(count):
                server.watch(path)
        self.server, self.builder, self.site_root = server, builder, server.root
        server.builder = self.rebuild  # type: ignore[method-assign]

    def rebuild(self) -> None:
        assert self.server is not None
        with self.lock:
            changed, self.changed = self.changed, set()
        content = str(self.plugin.content)
        inside = bool(changed) and all(p.startswith(content + os.sep) for p in changed)
        events = content + os.sep + "events" + os.sep
        with old_site_served(self.server):
            if self.ready and inside:
                try:
                    self.update(extract=any(not p.startswith(events) for p in changed))
                    return
                except Exception:
                    log.exception("timeline: the update failed; rebuilding the whole site")
            self.full()

    def full(self) -> None:
        """MkDocs' own rebuild, while a hard-linked copy of the old site is served."""
        assert self.server is not None and self.builder is not None
        self.ready = False
        copy = self.copy or linked_copy(self.site_root)
        self.server.root = copy
        try:
            self.builder()
        except BaseException:
            self.copy = copy  # served until a rebuild succeeds
            raise
        self.server.root, self.copy = self.site_root, None
        shutil.rmtree(copy, ignore_errors=True)

    def update(self, extract: bool) -> None:
        """Bring the built site up to date with `content/` in place."""
        plugin, config = self.plugin, self.config
        assert config is not None and self.files is not None and plugin.site is not None
        self.ready = False
        old_site, old_options = plugin.site, plugin.options(config)
        old_banner, old_data = plugin.banner, (plugin.as_of, plugin.provenance)
        site, specs = plugin.collect(config, self.hand_written, extract and plugin.config.extract)
        options, banner = plugin.options(config), plugin.banner
        ids = changed_events(old_site, site)
        wide = banner != old_banner or options != old_options
        affected = None if wide else affected_pages(old_site, site, ids)
        old = {f.src_uri: f for f in self.files}
        files = self.files = self.listed(config, specs, old, site)
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        # First what the editor looks at: the edited events' pages, and the deleted ones.
        first = {event_uri(site.index[i]) for i in ids if i in site.index}
        known = {u: self.digests[u] for u in first if u in self.digests}
        leading = self.write_pages([s for s in specs if s.src_uri in first], known, None, pages)
        uris = {s.src_uri for s in specs}
        for uri in [u for u in self.digests if u not in uris]:
            self.entries.pop(uri, None)
            self.delete(old[uri].abs_dest_path)
        self.digests.update(leading.digests)
        rest = None if affected is None else affected - first
        plan = self.write_pages(specs, self.digests, rest, pages)
        self.digests = plan.digests
        if (plugin.as_of, plugin.provenance) != old_data:
            for uri in sorted(self.marked):
                self.render(files.get_file_from_path(uri), pages)  # type: ignore[arg-type]
        if not (ids or wide or leading.render or plan.render or plan.removed or self.redirected):
            self.ready = True  # nothing the site shows changed (say, a comment in a file)
            return
        if ids or wide:
            writers = export_writers(options, plugin.base_url(config))
            for path, target in plugin.exports(options, config, self.hand_written).items():
                write_export(writers[path], site, target, replace=True)
        if plan.removed or uris - set(old):  # the sitemap lists every page
            for name in config.theme.static_templates:
                _build_theme_template(name, self.env, files, config, self.nav)  # type: ignore[arg-type]
        index = search_index(config)
        if index is not None:  # the entries of every page, in a clean build's order
            index.entries = [e for f in pages for e in self.entries.get(f.src_uri, ())]
        config.plugins.on_post_build(config=config)  # the search index, as a build ends
        written = len(leading.render) + len(plan.render)
        log.info(f"timeline: {written} page(s) written again, {len(plan.removed)} gone")

    def write_pages(
        self, specs: list, digests: dict[str, str], affected: set[str] | None, pages: list[File]
    ) -> Plan:
        """Render again the pages whose text changed (see `deps.plan_rebuild`)."""
        assert self.files is not None
        plan = plan_rebuild(specs, digests, affected, self.plugin.banner)
        for uri in plan.render:
            self.render(self.files.get_file_from_path(uri), pages)  # type: ignore[arg-type]
        return plan

    def listed(self, config: MkDocsConfig, specs: list, old: dict[str, File], site: Any) -> Files:
        """The files of the site in the order of a clean build, old ones kept (with their
        pages) where they still are; redirects written again where they changed."""
        plugin = self.plugin
        found = [f for f in old.values() if f.src_uri in self.hand_written]
        for spec in specs:
            kept = old.get(spec.src_uri)
            found.append(kept or File.generated(config, spec.src_uri, content=""))
        options = plugin.options(config)
        for path, target in plugin.exports(options, config, self.hand_written).items():
            found.append(old.get(path) or File.generated(config, path, abs_src_path=str(target)))
        taken = self.hand_written | {f.src_uri for f in found}
        redirects = plugin.redirects(site, taken)
        self.redirected = redirects != self.redirects
        for path, page in redirects.items():
            file = File.generated(config, path, content=page)
            if self.redirects.get(path) != page:
                write_replacing(page.encode("utf-8"), file.abs_dest_path)
            found.append(file)
        for path in set(self.redirects) - set(redirects):
            if path in old:
                self.delete(old[path].abs_dest_path)
        self.redirects = redirects
        files = Files(found)
        set_exclusions(files, config)
        for file in files.documentation_pages():
            if file.page is None:
                Page(None, file, config)
        return files

    def render(self, file: File, doc_files: list[File]) -> None:
        """One page through the plugin events and the theme, as a build does, written by
        renaming a complete file over the old one."""
        config, page, files = self.config, file.page, self.files
        assert config is not None and page is not None and self.env is not None
        config._current_page = page
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            assert page.markdown is not None
            page.markdown = config.plugins.on_page_markdown(
                page.markdown, page=page, config=config, files=files
            )
            page.render(config, files)
            assert page.content is not None
            page.content = config.plugins.on_page_content(
                page.content, page=page, config=config, files=files
            )
            page.active = True
            context = get_context(self.nav, doc_files, config, page)  # type: ignore[arg-type]
            template = self.env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(
                context,
                page=page,
                config=config,
                nav=self.nav,  # type: ignore[arg-type]
            )
            output = config.plugins.on_post_page(template.render(context), page=page, config=config)
            data = output.encode("utf-8", errors="xmlcharrefreplace")
            write_replacing(data, page.file.abs_dest_path)
        finally:
            page.active = False
            config._current_page = None

    def delete(self, path: str) -> None:
        try:
            os.remove(path)
            os.rmdir(os.path.dirname(path))  # the page's folder, when nothing else is in it
        except OSError:
            pass
