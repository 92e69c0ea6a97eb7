"""Office, group, both-side and country phrases per language, for offices.py."""

from __future__ import annotations

US = r"(?:U\.\s?S\.|US|U\.S|American|United States|America's|Washington's)"
CN = r"(?:Chinese|China's|Beijing's|PRC)"
OF_US = r"(?:of the United States|of the U\.S\.|of America)"
OF_CN = r"(?:of China|of the People's Republic of China|of the PRC)"
UK_US = r"(?:США|Сполучених Штатів|американськ\w*)"
UK_CN = r"(?:Китаю|КНР|китайськ\w*|Китая)"
RU_US = r"(?:США|Соединенных Штатов|американск\w*)"
RU_CN = r"(?:Китая|КНР|китайск\w*)"

# (country, registry role title) -> phrase per language; the phrase must name the country.
ROLE_PHRASES: dict[str, list[tuple[str, str, str]]] = {
    "en": [
        ("us", "President", rf"\b{US} (?:[Pp]resident|leader)\b|\bPresident {OF_US}"),
        (
            "cn",
            "President",
            rf"\b{CN} (?:[Pp]resident|leader|head of state)\b|\bPresident {OF_CN}",
        ),
        ("us", "Vice President", rf"\b{US} Vice President\b"),
        ("cn", "Vice President", rf"\b{CN} Vice President\b|\bVice President {OF_CN}"),
        ("cn", "Premier", rf"\b{CN} Premier\b|(?<!Vice )\bPremier {OF_CN}"),
        ("us", "Secretary of State", rf"\b(?:{US} )?[Ss]ecretary of [Ss]tate\b"),
        (
            "cn",
            "Minister of Foreign Affairs",
            rf"\b{CN} [Ff]oreign [Mm]inister\b|"
            rf"\b[Ff]oreign [Mm]inister {OF_CN}|\bMinister of Foreign Affairs {OF_CN}",
        ),
        ("cn", "Top Diplomat", rf"\b{CN} top diplomat\b|\btop (?:Chinese )?diplomat {OF_CN}"),
        (
            "us",
            "Secretary of Defense",
            rf"\b(?:{US} )?(?:[Ss]ecretary of [Dd]efen[cs]e|[Dd]efen[cs]e [Ss]ecretary)\b|"
            r"\bPentagon (?:chief|head)\b|\bhead of the Pentagon\b",
        ),
        ("cn", "Minister of National Defense", rf"\b{CN} [Dd]efen[cs]e [Mm]inister\b"),
        (
            "us",
            "Secretary of the Treasury",
            rf"\b(?:{US} )?Treasury [Ss]ecretary\b|"
            r"\bSecretary of the Treasury\b",
        ),
        ("us", "Secretary of Commerce", rf"\b{US} Commerce Secretary\b"),
        ("cn", "Minister of Commerce", rf"\b{CN} Commerce Minister\b"),
        ("us", "Trade Representative", r"\b(?:U\.\s?S\.|US) Trade Representative\b"),
        ("cn", "Chief Trade Negotiator", rf"\b{CN} (?:top|chief) trade negotiator\b"),
        (
            "us",
            "National Security Advisor",
            rf"\b(?:{US} )?[Nn]ational [Ss]ecurity [Aa]dvis[eo]r\b",
        ),
        ("us", "Ambassador to China", rf"\b{US} [Aa]mbassador to China\b"),
        (
            "cn",
            "Ambassador to the United States",
            rf"\b{CN} [Aa]mbassador to the (?:U\.S\.|US|United States)\b",
        ),
    ],
    "uk": [
        (
            "us",
            "President",
            rf"президент\w* {UK_US}|американськ\w+ (?:президент|лідер)\w*|"
            r"господар\w* Білого дому|(?:глав|очільник)\w* Білого дому",
        ),
        (
            "cn",
            "President",
            r"(?:президент\w*|голов\w+|лідер\w*|очільник\w*) (?:КНР|Китаю|Китая)|"
            r"китайськ\w+ лідер\w*",
        ),
        (
            "us",
            "Secretary of State",
            rf"держсекретар\w*(?: {UK_US})?|державн\w+ секретар\w* США|"
            r"глав\w+ Держдепу",
        ),
        (
            "cn",
            "Minister of Foreign Affairs",
            r"(?:глав\w+|очільник\w*|керівник\w*) МЗС (?:Китаю|КНР)|"
            r"міністр\w* закордонних справ (?:Китаю|КНР)",
        ),
        (
            "us",
            "Secretary of Defense",
            r"міністр\w* оборони США|глав\w+ Пентагону|очільник\w* Пентагону",
        ),
        (
            "cn",
            "Minister of National Defense",
            r"міністр\w* (?:національної )?оборони (?:Китаю|КНР)",
        ),
        (
            "us",
            "National Security Advisor",
            r"радник\w* (?:з|із) (?:питань )?(?:нацбезпеки|національної безпеки)",
        ),
        ("cn", "Premier", r"прем\W?єр\w*(?:-міністр\w*)? (?:Китаю|КНР)"),
    ],
    "ru": [
        (
            "us",
            "President",
            rf"президент\w* {RU_US}|американск\w+ президент\w*|американск\w+ лидер\w*|"
            r"глав\w+ Белого дома|хозяин\w* Белого дома",
        ),
        (
            "cn",
            "President",
            r"(?:председател\w*|президент\w*|лидер\w*|глав\w+) (?:КНР|Китая)|"
            r"китайск\w+ лидер\w*|китайск\w+ руководител\w*",
        ),
        (
            "us",
            "Secretary of State",
            rf"госсекретар\w*(?: {RU_US})?|государственн\w+ секретар\w* США|"
            r"глав\w+ Госдепа",
        ),
        (
            "cn",
            "Minister of Foreign Affairs",
            r"(?:глав\w+|руководител\w*) МИД (?:Китая|КНР)|"
            r"министр\w* иностранных дел (?:Китая|КНР)",
        ),
        ("us", "Secretary of Defense", r"министр\w* обороны США|глав\w+ Пентагона"),
        (
            "cn",
            "Minister of National Defense",
            r"министр\w* (?:национальной )?обороны (?:Китая|КНР)",
        ),
        (
            "us",
            "National Security Advisor",
            r"советник\w* (?:по|президента США по) (?:вопросам )?национальной безопасности",
        ),
        ("cn", "Premier", r"премьер\w*(?:-министр\w*)? (?:Госсовета )?(?:Китая|КНР)"),
    ],
    "zh": [
        ("us", "President", r"美国总统|美國總統|美总统"),
        ("cn", "President", r"中国国家主席|國家主席|国家主席"),
        ("us", "Secretary of State", r"美国国务卿|美國國務卿|国务卿|國務卿"),
        ("cn", "Minister of Foreign Affairs", r"中国外交部长|中國外交部長|中国外长|外交部长|外长"),
        ("us", "Secretary of Defense", r"美国国防部长|美國國防部長|美国防长|美防长"),
        ("cn", "Minister of National Defense", r"中国国防部长|中國國防部長|中国防长"),
        ("us", "Secretary of the Treasury", r"美国财政部长|美国财长|财政部长|財政部長"),
        ("us", "Trade Representative", r"美国贸易代表|美國貿易代表"),
        ("us", "National Security Advisor", r"国家安全顾问|國家安全顧問"),
        ("cn", "Premier", r"国务院总理|中国总理|國務院總理"),
        ("cn", "Top Diplomat", r"中央外事工作委员会办公室主任|中央外事工作委員會辦公室主任"),
    ],
    "de": [
        ("us", "President", r"\bUS-Präsident\w*|\bamerikanische\w* Präsident\w*"),
        (
            "cn",
            "President",
            r"\bchinesische\w* (?:Präsident\w*|Staatschef\w*)|\bChinas Präsident\w*",
        ),
        ("us", "Secretary of State", r"\bUS-Außenminister\w*"),
        ("cn", "Minister of Foreign Affairs", r"\bchinesische\w* Außenminister\w*"),
    ],
    "fr": [
        ("us", "President", r"\bprésident (?:américain|des États-Unis)"),
        ("cn", "President", r"\bprésident chinois|\bprésident de la Chine"),
        ("us", "Secretary of State", r"\bsecrétaire d'État américain"),
        ("cn", "Minister of Foreign Affairs", r"\bministre chinois des Affaires étrangères"),
    ],
    "es": [
        ("us", "President", r"\bpresidente (?:estadounidense|de (?:los )?Estados Unidos)"),
        ("cn", "President", r"\bpresidente (?:chino|de China)"),
        (
            "us",
            "Secretary of State",
            r"\bsecretario de Estado (?:estadounidense|de (?:los )?EE\.?UU\.?)",
        ),
        (
            "cn",
            "Minister of Foreign Affairs",
            r"\b(?:canciller|ministro de (?:Relaciones )?Exteriores) chino",
        ),
    ],
    "it": [
        ("us", "President", r"\bpresidente (?:americano|statunitense|degli Stati Uniti|Usa)\b"),
        ("cn", "President", r"\bpresidente cinese\b"),
        ("us", "Secretary of State", r"\bsegretario di Stato (?:americano|Usa)\b"),
        ("cn", "Minister of Foreign Affairs", r"\bministro degli Esteri cinese\b"),
    ],
    "pt": [
        ("us", "President", r"\bpresidente (?:americano|norte-americano|dos Estados Unidos)"),
        ("cn", "President", r"\bpresidente (?:chinês|da China)"),
        ("us", "Secretary of State", r"\bsecretário de Estado (?:americano|norte-americano)"),
        (
            "cn",
            "Minister of Foreign Affairs",
            r"\bchanceler chinês|\bministro chinês das Relações Exteriores",
        ),
    ],
    "pl": [
        ("us", "President", r"\bprezydent\w* (?:USA|Stanów Zjednoczonych)"),
        ("cn", "President", r"\bprezydent\w* Chin\b|\bchińsk\w+ prezydent\w*"),
        ("us", "Secretary of State", r"\bsekretarz\w* stanu USA"),
    ],
}
# Phrases that put one side in a contact without naming anyone.
SIDE_PHRASES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "us",
            rf"\b{US} (?:officials?|delegation|side|counterparts?|negotiators|team|envoys?|"
            r"diplomats?)\b",
        ),
        (
            "cn",
            rf"\b{CN} (?:officials?|delegation|side|counterparts?|negotiators|team|envoys?|"
            r"diplomats?|"
            r"leaders?)\b",
        ),
    ],
    "uk": [
        (
            "us",
            r"американськ\w+ (?:сторон\w+|делегаці\w+|колег\w*|посадовц\w+|чиновник\w*|"
            r"представник\w*)",
        ),
        (
            "cn",
            r"китайськ\w+ (?:сторон\w+|делегаці\w+|колег\w*|посадовц\w+|чиновник\w*|"
            r"представник\w*)",
        ),
    ],
    "ru": [
        ("us", r"американск\w+ (?:сторон\w+|делегаци\w+|коллег\w*|чиновник\w*|представител\w*)"),
        ("cn", r"китайск\w+ (?:сторон\w+|делегаци\w+|коллег\w*|чиновник\w*|представител\w*)"),
    ],
    "zh": [
        ("us", r"美方|美国方面|美國方面|美国[^，。、]{0,8}?(?:官员|代表团|谈判代表|团队)"),
        ("cn", r"中方|中国方面|中國方面|中国[^，。、]{0,8}?(?:官员|代表团|谈判代表|团队)"),
    ],
}
# Phrases naming both sides: the two leaders, both sides, US and Chinese officials.
BOTH_PHRASES: dict[str, str] = {
    "en": rf"\b(?:{US} and Chinese|Chinese and {US}|China and the (?:U\.S\.|US|United States)|"
    r"(?:the )?(?:U\.S\.|US|United States) and China)\b(?! relations| ties)",
    "uk": r"(?:США|Штати|Штатів) (?:та|і|й) (?:КНР|Кита(?:й|ю|єм|ї)(?!\w))|"
    r"(?:КНР|Кита(?:й|ю|єм|ї)) (?:та|і|й) (?:США|Штат\w*)|лідер\w* США (?:та|і) (?:Китаю|КНР)",
    "ru": r"(?:США|Штат\w*) и (?:КНР|Кита(?:й|я|ю|ем|е)(?!\w))|"
    r"(?:КНР|Кита(?:й|я|ю|ем|е)) и (?:США)|"
    r"Американские и китайские|китайские и американские|лидер\w* США и (?:Китая|КНР)",
    "zh": r"中美两国|中美元首|美中|中美双方|中美雙方",
}
# "The two leaders", "сторони", "双方": both sides, named only by the people just before.
ANAPHORA: dict[str, str] = {
    "en": r"\b(?i:the|these|those) (?:two|three|four) (?:leaders|presidents|sides|men|"
    r"ministers|officials|diplomats|negotiators)\b|"
    r"\b(?i:the (?:latter|former) two|the pair)\b|"
    r"\bboth (?:leaders|sides|presidents)\b|\bthe leaders\b|\bThe two\b",
    "uk": r"глав\w* двох (?:країн|держав)|лідер\w* двох країн|(?:обидві |дві )?сторон[иа](?!\w)|"
    r"глав\w* держав(?!\w)|глав\w* зовнішньополітичних відомств|"
    r"(?:ці|обидва|двоє|троє|двох|трьох) (?:(?:два|дві|три|чотири|високопосадов\w+) )?"
    r"посадовц\w*|(?:ці|двоє|троє) (?:переговірник\w*|дипломат\w*)",
    "ru": r"глав\w* двух (?:стран|государств)|лидер\w* двух стран|(?:обе )?стороны(?!\w)|"
    r"глав\w* государств(?!\w)|"
    r"(?:эти|оба|двое|трое|двух|трех|трёх) (?:(?:два|три|четыре|высокопоставленн\w+) )?"
    r"(?:чиновник\w*|переговорщик\w*|дипломат\w*)",
    "zh": r"双方|雙方|两国元首|兩國元首|两国领导人|兩國領導人|两人|兩人|二人|三人|"
    r"[两三]位官员",
}
# Country names: a visit or arrival to the other country brings its side in.
COUNTRY_PHRASES: dict[str, list[tuple[str, str]]] = {
    "en": [("us", r"\b(?:the United States|the U\.S\.|the US|America)\b"), ("cn", r"\bChina\b")],
    "uk": [
        ("us", r"(?<!\w)(?:США|Сполучен\w+ Штат\w+|Америк\w+)(?!\w)"),
        ("cn", r"(?<!\w)(?:Китай|Китаю|Китаї|КНР)(?!\w)"),
    ],
    "ru": [
        ("us", r"(?<!\w)(?:США|Соединенн\w+ Штат\w+|Америк\w+)(?!\w)"),
        ("cn", r"(?<!\w)(?:Китай|Китая|Китае|КНР)(?!\w)"),
    ],
    "zh": [("us", r"美国|美國|访美|訪美"), ("cn", r"中国|中國|访华|訪華")],
    "de": [("us", r"\b(?:USA|Vereinigten Staaten|Amerika)\b"), ("cn", r"\bChina\w*")],
    "fr": [("us", r"\b(?:États-Unis|Etats-Unis|Amérique)\b"), ("cn", r"\bChine\b")],
    "es": [("us", r"\b(?:Estados Unidos|EE\.UU\.)\b"), ("cn", r"\bChina\b")],
    "it": [("us", r"\b(?:Stati Uniti|Usa|America)\b"), ("cn", r"\bCina\b")],
    "pt": [("us", r"\b(?:Estados Unidos|EUA)\b"), ("cn", r"\bChina\b")],
    "pl": [("us", r"\b(?:USA|Stan\w* Zjednoczon\w*)\b"), ("cn", r"\bChin\w*")],
    "el": [("us", r"(?<!\w)(?:ΗΠΑ|Αμερική)(?!\w)"), ("cn", r"(?<!\w)Κίν\w*")],
}
