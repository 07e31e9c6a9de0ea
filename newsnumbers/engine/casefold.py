"""Lower-casing that keeps offsets, for fast case-sensitive scans.

Case-insensitive regexes over Unicode are several times slower than
case-sensitive ones, so the extractor scans a lower-cased copy of each
article. Offsets must stay valid in the original, so a character whose lower
case has a different length (rare: 'İ') is kept as it is.

One character beyond the Basic Multilingual Plane (an emoji) makes Python
store a whole string at four bytes a character; the copy carries U+FFFD in
its place, which no rule reads either (both are symbols, neither a word
character nor a space; an astral letter, rare outside mathematics, ends a
word there), so the copy of a text with one emoji takes half the memory.
"""
from __future__ import annotations

import re

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # characters beyond the Basic Multilingual Plane (emoji)


def fold(text: str) -> str:
    """``text`` lower-cased, with exactly the same length (and so the same offsets)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    if lowered and max(lowered) > "\uffff":
        lowered = _ASTRAL.sub("\ufffd", lowered)
    return lowered


def fold_pattern(pattern: str) -> str | None:
    """``pattern`` for folded text, or None when lower-casing would change its meaning (\\S, \\W, \\B ...)."""
    if re.search(r"\\[A-Z]", pattern):
        return None
    return pattern.lower()
