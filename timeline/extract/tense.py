"""Did the contact happen, is it announced, or is it not a contact at all?

Each contact word is judged in its clause (the stretch between , ; : and the like):
- negated ("did not meet", "не зустрівся", "没有见到") when a negation word stands just
  before it, hypothetical ("may meet", "може", "可能"), habitual ("they talk often") or
  a hope ("hopes to meet") anywhere from the start of the sentence to the end of its
  clause: no event;
- announced, invited, scheduled, future tense ("will", "проведе", "встретится", "将"),
  from the start of the sentence to the end of its clause: planned;
- otherwise: happened.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Callable

from timeline.extract.triggers import trigger_pattern


class Tense(enum.Enum):
    PAST = "past"
    FUTURE = "future"


class Modality(enum.Enum):
    HAPPENED = "happened"
    PLANNED = "planned"
    NONE = "none"  # negated, hypothetical, habitual: not an event


FUTURE_MARKERS = {
    "en": r"\b(?:will|shall|won't|would|is to|are to|was to|were to|(?:is|are|was|were) "
    r"(?:scheduled|set|due|expected|slated|likely) to|plans? to|planning to|planned|"
    r"scheduled|upcoming|forthcoming|next (?:week|month|year)|later this (?:week|month|year)|"
    r"(?:is|are|'s|'re) (?:heading|headed|travell?ing|flying|going|leaving|departing) "
    r"(?:to|for)|to (?:host|meet|visit|hold|travel)|invit\w+|agreed to (?:meet|hold|visit)|"
    r"looks? forward to|looking forward to|expects? to|intends? to|ready to|"
    r"prepar(?:ing|es?) (?:for )?(?:a|an|the|their)|"
    r"ahead of)\b|'ll\b",
    "uk": r"(?<!\w)(?:буде|будуть|\w+тиме|\w+тимуть|проведе|проведуть|відбудеться|"
    r"відвідає|зустрінеться|зустрінуться|прибуде|здійснить|планує|планують|запланова\w*|"
    r"має намір|мають намір|наступно\w* тижн\w*|очікується|запрос\w*|запрошен\w*|"
    r"домовилися про|домовились про|підпишуть|підпише|майбутн\w*|найближчим часом|"
    r"розраховує|з нетерпінням|готовий|поспілкується|поспілкуються|поговорить|поговорять|"
    r"обговорить|обговорять|завершиться|закінчиться|готу\w*|підготу\w*|підготовк\w*)(?!\w)",
    "ru": r"(?<!\w)(?:будет|будут|проведет|проведут|проведёт|состоится|пройдет|пройдёт|"
    r"посетит|встретится|встретятся|прибудет|совершит|планирует|планируют|запланирова\w*|"
    r"намерен\w*|пригла\w*|на следующей неделе|ожидается|предстоящ\w*|договорились о|"
    r"подпишут|подпишет|скорее всего|рассчитывает|с нетерпением|готов|пообщается|"
    r"пообщаются|поговорит|поговорят|обсудит|обсудят|побеседует|завершится|закончится|"
    r"продлится|готови\w*|готовя\w*|подготов\w*|подготавлива\w*)(?!\w)",
    "zh": r"将|將|計劃|计划|拟|擬|邀请|邀請|即将|即將|下周|下週|预计|預計|准备|準備|有望|届时|屆時|"
    r"定于|定於|预定|預定|期待|愿意|願意|有意|铺路|鋪路|筹备|籌備",  # 为X铺路: paving the way for X
    "de": r"\b(?:wird|werden|soll|sollen|geplant|plant|planen|will|wollen)\b",
    "fr": r"\b(?:va|vont|devrait|devraient|prévu\w*|prévoit|rencontrera\w*|se rendra|"
    r"aura lieu|visitera)\b",
    "es": r"\b(?:va a|van a|se reunirá\w*|visitará|prevé|previst\w*|planea\w*|será|serán)\b",
    "it": r"\b(?:\w+eranno|\w+erà|previst\w*|prevede|sarà|saranno)\b",
    "pt": r"\b(?:vai|vão|irá|irão|\w+rá|\w+rão|previst\w*)\b",
    "pl": r"\b(?:spotkają|spotka się|odbędzie|planuje|zaplanowan\w*|będzie|będą)\b",
    "el": r"(?<!\w)(?:θα|σχεδιάζ\w*)(?!\w)",
    "hy": r"կվարի|կայցելի|կհանդիպի|կայանալիք|կկայանա",
}
HYPOTHETICAL = {
    # "may" in lower case only: "in May", "on May 10", "May 2021" are the month
    "en": r"\b(?:(?-i:may)|(?-i:May)(?= (?:be|have|not|also|well|meet|visit|hold|speak|talk)\b)|"
    r"might|could|if|whether|possible|possibly|hopes?|hoped|hoping|wants? to|"
    r"had been (?:expected|scheduled|set|due|planned|slated) to|was supposed to|"
    r"would like|often|regularly|frequently|usually|every year)\b",
    "uk": r"(?<!\w)(?:може|можуть|міг би|могли б|можлив\w*|якщо|(?-i:чи)|сподіва\w*|хоче|хочуть|"
    r"мав би|мала б|мали б|мав відбутися|мала відбутися|мали відбутися|"
    r"часто|регулярно|постійн\w*)(?!\w)",
    # "ли" and "чи" in lower case only: "Ли Цян" is a name
    "ru": r"(?<!\w)(?:может|могут|мог бы|могли бы|возможн\w*|если|(?-i:ли)|надеется|"
    r"надеются|хочет|"
    r"должен был|должна была|должны были|"
    r"хотят|часто|регулярно|постоянн\w*)(?!\w)",
    "zh": r"可能|或许|或將|如果|是否|希望|经常|經常|定期",
    "de": r"\b(?:könnte|könnten|möglich\w*|wenn|falls|hofft|oft|regelmäßig)\b",
    "fr": r"\b(?:pourrait|pourraient|possible|si|espère|souvent|régulièrement)\b",
    "es": r"\b(?:podría|podrían|posible|si|espera|a menudo)\b",
    "it": r"\b(?:potrebbe|potrebbero|possibile|se|spera|spesso)\b",
    "pt": r"\b(?:poderia|poderá|possível|caso|espera|frequentemente)\b",
    "pl": r"\b(?:może|mogą|mógłby|możliw\w*|jeśli|jeżeli|często)\b",
    "el": r"(?<!\w)(?:μπορεί|πιθαν\w*|αν|ελπίζ\w*|συχνά)(?!\w)",
}
NEGATION = {
    "en": r"\b(?:not|no|never|didn't|did not|won't|without|instead of)\b",
    "uk": r"(?<!\w)(?:не|ні|ніколи|жодн\w*|без)(?!\w)",
    "ru": r"(?<!\w)(?:не|ни|никогда|никак\w*|без)(?!\w)",
    "zh": r"没有|沒有|未|没|沒|不会|不會",
    "de": r"\b(?:nicht|kein\w*|nie|ohne)\b",
    "fr": r"\b(?:ne|n'|pas|jamais|sans)\b",
    "es": r"\b(?:no|nunca|sin)\b",
    "it": r"\b(?:non|mai|senza)\b",
    "pt": r"\b(?:não|nunca|sem)\b",
    "pl": r"\b(?:nie|nigdy|bez)\b",
    "el": r"(?<!\w)(?:δεν|μην|χωρίς)(?!\w)",
}
# The contact called off: "postponed", "отложен", "скасовано", "行程已推迟", "原定" (had been
# scheduled): in the contact word's clause, or in a short clause after it that says only that.
CALLED_OFF = {
    "en": r"\b(?:cancel\w*|postpon\w*|called off|scrapped|put off|shelved)\b",
    "uk": r"(?<!\w)(?:скасов\w*|скасува\w*|відкла\w*|перенесе\w*|перенесли)(?!\w)",
    "ru": r"(?<!\w)(?:отмен\w*|отлож\w*|перенесен\w*|перенесён\w*|перенесли)(?!\w)",
    "zh": r"推迟|推遲|取消|延期|延后|延後|原定|喊停|叫停",
    "de": r"\b(?:abgesagt|verschoben)\b",
    "fr": r"\b(?:annul\w*|report[ée]\w*)\b",
    "es": r"\b(?:cancel\w*|aplaz\w*|pospuest\w*)\b",
    "it": r"\b(?:annull\w*|rinviat\w*)\b",
    "pt": r"\b(?:cancel\w*|adiad\w*)\b",
    "pl": r"\b(?:odwoła\w*|przełożon\w*)\b",
    "el": r"(?<!\w)(?:ακύρω\w*|αναβλήθηκε|αναβολ\w*)(?!\w)",
}
OFF_CLAUSE = 12  # characters of a clause that only says the contact was called off
CLAUSE_BREAK = re.compile(
    r"[;:，；、—–]|,|\s(?:while|but|whereas|although|а|але|но|однак|однако)\s"
)
RELATIVE_OPENING = re.compile(
    r"\s*(?:which|who|whose|where|котор\w*|где|як(?:ий|а|е|і|ого|ої|ій|им|их|ими)|де)(?!\w)",
    flags=re.IGNORECASE,
)
PLACE_RELATIVE = re.compile(r"\s*(?:where|где|де)(?!\w)", flags=re.IGNORECASE)
NEGATION_REACH = 24  # characters before the contact word searched for a negation
_CACHE: dict[tuple[str, str], re.Pattern[str] | None] = {}


def _pattern(table: dict[str, str], language: str, name: str) -> re.Pattern[str] | None:
    key = (name, language)
    if key not in _CACHE:
        source = table.get(language)
        _CACHE[key] = re.compile(source, flags=re.IGNORECASE) if source else None
    return _CACHE[key]


# A word before a contact noun saying that this contact is the one that took place:
# "the previous meeting", "после прошедшей в ноябре встречи", "попередня зустріч", "上次会晤".
PAST_MODIFIERS = {
    "en": r"\b(?:previous|prior|last|earlier)\b",
    "uk": r"(?<!\w)(?:минул\w*|попередн\w*|останн\w*|що відбул\w*|яка відбул\w*)(?!\w)",
    "ru": r"(?<!\w)(?:прошедш\w*|состоявш\w*|предыдущ\w*|прошл\w*|последн\w*)(?!\w)",
    "zh": r"上次|上一次|此前的|之前的",
}
PAST_REACH = 40  # characters before the contact word


# "at the invitation of", "на запрошення", "по приглашению", "应……邀请": who invited whom to a
# visit being reported, not an invitation to a future one.
INVITATION_FRAME = re.compile(
    r"\bat the invitation of\b|\bon the invitation of\b|на запрошення|за запрошенням|"
    r"по приглашению|[应應][^。！？,，]{1,60}?邀[请請]",
    flags=re.IGNORECASE,
)


class Clauses:
    """The clause breaks of one sentence, found once."""

    def __init__(self, sentence: str):
        self.length = len(sentence)
        self.starts = [m.end() for m in CLAUSE_BREAK.finditer(sentence)]
        self.ends = [m.start() for m in CLAUSE_BREAK.finditer(sentence)]

    def around(self, position: int) -> tuple[int, int]:
        before = bisect.bisect_right(self.starts, position) - 1
        start = self.starts[before] if before >= 0 else 0
        after = bisect.bisect_left(self.ends, position)
        end = self.ends[after] if after < len(self.ends) else self.length
        return start, end


def clause_index(sentence: str) -> Callable[[int], int]:
    """Which clause a position is in, a relative clause counted with the clause before it
    ("Her visit, which ends on Sunday," is one clause)."""
    starts = [
        m.end()
        for m in CLAUSE_BREAK.finditer(sentence)
        if not RELATIVE_OPENING.match(sentence, m.end()) or PLACE_RELATIVE.match(sentence, m.end())
    ]
    return lambda position: bisect.bisect_right(starts, position)


class SentenceModality:
    """Negation, hypothetical and future markers of one sentence, found once (linear)."""

    def __init__(self, sentence: str, language: str):
        self.clauses = Clauses(sentence)
        self.sentence, self.language, self.length = sentence, language, len(sentence)
        self.marks = {
            name: [m.start() for m in pattern.finditer(sentence)] if pattern else []
            for name, pattern in (
                ("neg", _pattern(NEGATION, language, "neg")),
                ("hyp", _pattern(HYPOTHETICAL, language, "hyp")),
                ("fut", _pattern(FUTURE_MARKERS, language, "fut")),
                ("past", _pattern(PAST_MODIFIERS, language, "past")),
                ("off", _pattern(CALLED_OFF, language, "off")),
            )
        }

        self.relative = self._relative_clauses(sentence)
        invited = [(m.start(), m.end()) for m in INVITATION_FRAME.finditer(sentence)]
        if invited:  # "at the invitation of X, Y visited": the frame is no future
            self.marks["fut"] = [
                m for m in self.marks["fut"] if not any(a <= m < b for a, b in invited)
            ]

    def _relative_clauses(self, sentence: str) -> list[tuple[int, int]]:
        """Clauses opened by a relative pronoun: ", which is scheduled to end on Sunday,"."""
        opened = [s for s in self.clauses.starts if RELATIVE_OPENING.match(sentence, s)]
        self.of_noun = {  # "which", "который": about the noun before; "where": the place
            self.clauses.around(s)[0]: not PLACE_RELATIVE.match(sentence, s) for s in opened
        }
        return [self.clauses.around(start) for start in opened]

    def _future_over(self, start: int, end: int) -> bool:
        """A future word scopes over the contact word, unless it is inside a relative clause
        that ends before the contact word; a relative clause right after the contact word's
        clause is part of its scope ("Her visit, which is set to end on Sunday, follows
        Blinken's trip": the visit goes on, the trip is no plan)."""
        for mark in self.marks["fut"]:
            if mark >= end:
                break
            if not any(a <= mark < b <= start for a, b in self.relative):
                return True
        return False

    def _any(self, name: str, start: int, end: int) -> bool:
        marks = self.marks[name]
        index = bisect.bisect_left(marks, start)
        return index < len(marks) and marks[index] < end

    def _called_off(self, c_start: int, c_end: int, until: int) -> bool:
        """A called-off word in the contact's clause, or alone in a short clause after it
        ("…, отложен", "但行程已推迟", "but the trip was called off")."""
        if self._any("off", c_start, c_end):
            return True
        for mark in self.marks["off"]:
            if c_end <= mark < until:
                start, end = self.clauses.around(mark)
                clause = self.sentence[start:end]  # "but the visit was postponed"
                if len(clause.strip()) <= OFF_CLAUSE or trigger_pattern(self.language).search(
                    clause
                ):
                    return True
        return False

    def at(self, start: int, until: int | None = None) -> Modality:
        """How the contact word starting at `start` is reported (`until`: where the next
        contact word starts)."""
        c_start, c_end = self.clauses.around(start)
        if self._any("neg", max(c_start, start - NEGATION_REACH), start):
            return Modality.NONE
        if self._called_off(c_start, c_end, until if until is not None else self.length):
            return Modality.NONE  # "Визит …, запланированный на воскресенье, отложен"
        # a modal or future word earlier in the sentence scopes over the contact word
        if self._any("hyp", 0, c_end):
            return Modality.NONE
        if self._any("past", max(c_start, start - PAST_REACH), start):
            return Modality.HAPPENED  # "после прошедшей в ноябре встречи": this one took place
        follows = [b for a, b in self.relative if c_end <= a <= c_end + 1 and self.of_noun[a]]
        if self._future_over(start, max([c_end, *follows])):
            return Modality.PLANNED
        return Modality.HAPPENED
