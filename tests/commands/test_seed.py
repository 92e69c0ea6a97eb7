"""End to end on the seed article: one event, dated from "у неділю", nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.store.files import load_events

ROOT = Path(__file__).resolve().parents[2]
SEED = "content/articles/uk/2023/2023-06-18-ukrinform-blinken-qin-gang.md"


@pytest.mark.parametrize("published", ["2023-06-18", "2023-06-19"])
def test_seed_gives_exactly_one_event(tmp_path: Path, published: str):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content/people.yml", content / "people.yml")
    text = (ROOT / SEED).read_text(encoding="utf-8")
    text = text.replace("published: 2023-06-18", f"published: {published}")
    (content / "articles/seed.md").write_text(text, encoding="utf-8")
    assert main(["--content", str(content), "extract"]) == 0
    files = sorted((content / "events").rglob("*.yml"))
    assert [f.relative_to(content / "events").as_posix() for f in files] == [
        "2023/2023-06-18-blinken-qin-gang-beijing.yml"
    ]
    [event], _ = load_events(content / "events")
    assert (event.date, event.status, event.review) == ("2023-06-18", "happened", "draft")
    assert (event.us, event.china, event.location) == (["antony-blinken"], ["qin-gang"], "Beijing")
    [source] = event.sources
    assert source.date_basis == "relative"
    assert "неділю" in source.date_text
    assert source.quote in text
