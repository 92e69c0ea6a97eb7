"""Cyrillic forms of Chinese names from pinyin, and the name finder that uses them."""

from __future__ import annotations

import pytest

from timeline.extract.names import NameMatcher
from timeline.extract.script import simplified
from timeline.extract.transliterate import cyrillic_forms, variant_forms
from timeline.model import Person, Role


@pytest.mark.parametrize(
    ("pinyin", "ru", "uk"),
    [
        ("He Lifeng", "Хэ Лифэн", "Хе Ліфен"),
        ("Xie Zhenhua", "Се Чжэньхуа", "Сє Чженьхуа"),
        ("Wang Yi", "Ван И", "Ван І"),
        ("Xi Jinping", "Си Цзиньпин", "Сі Цзіньпін"),
        ("Dong Jun", "Дун Цзюнь", "Дун Цзюнь"),
        ("Zhao Ziyang", "Чжао Цзыян", "Чжао Цзиян"),
        ("Yang Jiechi", "Ян Цзечи", "Ян Цзєчі"),
    ],
)
def test_palladius_and_its_ukrainian_form(pinyin: str, ru: str, uk: str):
    assert cyrillic_forms(pinyin) == {"ru": ru, "uk": uk}


@pytest.mark.parametrize("name", ["Antony Blinken", "Scott Bessent", "Xi", "Ma Ying Jeou Li"])
def test_a_name_that_is_not_pinyin_gets_no_forms(name: str):
    assert cyrillic_forms(name) == {}


def test_a_chinese_official_is_found_in_ru_and_uk_without_listed_forms():
    person = Person(
        id="wang-wentao", name="Wang Wentao", country="cn", short="Wang Wentao",
        level="minister", roles=[Role("Minister of Commerce", "2020-12-26")],
        names={"en": ["Wang Wentao"]},
    )  # fmt: skip
    matcher = NameMatcher([person])
    assert [m.person for m in matcher.find("встреча с Ван Вэньтао прошла", "ru")] == ["wang-wentao"]
    assert [m.person for m in matcher.find("зустріч з Ван Веньтао, міністром", "uk")] == [
        "wang-wentao"
    ]
    assert matcher.find("Ван Вэньтао", "en") == []


def test_traditional_chinese_is_read_as_simplified_with_positions_kept():
    text = "王毅與布林肯會談"
    assert simplified(text) == "王毅与布林肯会谈"
    assert len(simplified(text)) == len(text)
    assert simplified("no Chinese here") == "no Chinese here"


@pytest.mark.parametrize(
    ("pinyin", "lang", "variants"),
    [
        ("Dong Jun", "uk", ["Дун Джун"]),
        ("Dong Jun", "ru", ["Дун Джун"]),
        ("Wang Yi", "uk", ["Ван Ї"]),
        ("Wang Yi", "ru", []),
        ("He Lifeng", "uk", []),
    ],
)
def test_the_spellings_news_uses_beside_the_standard_one(pinyin: str, lang: str, variants: list):
    form = cyrillic_forms(pinyin)[lang]
    assert variant_forms(form, pinyin, lang) == variants
