"""A percent an index moved is a share move, whatever word of change decided it.

"Der MDAX verbesserte sich um 0,54 %", "Am Ende der Woche blieb ein Plus von 1,59 %" (the S&P 500 named the sentence
before), "Der DAX ist bei 23.698 Punkten (+0,43 %) ins Wochenende gegangen": an index has no revenue to grow, and its
move is the move of its shares' prices (``share_price_gain``, ``share_price_drop``, as for a company's shares). The
measure cues are read before the owner is known, so where they read growth, or no cue decided, and the owner is an index
(organisations.csv type ``index``), the move's direction is taken from the figure's sign, else from the words of a move
up or down alone (the weak share-move rules of ``measures.csv``) in its sentence before it, the nearest first. Not where
a noun of what grows decided it ("Die Gewinne der Dax-Konzerne stiegen um 12 Prozent": the companies' profits grew).
"""
from __future__ import annotations

from functools import lru_cache

from ... import lexicon
from ..recognise import Figure
from .cues import Cues
from .measure_rules import growth_nouns, rules_for
from .sentence_cues import Decision
from .signs import sign

_BY_SIGN = {"+": "share_price_gain", "-": "share_price_drop"}


@lru_cache(maxsize=1)
def _indexes() -> frozenset[str]:
    """Canonical names of the stock indices the lexicon knows."""
    return frozenset(r["canonical"] for r in lexicon.load().organisations if r["type"] == "index")


@lru_cache(maxsize=1)
def _move_words() -> tuple[tuple[str, str], ...]:
    """(cue group, measure) of the share-move rules made of one group of words of direction alone (weak rules)."""
    return tuple((r.cues[0], r.measure) for r in rules_for("percent")
                 if r.weak and len(r.cues) == 1 and r.measure in _BY_SIGN.values())


def index_move(text: str, fig: Figure, measure: Decision, owner: str, cues: Cues, sentence_start: int) -> Decision:
    """``measure``, or the share move of the index that owns a percent (``owner``: canonical names joined by "|";
    ``cues``: the cue matches of the figure's sentence, which starts at ``sentence_start``)."""
    unsettled = measure.measure == "growth" or measure.measure == "other" and not measure.words  # no level ("Anteil")
    if fig.unit != "percent" or not unsettled or not owner or not set(owner.split("|")) <= _indexes():
        return measure
    if any(span in cues.get(noun, ()) for noun in growth_nouns() for span in measure.cue_spans):
        return measure  # what grew is named ("Die Gewinne der Dax-Konzerne stiegen um 12 Prozent"): growth
    if found := sign(text, fig.start):
        return measure._replace(measure=_BY_SIGN[found], words=measure.words or found)
    before = [(span, moved) for group, moved in _move_words() for span in cues.get(group, ())
              if sentence_start <= span[0] and span[1] <= fig.start]
    if not before:
        return measure
    span, moved = max(before)
    return Decision(moved, text[span[0]:span[1]], measure.where if measure.where != "none" else "sentence", (span,))
