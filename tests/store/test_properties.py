"""Property tests: what is written reads back the same; check never crashes on any YAML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.check.content import check_content
from timeline.check.validate import schema_problems
from timeline.model import Event, Source
from timeline.store.files import EventFile, parse_event_text, render_event

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
words = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
days = st.dates(dt.date(1949, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat)

sources = st.builds(
    Source,
    outlet=text.filter(bool),
    published=st.none() | days,
    article=st.none() | words.map(lambda w: f"content/articles/{w}.md"),
    url=st.none() | words.map(lambda w: f"https://example.org/{w}"),
    language=st.none() | st.sampled_from(["uk", "en", "zh"]),
    quote=st.none() | text,
    date_text=st.none() | text,
    date_basis=st.none() | st.sampled_from(["explicit", "relative"]),
    confidence=st.none() | st.floats(0, 1),
)
events = st.builds(
    Event,
    id=words.map(lambda w: f"2023-06-18-{w}"),
    title=text,
    date=days,
    kind=st.sampled_from(["meeting", "talks", "call"]),
    end_date=st.none() | days,
    status=st.sampled_from(["happened", "planned"]),
    review=st.sampled_from(["draft", "reviewed", "rejected"]),
    us=st.lists(words, max_size=3),
    china=st.lists(words, max_size=3),
    location=st.none() | text,
    summary=text,
    sources=st.lists(sources, max_size=3),
    part_of=st.none() | words.map(lambda w: f"2023-{w}"),
    tags=st.lists(text, max_size=3),
    notes=st.none() | text,
)


@settings(max_examples=150, deadline=None)
@given(events)
def test_writing_then_reading_gives_the_event_back(event: Event):
    text_ = render_event(event)
    assert render_event(event) == text_  # deterministic
    data, _, problems = parse_event_text("x.yml", text_)
    assert problems == []
    file = EventFile(Path("events/2023") / f"{event.id}.yml", "x.yml", data)
    read = file.event
    assert read is not None
    read.path = None
    assert read == event


scalars = st.none() | st.booleans() | st.integers() | st.floats() | text | days
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(text | st.integers(), inner, max_size=4)
    ),
    max_leaves=20,
)
keys = st.sampled_from(["id", "date", "sources", "participants", "us", "url", "kind", "tags"])
event_like = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(documents, event_like).map(lambda d: yaml.safe_dump(d, allow_unicode=True)) | text)
def test_check_never_crashes_on_arbitrary_yaml(tmp_path: Path, document: str):
    content = tmp_path / "content"
    target = content / "events/2023/2023-06-18-x.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(document, encoding="utf-8")
    (content / "people.yml").write_text(document, encoding="utf-8")
    checked = check_content(content)
    assert all(
        p.path in ("content/events/2023/2023-06-18-x.yml", "content/people.yml")
        for p in checked.problems
    )


@settings(max_examples=100, deadline=None)
@given(event_like)
def test_schema_problems_never_crash(data):
    from timeline.check.validate import plain
    from timeline.yamlio import Positions

    schema_problems("event", "x.yml", plain(data), Positions())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(documents, event_like).map(lambda d: yaml.safe_dump(d, allow_unicode=True)) | text)
def test_extract_never_crashes_and_leaves_odd_store_files_alone(tmp_path_factory, document: str):
    import io

    from storekit import TALKS, LineExtractor, make_content, write_article

    from timeline.commands.extract import run_extract

    content = make_content(tmp_path_factory.mktemp("p"))
    odd = content / "events/2023/2023-06-18-blinken-qin-gang-beijing.yml"
    odd.parent.mkdir(parents=True)
    odd.write_bytes(document.encode("utf-8"))
    write_article(content, "a", TALKS)
    summary = run_extract(content, stream=io.StringIO(), factory=LineExtractor)
    assert odd.read_bytes() == document.encode("utf-8") or summary.merged == 1
    assert summary.new + summary.merged <= 1


sources_like = st.fixed_dictionaries(
    {"outlet": scalars},
    optional={"article": scalars | words, "url": scalars | words.map(lambda w: f"https://{w}")},
)


@settings(max_examples=300, deadline=None)
@given(
    event_like
    | st.fixed_dictionaries({"sources": st.lists(sources_like)}, optional={"date": scalars})
)
def test_the_fast_validator_agrees_with_the_full_one(data):
    from timeline.check.validate import is_valid, plain, validator

    document = plain(data)
    for name in ("event", "people", "article"):
        assert is_valid(name, document) == validator(name).is_valid(document)
