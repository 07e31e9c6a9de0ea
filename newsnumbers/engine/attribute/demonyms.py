"""A company named by its city's people, as German business news does: "rechnen die Linzer nun mit 270 Millionen
Euro", "bei den Walldorfern". :mod:`.mentions` finds such a reference as a seat anaphor, and :mod:`.seats` resolves
it to the company the article places in that city."""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon


@lru_cache(maxsize=1)
def demonym_pattern() -> str:
    """A company named by its city's people, as German business news does ("rechnen die Linzer nun mit 270
    Millionen Euro", "bei den Walldorfern"): the plural after a definite article of a city's adjective in -er
    (grammar_words ``place_adjective``; not a country's people: "die Amerikaner" may be the country), lower-cased.
    Only where no noun follows (:func:`demonym_before_noun`): "die Wiener Börse" is a name."""
    words = [w.lower() for row in lexicon.load().words("place_adjective") for w in row.split("|") if w.endswith("er")]
    alts = lexicon.in_order(words)
    return rf"die[ ](?:{alts})|den[ ](?:{alts})n"


@lru_cache(maxsize=1)
def demonym_regex() -> re.Pattern[str]:
    """:func:`demonym_pattern` for one found word, as :mod:`.mentions` classifies its anaphors."""
    return re.compile(rf"(?i:{demonym_pattern()})$")


def demonym_before_noun(text: str, word: str, end: int) -> bool:
    """Whether ``word``, found in ``text`` up to ``end``, is a city's people before a noun ("die Wiener Börse"):
    then it is no reference to a company ("die Linzer nun" is)."""
    return demonym_regex().match(word) is not None and text[end:end + 2].lstrip()[:1].isupper()
