"""The words around a city name that say what the name is doing in a sentence, per language.

Each table is a regular expression tried on the text just before a mention (anchored at
its end) or just after it (anchored at its start). `places.py` turns them into a rank.
"""

from __future__ import annotations

import re

# The few words that may stand between a locative preposition and the city: "in the
# Spanish capital, Madrid", "in the South Korean city of Busan", "at the White House".
_EN_BETWEEN = (
    r"(?:the\s+(?:(?:[\w.'’-]+\s+){0,3}?"
    r"(?:capital|city|town|resort|estate|port|island|state|province|region|retreat)"
    r"(?:\s+city)?(?:\s+of)?,?\s+)?)?"
)
# "в іспанському Мадриді", "у столиці Іспанії Мадриді", "в южнокорейском Пусане".
_UK_BETWEEN = (
    r"(?P<between>(?:[а-яіїєґ’'ʼ-]{3,}(?:ому|ій|ім|их|ої)\s+){1,2}"
    r"|(?:[а-яіїєґ’'ʼ-]{3,}(?:ому|ій|ім|их|ої)\s+)?"
    r"(?:столиці|місті|містечку|курорті|резиденції|маєтку|острові|штаті|провінції)\s+"
    r"(?:[А-ЯІЇЄҐ][\w’'ʼ-]*\s+)?)?"
)
_RU_BETWEEN = (
    r"(?P<between>(?:[а-яё-]{3,}(?:ом|ем|ой|ей|их)\s+){1,2}"
    r"|(?:[а-яё-]{3,}(?:ом|ем|ой|ей|их)\s+)?"
    r"(?:столице|городе|городке|курорте|резиденции|поместье|острове|штате|провинции)\s+"
    r"(?:[А-ЯЁ][\w-]*\s+)?)?"
)
# Countries and regions Chinese puts between 在 and the city: 在西班牙马德里, 在美国加州旧金山.
_ZH_REGIONS = (
    "美国|中国|南韩|纽西兰|西班牙|瑞士|瑞典|英国|法国|德国|意大利|奥地利|比利时|芬兰|丹麦|波兰|卢森堡|"
    "马耳他|俄罗斯|韩国|日本|印度尼西亚|印尼|马来西亚|泰国|越南|老挝|柬埔寨|缅甸|菲律宾|文莱|"
    "印度|巴基斯坦|澳大利亚|澳洲|新西兰|加拿大|墨西哥|秘鲁|智利|阿根廷|巴西|南非|埃及|沙特阿拉伯|"
    "沙特|阿联酋|阿塞拜疆|苏格兰|加利福尼亚州|加州|佛罗里达州|佛州|夏威夷州|阿拉斯加州|阿拉斯加|"
    "宾夕法尼亚州|伊利诺伊州|马萨诸塞州|广东省|广东|福建省|福建|山东省|山东|四川省|四川|浙江省|"
    "浙江|首都|城市|南部|北部|东部|西部|港口城市|海滨城市"
)
_SLAVIC_LOCATIVE_WORDS = {
    "uk": r"(?<!\w)(?P<prep>[ВвУу]|[Уу]ві|[Вв]о|[Нн]а|[Бб]іля|[Пп]облизу)\s+",
    "ru": r"(?<!\w)(?P<prep>[Вв]о?|[Нн]а|[Вв]озле|[Бб]лиз)\s+",
}

