"""What an article as a whole is about: the place it names most, its main company, the place of companies it counts.

Figures nobody near them names fall back to these; split from antecedents.py (what one mention stands for), which
asks them, so each article-level answer is worked out once and kept on the article's Antecedents.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Protocol

from ... import lexicon
from .mentions import Mention, known_name
from .owners import raised_measures
from .sentence_cues import Decision


class Antecedents(Protocol):
    """What these functions read of an article's :class:`.antecedents.Antecedents` (not imported: it asks them)."""

    text: str
    mentions: list[Mention]
    starts: list[int]
    figure_spans: list[tuple[int, int]]
    opening: int  # where the headline ends

    def main(self) -> Mention | None: ...


def main_place(mentions: list[Mention]) -> Mention | None:
    """The place (or a place's companies: "Österreichische Startups") the article names most, the first of equals:
    the topic of an article that names no company at all, like a report on a country's start-up scene."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "org" and m.role in ("place", "group") and not m.generic:
            counts[m.name] = counts.get(m.name, 0) + 1
            first.setdefault(m.name, m)
    return first[max(counts, key=lambda n: (counts[n], -first[n].start))] if counts else None


_SCENE_IN = re.compile(r"[ ](?:in|aus|im|from|across)[ ](?:(?:der|den|dem|the)[ ])?")  # "die meisten Unternehmen in den USA"


def _scene_place(ante: Antecedents, idx: int, m: Mention) -> Mention | None:
    """Companies counted, not named, are those of the place their own phrase names ("Die meisten Unternehmen in den
    USA erhielten weniger als 5 Millionen Dollar"), else of the place the article names most."""
    nxt = ante.mentions[idx + 1] if idx + 1 < len(ante.mentions) and ante.starts[idx] == m.start else None
    if nxt is not None and nxt.kind == "org" and nxt.role == "place" and _SCENE_IN.fullmatch(ante.text, m.end, nxt.start):
        return nxt
    return article_place(ante)


def article_place(ante: Antecedents) -> Mention | None:
    """``main_place`` of the article, worked out once (kept on its Antecedents): every figure nobody near it
    names asks, and counting the article's mentions each time would grow with figures times mentions."""
    if "_place" not in ante.__dict__:
        ante.__dict__["_place"] = main_place(ante.mentions)
    return ante.__dict__["_place"]


def named_again(ante: Antecedents, decided: Decision | None) -> Mention | None:
    """The last resort of a company's figure (``decided``: a share move, sales, money raised, a valuation; growth of a
    result, its cue words "Umsatz+steigt") nobody near it names, in an article whose main company and place are unknown:
    the company named most of those the lexicon lacks, named at least twice anywhere ("Der Mautspezialist Kapsch
    TrafficCom … Kapsch TrafficCom"), else None (nobody; inflation, a market, wages stay nobody's). Worked out once,
    kept on the article's Antecedents."""
    if not company_figure(decided, raised=True):
        return None
    if "_named_again" not in ante.__dict__:
        ante.__dict__["_named_again"] = main_company(ante.mentions, ante.figure_spans, ante.opening, anywhere=True)
    return ante.__dict__["_named_again"]


def main_company(mentions: list[Mention], figure_spans: list[tuple[int, int]], opening: int = 0,
                 anywhere: bool = False) -> Mention | None:
    """The company the article names most, its models counted for it (the first of equals; names inside
    a figure, like "Nvidia-made chips", do not count): the topic of figures nobody near them names. The lexicon's
    names, and a name it lacks only where the headline (``opening``) names it and the text names it again ("Huber +
    Suhner treibt Wachstum voran"): a start-up named in a list of funding rounds ("Emmi AI (15 Mio. Euro)") is no
    article's topic, the company a results report is about is; with ``anywhere``, a name it lacks named twice anywhere."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    first_model: dict[str, Mention] = {}  # owner -> its first model named
    starts = [a for a, _ in figure_spans]  # sorted, as the figures are
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < figure_spans[k][1]:
            continue
        if m.kind == "model" and m.owner:  # "Claude Haiku 4.5" speaks of Anthropic
            counts[m.owner] = counts.get(m.owner, 0) + 1
            first_model.setdefault(m.owner, m)
        elif m.kind == "org" and m.role in ("company", "project") and not m.generic:
            counts[m.name] = counts.get(m.name, 0) + 1
            first.setdefault(m.name, m)
    named = [n for n in counts if n in first and (known_name(n) or (anywhere or first[n].start < opening) and counts[n] > 1)]
    # the main company must be named at least once (a name the lexicon lacks: in the headline, and again),
    if named:
        return first[max(named, key=lambda n: (counts[n], -first[n].start))]
    if len(first_model) == 1:  # unless the article names only one company's models, one of them in its headline
        owner, m = next(iter(first_model.items()))  # (``opening``: "Gemini 2.5 Flash API Cost Optimization Guide")
        return Mention(m.start, m.end, "org", owner, "", False, "company", False) if m.start < opening else None
    return None


@lru_cache(maxsize=1)
def _results_noun() -> re.Pattern[str]:
    """A company's result among a growth figure's cue words (grammar_words ``results_noun``: Umsatz, revenue, profit)."""
    return re.compile(rf"(?i)(?:{lexicon.in_order(lexicon.load().words('results_noun'))})")


def company_figure(decided: Decision | None, raised: bool = False) -> bool:
    """Whether a figure is one only a company has: its measure is (a share price, sales; with ``raised`` also money
    raised and a valuation), or it is the growth or amount of a result, its cue words naming one ("H1-Umsatz +6 %":
    Umsatz; "Das Periodenergebnis liegt bei -7 Mio. Euro": Ergebnis)."""
    if decided is None:
        return False
    return decided.measure in company_measures() or raised and decided.measure in raised_measures() or (
        decided.measure in ("growth", "other") and _results_noun().search(decided.words) is not None)


@lru_cache(maxsize=1)
def company_measures() -> frozenset[str]:
    """Measures only a company has (``grammar_words.csv`` role ``company_measure``: a share price, sales)."""
    return frozenset(lexicon.load().words("company_measure"))


def main_company_not_place(ante: Antecedents, place: Mention | None, decided: Decision | None, where: str) -> tuple[Mention | None, str]:
    """The article's main company (:func:`main_company`), for a figure whose sentences name only a place (``place``: an
    earlier sentence's topic, or one after a preposition in its own: "Der Hochlauf in Leoben/Österreich läuft. …
    H1-Umsatz +6 %") where the figure is one only a company has (:func:`company_figure`) and the article names that
    company before the place, in its headline or lede: the article is about it, and the place is where it works.
    A company named only later is no owner of a place's figures ("In Deutschland sank der Umsatz im Gastgewerbe. Die
    Lufthansa …").
    Returns the mention and where it was found, ``place`` and ``where`` unchanged where the rule does not apply."""
    if place is None or place.role != "place" or where not in ("sentence", "earlier", "subject") or not company_figure(decided):
        return place, where
    main = ante.main()
    named_first = main is not None and main.start < place.start and (main.start < ante.opening or main.start < lede_end(ante.text, ante.opening))
    return (main, "article") if named_first else (place, where)  # not "In Deutschland stieg der Umsatz … SAP …"


def lede_end(text: str, opening: int) -> int:
    """Where the article's first paragraph after its headline (``opening``: the headline's end) ends: an article that
    names its company in the headline or there is about it ("Vorstandsinterview / … mit AT&S-CEO Michael Mertin")."""
    start = len(text) - len(text[opening:].lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end
