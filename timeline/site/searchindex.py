"""The search index as files: words of each document, a sorted term list, compact postings.

The browser side is `site_src/assets/search.js` (a worker speaking Material's search protocol);
the two must cut text into words the same way (`words`): case and accents folded (NFKD, marks
dropped, lower case), split at anything that is not a letter or digit, and runs of Chinese or
Japanese characters, which have no spaces, indexed with every suffix, so that a query that is
the start of any suffix (any part of the name) finds them.

File format (`search/index.<hash>.json`, version 1):
`{"v": 1, "docs": [[location, title, text, boost], …], "terms": [sorted terms],
"postings": [[code, …] per term]}`; a code is `gap << 3 | fields`, `gap` the distance from the
previous document number (from 0), `fields` a bit each for title (1), text (2), keywords (4).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
TOKEN = re.compile(f"[{CJK}]+|[^\\W_{CJK}]+")
CJK_RUN = re.compile(f"^[{CJK}]+$")
TITLE, TEXT, KEYWORDS = 1, 2, 4
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One search result: `location` is its URL from the site root (`events/x/`,
    `about/#scope`); `title` and `text` are plain text, shown (escaped) in the results;
    `keywords` are plain text that is searched but not shown (other name forms, the place,
    the kind); `boost` multiplies its score."""

    location: str
    title: str
    text: str = ""
    keywords: str = ""
    boost: float = 1.0


def fold(text: str) -> str:
    """Case and accents folded: 'Wáng Yì' -> 'wang yi'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def words(text: str) -> list[str]:
    """The terms a text is found by (see the module docstring)."""
    found = []
    for token in TOKEN.findall(fold(text)):
        if CJK_RUN.match(token):
            found.extend(token[i:] for i in range(len(token)))
        else:
            found.append(token)
    return found


def postings_of(docs: list[SearchDoc]) -> dict[str, dict[int, int]]:
    """term -> {document number: field bits}."""
    found: dict[str, dict[int, int]] = defaultdict(dict)
    for number, doc in enumerate(docs):
        for bit, text in ((TITLE, doc.title), (TEXT, doc.text), (KEYWORDS, doc.keywords)):
            for term in words(text):
                seen = found[term]
                seen[number] = seen.get(number, 0) | bit
    return found


def encode(postings: dict[int, int]) -> list[int]:
    codes, previous = [], 0
    for number in sorted(postings):
        codes.append((number - previous) << 3 | postings[number])
        previous = number
    return codes


def index_data(docs: list[SearchDoc]) -> dict:
    """The index file's content (format above)."""
    postings = postings_of(docs)
    terms = sorted(postings)
    return {
        "v": FORMAT_VERSION,
        "docs": [[d.location, d.title, d.text, d.boost] for d in docs],
        "terms": terms,
        "postings": [encode(postings[t]) for t in terms],
    }


def compact(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def index_files(docs: list[SearchDoc], material_config: dict) -> dict[str, bytes]:
    """The search files by path in the built site: the index under a name that changes with
    its content (so a browser never keeps a stale one), and `search/search_index.json`, which
    Material's bundle fetches on every page: its `config` only, no documents, plus the index's
    name for the worker (`config.timeline_index`, relative to the site root)."""
    body = compact(index_data(docs))
    name = f"search/index.{hashlib.sha1(body).hexdigest()[:12]}.json"
    manifest = {"config": {**material_config, "timeline_index": name}, "docs": []}
    return {name: body, "search/search_index.json": compact(manifest)}
