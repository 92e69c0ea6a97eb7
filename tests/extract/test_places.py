"""Which city a sentence gives as the place of its contact (timeline/extract/places.py).

Our own sentences, one or more per language and trap: a locative against a city standing for
its government, two venues, inflected forms, names of things, traditional Chinese.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extract.extractor import Extractor
from timeline.extract.places import (
    BARE,
    GOVERNMENT,
    LOCATIVE,
    SOURCE,
    PlaceMatcher,
    PlaceMention,
    load_places,
    venue,
)
from timeline.extract.script import simplified
from timeline.model import Article
from timeline.people import load_people

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def places() -> PlaceMatcher:
    return PlaceMatcher()


# (language, sentence, the place of the contact)
LOCATIVE_OVER_GOVERNMENT = [
    ("en", "Washington's demands came up when the two envoys met in Geneva on Monday.", "Geneva"),
    (
        "en",
        "Beijing said the two ministers had candid talks in the Spanish capital, Madrid.",
        "Madrid",
    ),
    ("en", "Ties between Washington and Beijing warmed after the talks in Stockholm.", "Stockholm"),
    ("en", "A White House official said the pair would meet at the APEC summit in Lima.", "Lima"),
    (
        "uk",
        "У неділю в іспанському Мадриді почалися переговори, де обговорять вимоги Вашингтона.",
        "Madrid",
    ),
    ("uk", "Пекін заявив, що зустріч у швейцарській Женеві була корисною.", "Geneva"),
    ("uk", "У Пекіні заявили, що перемовини на Балі пройшли конструктивно.", "Bali"),
    ("uk", "Переговори з Вашингтоном відбулися в Лондоні.", "London"),
    ("ru", "Пекин заявил, что переговоры в Мадриде прошли конструктивно.", "Madrid"),
    ("ru", "Встреча с Вашингтоном прошла в южнокорейском Пусане.", "Busan"),
    ("ru", "Позиция Пекина обсуждалась на встрече в Стокгольме.", "Stockholm"),
    ("zh", "华盛顿方面表示，双方在瑞士日内瓦举行了会谈。", "Geneva"),
    ("zh", "北京的立场很明确，两国代表在西班牙马德里会晤。", "Madrid"),
    ("zh", "北京时间周日，中美两国代表在吉隆坡举行会谈。", "Kuala Lumpur"),
]


@pytest.mark.parametrize(("language", "sentence", "where"), LOCATIVE_OVER_GOVERNMENT)
def test_a_locative_city_wins_over_a_government(
    places: PlaceMatcher, language: str, sentence: str, where: str
):
    assert places.find(sentence, language) == where


GOVERNMENTS = [
    ("en", "Washington's envoy spoke by phone with Wang Yi.", "Washington"),
    ("en", "Beijing said the call was candid.", "Beijing"),
    ("uk", "Розмову ініціював Пекін, а вимоги Вашингтона не змінилися.", "Washington"),
    ("uk", "Пекін заявив, що розмова була відвертою.", "Beijing"),
    ("ru", "Пекин заявил, что звонок был откровенным.", "Beijing"),
    ("ru", "Переговоры с Вашингтоном продолжатся.", "Washington"),
    ("zh", "北京方面表示，通话是坦诚的。", "Beijing"),
    ("zh", "北京同意推迟有关措施。", "Beijing"),
]


@pytest.mark.parametrize(("language", "sentence", "city"), GOVERNMENTS)
def test_a_city_standing_for_its_government_is_ranked_last(
    places: PlaceMatcher, language: str, sentence: str, city: str
):
    ranks = {m.place: m.rank for m in places.mentions(sentence, language)}
    assert ranks[city] == GOVERNMENT


def test_a_government_is_still_the_place_when_no_other_city_is_named(places: PlaceMatcher):
    assert places.find("The White House said the two leaders would meet.", "en") == "Washington"


def test_the_two_sides_capitals_joined_bare_are_governments(places: PlaceMatcher):
    found = places.mentions("Relations between Washington and Beijing improved.", "en")
    assert [(m.place, m.rank) for m in found] == [
        ("Washington", GOVERNMENT),
        ("Beijing", GOVERNMENT),
    ]
    found = places.mentions("Вони зустрілися у Вашингтоні та Пекіні.", "uk")
    assert [m.rank for m in found] == [LOCATIVE, LOCATIVE]  # the preposition is shared


TWO_VENUES = [
    # the venue in the clause of the contact's date, not the earlier one
    (
        "en",
        "After their talks in Geneva in May, the two sides met in London on June 9.",
        "June 9",
        "London",
    ),
    (
        "uk",
        "Після переговорів у Женеві сторони зустрілися в Лондоні 9 червня.",
        "9 червня",
        "London",
    ),
    ("ru", "После переговоров в Женеве стороны встретились 9 июня в Лондоне.", "9 июня", "London"),
    ("zh", "两人在维也纳会面后，9月16日在马耳他再次会谈。", "9月16日", "Malta"),
    # the nearest when no clause break tells them apart
    (
        "en",
        "Blinken met Wang in Jakarta on Thursday before flying to Tokyo.",
        "Thursday",
        "Jakarta",
    ),
]


@pytest.mark.parametrize(("language", "sentence", "date_text", "where"), TWO_VENUES)
def test_of_two_venues_the_one_by_the_contacts_date(
    places: PlaceMatcher, language: str, sentence: str, date_text: str, where: str
):
    assert places.find(sentence, language, near=sentence.index(date_text)) == where


def test_without_a_position_the_first_locative_wins(places: PlaceMatcher):
    sentence = "They met in Geneva in May and in London in June."
    assert places.find(sentence, "en") == "Geneva"


INFLECTED = [
    ("uk", "Зустріч відбулася у Відні.", "Vienna"),
    ("uk", "Лідери поговорили в японській Осаці.", "Osaka"),
    ("uk", "Делегації зустрілися в Стокгольмі.", "Stockholm"),
    ("uk", "Міністри зустрілися на Мальті.", "Malta"),
    ("uk", "Сторони провели переговори у В’єнтьяні.", "Vientiane"),
    ("ru", "Министры встретились в Женеве.", "Geneva"),
    ("ru", "Лидеры провели встречу на Гавайях.", "Honolulu"),
    ("ru", "Встреча прошла в Белом доме.", "Washington"),
    ("pl", "Ministrowie spotkali się w Madrycie.", "Madrid"),
    ("pl", "Rozmowy odbyły się w Genewie.", "Geneva"),
    ("de", "Die Gespräche fanden in der spanischen Hauptstadt Madrid statt.", "Madrid"),
    ("fr", "Les deux ministres se sont rencontrés à Genève.", "Geneva"),
    ("es", "Los dos ministros se reunieron en Ginebra.", "Geneva"),
    ("it", "I due ministri si sono incontrati a Ginevra.", "Geneva"),
]


@pytest.mark.parametrize(("language", "sentence", "where"), INFLECTED)
def test_inflected_and_foreign_forms(
    places: PlaceMatcher, language: str, sentence: str, where: str
):
    found = places.mentions(sentence, language)
    assert [(m.place, m.rank) for m in found] == [(where, LOCATIVE)]


SLAVIC_CASES = [
    ("uk", "Візит Блінкена до Пекіна тривав два дні.", BARE),  # to Beijing
    ("uk", "Блінкен вилетів з Пекіна.", SOURCE),  # from Beijing
    ("uk", "Позиція Пекіна не змінилася.", GOVERNMENT),  # of Beijing
    ("uk", "Тиск на Пекін зростає.", BARE),  # pressure on, not "on the island"
    ("ru", "В целом Пекин доволен.", BARE),  # "on the whole", not "in"
    ("ru", "Делегация вылетела из Пекина.", SOURCE),
]


@pytest.mark.parametrize(("language", "sentence", "rank"), SLAVIC_CASES)
def test_slavic_case_and_preposition(places: PlaceMatcher, language: str, sentence: str, rank: int):
    [mention] = places.mentions(sentence, language)
    assert (mention.place, mention.rank) == ("Beijing", rank)


NOT_PLACES = [
    ("en", "Kerry and Xie talked about the Paris Agreement."),
    ("en", "The Washington Post reported the call."),
    ("en", "The call began at 9 a.m. Beijing time."),
    ("en", "The talks were the first since Trump's return to the White House."),
    ("ru", "Это первые переговоры после возвращения Трампа в Белый дом."),
    ("zh", "北京时间周日上午，两国元首通话。"),
    ("zh", "这是特朗普重返白宫以来的首次会谈。"),
    ("zh", "两国外长讨论了罗马尼亚局势。"),
    ("zh", "双方的议题包罗万象。"),  # 万象 is Vientiane only after a locative
]


@pytest.mark.parametrize(("language", "sentence"), NOT_PLACES)
def test_names_of_things_and_cities_gone_back_to_are_no_place(
    places: PlaceMatcher, language: str, sentence: str
):
    assert places.find(sentence, language) is None


def test_a_dateline_ranks_below_the_venue(places: PlaceMatcher):
    sentence = "WASHINGTON - The president left Washington for talks with Xi in Lima."
    found = places.mentions(sentence, "en")
    assert [(m.place, m.rank) for m in found] == [
        ("Washington", SOURCE),
        ("Washington", SOURCE),
        ("Lima", LOCATIVE),
    ]
    assert places.find(sentence, "en") == "Lima"
    assert places.find("新华社北京6月19日电 两国外长在雅加达会谈。", "zh") == "Jakarta"
    [mention] = places.mentions("(迈阿密7日讯)两国代表会谈。", "zh")
    assert (mention.place, mention.rank) == ("Miami", SOURCE)


TRADITIONAL = [
    ("中美經貿會談在瑞士日內瓦舉行，華盛頓方面表示滿意。", "Geneva"),
    ("兩國外長在印尼峇里島會晤。", "Bali"),
    ("沙利文與王毅在馬爾他會談。", "Malta"),
]


@pytest.mark.parametrize(("sentence", "where"), TRADITIONAL)
def test_traditional_chinese_is_read_as_simplified(places: PlaceMatcher, sentence: str, where: str):
    assert places.find(simplified(sentence), "zh") == where


def test_the_extractor_gives_a_traditional_chinese_article_its_venue():
    people, problems = load_people(ROOT / "content/people.yml")
    assert problems == []
    article = Article(
        path="places.md",
        title="會談",
        outlet="test",
        published=__import__("datetime").date(2023, 6, 19),
        language="zh",
        body="美國國務卿布林肯6月18日在北京與中國外長秦剛會談，華盛頓方面表示會談坦誠。\n",
    )
    [event] = Extractor(people, PlaceMatcher()).extract_events(article)
    assert (event.date, event.location) == ("2023-06-18", "Beijing")


def test_venue_prefers_rank_then_clause_then_distance():
    mentions = [
        PlaceMention("A", 0, 1, BARE),
        PlaceMention("B", 10, 11, LOCATIVE),
        PlaceMention("C", 30, 31, LOCATIVE),
    ]
    text = "A" + " " * 9 + "B, " + " " * 17 + "C"
    assert venue(mentions).place == "B"
    assert venue(mentions, near=28, text=text).place == "C"  # B is a clause away
    assert venue([PlaceMention("A", 0, 1, GOVERNMENT)]).place == "A"
    assert venue([]) is None


def test_every_listed_form_finds_its_own_place(places: PlaceMatcher):
    for place in load_places():
        for language, forms in place["names"].items():
            for form in forms:
                text = f"在{form}" if form in (place.get("locative_only") or []) else f" {form} "
                found = places.mentions(text, language)
                assert [m.place for m in found][:1] == [place["name"]], (language, form)


def test_the_gazetteer_is_well_formed():
    seen: dict[tuple[str, str], str] = {}
    for place in load_places():
        assert set(place) <= {"name", "country", "names", "locative_only"}, place["name"]
        assert place.get("country") in (None, "us", "cn"), place["name"]
        assert place["names"].get("en"), place["name"]
        for language, forms in place["names"].items():
            for form in forms:
                owner = seen.setdefault((language, form), place["name"])
                assert owner == place["name"], (language, form, owner)
        listed = {f for forms in place["names"].values() for f in forms}
        assert set(place.get("locative_only") or []) <= listed, place["name"]
