"""Cue words that stand in a sentence but say nothing of the figure.

Two kinds, both read from ``grammar_words.csv``:

- a cue inside a fixed phrase that means something else (role ``cue_veto``): "Wall Street Journal" is a
  newspaper, not the stock market; "entwickelte sich positiv" is how a business fared, not what developing
  a model cost. Dropped from the sentence's cues for every figure.
- a cue noun in a cause phrase (role ``cause_preposition``): "legte die Nvidia-Aktie nach der
  Gewinnmitteilung um vier Prozent zu", "fiel trotz des Umsatzplus um 3 Prozent", "despite strong revenue
  growth": the earnings report is why the share moved, not what moved. Dropped for a figure unless the noun
  governs it ("nach einem Umsatzplus von 12 Prozent": the figure is that rise).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from .causes import cause_word
from .cues import Cues
from .measure_rules import noun_groups

CAUSE_CHARS = 48  # how far before a cue its cause preposition may stand ("nach der überraschend starken Gewinnmitteilung")
Span = tuple[int, int]


@lru_cache(maxsize=1)
def _vetoes() -> tuple[re.Pattern[str], ...]:
    """The vetoed phrases, one pattern each: where a phrase has a group ``veto`` ("im nachbörslichen
    (?P<veto>Geschäft)"), only the cues in that group are vetoed, not the words around it."""
    return tuple(re.compile(p) for p in lexicon.load().words("cue_veto"))


@lru_cache(maxsize=1)
def _cause_before() -> re.Pattern[str]:
    """A cause preposition, at most three words (a determiner, adjectives) and the start of the cue's word, right
    before a cue: no punctuation between, so the phrase is the preposition's."""
    words = lexicon.in_order(lexicon.load().words("cause_preposition"))
    return re.compile(rf"(?<![\w-]){words}\s+(?:[\w-]+\s+){{0,3}}[\w-]*$")


def without_vetoed(cues: Cues, lower: str, span: Span) -> Cues:
    """The sentence's cues without those inside a vetoed phrase (``lower``: the article lower-cased)."""
    vetoed = [m.span("veto") if "veto" in veto.groupindex else m.span()
              for veto in _vetoes() for m in veto.finditer(lower, *span)]
    if not vetoed:
        return cues
    kept = {group: [cue for cue in spans if not any(s <= cue[0] < e for s, e in vetoed)] for group, spans in cues.items()}
    return {group: spans for group, spans in kept.items() if spans}


def cause_cues(cues: Cues, lower: str, span: Span) -> frozenset[Span]:
    """Where the sentence's nouns of what a figure is about (:func:`.measure_rules.noun_groups`) stand in a cause
    phrase ("nach der Gewinnmitteilung", "despite strong revenue"); a verb there is no cause ("after revenue rose 5%")."""
    if not cause_word().search(lower, *span):
        return frozenset()
    before, nouns = _cause_before(), noun_groups()
    return frozenset(cue for group, spans in cues.items() if group in nouns for cue in spans
                     if (m := before.search(lower, max(span[0], cue[0] - CAUSE_CHARS), cue[0]))
                     and not _gerund(lower, m, cue))


@lru_cache(maxsize=1)
def _verb_with_object() -> re.Pattern[str]:
    """An English verb and the start of its object (grammar_words ``cause_verb_object``: "raising $", "spent
    about"), matched at the cue on lower-case text."""
    return re.compile(lexicon.in_order(lexicon.load().words("cause_verb_object")))


@lru_cache(maxsize=1)
def _subject_pronouns() -> frozenset[str]:
    return frozenset(lexicon.load().words("cause_verb_subject"))


def _gerund(lower: str, cause: re.Match[str], cue: Span) -> bool:
    """Whether the cue is an English verb with its object, right after the preposition or its pronoun subject ("after
    raising $600 million", "despite spending $2bn", "after it raised $600 million"): the words say what the company
    did, not why a figure moved ("after strong funding", "despite spending cuts", "after funding news" are causes)."""
    between = cause.group().split()[1:]
    return all(w in _subject_pronouns() for w in between) and _verb_with_object().match(lower, cue[0]) is not None


def causes_for(causes: frozenset[Span], fig_start: int, fig_end: int, governed: tuple[int, Span]) -> frozenset[Span]:
    """The cause cues that are not the figure's own: neither inside it, nor the noun that governs it ("nach einem
    Umsatzplus von 12 Prozent", "$5bn in revenue")."""
    (after, (g0, g1)) = governed
    return frozenset(c for c in causes if not (c[0] < fig_end and fig_start < c[1]) and c[0] != after
                     and not g0 <= c[0] < g1)

