"""The same amount said again in one article: a figure without cues takes the measure its other mention states.

"The $4.6M Model That Beat GPT-5" says nothing of what the $4.6M is; the body does ("costing just $4.6M to
train"). "OpenAI's GPT-4 gets cited around $78M of compute" names no cost either; the lead said "roughly $78M
in training compute". An article that gives one amount of money twice mostly gives one fact twice (the
``fact_id`` column rests on the same reading), so a money figure whose own sentence and the sentences before it
decide nothing takes the measure that a cue decided for another mention of the same amount, the nearest first.
"""
from __future__ import annotations

import bisect
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
        self._groups: dict[tuple[str, float, float | None, str], tuple[list[int], list[Decision]]] = {}
        self._busy = False  # asking another mention must not ask back

    def decide(self, fig: Figure) -> Decision | None:
        """The measure a cue decided for the nearest other mention of the same amount (the earlier on a tie), or None.
        Each amount's mentions are decided once and looked up by position: a column of 8,000 equal amounts had
        sorted all the others for each one."""
        if fig.kind != "money" or self._busy:
            return None
        starts, found = self._group(_amount(fig))
        k = bisect.bisect_left(starts, fig.start)
        left = k - 1
        right = k + 1 if k < len(starts) and starts[k] == fig.start else k
        near = [i for i in (left, right) if 0 <= i < len(starts)]
        if not near:
            return None
        best = min(near, key=lambda i: (abs(starts[i] - fig.start), i))
        return Decision(found[best].measure, f"{found[best].words} (said again)", "earlier")

    def _group(self, key: tuple[str, float, float | None, str]) -> tuple[list[int], list[Decision]]:
        """The starts (in order) of an amount's mentions that a cue decides, and those decisions."""
        if key not in self._groups:
            decided = [(f.start, d) for f in self._by_amount.get(key, ()) if (d := self._cue_decision(f)) is not None]
            decided.sort(key=lambda pair: pair[0])
            self._groups[key] = ([a for a, _ in decided], [d for _, d in decided])
        return self._groups[key]

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
