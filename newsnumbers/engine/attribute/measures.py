"""What a figure measures: cue words from the lexicon, tried in order.

A rule names a measure, the kind of unit it fits and its cues (all must
occur). The figure's own clause is searched first, then its wider windows and
its sentence; where no cue decides, a table cell's column header or row label
may (:mod:`.table_cues`), then the figure's unit (chips, parameters, GPU
hours...). The lexicon's rules and the scan for their cues are built once
per process; each sentence is scanned once per article.
"""
from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable

from ..recognise import Figure
from ..segment import Segmenter
from .capital import takes_stake
from .cues import Cues
from .frames import Frames
from .measure_rules import MeasureRule, change_measures, level_measures, rules_for, rules_in
from .measure_words import (
    beyond_forecast,
    change_after,
    direction_word,
    directions,
    figure_fence,
    for_direction,
    governed_after,
    governed_before,
    governed_before_tail,
    governed_predicate,
    governing_level,
    growth_rate_noun,
    is_change,
    level_holder,
    level_then,
    level_word,
    proportion_after,
    share_noun,
    share_of,
    than_word,
    value_with,
)
from .old_levels import closed_at, old_level, old_level_measure
from .places import Place, Places, Spans
from .said_again import SaidAgain
from .second_look import model_cost, second_look, small_sum, venture_funding
from .sentence_cues import Decision, SentenceCues, without_causes
from .signs import payout_before, signed
from .table_cues import TableCues
from .venture import venture_lead

__all__ = ["STRUCTURAL_MEASURES", "Decision", "MeasureFinder", "direction_before"]

GOVERNING_CHARS = 48  # how far before a figure the words that govern it may start ("anfänglichen Kursgewinnen von ")
STRUCTURAL_MEASURES = {"chips": "chip_count", "parameters": "parameter_count",
                       "GPU_hours": "gpu_hours", "years": "age", "tokens": "other"}


def _by_unit(places: Places, fig: Figure) -> Decision | None:
    """What the unit alone says: a rate per tokens is a token price; a count of chips, parameters, GPU hours or years is
    that count, whatever cues the sentence holds ("1.6 trillion parameters … and a context window")."""
    if fig.kind == "money" and "tokens" in fig.per:
        return Decision("price_per_million_tokens" + (f"_{d}" if (d := fig.direction or direction_before(places, fig)) else ""), fig.per, "unit")
    return None if (measure := STRUCTURAL_MEASURES.get(fig.unit, "other")) == "other" else Decision(measure, fig.unit, "unit")


def _weakly(method: Callable[[Figure], Decision]) -> Callable[[Figure], Decision]:
    """``method`` called through a weak reference to its object. Helpers that ask the finder back would otherwise
    make a reference cycle, and a 10 MB text's blocks stayed in memory until the cyclic collector ran
    (two blocks' worth at once, 48 MB for 2 MB of text)."""
    ref = weakref.WeakMethod(method)
    return lambda fig: ref()(fig)  # type: ignore[misc]


