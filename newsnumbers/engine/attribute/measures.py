"""What a figure measures: cue words from the lexicon, tried in order.

A rule names a measure, the kind of unit it fits and its cues (all must
occur). The figure's own clause is searched first, then its wider windows and
its sentence; where no cue decides, the figure's unit may (chips, parameters,
GPU hours...). The lexicon's rules and the scan for their cues are built once
per process; each sentence is scanned once per article.
"""
from __future__ import annotations

from typing import NamedTuple

from ..recognise import Figure
from ..segment import Segmenter
from . import cues as cue_scan
from .cues import Cues
from .measure_rules import (
    MeasureRule,
    change_measures,
    growth_nouns,
    level_measures,
    rules_for,
    rules_in,
    rules_with_cues,
)
from .measure_words import (
    beyond_forecast,
    change_word,
    direction_word,
    directions,
    governing_level,
    growth_rate_noun,
    level_word,
    purpose_before,
    share_of,
)
from .places import Places, Spans


class Decision(NamedTuple):
    """A measure and how it was decided, for the ``evidence`` and ``confidence`` columns."""

    measure: str
    words: str  # the cue words that decided, joined by "+" ("" when the unit or nothing decided)
    where: str  # clause, sentence, earlier (an earlier sentence's topic), unit or none
    cue_spans: tuple[tuple[int, int], ...] = ()  # where those words stand (their owner may own the figure)
    weak: bool = False  # decided by a generic cue ("ausgeben") alone


EARLIER_SENTENCES = 2  # how far back a figure without cues looks for its sentence's topic

STRUCTURAL_MEASURES = {"chips": "chip_count", "parameters": "parameter_count",
                       "GPU_hours": "gpu_hours", "years": "age", "tokens": "other"}


class SentenceCues:
    """The measure cues of one article's sentences, each sentence scanned once, and the rules they allow."""

    def __init__(self, text: str, seg: Segmenter, lower: str, lang: str):
        self.text = text
        self.seg = seg
        self.lower = lower
        self.lang = lang
        self._cue_cache: dict[int, Cues] = {}
        self._rule_cache: dict[tuple[int, str], tuple[int, ...]] = {}

    def of(self, sentence: int) -> Cues:
        """Every measure cue's matches in one sentence, found once and shared by its figures."""
        if sentence not in self._cue_cache:
            a, b = self.seg.sentence_span(sentence)
            self._cue_cache[sentence] = cue_scan.scan(self.text, self.lower, a, b, self.lang)
        return self._cue_cache[sentence]

    def possible_rules(self, sentence: int, kind: str) -> tuple[int, ...]:
        """Indexes of the rules whose every cue occurs somewhere in the sentence (computed once)."""
        key = (sentence, kind)
        if key not in self._rule_cache:
            self._rule_cache[key] = rules_with_cues(kind, frozenset(self.of(sentence)))
        return self._rule_cache[key]

    def nearest(self, rule: MeasureRule, sentence: int, spans: Spans, fig: Figure) -> tuple[tuple[int, int], ...]:
        """Each of the rule's cues nearest the figure (inside ``spans`` where it occurs there)."""
        cues, out = self.of(sentence), []
        for cue in rule.cues:
            inside = [(s, e) for s, e in cues[cue] if any(a <= s and e <= b for a, b in spans)] or cues[cue]
            out.append(min(inside, key=lambda se: max(0, fig.start - se[1], se[0] - fig.end)))
        return tuple(out)

    def decision(self, rule: MeasureRule, sentence: int, spans: Spans, fig: Figure, where: str) -> Decision:
        """The rule's measure with the text of its nearest cues joined by "+" ("Börsenwert+verlor") and their places."""
        near = self.nearest(rule, sentence, spans, fig)
        return Decision(rule.measure, "+".join(self.text[s:e] for s, e in near), where, near)

    def earlier(self, fig: Figure, sentence: int, kind: str) -> Decision | None:
        """A figure whose sentence has no cue continues the topic of the sentences before
        ("Die Trainingskosten stiegen rasant. GPT-3 kostete 4,3 Millionen Dollar.")."""
        rules = rules_for(kind)
        for earlier in range(sentence - 1, max(-1, sentence - 1 - EARLIER_SENTENCES), -1):
            span = [self.seg.sentence_span(earlier)]
            found = [f for f in rules_in(rules, self.possible_rules(earlier, kind), self.of(earlier), span, fig,
                                          distances=False) if not rules[f[0]].weak]
            if found:
                rule = rules[min(found)[0]]
                return self.decision(rule, earlier, span, fig, "earlier")
        return None


