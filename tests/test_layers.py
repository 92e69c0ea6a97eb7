"""The layering rule of `timeline/__init__.py`: imports run only downward, never sideways."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
BOTTOM = {"model", "people", "naming", "articles", "yamlio", "contentfs"}
RANK = {"extract": 1, "store": 1, "check": 2, "site": 3, "sources": 3, "commands": 4}
TOP = {"cli": 5, "plugin_serve": 5, "plugin": 6}


def stage_of(module: str) -> str:
    """`timeline.extract.dates.finder` -> `extract`; a bottom module is its own stage."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def rank_of(stage: str) -> int:
    if stage in BOTTOM or stage == "":
        return 0
    return RANK.get(stage, TOP.get(stage, 99))


def imports_of(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("timeline"):
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("timeline")]
    return found


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def allowed(own: str, other: str) -> bool:
    if other == own or rank_of(other) == 0:
        return True
    return rank_of(other) < rank_of(own)


def layer_violations(path: Path, package: Path = PACKAGE) -> list[str]:
    own = stage_of(module_name(path, package))
    return [
        f"{path.relative_to(package.parent)}:{line}: imports {target}"
        for line, target in imports_of(path)
        if not allowed(own, stage_of(target))
    ]


def test_every_stage_is_ranked():
    stages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert stages == set(RANK)
    assert modules == BOTTOM | set(TOP)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p))
def test_imports_run_downward(path: Path):
    assert layer_violations(path) == []


def test_the_rule_catches_an_upward_and_a_sideways_import(tmp_path: Path):
    fake = tmp_path / "timeline"
    (fake / "store").mkdir(parents=True)
    (fake / "store" / "bad.py").write_text(
        "from timeline.check.content import x\nfrom timeline.extract.names import y\n"
        "from timeline.model import Event\nfrom timeline.store.files import z\n"
    )
    (fake / "model.py").write_text("from timeline.site.index import Site\nimport timeline.yamlio\n")
    assert len(layer_violations(fake / "store" / "bad.py", fake)) == 2
    assert len(layer_violations(fake / "model.py", fake)) == 1


def test_docstrings_say_what_each_stage_owns():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init} has no docstring"