class MeasureFinder:
    """The measure of each figure of one article (``again``: the same amount said elsewhere, :mod:`.said_again`)."""

    def __init__(self, text: str, seg: Segmenter, lower: str, places: Places, lang: str = "de", figures: list[Figure] | None = None):
        self.text, self.seg, self.places = text, seg, places
        self.cues, self.lower, self.table = SentenceCues(text, seg, lower, lang), lower, TableCues(text, lower, lang)
        decide = _weakly(self.decide)  # held weakly, so the finder and what it knows are freed with the block, not by a GC pass
        self.venture, self._causes, self.again = venture_lead(lower, seg), {}, SaidAgain(figures or [], decide)  # _causes: per sentence
        self.frames = Frames(text, places, figures or [], decide)
        self.figures, self.starts = figures or [], [f.start for f in figures or []]  # in order: for an old level (old_levels)

    def decide(self, fig: Figure) -> Decision:
        """The figure's measure (:meth:`_decide`); a share move's direction is its sign's where it has one; a sum too
        small for an investment or a value is a price (:func:`.second_look.small_sum`)."""
        return small_sum(fig, signed(self.text, fig, self._decide(fig), lambda: self.cues.of(self.places.place(fig).sentence)))

    def _decide(self, fig: Figure) -> Decision:
        """The figure's measure: the first rule whose cues stand nearest it, else what its unit implies (money after
        "auf"/"to" behind a percent move, "fiel um 3,49 Prozent auf 31,76 Euro", is the new level of what moved)."""
        if by_unit := _by_unit(self.places, fig):
            return by_unit
        kind = fig.kind if fig.kind in ("money", "percent") else "count"
        if framed := self.frames.decide(fig, kind):  # "(Vorjahr 1687 Mio.)", "wäre heute … wert", "99% Savings"
            return framed
        found = self._by_cues(fig, kind)
        if found and kind == "percent" and old_level(self.text, fig) and (old := old_level_measure(self, fig, found)):
            return old  # "22%, up from 12%", "stieg von 12 auf 22 Prozent"
        if found and (level := _no_change(self, fig, kind, found)):
            return level
        if found and kind == "money" and _governed_level(self.text, fig, found):
            return found._replace(measure=level_measures()[found.measure])
        if kind == "money" and (closed := closed_at(self, fig)):  # "schloss 6,23 % im Minus bei 307,86 Dollar"
            return closed
        if level_word().search(self.text[max(0, fig.start - 24):fig.start]) and (level := _level(self, fig, kind, found)):
            return level
        if found and kind == "money" and found.measure in change_measures() and is_change(self.text, fig) \
                and not takes_stake(self.lower, self.places.place(fig).windows[0][0]):  # a stake topped up "um" X: X put in
            down = (self._by_cues(fig, "percent") or found).measure.endswith("_drop")
            return found._replace(measure=change_measures()[found.measure]["down" if down else "up"])
        if found:
            return second_look(self, fig, kind, found)
        table = self.table.decide(fig, kind)  # "| Context Window |" over "| 1M tokens |"
        if table or fig.unit in STRUCTURAL_MEASURES:
            return table or Decision(STRUCTURAL_MEASURES[fig.unit], fig.unit, "unit")
        found = None if kind == "percent" and proportion_after().match(self.text, fig.end) else self.cues.earlier(
            fig, self.places.place(fig).sentence, kind)  # "35% more tokens": no topic of the sentences before
        if kind == "money" and fig.per == "share" and (found is None or found.measure != "other") and not payout_before(self, fig):
            return Decision("share_price", fig.per, "unit")  # "ein neues Allzeithoch: 160,98 US-Dollar je Aktie"; a dividend: other
        return venture_funding(self, fig, found) if found else self.again.decide(fig) or model_cost(self, fig) or Decision("other", "", "none")

    def _by_cues(self, fig: Figure, kind: str) -> Decision | None:
        """The rule whose cues stand nearest the figure: its clause first, then wider windows, then its sentence."""
        place = self.places.place(fig)
        if not self.cues.possible_rules(place.sentence, kind):
            return None
        fence, governed = next_figure_fence(self.places, self.lower, fig, place.span[1]), governed_at(self.text, self.lower, fig)
        cues = without_causes(self.cues, self._causes, place.sentence, self.lower, fig, governed)  # "nach der Gewinnmitteilung"
        return _widening(cues, rules_for(kind), cues.possible_rules(place.sentence, kind), place.sentence, _levels(place), fig,
                         fence, governed)


def _level(finder: MeasureFinder, fig: Figure, kind: str, found: Decision | None) -> Decision | None:
    """After "auf"/"to" the level of what moved ("sank um 3 % auf 31 Euro"), unless its cues say ("Nettogewinn sank auf")
    with more than a generic word that did not move itself."""
    if kind == "percent":  # "stieg auf 78 Prozent": the level of a rate or share, not a move
        if found and found.measure == "growth" and growth_rate_noun(found.words):
            return found  # "Abflachen des Wachstums auf 31 Prozent": the growth rate itself
        return found._replace(measure="other") if found and found.measure in level_measures() else None
    moved = (found if found.measure in level_measures() else None) if found else finder._by_cues(fig, "percent")
    if found and found.weak and not moved:  # "Das Geschäft mit Rechenzentren wuchs um 93 % auf 30 Mrd.": what moved names
        moved = finder._by_cues(fig, "percent")  # the level, unless the generic word is itself what moved ("Ausgaben stiegen")
        moved_words = moved.words.split("+") if moved else []  # a noun and its verb ("Geschäft+wuchs"), not a verb alone
        moved = moved if len(moved_words) > 1 and moved.measure == "growth" and not set(found.words.split("+")) & set(moved_words) \
            else None  # a business that grew; not a share ("An der Börse stieg der Wert auf 80 Mrd.": the value decides)
    if moved and moved.measure in level_measures():
        level = level_measures()[moved.measure]  # a share that lost ("Die Aktie verlor 6,5 % auf 98,40 Franken"): its price
        return moved._replace(measure="share_price" if level == "market_cap" and share_noun().match(moved.words) else level)
    return None


def governed_at(text: str, lower: str, fig: Figure) -> tuple[int, tuple[int, int]]:
    """Where the noun that governs the figure from after it starts ("$200 billion in market value", "3 Mrd. Dollar wert"), or -1;
    and the span of the noun that governs it from before ("Kursgewinnen von über 4 Prozent"), or (-1, -1)."""
    start = max(0, fig.start - GOVERNING_CHARS)
    governed = governed_after().match(text, fig.end) or governed_predicate().match(text, fig.end) or (
        change_after().match(text, fig.end) if fig.kind == "percent" else None)
    governing = governed_before().search(lower, start, fig.start) if governed_before_tail().search(
        lower, start, fig.start) else None  # the tail first: it fails fast where the whole is entered at every letter
    return governed.end() if governed else -1, governing.span("noun") if governing else (-1, -1)


