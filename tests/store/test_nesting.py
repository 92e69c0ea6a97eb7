"""Contacts inside an imported trip are linked to it with `part_of`, and only those."""

from __future__ import annotations

from timeline.model import Event, Source
from timeline.store.nesting import Link, fits, link_to_trips, meetings_of, traveller

TRAVELS = "https://history.state.gov/departmenthistory/travels/secretary/blinken-antony-j"
VISITS = "https://history.state.gov/departmenthistory/visits/2023"


def trip(
    id_="2023-06-17-blinken-beijing",
    us=("antony-blinken",),
    china=("xi-jinping",),
    url=TRAVELS,
    date="2023-06-17",
    end="2023-06-19",
    location="Beijing",
    part_of=None,
):
    source = Source(outlet="Office of the Historian", url=url, record="1", date_basis="imported")
    return Event(
        id=id_,
        title="",
        date=date,
        end_date=end,
        kind="visit",
        us=list(us),
        china=list(china),
        location=location,
        sources=[source],
        part_of=part_of,
    )


def contact(
    date="2023-06-18",
    us=("antony-blinken",),
    china=("qin-gang",),
    location="Beijing",
    kind="talks",
    **fields,
):
    source = Source(outlet="Ukrinform", article="a.md", date_basis="relative")
    return Event(
        id=f"{date}-contact",
        title="",
        date=date,
        kind=kind,
        us=list(us),
        china=list(china),
        location=location,
        sources=[source],
        **fields,
    )


def test_a_contact_during_the_trip_is_linked():
    assert link_to_trips([trip(), contact()]) == [
        Link("2023-06-18-contact", "2023-06-17-blinken-beijing")
    ]


def test_a_contact_without_a_place_is_linked():
    assert fits(contact(location=None), trip())


def test_the_first_and_last_days_are_inside():
    assert fits(contact(date="2023-06-17"), trip())
    assert fits(contact(date="2023-06-19"), trip())


def test_a_contact_outside_the_dates_is_not_linked():
    assert not fits(contact(date="2023-06-20"), trip())
    assert not fits(contact(date="2023-06-16"), trip())


def test_a_contact_elsewhere_is_not_linked():
    assert not fits(contact(location="Washington"), trip())


def test_a_contact_without_the_traveller_is_not_linked():
    other = contact(us=("jake-sullivan",), china=("xi-jinping",))
    assert not fits(other, trip())


def test_a_contact_known_only_to_the_month_is_not_linked():
    assert not fits(contact(date="2023-06", precision="month"), trip())


def test_a_multi_city_trip_contains_each_of_its_cities():
    tour = trip(location="Shanghai, Beijing")
    assert fits(contact(location="Shanghai"), tour)
    assert fits(contact(location="Beijing"), tour)
    assert not fits(contact(location="Hangzhou"), tour)


def test_the_traveller_of_a_visit_to_the_us_is_the_chinese_leader():
    visit = trip(
        us=("joe-biden",),
        china=("xi-jinping",),
        url=VISITS,
        location="Woodside",
        date="2023-11-12",
        end=None,
    )
    assert traveller(visit) == "xi-jinping"
    meeting = contact(
        date="2023-11-12",
        us=("joe-biden",),
        china=("xi-jinping",),
        location="Woodside",
        kind="summit",
    )
    assert fits(meeting, visit)
    assert traveller(trip()) == "antony-blinken"


def test_an_existing_part_of_and_cancelled_contacts_are_left_alone():
    assert link_to_trips([trip(), contact(part_of="something-else")]) == []
    assert link_to_trips([trip(), contact(status="cancelled")]) == []


def test_trips_are_not_linked_to_themselves_or_to_each_other_here():
    assert link_to_trips([trip(), trip(id_="2023-06-17-blinken-beijing-2")]) == []


def test_the_outermost_trip_wins_when_two_fit():
    president = trip(id_="ford", us=("gerald-ford",), date="1975-12-01", end="1975-12-05")
    secretary = trip(
        id_="kissinger",
        us=("henry-kissinger",),
        date="1975-12-01",
        end="1975-12-05",
        part_of="ford",
    )
    meeting = contact(
        date="1975-12-02", us=("gerald-ford", "henry-kissinger"), china=("mao-zedong",)
    )
    assert link_to_trips([secretary, president, meeting]) == [Link(meeting.id, "ford")]


def test_meetings_of_a_trip_in_date_order():
    later = contact(date="2023-06-19", part_of="2023-06-17-blinken-beijing")
    earlier = contact(date="2023-06-18", part_of="2023-06-17-blinken-beijing")
    assert meetings_of(trip(), [later, trip(), earlier, contact()]) == [earlier, later]
