"""Where a text names a company's shares right at its name: "die AMD-Aktien", "AMD shares", "AMD's stock", "ein
Aktienpaket von AMD", "shares in AMD" (grammar_words ``share_word_after``, ``share_word_before``).

A share price or a move of "the stock" whose sentence names no company is the company whose shares the text
named last, not the topic of the sentence before: "OpenAI erhält ein Aktienpaket von AMD … einschließlich eines
Aktienpreises von 600 Dollar" is AMD's price; "SoftBank sold its stake, and Nvidia shares fell. The stock closed at
$180" is Nvidia's.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ... import lexicon
from .mention import Mention

SHARE_MEASURES = frozenset({"share_price", "share_price_gain", "share_price_drop", "market_cap"})
SHARE_WORD_CHARS = 40  # how far before a name the words for its shares may start


@lru_cache(maxsize=1)
def _share_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Shares right after a name (perhaps after its possessive or a hyphen) and right before it; case-sensitive."""
    lex = lexicon.load()
    after = re.compile(rf"(?:['’]s)?[ -](?:{lexicon.in_order(lex.words('share_word_after'))})(?![\w-])")
    before = re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lex.words('share_word_before'))})[ ]\Z")
    return after, before


def names_shares(text: str, m: Mention) -> bool:
    """Whether the text names ``m``'s shares right at it."""
    after, before = _share_words()
    return bool(after.match(text, m.end) or before.search(text, max(0, m.start - SHARE_WORD_CHARS), m.start))


def share_holder(text: str, companies: list[Mention]) -> Mention | None:
    """The first of ``companies`` (nearest first) whose shares the text names at it."""
    return next((m for m in companies if m.kind == "org" and names_shares(text, m)), None)


def holder_beside(text: str, companies: list[Mention], choose: Callable[[list[Mention]], Mention],
                  sentence: Callable[[int], int]) -> Mention | None:
    """The antecedent of "the stock": of ``companies`` (nearest first), the one whose shares the text names in the
    sentence of the one ``choose`` picks without shares, else that one. "Auch der DAX-Konzern Infineon konnte
    Kursgewinne verbuchen. Die Aktie stieg" stays Infineon's though "Siltronic-Aktien" stood two sentences before."""
    if not companies:
        return None
    chosen = choose(companies)
    at = sentence(chosen.start)
    return share_holder(text, [m for m in companies if sentence(m.start) == at]) or chosen
