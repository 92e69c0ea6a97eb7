"""Chinese in traditional script read as simplified (OpenCC), so one set of names and contact
words serves both: 習近平 is 习近平, 會談 is 会谈, 訪華 is 访华.

OpenCC's `t2s` maps character for character (phrase tables only where a word needs it), so
the converted text keeps the positions of the original, which quotes are cut from. A text
whose length would change is left as written.
"""

from __future__ import annotations

import functools
import re

TRADITIONAL_HINT = re.compile(r"[\u3400-\u9fff]")


@functools.lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text with traditional characters made simplified, positions unchanged."""
    if not TRADITIONAL_HINT.search(text):
        return text
    converted = _converter().convert(text)
    return converted if len(converted) == len(text) else text
