"""What a renderer produces: a page (Markdown source path, title, a way to render its HTML
body) and the build-wide options."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A generated page: where it goes (Markdown source path), its title and how to render
    its HTML body.

    The body is rendered only when asked for (`html`), and not kept: a build holds one spec
    per page, which is small, instead of the HTML of every page. `render` is a function of
    data the site already holds (e.g. `functools.partial(event_html, event, site, options)`).
    `edit_url` is the link to the file editors change (an event's YAML), or None.
    `searchable` is False for pages that only repeat other pages (a year's or a kind's
    events), which keeps them out of the search index so a search finds each event once.
    `toc` lists (anchor, plain-text heading) pairs for the page's table of contents.
    `description` is the page's own one-line description (meta description, Open Graph);
    `boost` ranks the page in search (events above the people pages that name them).
    """

    src_uri: str
    title: str
    render: Callable[[], str]
    edit_url: str | None = None
    searchable: bool = True
    toc: tuple[tuple[str, str], ...] = ()
    description: str = ""
    boost: float | None = None

    @property
    def html(self) -> str:
        """The page's HTML body, rendered now."""
        return self.render()


@dataclass(frozen=True)
class RenderOptions:
    """Build-wide settings: today's date (for the key figures) and where files are edited.

    `edit_base` is the edit URL of the content folder, e.g.
    `https://github.com/o/r/edit/main/content/`; None when the site has no repository link.
    `content_path` is the content folder's path from the project root (shown to editors).
    `drafts_shown` is True when draft events are published (`mkdocs serve`, or the plugin's
    `publish_drafts` option): their pages then carry a draft banner.
    """

    today: str
    edit_base: str | None = None
    content_path: str = "content"
    drafts_shown: bool = False