# A locative preposition or construction right before the city.
LOCATIVE_BEFORE: dict[str, re.Pattern[str]] = {
    "en": re.compile(rf"(?i)\b(?P<prep>in|at|inside|near|outside)\s+{_EN_BETWEEN}$"),
    "uk": re.compile(_SLAVIC_LOCATIVE_WORDS["uk"] + _UK_BETWEEN + "$"),
    "ru": re.compile(_SLAVIC_LOCATIVE_WORDS["ru"] + _RU_BETWEEN + "$"),
    "zh": re.compile(
        r"(?:(?<![现存实所好内潜外])在|(?<![对关由至属基等鉴终在用善急处])于|赴|抵达|飞抵|前往|"
        rf"来到|到访|出访|访问|飞往|落地)(?:{_ZH_REGIONS}){{0,3}}$"
    ),
    "de": re.compile(
        r"(?i)\b(?P<prep>in|im|bei|beim)\s+(?:(?:der|dem|den)\s+)?(?:[\wäöüß-]+(?:en|er)\s+){0,2}"
        r"(?:(?:Hauptstadt|Stadt|Metropole|Hafenstadt|Küstenstadt|Badeort|Anwesen|Residenz)\s+)?$"
    ),
    "fr": re.compile(
        r"(?i)(?:\bà|\bau|\ben|\bdans|\bprès de)\s+"
        r"(?:la\s+(?:capitale|ville|station|résidence|cité)(?:\s+[\wéèêàç-]+){0,2}(?:\s+de)?,?\s+)?$"
    ),
    "es": re.compile(
        r"(?i)\b(?:en|cerca de)\s+(?:la\s+(?:capital|ciudad|localidad|residencia|isla)"
        r"(?:\s+[\wáéíóúñ-]+){0,2}(?:\s+de)?,?\s+)?$"
    ),
    "it": re.compile(
        r"(?i)\b(?:a|in|nella|presso)\s+(?:(?:la\s+)?(?:capitale|città|località|residenza|isola)"
        r"(?:\s+[\wàèéìòù-]+){0,2}(?:\s+di)?,?\s+)?$"
    ),
    "pl": re.compile(
        r"(?i)(?<!\w)(?P<prep>w|we|na|pod)\s+(?:(?:stolicy|mieście|kurorcie|rezydencji|posiadłości)"
        r"\s+(?:[\wąćęłńóśźż-]+\s+)?)?$"
    ),
}
# Chinese also names the venue of a trip after the city: 北京之行.
LOCATIVE_AFTER = {"zh": re.compile(r"之行")}

# A place left from: "from Beijing", "з Пекіна", "从北京".
SOURCE_BEFORE: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"(?i)\b(?:from|left|leaving|leaves|departed|departing|departs)\s+(?:the\s+)?$"
    ),
    "uk": re.compile(r"(?<!\w)(?:[Зз]|[Іі]з|[Зз]і|[Вв]ід)\s+$"),
    "ru": re.compile(r"(?<!\w)(?:[Ии]з|[Оо]т|[Сс]о?)\s+$"),
    "zh": re.compile(r"(?:从|自|离开)$"),
    "de": re.compile(r"(?i)\b(?:aus|von)\s+$"),
    "fr": re.compile(r"(?i)\bdepuis\s+$"),
    "es": re.compile(r"(?i)\bdesde\s+$"),
    "it": re.compile(r"(?i)\bda\s+$"),
    "pl": re.compile(r"(?i)(?<!\w)(?:z|ze)\s+$"),
}
# Any other preposition before a Slavic city in the genitive: "до Пекіна" is a destination,
# not the government of Beijing.
SLAVIC_PREPOSITION_BEFORE = {
    "uk": re.compile(
        r"(?<!\w)(?:до|для|після|проти|без|крім|серед|щодо|навколо|замість|посеред)\s+$", re.I
    ),
    "ru": re.compile(r"(?<!\w)(?:до|для|после|против|без|кроме|среди|вокруг|около|у)\s+$", re.I),
}

