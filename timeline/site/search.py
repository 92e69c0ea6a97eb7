"""What the site search finds, made from the data rather than from the pages' HTML.

Each event is one document: its title, its date and summary (shown in the results) and, searched
but not shown, every form of each participant's name in the people registry, the place, the
kind, the status, the channel and the tags. A person is found by any form of the name and by
their offices; the other generated pages by title and description. Hand-written pages
(Methodology, About, Data…) keep the sections Material's search plugin cut them into.

`search_index_files` is the one place the site's search files are made (see
`timeline.site.searchindex` for their format).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from html.parser import HTMLParser

from timeline.model import Event, Person
from timeline.naming import format_date
from timeline.site.cards import kind_label
from timeline.site.channels import CHANNELS, channel_of
from timeline.site.index import Site
from timeline.site.markup import show_bidi
from timeline.site.page import PageSpec
from timeline.site.pages import STATUS_LABELS, event_uri
from timeline.site.people import person_uri
from timeline.site.searchindex import SearchDoc, index_files


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a page, from the site root: `events/x.md` -> `events/x/`."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def name_forms(person: Person) -> list[str]:
    """Every form of a person's name the registry holds, each once, in its order."""
    forms = [person.name, person.short or ""]
    forms += [name for names in person.names.values() for name in names]
    return list(dict.fromkeys(f for f in forms if f))


def participant_words(event: Event, site: Site) -> list[str]:
    found = []
    for pid in event.people:
        person = site.people.get(pid)
        found += name_forms(person) if person else [pid]
    return found


def event_doc(event: Event, site: Site, directory_urls: bool = True) -> SearchDoc:
    date = format_date(event.date, event.end_date)
    keywords = [
        *participant_words(event, site),
        event.location or "",
        kind_label(event.kind),
        STATUS_LABELS.get(event.status, event.status),
        CHANNELS.get(channel_of(event, site), ""),
        *event.tags,
        event.date,
    ]
    text = f"{date}. {event.summary}" if event.summary else date
    return SearchDoc(
        page_url(event_uri(event), directory_urls),
        event.title,
        text,
        " · ".join(k for k in keywords if k),
    )


def person_doc(person: Person, spec: PageSpec, directory_urls: bool = True) -> SearchDoc:
    keywords = [*name_forms(person)[1:], *(role.title for role in person.roles)]
    return SearchDoc(
        page_url(person_uri(person), directory_urls),
        person.name,
        spec.description,
        " · ".join(keywords),
    )


def page_doc(spec: PageSpec, directory_urls: bool = True) -> SearchDoc:
    return SearchDoc(page_url(spec.src_uri, directory_urls), spec.title, spec.description)


def generated_docs(
    site: Site, specs: Iterable[PageSpec], directory_urls: bool = True
) -> list[SearchDoc]:
    """A document per searchable generated page, from the data behind it; a page's
    `boost` (events above the people pages that name them) carries over."""
    events = {event_uri(e): e for e in site.shown}
    people = {person_uri(p): p for p in site.people.values()}
    docs = []
    for spec in specs:
        if not spec.searchable:
            continue
        if spec.src_uri in events:
            doc = event_doc(events[spec.src_uri], site, directory_urls)
        elif spec.src_uri in people:
            doc = person_doc(people[spec.src_uri], spec, directory_urls)
        else:
            doc = page_doc(spec, directory_urls)
        boost = doc.boost if spec.boost is None else spec.boost
        docs.append(replace(doc, title=show_bidi(doc.title), text=show_bidi(doc.text), boost=boost))
    return docs


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    """The text of an HTML fragment, whitespace collapsed."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def hand_written_docs(material_docs: list[dict]) -> list[SearchDoc]:
    """The entries Material's search plugin made (hand-written pages only: generated pages are
    excluded from it), as plain text."""
    return [
        SearchDoc(
            str(entry.get("location", "")),
            plain_text(str(entry.get("title", ""))),
            plain_text(str(entry.get("text", ""))),
            boost=float(entry.get("boost", 1.0)),
        )
        for entry in material_docs
    ]


def search_index_files(
    site: Site,
    specs: Iterable[PageSpec],
    material_index: dict,
    directory_urls: bool = True,
) -> dict[str, bytes]:
    """The site's search files, by path in the built site: documents for the generated pages
    made from the data, and for the hand-written ones from Material's index of them
    (`material_index`: the `search/search_index.json` its plugin wrote, config and docs)."""
    docs = generated_docs(site, specs, directory_urls)
    docs += hand_written_docs(material_index.get("docs", []))
    return index_files(docs, material_index.get("config", {}))
