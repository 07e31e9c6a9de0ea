"""A name right beside its figure owns it: "Nvidia verlor 17 Prozent, AMD 6 Prozent", "Easelink mit rund 11,5
Millionen Euro", "Enspired (KI-gestützter Stromhandel, 15 Mio. Euro)", "…, compared with $3.5 trillion for Microsoft".

Lists and rankings give each figure its own name, whatever the sentence's subject is; these rules read the few
characters between a name and its figure, before the clause-level search of :mod:`.organisations` runs.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ... import lexicon
from ..recognise import Figure
from .antecedents import Antecedents
from .mentions import Mention
from .new_names import ITEM_WHAT, SEAT
from .places import Places

_SEAT_AFTER = rf"(?:{SEAT}\s+)?"  # a ranking item's seat: "CeQur in Horw LU mit 109,3 Millionen"
_BRACKET = rf"\(\s*(?:{ITEM_WHAT}\s*|[^()\n/]{{1,40}}/\s*)?"  # "(", "(what it does, ": "Enspired (KI-Stromhandel, 15 Mio.
# Euro)", or a figure and a slash: the conversion in "von Apple (3,461 Billionen US-Dollar/3,28 Billionen Euro)"
_BRACKET_ONLY = re.compile(r"\s*\(\s*")  # "Startups aus Berlin (1,5 Milliarden)": a place owns only a bracketed figure
# between a name and its figure: nothing, a bracket or colon, or one lower-case word (a verb: "the Nasdaq down 3.3%",
# "Nvidia verlor 17 Prozent"; German nouns are capitalised), then "um"/"by"
_RIGHT_BEFORE = re.compile(rf"""
    (?:['’]?s)?\s*                                 # "Nvidias", "Nvidia's"
    {_SEAT_AFTER}
    (?:{_BRACKET}|:\s*)?                           # a bracket or a colon
    (?:[a-zäöüß]+\s+)?(?:(?:um|by)\s+)?            # one small word ("mit", "verlor"), "um"/"by"
    """, re.VERBOSE)
_SEAT = re.compile(r"\s+in\s+")  # "Fennex in Zug mit 52 Millionen": the place is the company's seat


def owner_beside(text: str, places: Places, ante: Antecedents, fig: Figure) -> Mention | None:
    """The name right before the figure, or the one a comparison names right after it; None where neither stands."""
    return named_right_before(text, ante, fig) or compared_for(text, places, ante, fig)


_FOR_AFTER = re.compile(r"\s+(?:for|für|bei)\s+(?:the\s+|den\s+|dem\s+)?")
_IN_AFTER = re.compile(r"\s+(?:in|im)\s+(?:the\s+|den\s+|der\s+)?")


def compared_for(text: str, places: Places, ante: Antecedents, fig: Figure) -> Mention | None:
    """The company named right after a figure of a comparison clause ("…, compared with $3.5 trillion for
    Microsoft", "gegenüber 3 Mrd. Euro bei SAP"), or the place in a sentence that names no company ("verglichen mit
    acht Prozent in den USA und zwei Prozent in China"; "Microsoft's cloud revenue grew 20% in Europe, compared with
    30% in the US" is Microsoft's): the other side of the comparison is theirs."""
    k = bisect.bisect_left(ante.starts, fig.end)
    m = ante.mentions[k] if k < len(ante.mentions) else None
    if m is None or m.kind != "org" or not (m.role == "company" and _FOR_AFTER.fullmatch(text, fig.end, m.start)
                                            or m.role == "place" and _IN_AFTER.fullmatch(text, fig.end, m.start)):
        return None
    place = places.place(fig)
    clause = next((c for c in places.clauses(place.sentence) if c.start <= fig.start < c.end), None)
    if m.role == "place" and any(n.role not in ("place", "index") for n in ante.usable(places.mentions_in([place.span], fig))):
        return None
    return m if clause is not None and clause.comparison and ante.usable([m]) else None


def named_right_before(text: str, ante: Antecedents, fig: Figure) -> Mention | None:
    """A company or index named right before the figure ("helping lift ACM Research as much as 15% and
    NAURA 10%", "Nvidia verlor 17 Prozent, AMD 6 Prozent") owns it, unless a preposition governs it
    ("von Investoren wie Sequoia Capital sechs Milliarden Dollar eingesammelt"), except by a bracket right after
    the name ("vor den Tech-Riesen Microsoft (3,75 Billionen US-Dollar)"). A place owns a figure only in a bracket
    right after it ("mehr als Startups aus Berlin (1,5 Milliarden)")."""
    k = bisect.bisect_left(ante.starts, fig.start)
    m = ante.mentions[k - 1] if k > 0 else None
    if m is not None and m.role == "place" and k > 1 and _SEAT.fullmatch(text, ante.mentions[k - 2].end, m.start):
        seat, m = m, ante.mentions[k - 2]  # "Fennex in Zug mit 52 Millionen": the company before its seat
        return m if m.kind == "org" and m.role == "company" and _RIGHT_BEFORE.fullmatch(text, seat.end, fig.start) else None
    if m is not None and m.kind == "org" and not m.generic and m.role in ("place", "group"):
        return m if _BRACKET_ONLY.fullmatch(text, m.end, fig.start) else None
    if m is None or m.kind != "org" or m.generic or m.role not in ("company", "index"):
        return None
    if m.oblique:  # "vor Microsoft (3,75 Billionen US-Dollar)", "gefolgt von CeQur mit 109,3 Millionen": a bracket
        return m if _item_after().fullmatch(text, m.end, fig.start) else None  # or a ranking's "mit" ties it all the same
    return m if _RIGHT_BEFORE.fullmatch(text, m.end, fig.start) else None


def model_right_before(text: str, places: Places, fig: Figure, owner: str) -> str:
    """A model of ``owner`` tied to the figure right before it by a bracket or "with"/"mit" ("Qwen3-Next and
    Qwen3-Max-Preview with a trillion parameters"): that model, not the first of the clause; "" where none is."""
    k = bisect.bisect_left(places.starts, fig.start)
    m = places.mentions[k - 1] if k > 0 else None
    ok = m is not None and m.kind == "model" and m.owner == owner and _item_after().fullmatch(text, m.end, fig.start)
    return m.name if ok else ""


@lru_cache(maxsize=1)
def _item_after() -> re.Pattern[str]:
    """What ties a figure to a name a preposition governs: a bracket, or a ranking item's link word (grammar_words
    role ``item_figure_link``: "mit", "with"), after the item's seat, with one small word ("rund") before the figure."""
    links = lexicon.in_order(lexicon.load().words("item_figure_link"))
    return re.compile(rf"\s*{_SEAT_AFTER}(?:{_BRACKET}|(?:{links})\s+(?:[a-zäöüß]+\s+)?)")