# What a government does, right after the city standing for it: "Beijing said", "Пекін
# заявив", "北京表示", "北京方面".
GOVERNMENT_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\s+(?:officials?|spokes(?:man|woman|person)|press secretary|aides?|readout)\b"
        r"|\s+(?:(?:has|had|have|also|then|later|now|reportedly)\s+)?"
        r"(?:said|says|wants|wanted|accused|accuses|urged|urges|agreed|decided|refused|pledged|"
        r"warned|warns|demanded|demands|insisted|insists|hopes|hoped|believes|announced|"
        r"denied|denies|rejected|rejects|responded|claimed|claims|argued|argues|threatened|"
        r"threatens|retaliated|imposed|blamed|condemned|criticized|criticised|welcomed|"
        r"expects|considers|views|sees|protested|objected)\b"
    ),
    "uk": re.compile(
        r"\s+(?:заяв\w*|повідом\w*|вимага\w*|вважа\w*|наполяга\w*|звинуват\w*|звинувачу\w*|"
        r"пообіця\w*|відповів|відповіла|відповіли|відповідає|попереди\w*|попереджа\w*|"
        r"погрожу\w*|хоче|хочуть|прагне|прагнуть|розраховує|наголоси\w*|наголошу\w*|"
        r"підтверди\w*|відкину\w*|відкида\w*|запевни\w*|засуди\w*|критику\w*|заклика\w*|"
        r"оголоси\w*|запровади\w*|запроваджу\w*|привіта\w*|вітає|відреагува\w*|протестува\w*)"
        r"(?!\w)"
    ),
    "ru": re.compile(
        r"\s+(?:заяв\w*|сообщ\w*|требу\w*|потребова\w*|счита\w*|настаива\w*|обвин\w*|"
        r"пообеща\w*|ответил\w*|отвечает|предупреди\w*|предупрежда\w*|угрожа\w*|хочет|хотят|"
        r"стремится|стремятся|рассчитывает|подчеркну\w*|подчеркива\w*|подтверди\w*|отверг\w*|"
        r"отвергает|заверил\w*|осуди\w*|критику\w*|призвал\w*|призыва\w*|объяви\w*|ввел\w*|"
        r"ввёл|приветству\w*|отреагирова\w*|намерен\w*|протестова\w*)(?!\w)"
    ),
    "zh": re.compile(
        r"(?:方面|当局|政府|官方|发言人|官员|的)"
        r"|(?:\d{1,4}[年月日号]){0,3}(?:则|也|还|已经|已|将|就|又|亦|更|并|仍|曾|随即|立即)?"
        r"(?:表示|称|认为|指责|批评|要求|希望|坚持|回应|宣布|警告|强调|敦促|谴责|声称|反对|拒绝|"
        r"否认|同意|决定|承诺|取消|允许|暂停|推迟|威胁)"
    ),
    "de": re.compile(
        r"\s+(?:sagte|sagt|erklärte|erklärt|fordert|forderte|warnte|warnt|wirft|warf|"
        r"kritisiert|kritisierte|betonte|betont|will|wollte)\b"
    ),
    "fr": re.compile(
        r"\s+(?:a\s+)?(?:déclaré|affirmé|affirme|estime|exige|accuse|dénonce|demandé|demande|"
        r"averti|menace|souhaite|veut)\b"
    ),
    "es": re.compile(
        r"\s+(?:ha\s+)?(?:dijo|dicho|afirmó|afirma|exige|exigió|acusa|acusó|advirtió|"
        r"denunció|quiere|pide|pidió)\b"
    ),
    "it": re.compile(
        r"\s+(?:ha\s+)?(?:detto|dichiarato|chiede|chiesto|accusa|accusato|avverte|avvertito|"
        r"vuole|denuncia)\b"
    ),
    "pl": re.compile(
        r"\s+(?:oświadczył|oświadczyła|twierdzi|żąda|zażądał|domaga|ostrzegł|ostrzega|"
        r"oskarża|oskarżył|chce|zapowiedział)\b"
    ),
}
# After a locative ("У Пекіні заявили"), only a verb with no subject of its own says that
# the city stands for its government; "Блінкен у Пекіні заявив" is Blinken in Beijing.
IMPERSONAL_AFTER: dict[str, re.Pattern[str]] = {
    "uk": re.compile(
        r",?\s+(?:заявили|повідомили|відповіли|наголосили|вважають|заявляють|"
        r"підтвердили|запевнили|розкритикували|закликали|пообіцяли)(?!\w)"
    ),
    "ru": re.compile(
        r",?\s+(?:заявили|сообщили|ответили|подчеркнули|считают|заявляют|"
        r"подтвердили|заверили|раскритиковали|призвали|пообещали)(?!\w)"
    ),
    "zh": re.compile(r"(?:方面|当局|政府|官方)"),
}

