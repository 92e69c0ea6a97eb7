"""Cities where contacts happen, found in text in any case form (gazetteer in data/places.yml)."""

from __future__ import annotations

import re
from importlib import resources

from .names import form_pattern
from .yamlio import parse_yaml


def load_places() -> list[dict]:
    text = resources.files("timeline").joinpath("data/places.yml").read_text(encoding="utf-8")
    return parse_yaml(text)


class PlaceMatcher:
    """One compiled alternation of all place forms per language; the first match wins."""

    def __init__(self, places: list[dict] | None = None):
        places = load_places() if places is None else places
        self._country = {place["name"]: place.get("country") for place in places}
        self._patterns: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
        languages = {lang for place in places for lang in place["names"]}
        for lang in languages:
            forms = [
                (form, place["name"])
                for place in places
                for form in {*place["names"].get(lang, []), *place["names"].get("en", [])}
            ]
            forms.sort(key=lambda f: -len(f[0]))
            groups = [f"(?P<p{i}>{form_pattern(form)})" for i, (form, _) in enumerate(forms)]
            owner = {f"p{i}": name for i, (_, name) in enumerate(forms)}
            self._patterns[lang] = (re.compile("|".join(groups)), owner)

    def find(self, text: str, language: str) -> str | None:
        entry = self._patterns.get(language) or self._patterns.get("en")
        if entry is None:
            return None
        pattern, owner = entry
        match = pattern.search(text)
        return owner[match.lastgroup] if match and match.lastgroup else None

    def country_of(self, name: str) -> str | None:
        """The country (us | cn) a known city is in, None for third countries."""
        return self._country.get(name)