class MeasureFinder:
    """The measure of each figure of one article."""

    def __init__(self, text: str, seg: Segmenter, lower: str, places: Places, lang: str = "de"):
        self.text = text
        self.seg = seg
        self.places = places
        self.cues = SentenceCues(text, seg, lower, lang)

    def decide(self, fig: Figure) -> Decision:
        """The figure's measure: the first rule whose cues stand nearest it, else what its unit implies.

        A money figure right after "auf"/"to" that follows a percent move
        ("fiel um 3,49 Prozent auf 31,76 Euro") is the new level of what moved.
        """
        if fig.kind == "money" and "tokens" in fig.per:
            direction = fig.direction or direction_before(self.places, fig)
            return Decision("price_per_million_tokens" + (f"_{direction}" if direction else ""), fig.per, "unit")
        kind = fig.kind if fig.kind in ("money", "percent") else "count"
        found = self._by_cues(fig, kind)
        if kind == "percent" and found and _gap_or_share(self.text, fig, found):
            return found._replace(measure="other")
        if found and kind == "money" and _governed_level(self.text, fig, found):
            return found._replace(measure=level_measures()[found.measure])
        if level_word().search(self.text[max(0, fig.start - 24):fig.start]):
            level = self._level(fig, kind, found)
            if level:
                return level
        if found and kind == "money" and found.measure in change_measures() and change_word().search(
                self.text, max(0, fig.start - 24), fig.start):
            down = (self._by_cues(fig, "percent") or found).measure.endswith("_drop")
            return found._replace(measure=change_measures()[found.measure]["down" if down else "up"])
        if found:
            return second_look(self, fig, kind, found)
        if fig.unit in STRUCTURAL_MEASURES:
            return Decision(STRUCTURAL_MEASURES[fig.unit], fig.unit, "unit")
        return self.cues.earlier(fig, self.places.place(fig).sentence, kind) or Decision("other", "", "none")

    def _level(self, fig: Figure, kind: str, found: Decision | None) -> Decision | None:
        """The figure after "auf"/"to" is the level of what moved ("sank um 3 Prozent auf 31 Euro": a share price),
        unless its own cues already say what it is ("Nettogewinn sank auf 20 Mrd.")."""
        if kind == "percent":  # "stieg auf 78 Prozent": the level of a rate or share, not a move
            if found and found.measure == "growth" and growth_rate_noun(found.words):
                return found  # "Abflachen des Wachstums auf 31 Prozent": the growth rate itself
            return found._replace(measure="other") if found and found.measure in level_measures() else None
        moved = found if found and found.measure in level_measures() else None
        if found is None and kind != "percent":
            moved = self._by_cues(fig, "percent")
        if moved and moved.measure in level_measures():
            return moved._replace(measure=level_measures()[moved.measure])
        return None

    def _by_cues(self, fig: Figure, kind: str) -> Decision | None:
        """The rule whose cues stand nearest the figure: its clause first, then wider windows, then its sentence."""
        place = self.places.place(fig)
        possible = self.cues.possible_rules(place.sentence, kind)
        if not possible:
            return None
        levels = [spans for spans, _ in place.windows[:-1]] + [[place.span]]
        return _widening(self.cues, rules_for(kind), possible, place.sentence, levels, fig)


def _gap_or_share(text: str, fig: Figure, found: Decision) -> bool:
    """A percentage that is a gap to expectations ("14% higher than Jefferies' forecast") or a share of what its
    cue names ("30 Prozent seines Umsatzes", "30% of its revenue"), not a change."""
    return bool(beyond_forecast().match(text, fig.end, fig.end + 80)
                or (found.measure == "growth" and share_of().match(text, fig.end)))


def _governed_level(text: str, fig: Figure, found: Decision) -> bool:
    """"erreichte einen Marktwert von 4 Billionen und fiel zurück": a level noun governs the figure and the change
    comes after it (but "lost a market value of $600 billion": the loss governs the noun)."""
    return (found.measure in level_measures() and governing_level().search(text, max(0, fig.start - 48), fig.start)
            is not None and any(a > fig.start for a, _ in found.cue_spans))


def second_look(finder: MeasureFinder, fig: Figure, kind: str, found: Decision) -> Decision:
    """Where the nearest cue misleads: training as the money's purpose next to a funding cue ("raised $6bn to
    train Grok"), a verb of change in a sentence about a share, spending on a named model."""
    if found.measure == "training_cost" and purpose(finder.text, found):
        return funding_in_clause(finder, fig) or found
    if kind == "percent" and found.measure == "growth":
        return market_move(finder, fig) or company_move(finder, fig) or found
    if found.weak and found.measure == "investment" and names_model(finder.places, fig):
        return found._replace(measure="model_spending")  # "spent $5.6 million on V3": spending on a model
    return found


def market_move(finder: MeasureFinder, fig: Figure) -> Decision | None:
    """A rise or fall named by a verb alone ("up 150%", "rising 8%") in a sentence about a share or an index
    and not about revenue, profit or users ("The stock has more than doubled, up 150%"): the share's move."""
    sentence = finder.places.place(fig).sentence
    cues, rules = finder.cues.of(sentence), rules_for("percent")
    if any(group in cues for group in growth_nouns()):
        return None
    moves = tuple(k for k in finder.cues.possible_rules(sentence, "percent")
                  if rules[k].measure in ("share_price_gain", "share_price_drop") and not rules[k].weak)
    span = [finder.seg.sentence_span(sentence)]
    found = rules_in(rules, moves, cues, span, fig, distances=True)
    if not found:
        return None
    return finder.cues.decision(rules[min(found, key=lambda f: (f[1], f[0]))[0]], sentence, span, fig, "sentence")

