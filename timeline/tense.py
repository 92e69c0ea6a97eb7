"""Tense of a report: did the contact happen, or is it announced for later?"""

from __future__ import annotations

import enum
import re


class Tense(enum.Enum):
    PAST = "past"
    FUTURE = "future"


# General future/plan markers of each language (auxiliaries, "plan", "invite", "expected").
FUTURE_MARKERS = {
    "en": r"\b(will|would|shall|plans? to|planned|is to|are to|expected to|scheduled|"
    r"invited?|invitation|to visit|going to|next week|upcoming|hopes? to)\b",
    "uk": r"(буде|будуть|планує|планують|запланован|має намір|мають намір|запрос|"
    r"запрошен|відвідає|зустрінеться|очікується|наступного тижня|здійснить|проведе|"
    r"проведуть|прибуде|майбутн)",
    "ru": r"(будет|будут|планирует|планируют|запланирован|намерен|пригласил|приглас|"
    r"посетит|встретится|ожидается|на следующей неделе|совершит|проведет|проведут|"
    r"прибудет|предстоящ)",
    "zh": r"(将|计划|拟|邀请|应邀|即将|下周|预计|准备)",
}


def sentence_tense(sentence: str, language: str) -> Tense:
    """FUTURE when the sentence carries a plan or future marker of its language, else PAST."""
    pattern = FUTURE_MARKERS.get(language)
    if pattern and re.search(pattern, sentence, flags=re.IGNORECASE):
        return Tense.FUTURE
    return Tense.PAST
