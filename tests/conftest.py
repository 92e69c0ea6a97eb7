"""Shared fixtures. Any test that logs an unexpected warning fails."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def fail_on_warnings(caplog: pytest.LogCaptureFixture, request: pytest.FixtureRequest):
    """Fail a test that logs a warning or error it did not declare with `expected_warnings`."""
    caplog.set_level(logging.WARNING)
    yield
    if request.node.get_closest_marker("expected_warnings"):
        return
    unexpected = [r for r in caplog.records if r.levelno >= logging.WARNING]
    if unexpected:
        lines = "\n".join(f"{r.name}: {r.getMessage()}" for r in unexpected)
        pytest.fail(f"unexpected warnings logged:\n{lines}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's site sources and content in a temp folder, ready to build."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("site_src", "overrides"):  # overrides: the theme's custom_dir
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path
