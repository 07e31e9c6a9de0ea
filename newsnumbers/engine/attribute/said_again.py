"""The same amount said again in one article: a figure without cues takes the measure its other mention states.

"The $4.6M Model That Beat GPT-5" says nothing of what the $4.6M is; the body does ("costing just $4.6M to
train"). "OpenAI's GPT-4 gets cited around $78M of compute" names no cost either; the lead said "roughly $78M
in training compute". An article that gives one amount of money twice mostly gives one fact twice (the
``fact_id`` column rests on the same reading), so a money figure whose own sentence and the sentences before it
decide nothing takes the measure that a cue decided for another mention of the same amount, the nearest first.
"""
from __future__ import annotations

from collections.abc import Callable

from ..recognise import Figure
from .sentence_cues import Decision

DECIDED = ("clause", "sentence")  # a cue of the other mention's own sentence decided: not a guess itself


class SaidAgain:
    """The article's money figures by amount, and which of them a cue decides (each asked once)."""

    def __init__(self, figures: list[Figure], decide: Callable[[Figure], Decision]):
        self._by_amount: dict[tuple[str, float, float | None, str], list[Figure]] = {}
        for f in figures:
            if f.kind == "money":
                self._by_amount.setdefault(_amount(f), []).append(f)
        self._decide = decide
        self._decided: dict[int, Decision | None] = {}  # figure start -> its cue's decision, or None
        self._busy = False  # asking another mention must not ask back

    def decide(self, fig: Figure) -> Decision | None:
        """The measure a cue decided for the nearest other mention of the same amount, or None."""
        if fig.kind != "money" or self._busy:
            return None
        others = sorted((f for f in self._by_amount.get(_amount(fig), ()) if f.start != fig.start),
                        key=lambda f: abs(f.start - fig.start))
        for other in others:
            found = self._cue_decision(other)
            if found is not None:
                return Decision(found.measure, f"{found.words} (said again)", "earlier")
        return None

    def _cue_decision(self, fig: Figure) -> Decision | None:
        if fig.start not in self._decided:
            self._busy = True
            try:
                found = self._decide(fig)
            finally:
                self._busy = False
            self._decided[fig.start] = found if found.where in DECIDED and found.measure != "other" else None
        return self._decided[fig.start]


def _amount(fig: Figure) -> tuple[str, float, float | None, str]:
    return fig.unit, fig.value, fig.value_high, fig.per
