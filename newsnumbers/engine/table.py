"""A lexicon lookup table: the first pattern matching a word gives its value.

Why its own module: both the number grammar (:mod:`grammar`) and the currency
matcher (:mod:`currency`) look words up this way, and neither may import the other.
"""
from __future__ import annotations

import re


class Table:
    """Lexicon patterns with their values: the first pattern matching a word gives its value.

    Answers are remembered per word: the same few words ("Milliarden",
    "Dollar") come back thousands of times, and trying every pattern again
    was a good share of the recogniser's time.
    """

    _MISSING = object()

    def __init__(self, rows: list[tuple[re.Pattern[str], object]]):
        self.rows = rows
        self._known: dict[str, object] = {}

    def get(self, word: str, default=None):
        found = self._known.get(word, self._MISSING)
        if found is self._MISSING:
            found = next((value for regex, value in self.rows if regex.match(word)), None)
            if len(self._known) < 10_000:  # bounded: odd inputs must not grow it without end
                self._known[word] = found
        return default if found is None else found