# Going back to a city is not meeting there; "return to the White House" is the presidency.
RETURN_BEFORE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"(?i)\b(?:return(?:ed|ing|s)?|back)\s+to\s+(?:the\s+)?$"),
    "uk": re.compile(
        r"(?i)(?<!\w)(?:повернен\w*|поверну\w*|повертає\w*)\s+(?:\S+\s+){0,2}(?:в|у|до)\s+$"
    ),
    "ru": re.compile(
        r"(?i)(?<!\w)(?:возвращени\w*|вернул\w*|вернуть\w*|возвраща\w*)\s+(?:\S+\s+){0,2}(?:в|во)\s+$"
    ),
    "zh": re.compile(r"(?:重返|回到|返回|入主|回归)$"),
}
# A dateline opening the sentence ("WASHINGTON -", "RANCHO MIRAGE, Calif., June 7 (UPI) --",
# "新华社北京6月19日电", "(迈阿密7日讯)") says where the report was filed, which is not
# always the venue.
DATELINE_AFTER = re.compile(r"\s*(?:,[^-—–(]{0,40})?\s*(?:[-—–]|\()")
ZH_DATELINE_AFTER = re.compile(r"(?:\d{1,2}月)?\d{1,2}日(?:电|讯)")

# Names that are not the place: "the Paris Agreement", "Beijing time", "北京时间", "罗马尼亚".
NAMED_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\s+(?:Post|Times|Journal|Examiner|Consensus|Communiqu[ée]|Nationals|Commanders)\b"
        r"|(?i:\s+(?:(?:climate\s+)?(?:agreement|accords?|protocol|conventions?|treaty)"
        r"|declaration|principles|time)\b)"
    ),
    "uk": re.compile(r"\s+(?:[Пп]ост|[Тт]аймс|[Дд]ейлі)(?!\w)"),
    "ru": re.compile(r"\s+(?:[Пп]ост|[Тт]аймс|[Дд]ейли)(?!\w)"),
    "zh": re.compile(
        r"时间|邮报|时报|日报|协定|公报|议定书|公约|宣言|共识|合作组织|尼亚|包|客|市长|州长"
    ),
    "de": re.compile(r"\s+(?:Post|Times|Abkommen|Konsens|Protokoll|Konvention|Erklärung|Zeit)\b"),
}
NAMED_BEFORE: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"(?:\bGeorge|\bUSS|\bFort|(?i:\b(?:treaty|accords?|protocol|conventions?|consensus|"
        r"communiqu[ée])\s+of))\s+(?:the\s+)?$"
    ),
    "fr": re.compile(
        r"(?i)\b(?:accords?|protocole|conventions?|consensus|communiqué|traité)\s+(?:de|d')\s*$"
    ),
    "es": re.compile(
        r"(?i)\b(?:acuerdos?|protocolo|convenci[oó]n|consenso|comunicado|tratado)\s+de\s+$"
    ),
    "it": re.compile(
        r"(?i)\b(?:accordi?|protocollo|convenzioni?|consenso|comunicato|trattato)\s+di\s+$"
    ),
}

# Two cities joined by a conjunction: "in Geneva and London" share the preposition;
# "Washington and Beijing", "між Вашингтоном і Пекіном", "北京和华盛顿" are the governments.
CONJUNCTION: dict[str, re.Pattern[str]] = {
    "en": re.compile(r",?\s+(?:and|or|&)\s+(?:the\s+)?"),
    "uk": re.compile(r",?\s+(?:і|й|та|чи|або)\s+"),
    "ru": re.compile(r",?\s+(?:и|или|либо)\s+"),
    "zh": re.compile(r"和|与|同|及|、|跟"),
    "de": re.compile(r",?\s+(?:und|oder)\s+"),
    "fr": re.compile(r",?\s+(?:et|ou)\s+(?:à\s+)?"),
    "es": re.compile(r",?\s+(?:y|e|o)\s+(?:en\s+)?"),
    "it": re.compile(r",?\s+(?:e|ed|o)\s+(?:a\s+)?"),
    "pl": re.compile(r",?\s+(?:i|oraz|lub|a)\s+(?:w\s+)?"),
}

# Slavic case endings, read off a Cyrillic city form that is not the listed form.
SLAVIC_INSTRUMENTAL = re.compile(r"(?:ом|ем|єм|ою|ею|єю|ами|ями)$")
SLAVIC_GENITIVE = re.compile(r"[аяиы]$")
SLAVIC_LOCATIVE_END = re.compile(r"(?:[іїеуюо]|ах|ях)$")
VOWEL_END = re.compile(r"(?:[аеєиіїоуюяыэёaeiouy]|ах|ях)$", re.I)
