"""Ids from places (issue 13, item 6): places with no Latin letters do not collide."""

from __future__ import annotations

from timeline.model import Event
from timeline.naming import ID_RE, event_id, place_part


def test_places_without_latin_letters_get_distinct_id_parts():
    parts = {place_part(p) for p in ("北京", "上海", "Київ", "Пекин")}
    assert len(parts) == 4 and all(p.startswith("p") and len(p) == 7 for p in parts)


def test_a_place_id_part_is_stable_and_latin_places_keep_their_slug():
    assert place_part("北京") == place_part(" 北京 ")
    assert place_part("Zürich") == place_part("Zurich") == "zurich"  # one city, one id part


def test_events_in_two_cjk_cities_get_different_valid_ids():
    ids = set()
    for place in ("北京", "上海"):
        event = Event(id="", title="", date="2023-06-18", kind="talks", us=["a"], china=["b"])
        event.location = place
        ids.add(event_id(event, {}))
    assert len(ids) == 2 and all(ID_RE.match(i) for i in ids)
