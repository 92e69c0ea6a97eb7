"""Every subcommand's --help: a description paragraph and at least one example."""

from __future__ import annotations

import argparse

import pytest

from timeline.cli import build_parser


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_each_subcommand_has_a_description_and_an_example(name: str):
    parser = subcommands()[name]
    text = parser.format_help()
    assert parser.description and len(parser.description.split()) >= 8, name
    assert parser.epilog and "timeline " in parser.epilog, name
    assert "example" in text, name


def test_the_editor_commands_are_there():
    assert {"add", "review", "cite", "new", "extract", "check"} <= set(subcommands())
    assert "--dry-run" in subcommands()["extract"].format_help()
