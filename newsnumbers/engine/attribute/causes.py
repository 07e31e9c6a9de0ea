"""Cause prepositions ("after", "despite", "wegen", grammar_words ``cause_preposition``): the phrase one opens
gives a figure's cause, not its cue ("fell 5% after spending cuts") nor its subject ("Despite OpenAI advising
investors …, Nvidia joined the round"). One pattern, read by the cue filters and the clause windows, so the
two never disagree on what a cause preposition is."""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon


@lru_cache(maxsize=1)
def cause_word() -> re.Pattern[str]:
    """A cause preposition as a whole word with a space after it: ``search`` finds one anywhere (the cheap test
    whether a sentence has one), ``match`` at a clause's first word tells a clause it opens."""
    return re.compile(rf"(?<![\w-]){lexicon.in_order(lexicon.load().words('cause_preposition'))}\s")