def shares_cue(rule: MeasureRule, weak: MeasureRule) -> bool:
    """Whether a rule names a cue of a weak rule: compared by term, not by the group's spelling, so that two
    rows listing the same cue ("umsatz|erlös" in the weak percent row and in growth) still meet after one of
    them is extended."""
    return any(set(a.split("|")) & set(b.split("|")) for a in rule.cues for b in weak.cues)


def _levels(place: Place) -> list[Spans]:
    """The windows searched for a measure's cue, narrow to wide: the figure's own clause first, also in a
    clause read as relative, whose cue may follow the figure (", der deutsche Dax um 0,2 Prozent
    nachgegeben"); then the other windows; then the sentence."""
    windows = place.windows[:-1]
    own = next((k for k, (_, how) in enumerate(windows) if how == "subject"), 0)
    return [windows[own][0]] + [spans for k, (spans, _) in enumerate(windows) if k != own] + [[place.span]]


def _no_change(finder: MeasureFinder, fig: Figure, kind: str, found: Decision) -> Decision | None:
    """A figure that is no change nor what its cue names: money that is a level's gap to a forecast ("Erlöse … in
    Aussicht, rund eine Milliarde Dollar weniger als vorhergesagt"); a percentage that is a gap or a share
    (:func:`_gap_or_share`), or the level a level rule of its clause names ("Die EBITDA-Marge sank von 13,0 Prozent",
    "sales made up 30%"), looked for in the sentence where the sentence decided ("R&D as a percentage of revenue …
    remains 15.85%")."""
    if kind == "money":  # a level's gap (revenue, a market value) is no level; spending beyond a forecast is still spent
        gap = found.measure in level_measures().values() and beyond_forecast().match(finder.text, fig.end, fig.end + 80)
        return found._replace(measure="other") if gap and than_word().search(gap.group()) else None
    if kind != "percent" or found.measure == "other" or change_after().match(finder.text, fig.end):
        return None  # "representing a 9% increase": the noun of change after it governs, no level
    if _gap_or_share(finder.text, fig, found):
        return found._replace(measure="other")
    place, rules = finder.places.place(fig), rules_for("percent")
    levels = tuple(k for k in finder.cues.possible_rules(place.sentence, "percent") if rules[k].level)
    spans = [place.span] if found.where == "sentence" else place.windows[0][0]
    hit = rules_in(rules, levels, finder.cues.of(place.sentence), spans, fig, distances=True) if levels else []
    if not hit:
        return None
    return finder.cues.decision(rules[min(hit, key=lambda f: (f[1], f[0]))[0]], place.sentence, spans, fig, found.where)


def _gap_or_share(text: str, fig: Figure, found: Decision) -> bool:
    """A percentage that is a gap to expectations ("14% higher than Jefferies' forecast"; not "lag mit 25% unter den
    Erwartungen", the value itself) or a share of what its
    cue names ("30 Prozent seines Umsatzes", "30% of its revenue", "30% of simple requests … a saving"), not a
    change or a cut."""
    return bool((beyond_forecast().match(text, fig.end, fig.end + 80) and not value_with().search(text, max(0, fig.start - 8),
                                                                                                  fig.start))
                or (found.measure in ("growth", "price_cut") and share_of().match(text, fig.end)))


def _governed_level(text: str, fig: Figure, found: Decision) -> bool:
    """"erreichte einen Marktwert von 4 Billionen und fiel zurück": a level noun governs the figure and the change
    comes after it (but "lost a market value of $600 billion": the loss governs the noun)."""
    after = [a for a, _ in found.cue_spans if a > fig.start]
    return (found.measure in level_measures() and governing_level().search(text, max(0, fig.start - 48), fig.start)
            is not None and bool(after) and level_then().search(text, fig.end, min(after)) is not None)


