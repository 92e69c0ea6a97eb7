"""JSON Schema validation of YAML documents, reported as `path:line:column: field: ...` lines.

The schemas ship in `timeline/schema/`; editors' IDEs read the same files. Two validators
read them: `fastjsonschema` (compiled to Python code, about 20 times faster) answers "is this
valid?" for every document, and only for the invalid ones `jsonschema` lists every error with
its path into the document, so each becomes one line at the right YAML position.
`fastjsonschema` alone would stop at the first error and hide the rest.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError

from timeline.model import Problem
from timeline.yamlio import Positions

TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "integer": "a whole number",
    "number": "a number",
    "null": "null",
    "boolean": "true or false",
}


@cache
def schema(name: str) -> dict:
    """A schema shipped with the package: `event`, `people` or `article`."""
    text = resources.files("timeline").joinpath(f"schema/{name}.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def validator(name: str) -> Draft7Validator:
    return Draft7Validator(schema(name))


@cache
def fast_check(name: str) -> Callable[[Any], Any]:
    return fastjsonschema.compile(schema(name))


def is_valid(name: str, data: Any) -> bool:
    try:
        fast_check(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def field_name(path: tuple) -> str:
    """`sources[0].url` for the path ("sources", 0, "url")."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def show(value: Any) -> str:
    """A found value, short and unambiguous."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "an empty list" if not value else "a list"
    if isinstance(value, str):
        return repr(value if len(value) <= 80 else value[:77] + "...")
    return repr(value)


def plain(value: Any) -> Any:
    """The document as JSON types: text keys, lists, and other values shown as text."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else show(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return show(value)


def _expected(error: ValidationError) -> str:
    custom = error.schema.get("x-expected") if isinstance(error.schema, dict) else None
    kind, want = error.validator, error.validator_value
    if custom and kind in ("pattern", "anyOf", "minItems", "type", "propertyNames"):
        return custom
    if kind == "type":
        words = [TYPE_WORDS.get(t, t) for t in ([want] if isinstance(want, str) else want)]
        return " or ".join(words)
    if kind == "enum":
        return "one of " + ", ".join("null" if v is None else str(v) for v in want)
    if kind == "minLength":
        return "a non-empty text"
    if kind == "maxLength":
        return f"at most {want} characters"
    if kind == "minItems":
        return f"at least {want} item(s)"
    if kind in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        return f"a number from {low} to {high}" if None not in (low, high) else f"{kind} {want}"
    if kind == "uniqueItems":
        return "no repeated items"
    return custom or kind


def _found(error: ValidationError) -> str:
    if error.validator == "uniqueItems":
        repeated = [v for i, v in enumerate(error.instance) if v in error.instance[:i]]
        return f"{show(repeated[0])} twice" if repeated else "repeated items"
    if error.validator == "maxLength":
        return f"{len(error.instance)} characters"
    if error.validator == "anyOf" and isinstance(error.instance, dict):
        return "none of them"
    return show(error.instance)


def _unknown_keys(error: ValidationError, rel: str, positions: Positions) -> list[Problem]:
    known = list(error.schema.get("properties", {}))
    problems = []
    for key in error.instance:
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"did you mean {close[0]!r}?" if close else "one of: " + ", ".join(known)
        path = (*error.absolute_path, key)
        line, column = positions.of_key(path) or (None, None)
        problems.append(
            Problem(
                rel, f"expected a known key ({hint}), found {key!r}", field_name(path), line, column
            )
        )
    return problems


def _missing(error: ValidationError, rel: str, positions: Positions) -> list[Problem]:
    path = tuple(error.absolute_path)
    line, column = positions.of_value(path) or (None, None)
    return [
        Problem(
            rel, "expected a value (required), found none", field_name((*path, key)), line, column
        )
        for key in error.validator_value
        if key not in error.instance
    ]


def _problem(error: ValidationError, rel: str, positions: Positions) -> list[Problem]:
    if error.validator == "additionalProperties":
        return _unknown_keys(error, rel, positions)
    if error.validator == "required":
        return _missing(error, rel, positions)
    path = tuple(error.absolute_path)
    if error.validator == "propertyNames":
        line, column = positions.of_key((*path, error.instance)) or (None, None)
        path = (*path, error.instance)
    else:
        line, column = positions.of_value(path) or (None, None)
    message = f"expected {_expected(error)}, found {_found(error)}{_nearest(error)}"
    return [Problem(rel, message, field_name(path) or None, line, column)]


def _nearest(error: ValidationError) -> str:
    """For a value not in an enum (kind: sumit): the nearest allowed value."""
    if error.validator != "enum" or not isinstance(error.instance, str):
        return ""
    allowed = [str(v) for v in error.validator_value if v is not None]
    close = difflib.get_close_matches(error.instance, allowed, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def schema_problems(name: str, rel: str, data: Any, positions: Positions) -> list[Problem]:
    """Every way `data` breaks the schema `name`, one problem each, in file order."""
    data = plain(data)
    if is_valid(name, data):
        return []
    problems: dict[tuple, Problem] = {}
    for error in validator(name).iter_errors(data):
        for problem in _problem(error, rel, positions):
            problems.setdefault((problem.field, problem.message), problem)
    return sorted(problems.values(), key=lambda p: (p.line or 0, p.column or 0, p.field or ""))
