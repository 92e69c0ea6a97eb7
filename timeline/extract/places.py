"""Cities where contacts happen, found in text in any case form (gazetteer in data/places.yml)."""

from __future__ import annotations

from importlib import resources

from timeline.extract.names import NameMatcher
from timeline.model import Person
from timeline.yamlio import parse_yaml


def load_places() -> list[dict]:
    text = (
        resources.files("timeline.extract").joinpath("data/places.yml").read_text(encoding="utf-8")
    )
    return parse_yaml(text)


class PlaceMatcher:
    """All place forms, matched like people's names (inflected, indexed); the first match wins."""

    def __init__(self, places: list[dict] | None = None):
        places = load_places() if places is None else places
        self._country = {place["name"]: place.get("country") for place in places}
        entries = [
            Person(id=place["name"], name=place["name"], country="", names=place["names"])
            for place in places
        ]
        self._matcher = NameMatcher(entries)

    def find(self, text: str, language: str) -> str | None:
        mentions = self._matcher.find(text, language)
        return mentions[0].person if mentions else None

    def country_of(self, name: str) -> str | None:
        """The country (us | cn) a known city is in, None for third countries."""
        return self._country.get(name)
