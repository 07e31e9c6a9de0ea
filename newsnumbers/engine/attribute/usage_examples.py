"""Counts of tokens that illustrate how usage is counted: nobody's.

"A typical exchange consumes 800 input tokens", "If the input consists of 1,000 tokens, the cost is …",
"1 million tokens is roughly 750,000 words": a guide to API prices is full of such counts, and the provider the
article is about (its topic, or an earlier sentence's model) does not own them. A count of tokens a company or model
does own is said in its own sentence ("DeepSeek-V3 was trained on 14.8 trillion tokens", "The model reads 128K
tokens": a context length), or without the words of an example ("All three models can handle 32,768 tokens of
output"), so only counts whose owner came from elsewhere, in a sentence with such words (``grammar_words.csv`` role
``usage_example``), lose it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from ..recognise import Figure
from .organisations import Who
from .sentence_cues import Decision

TOKENS = "tokens"  # the unit of a count of tokens
OWNED_COUNTS = frozenset({"context_length"})  # measures of token counts that are a model's by definition
BORROWED = frozenset({"earlier", "article"})  # owners found outside the figure's sentence


@lru_cache(maxsize=1)
def _example_word() -> re.Pattern[str]:
    """A word of a usage example (grammar_words role ``usage_example``), as a whole word."""
    return re.compile(rf"(?i)(?<![\w-])(?:{lexicon.in_order(lexicon.load().words('usage_example'))})(?![\w-])")


def without_borrowed_owner(who: Who, fig: Figure, measure: Decision | None, text: str, sentence: tuple[int, int]) -> Who:
    """``who``, or nobody where the figure is a count of tokens whose owner was borrowed from elsewhere, in a
    ``sentence`` (its span in ``text``) with the words of a usage example."""
    if fig.unit == TOKENS and who.where in BORROWED and (measure is None or measure.measure not in OWNED_COUNTS) \
            and _example_word().search(text, *sentence):
        return Who("", "", "", "none")
    return who
