"""`timeline add`: articles from pages served on 127.0.0.1, saved pages, text files, stdin."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pytest
from storekit import make_content
from webkit import EN_TITLE, UK_TEXT, Routes, page, serve

from timeline.articles import read_article
from timeline.cli import main
from timeline.commands import fetch as fetch_module

NAME = "articles/en/2023/2023-06-18-the-harbour-ledger-secretary-blinken-and-qin-gang-hold.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path)


def run(content: Path, *args: str) -> int:
    return main(["--content", str(content), "add", "--no-input", *args])


def test_a_served_page_becomes_an_article_with_its_metadata(content: Path, capsys):
    routes = Routes()
    routes.add("/world/talks.html", page())
    with serve(routes) as base:
        assert run(content, f"{base}/world/talks.html") == 0
    assert capsys.readouterr().out == f"added content/{NAME}\n"
    article, problems = read_article(content / NAME, base=content.parent)
    assert problems == [] and article is not None
    assert (article.title, article.outlet, article.language) == (
        EN_TITLE,
        "The Harbour Ledger",
        "en",
    )
    assert article.published.isoformat() == "2023-06-18"
    assert article.url == f"{base}/world/talks.html"
    assert article.body.startswith("US Secretary of State Antony Blinken held talks")
    assert "Front page" not in article.body and "All rights reserved" not in article.body
    assert "author: Test Desk\n" in (content / NAME).read_text("utf-8")


def test_the_same_url_or_the_same_text_is_refused_with_the_existing_path(
    content: Path, tmp_path: Path, capsys
):
    routes = Routes()
    routes.add("/a", page())
    routes.add("/copy-of-a", page())
    with serve(routes) as base:
        assert run(content, f"{base}/a") == 0
        capsys.readouterr()
        assert run(content, f"{base}/a", f"{base}/copy-of-a") == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{base}/a: already added: the same URL as content/{NAME}",
        f"{base}/copy-of-a: already added: the same text as content/{NAME}",
    ]
    assert len(list((content / "articles").rglob("*.md"))) == 1


def test_a_saved_page_without_a_date_takes_published_and_keeps_the_given_url(
    content: Path, tmp_path: Path, capsys
):
    saved = tmp_path / "saved.html"
    saved.write_text(page(paragraphs=UK_TEXT, lang="", published=None), encoding="utf-8")
    assert run(content, str(saved)) == 1
    assert capsys.readouterr().err.strip() == (
        f"{saved}: published: expected the publication date (YYYY-MM-DD), found none in the "
        "page; pass --published YYYY-MM-DD"
    )
    url = "https://example.org/news/talks"
    assert run(content, str(saved), "--published", "2023-06-18", "--url", url) == 0
    path = content.parent / capsys.readouterr().out.split()[1]
    article, _ = read_article(path, base=content.parent)
    assert article is not None and article.url == url
    assert article.language == "uk"  # no lang attribute: detected from the text
    assert path.parent == content / "articles/uk/2023"


def test_a_text_file_and_stdin(content: Path, tmp_path: Path, capsys, monkeypatch):
    note = tmp_path / "note.txt"
    note.write_text("Переговори в Пекіні\n\n" + "\n".join(UK_TEXT) + "\n", encoding="utf-8")
    options = ["--outlet", "Ukrinform", "--published", "2023-06-18"]
    assert run(content, str(note), *options) == 0
    written = capsys.readouterr().out.split()[1]
    assert written.startswith("content/articles/uk/2023/2023-06-18-ukrinform-perehovory-v-pekini")
    same_text = "Another title\n\n" + "\n".join(UK_TEXT)
    monkeypatch.setattr("sys.stdin", io.StringIO(same_text))
    assert run(content, "-", *options) == 1
    assert capsys.readouterr().err == f"-: already added: the same text as {written}\n"
    monkeypatch.setattr("sys.stdin", io.StringIO("Another title\n\n" + UK_TEXT[0]))
    assert run(content, "-", *options) == 0
    out = capsys.readouterr().out
    assert out.startswith("added content/articles/uk/2023/2023-06-18-ukrinform-")


def test_what_the_page_lacks_is_asked_for(content: Path, tmp_path: Path, capsys):
    from argparse import Namespace

    from timeline.commands.add import add_one, read_catalogue

    saved = tmp_path / "saved.html"
    saved.write_text(page(published=None), encoding="utf-8")
    answers = iter(["18 June", "2023-06-18"])  # a wrong answer is asked again
    questions: list[str] = []

    def ask(question: str) -> str:
        questions.append(question)
        return next(answers)

    args = Namespace(published=None, language=None, outlet=None, title=None, url=None)
    path = add_one(content, str(saved), args, read_catalogue(content), ask)
    assert path.name.startswith("2023-06-18-the-harbour-ledger-")
    assert questions == [f"{saved}: the publication date (YYYY-MM-DD)? "] * 2


def test_fetching_is_http_only_bounded_and_fails_in_one_line(content: Path, capsys, monkeypatch):
    routes = Routes()
    routes.add("/big", page(paragraphs=["word " * 5000]))
    routes.add("/slow", page(), delay=1.5)
    routes.add("/pdf", b"%PDF-1.4", kind="application/pdf")
    routes.add("/to-file", "", status=302, headers={"Location": "file:///etc/passwd"})
    routes.add("/gone", "", status=404)
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 10_000)
    monkeypatch.setattr(fetch_module, "TIMEOUT", 0.5)
    with socket.socket() as probe:  # a port nothing listens on: what offline looks like
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    with serve(routes) as base:
        sources = [f"{base}/{p}" for p in ("big", "slow", "pdf", "to-file", "gone")]
        sources += ["file:///etc/passwd", f"http://127.0.0.1:{closed}/x"]
        assert run(content, *sources) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 7 and not any("Traceback" in line for line in err)
    assert err[0].endswith("/big: expected at most 10000 bytes, found " + err[0].split()[-1])
    assert err[1].endswith("/slow: cannot fetch: no answer within 0.5 s")
    assert err[2].endswith("/pdf: expected an HTML or text page, found application/pdf")
    assert err[3].endswith("Redirection to url 'file:///etc/passwd' is not allowed")
    assert err[4].endswith("/gone: cannot fetch: HTTP 404 Not Found")
    assert err[5] == "expected an http(s) link, found 'file:///etc/passwd'"
    assert err[6].startswith(f"http://127.0.0.1:{closed}/x: cannot fetch: ")
    assert err[6].endswith("(offline?)")
    assert not any((content / "articles").rglob("*.md"))
