"""What a sign glued to a percent says: a share's move up or down, and that a figure after what grows is a change.

"Vontobel (+2,2%)", "bei -3,1%", "H1-Umsatz +6 % (in USD +16 %)": tables of market moves and results write the
direction as a sign and leave out the verb. A sign after a letter or digit is a hyphen or a range's dash
("Q3-5%", "2-3 %"), no sign.
"""
from __future__ import annotations

from collections.abc import Callable

from ..recognise import Figure
from .cues import Cues
from .measure_rules import growth_nouns
from .sentence_cues import Decision

_SIGNED = {m: {"+": "share_price_gain", "-": "share_price_drop"} for m in ("share_price_gain", "share_price_drop")}
_SIGNS = {"+": "+", "-": "-", "\u2212": "-", "\u2013": "-"}  # plus, hyphen-minus, minus sign, en dash


def sign(text: str, start: int) -> str:
    """"+" or "-" where a sign is glued to the number starting at ``start``, else ""."""
    if start == 0 or (found := _SIGNS.get(text[start - 1], "")) == "" or not text[start:start + 1].isdigit():
        return ""
    return "" if start > 1 and text[start - 2].isalnum() else found


def signed(text: str, fig: Figure, decided: Decision, sentence_cues: Callable[[], Cues]) -> Decision:
    """The decision with a share move's direction taken from the figure's sign, and a signed percent that no cue
    made more than ``other`` read as growth where a noun of what grows stands before it in its sentence
    (``sentence_cues``: the sentence's cues, asked for only then)."""
    if decided.measure in _SIGNED and (found := sign(text, fig.start)):
        return decided._replace(measure=_SIGNED[decided.measure][found])
    if decided.measure == "other" and fig.unit == "percent" and sign(text, fig.start) and any(
            a < fig.start for group in growth_nouns() for a, _ in sentence_cues().get(group, ())):
        return decided._replace(measure="growth")  # "H1-Umsatz +6 %": a signed percent after what grows is a change
    return decided
