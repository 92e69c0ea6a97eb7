"""What an article has said so far, for the sentences that name their people only by a
pronoun, a group ("the two leaders") or an office's counterpart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Context:
    """What the article has said so far: the people last named on each side, and next."""

    us: list[str] = field(default_factory=list)
    china: list[str] = field(default_factory=list)
    next_us: list[str] = field(default_factory=list)
    next_china: list[str] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)  # side -> sentence last named in
    index: int = 0
    leaders: dict[str, tuple[list[str], int]] = field(default_factory=dict)  # side -> (who, when)
    previous: tuple[str, str] | None = None  # the sentence before, with its language

    def remember(self, us: list[str], china: list[str], leaders: set[str] = frozenset()) -> None:
        if us:
            self.us, self.seen["us"] = us, self.index
        if china:
            self.china, self.seen["cn"] = china, self.index
        for side, named in (("us", us), ("cn", china)):
            heads = [p for p in named if p in leaders]
            if heads:
                self.leaders[side] = (heads, self.index)

    def last_leaders(self, side: str) -> list[str]:
        """The heads of state last named on a side, within the reach, for a phrase that
        names them by office ("the two leaders" after a sentence on their envoys)."""
        heads, when = self.leaders.get(side, ([], -LEADER_REACH - 1))
        return list(heads) if self.index - when <= LEADER_REACH else []

    def recent(self, side: str) -> list[str]:
        """The people last named on a side, if named within the reach."""
        if self.index - self.seen.get(side, -CONTEXT_REACH - 1) > CONTEXT_REACH:
            return []
        return list(self.us if side == "us" else self.china)

    def fill(self, side: str) -> list[str]:
        """People for a side named only as a group: named shortly before, else just after."""
        recent = self.index - self.seen.get(side, -CONTEXT_REACH - 1) <= CONTEXT_REACH
        before = (self.us if side == "us" else self.china) if recent else []
        return list(before or (self.next_us if side == "us" else self.next_china))


CONTEXT_REACH = 4  # sentences back a group phrase ("the two leaders") looks for its people
LEADER_REACH = CONTEXT_REACH  # the leaders last named, though others were named since
# A third-person pronoun as the subject, near the start of the sentence.
PRONOUN = {
    "en": re.compile(r"\b(?:he|she)\b", re.IGNORECASE),
    "uk": re.compile(r"(?<!\w)(?:він|вона)(?!\w)", re.IGNORECASE),
    "ru": re.compile(r"(?<!\w)(?:он|она)(?!\w)", re.IGNORECASE),
    "zh": re.compile(r"(?<![其])[他她](?![们們])"),
}
PLURAL_PRONOUN = {
    "en": re.compile(r"\bthey\b", re.IGNORECASE),
    "uk": re.compile(r"(?<!\w)вони(?!\w)", re.IGNORECASE),
    "ru": re.compile(r"(?<!\w)они(?!\w)", re.IGNORECASE),
    "zh": re.compile(r"他们|他們"),
}
# The first person of a quoted speaker: "Xi invited me", "мы с Хэ Лифэном провели" (he and I).
FIRST_PERSON = {
    "en": re.compile(r"\b(?:I|me)\b"),
    "uk": re.compile(r"(?<!\w)(?:я|мене|мені|ми з|ми із)(?!\w)", re.IGNORECASE),
    "ru": re.compile(r"(?<!\w)(?:я|меня|мне|мы с|мы со)(?!\w)", re.IGNORECASE),
    "zh": re.compile(r"我(?![们們国國方军軍])"),
}
PRONOUN_REACH = 40  # characters from the start of the sentence

# Which office on the other side is "his counterpart" of an office.
COUNTERPART = {
    "President": "President",
    "Vice President": "Vice President",
    "Secretary of State": "Minister of Foreign Affairs",
    "Minister of Foreign Affairs": "Secretary of State",
    "National Security Advisor": "Top Diplomat",
    "Top Diplomat": "National Security Advisor",
    "Secretary of Defense": "Minister of National Defense",
    "Minister of National Defense": "Secretary of Defense",
    "Secretary of Commerce": "Minister of Commerce",
    "Minister of Commerce": "Secretary of Commerce",
    "Secretary of the Treasury": "Chief Trade Negotiator",
    "Chief Trade Negotiator": "Secretary of the Treasury",
    "Special Presidential Envoy for Climate": "Special Envoy for Climate Change",
    "Special Envoy for Climate Change": "Special Presidential Envoy for Climate",
}
COUNTERPART_WORDS = re.compile(
    r"counterpart|колег|коллег|对口|同行|homolog|omolog|Amtskolleg", re.I
)