def company_move(finder: MeasureFinder, fig: Figure) -> Decision | None:
    """A company or an index that rises or falls by a percentage, with no noun of what moved in the clause
    ("Nvidia fiel um 5 Prozent", "SAP legte 3 Prozent zu", "Broadcom slumped 17%"): its share price moved.
    A possessive ("Teslas Auslieferungen") or a preposition's object ("von Tesla") is no subject, and a verb
    of growth alone ("OpenAI wuchs um 50 Prozent") says nothing of a share: both stay growth."""
    place = finder.places.place(fig)
    k = next((k for k, (_, how) in enumerate(place.windows) if how == "subject"), None)
    if k is None:
        return None
    own = place.windows[k][0]
    cues, rules = finder.cues.of(place.sentence), rules_for("percent")
    if any(_inside(span, own) for group in growth_nouns() for span in cues.get(group, ())):
        return None
    subjects = [m for m in finder.places.window_mentions(place, k, fig)
                if m.kind == "org" and m.role in ("company", "index") and not m.oblique
                and not finder.text.startswith(("s ", "'s", "’s"), m.end)]
    if not subjects:
        return None
    moves = tuple(r for r in finder.cues.possible_rules(place.sentence, "percent")
                  if rules[r].measure in ("share_price_gain", "share_price_drop") and rules[r].weak)
    found = rules_in(rules, moves, cues, own, fig, distances=True)
    if not found:
        return None
    return finder.cues.decision(rules[min(found, key=lambda f: (f[1], f[0]))[0]], place.sentence, own, fig, "clause")


def _inside(span: tuple[int, int], spans: Spans) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def purpose(text: str, found: Decision) -> bool:
    """Whether the training cue that decided is the money's purpose ("für die Entwicklung", "to train")."""
    return any(purpose_before().search(text, max(0, s - 40), s) for s, _ in found.cue_spans)

def funding_in_clause(finder: MeasureFinder, fig: Figure) -> Decision | None:
    """The funding rule of the figure's own clause, if one matches there ("erhielt", "raised", "Runde")."""
    place = finder.places.place(fig)
    rules = rules_for("money")
    possible = tuple(k for k in finder.cues.possible_rules(place.sentence, "money") if rules[k].measure == "funding")
    found = rules_in(rules, possible, finder.cues.of(place.sentence), place.windows[0][0], fig, distances=True)
    if not found:
        return None
    return finder.cues.decision(rules[min(found, key=lambda f: (f[1], f[0]))[0]], place.sentence,
                              place.windows[0][0], fig, "clause")


def names_model(places: Places, fig: Figure) -> bool:
    """Whether the figure's own clause names a model."""
    place = places.place(fig)
    k = next((k for k, (_, how) in enumerate(place.windows) if how == "subject"), None)
    return k is not None and any(m.kind == "model" for m in places.window_mentions(place, k, fig))


def direction_before(places: Places, fig: Figure) -> str:
    """"the input price ... was 0.0008 yuan per thousand tokens": one direction word in the clause before the price."""
    windows = places.place(fig).windows
    own = next((sp for sp, how in windows if how == "subject"), [(fig.start, fig.start)])[0]
    found = {directions().get(m.group().lower(), "") for m in direction_word().finditer(places.text, own[0], fig.start)}
    return found.pop() if len(found) == 1 else ""


def _widening(cues: SentenceCues, rules: list[MeasureRule], possible: tuple[int, ...], sentence: int,
              levels: list[Spans], fig: Figure) -> Decision | None:
    """Search the windows from the figure's clause outwards. In the clause the cue nearest the figure
    decides ("sammelte 6,6 Mrd. ein und wird mit 157 Mrd. bewertet"); further out, the lexicon's order.
    A generic cue ("ausgeben") decides only when no wider window has a rule that shares it and says more
    ("ausgeben && Modell")."""
    found_cues = cues.of(sentence)
    weak: tuple[Decision, MeasureRule] | None = None
    for level, spans in enumerate(levels):
        found = rules_in(rules, possible, found_cues, spans, fig, distances=level == 0)
        strong = [f for f in found if not rules[f[0]].weak]
        if weak:
            found = strong = [f for f in strong if set(rules[f[0]].cues) & set(weak[1].cues)]
        if found:
            best = min(strong or found, key=lambda f: (f[1], f[0])) if level == 0 else min(strong or found)
            rule = rules[best[0]]
            decision = cues.decision(rule, sentence, spans, fig, "clause" if level < len(levels) - 1 else "sentence")
            if strong:
                return decision
            weak = weak or (decision._replace(weak=True), rule)
    return weak[0] if weak else None
