"""Which patterns of an ordered list can match a word, told by the word's first character.

Why: a name met for the first time was tried against the lexicon's 1,200 alias
patterns one by one until one matched (on average some 570 tries), which was the
largest cost of reading an article the first time, and on a corpus nobody has
seen every article is read the first time. A pattern can only match a word that
starts with one of its first characters, so each character lists the patterns
worth trying, in their order; the first that matches is the same one.

A pattern whose first characters cannot be told (a class like ``\\w``, a non-ASCII
letter, whose case-insensitive twins are many) is tried for every word; a word
that starts with a non-ASCII character tries every pattern.
"""
from __future__ import annotations

import re

from .wordscan import _group_end, first_literals, split_alternatives


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``pattern`` (written ``(?i:...)$`` or ``(?:...)$``) can start with, or None."""
    source = pattern.pattern
    insensitive = source.startswith("(?i:") or bool(pattern.flags & re.IGNORECASE)
    opening = 4 if source.startswith("(?i:") else 3 if source.startswith("(?:") else 0
    if not opening or not source.endswith(")$") or _group_end(source, 0) != len(source) - 2:
        return None
    chars: set[str] = set()
    for alternative in split_alternatives(source[opening:-2]):
        pairs = first_literals(alternative)
        if pairs is None or any(not first.isascii() for first, _ in pairs):
            return None
        chars.update(c for first, _ in pairs for c in ((first.lower(), first.upper()) if insensitive else (first,)))
    return frozenset(chars)


class FirstCharIndex:
    """For each ASCII first character, the indexes (in order) of the patterns a word starting with it may match."""

    def __init__(self, patterns: list[re.Pattern[str]]):
        self.everything = tuple(range(len(patterns)))
        firsts = [first_chars(p) for p in patterns]
        always = [k for k, chars in enumerate(firsts) if chars is None]
        by_char: dict[str, list[int]] = {}
        for k, chars in enumerate(firsts):
            for c in chars or ():
                by_char.setdefault(c, []).append(k)
        self.always = tuple(always)
        self.by_char = {c: tuple(sorted(set(ks) | set(always))) for c, ks in by_char.items()}

    def candidates(self, word: str) -> tuple[int, ...]:
        """Indexes of the patterns that may match ``word``, in order."""
        first = word[:1]
        if not first.isascii():
            return self.everything
        return self.by_char.get(first, self.always)