def direction_before(places: Places, fig: Figure) -> str:
    """"the input price ... was 0.0008 yuan per thousand tokens": one direction word in the clause before the price,
    else in its sentence before it ("Input: $2.50 / 1M tokens", where the colon ends a clause), else what the
    total it is multiplied into is for ("($15/MTok) = $396 for output")."""
    place = places.place(fig)
    own = next((sp for sp, how in place.windows if how == "subject"), [(fig.start, fig.start)])[0]
    k = bisect.bisect_left(places.figure_starts, fig.start)  # first its clause since the figure before it ("input pricing of
    after = places.figure_spans[k - 1][1] if k and places.figure_spans[k - 1][1] > place.span[0] else own[0]  # $2.50 … and
    for start in dict.fromkeys((max(after, own[0]), after, own[0], place.span[0])):  # output pricing of $15"), then its
        # sentence's start: a list's label ("Input: $2.50")
        found = {directions().get(m.group().lower(), "") for m in direction_word().finditer(places.text, start,
                                                                                            fig.start)}
        if found:  # "Input tokens (cache hit) $0.028": cached input is input's kind, so cached
            return "cached" if found == {"input", "cached"} else found.pop() if len(found) == 1 else ""
    total = for_direction().match(places.text, fig.end, place.span[1])  # "× ($15/MTok) = $396 for output"
    return directions().get(total["d"].lower(), "") if total else ""


def next_figure_fence(places: Places, lower: str, fig: Figure, sentence_end: int) -> int | None:
    """Where the figure's phrase ends for cues after it: a conjunction ("and", "und", "while") followed by
    another figure of the sentence ("… to $77.7 billion and net income climbing to $27.7 billion"), or None."""
    k = bisect.bisect_right(places.figure_starts, fig.start)
    if k >= len(places.figure_starts) or places.figure_starts[k] >= sentence_end:
        return None
    found = figure_fence().search(lower, fig.end, places.figure_starts[k])
    return found.start() if found else None


def _named_in_governing(rules: list[MeasureRule], possible: tuple[int, ...], found_cues: Cues, governing: tuple[int, int],
                        fig: Figure) -> MeasureRule | None:
    """The most specific rule named whole in the words before "von"/"of" that govern the figure ("anfänglichen
    Kursgewinnen von über 4 Prozent": a gain, whatever "ins Minus" says later); none where a longer cue reaches
    into those words from before ("Gewinn je Aktie von 1,78 Euro")."""
    g0, g1 = governing
    if g0 < 0 or any(s < g0 < e for spans in found_cues.values() for s, e in spans):
        return None
    named = [f for f in rules_in(rules, possible, found_cues, [governing], fig, distances=False) if not rules[f[0]].weak]
    return rules[min(named, key=lambda f: (-len(rules[f[0]].cues), f[0]))[0]] if named else None


def _widening(cues: SentenceCues, rules: list[MeasureRule], possible: tuple[int, ...], sentence: int,
              levels: list[Spans], fig: Figure, fence: int | None = None,
              governed: tuple[int, tuple[int, int]] = (-1, (-1, -1))) -> Decision | None:
    """Search the windows from the figure's clause outwards. In the clause the cue nearest the figure
    decides ("sammelte 6,6 Mrd. ein und wird mit 157 Mrd. bewertet"); further out, the lexicon's order.
    A generic cue ("ausgeben") decides only when no wider window has a rule that shares it and says more
    ("ausgeben && Modell"). A rule named whole in the words before "von"/"of" decides ("Kursgewinnen von 4 %"),
    unless the search found the change of what it names ("lost a market value of $600 billion") and the noun is not
    held "with" ("fallen to second place with a market cap of just $2.87 trillion")."""
    named = _named_in_governing(rules, possible, cues.of(sentence), governed[1], fig)
    decision = _outwards(cues, rules, possible, sentence, levels, fig, fence, governed)
    held = named is not None and level_holder().search(cues.text, max(0, governed[1][0] - 24), governed[1][0]) is not None
    if named and (held or not (decision and level_measures().get(decision.measure) == named.measure)):
        return cues.decision(named, sentence, [governed[1]], fig, "clause")  # not "lost a market value of $600bn"
    return decision


def _outwards(cues: SentenceCues, rules: list[MeasureRule], possible: tuple[int, ...], sentence: int,
              levels: list[Spans], fig: Figure, fence: int | None, governed: tuple[int, tuple[int, int]]) -> Decision | None:
    """The widening search itself (see :func:`_widening`)."""
    found_cues = cues.of(sentence)
    weak: tuple[Decision, MeasureRule] | None = None
    for level, spans in enumerate(levels):
        found = rules_in(rules, possible, found_cues, spans, fig, distances=level == 0,
                         fence=fence if level == 0 else None, governed=governed[0], governing=governed[1])
        strong = [f for f in found if not rules[f[0]].weak]
        if weak:
            found = strong = [f for f in strong if shares_cue(rules[f[0]], weak[1])]
        if found:
            best = min(strong or found, key=lambda f: (f[1], f[0])) if level == 0 else min(strong or found)
            rule = rules[best[0]]
            decision = cues.decision(rule, sentence, spans, fig, "clause" if level < len(levels) - 1 else "sentence")
            if strong:
                return weak[0] if weak and weak[1].measure == rule.measure else decision
            weak = weak or (decision._replace(weak=True), rule)
    return weak[0] if weak else None
