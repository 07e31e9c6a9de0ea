"""What a figure measures: cue words from the lexicon, tried in order.

A rule names a measure, the kind of unit it fits and its cues (all must
occur). The figure's own clause is searched first, then its wider windows and
its sentence; where no cue decides, the figure's unit may (chips, parameters,
GPU hours...). The lexicon's rules and the scan for their cues are built once
per process; each sentence is scanned once per article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ... import lexicon
from ..recognise import Figure
from ..segment import Segmenter
from . import cues as cue_scan
from .cues import Cues
from .places import Places, Spans


@dataclass(frozen=True)
class _MeasureRule:
    measure: str
    unit_kind: str
    cues: tuple[str, ...]  # cue groups (see :mod:`.cues`); every one must occur
    weak: bool  # a generic cue ("spend"): chosen only when no other rule matches


class Decision(NamedTuple):
    """A measure and how it was decided, for the ``evidence`` and ``confidence`` columns."""

    measure: str
    words: str  # the cue words that decided, joined by "+" ("" when the unit or nothing decided)
    where: str  # clause, sentence, earlier (an earlier sentence's topic), unit or none
    cue_spans: tuple[tuple[int, int], ...] = ()  # where those words stand (their owner may own the figure)
    weak: bool = False  # decided by a generic cue ("ausgeben") alone


@lru_cache(maxsize=1)
def _measure_rules() -> list[_MeasureRule]:
    return [_MeasureRule(r["measure"], r["unit_kind"], tuple(c.strip() for c in r["cues"].split(" && ")),
                         r["strength"] == "weak")
            for r in lexicon.load().measures]


@lru_cache(maxsize=1)
def _level_measures() -> dict[str, str]:
    return {r["change"]: r["level"] for r in lexicon.load().level_measures}


@lru_cache(maxsize=1)
def _level_word() -> re.Pattern[str]:
    """'auf', 'to' (and fillers like 'nur noch') right before a figure: it is the new level ("sank um X auf Y")."""
    lex = lexicon.load()
    return re.compile(rf"\b{lexicon.in_order(lex.words('level_word'))}\s+"
                      rf"(?:{lexicon.in_order(lex.words('level_filler'))}\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _change_measures() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for r in lexicon.load().change_measures:
        out.setdefault(r["level"], {})[r["direction"]] = r["change"]
    return out


@lru_cache(maxsize=1)
def _change_word() -> re.Pattern[str]:
    """"um"/"by" right before a figure (perhaps with a qualifier: "um über 200 Mrd."): it is a change."""
    lex = lexicon.load()
    return re.compile(rf"(?i)\b{lexicon.in_order(lex.words('change_word'))}\s+"
                      rf"(?:{lexicon.in_order(lex.words('level_filler'))}\s+)?$")


@lru_cache(maxsize=1)
def _directions() -> dict[str, str]:
    return {w.lower(): v for w, v in lexicon.load().word_values("rate_direction").items()}


@lru_cache(maxsize=1)
def _direction_word() -> re.Pattern[str]:
    """A rate direction at a word start ("Input-Preis", "input price", "Eingabepreis")."""
    return re.compile(rf"(?i)(?<![^\W_]){lexicon.in_order(sorted(_directions(), key=len, reverse=True))}")


@lru_cache(maxsize=1)
def _share_of() -> re.Pattern[str]:
    """A genitive right after a percent figure: it is a share of something ("30 Prozent seines Umsatzes")."""
    return re.compile(rf"\s+{lexicon.in_order(lexicon.load().words('share_of'))}\s", re.IGNORECASE)


@lru_cache(maxsize=1)
def _purpose_before() -> re.Pattern[str]:
    """A purpose word right before a cue, perhaps with a determiner or two words between ("für die Entwicklung
    seiner", "um neue Modelle zu trainieren", "to build and train")."""
    lex = lexicon.load()
    return re.compile(rf"(?i)\b{lexicon.in_order(lex.words('purpose'))}\s+(?:[\w-]+\s+(?:and\s+|und\s+)?)?$")


@lru_cache(maxsize=4)
def _rules_for(kind: str) -> list[_MeasureRule]:
    return [r for r in _measure_rules() if r.unit_kind in (kind, "any")]


@lru_cache(maxsize=4)
def _rules_by_cue(kind: str) -> dict[str, tuple[int, ...]]:
    """Cue group -> indexes (in :func:`_rules_for`) of the rules that use it."""
    out: dict[str, list[int]] = {}
    for k, rule in enumerate(_rules_for(kind)):
        for cue in rule.cues:
            out.setdefault(cue, []).append(k)
    return {cue: tuple(ks) for cue, ks in out.items()}


@lru_cache(maxsize=4096)
def _rules_with_cues(kind: str, present: frozenset[str]) -> tuple[int, ...]:
    """Indexes of the rules for ``kind`` whose every cue is in ``present``; the same few sets of cues recur."""
    rules, by_cue = _rules_for(kind), _rules_by_cue(kind)
    candidates = sorted({k for cue in present for k in by_cue.get(cue, ())})
    return tuple(k for k in candidates if all(c in present for c in rules[k].cues))


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
            self._rule_cache[key] = _rules_with_cues(kind, frozenset(self.of(sentence)))
        return self._rule_cache[key]

    def nearest(self, rule: _MeasureRule, sentence: int, spans: Spans, fig: Figure) -> tuple[tuple[int, int], ...]:
        """Each of the rule's cues nearest the figure (inside ``spans`` where it occurs there)."""
        cues, out = self.of(sentence), []
        for cue in rule.cues:
            inside = [(s, e) for s, e in cues[cue] if any(a <= s and e <= b for a, b in spans)] or cues[cue]
            out.append(min(inside, key=lambda se: max(0, fig.start - se[1], se[0] - fig.end)))
        return tuple(out)

    def decision(self, rule: _MeasureRule, sentence: int, spans: Spans, fig: Figure, where: str) -> Decision:
        """The rule's measure with the text of its nearest cues joined by "+" ("Börsenwert+verlor") and their places."""
        near = self.nearest(rule, sentence, spans, fig)
        return Decision(rule.measure, "+".join(self.text[s:e] for s, e in near), where, near)

    def earlier(self, fig: Figure, sentence: int, kind: str) -> Decision | None:
        """A figure whose sentence has no cue continues the topic of the sentences before
        ("Die Trainingskosten stiegen rasant. GPT-3 kostete 4,3 Millionen Dollar.")."""
        rules = _rules_for(kind)
        for earlier in range(sentence - 1, max(-1, sentence - 1 - EARLIER_SENTENCES), -1):
            span = [self.seg.sentence_span(earlier)]
            found = [f for f in _rules_in(rules, self.possible_rules(earlier, kind), self.of(earlier), span, fig,
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
        if kind == "percent" and found and found.measure == "growth" and _share_of().match(self.text, fig.end):
            return found._replace(measure="other")  # "30 Prozent seines Umsatzes", "30% of its revenue": a share
        if _level_word().search(self.text[max(0, fig.start - 24):fig.start]):
            level = self._level(fig, kind, found)
            if level:
                return level
        if found and kind == "money" and found.measure in _change_measures() and _change_word().search(
                self.text, max(0, fig.start - 24), fig.start):
            down = (self._by_cues(fig, "percent") or found).measure.endswith("_drop")
            return found._replace(measure=_change_measures()[found.measure]["down" if down else "up"])
        if found and found.measure == "training_cost" and self._purpose(found):
            funded = self._funding(fig)
            found = funded or found
        if found and found.weak and found.measure == "investment" and names_model(self.places, fig):
            return found._replace(measure="model_spending")  # "spent $5.6 million on V3": spending on a model
        if found:
            return found
        if fig.unit in STRUCTURAL_MEASURES:
            return Decision(STRUCTURAL_MEASURES[fig.unit], fig.unit, "unit")
        return self.cues.earlier(fig, self.places.place(fig).sentence, kind) or Decision("other", "", "none")

    def _level(self, fig: Figure, kind: str, found: Decision | None) -> Decision | None:
        """The figure after "auf"/"to" is the level of what moved ("sank um 3 Prozent auf 31 Euro": a share price),
        unless its own cues already say what it is ("Nettogewinn sank auf 20 Mrd.")."""
        if kind == "percent":  # "stieg auf 78 Prozent": the level of a rate or share, not a move
            return found._replace(measure="other") if found and found.measure in _level_measures() else None
        moved = found if found and found.measure in _level_measures() else None
        if found is None and kind != "percent":
            moved = self._by_cues(fig, "percent")
        if moved and moved.measure in _level_measures():
            return moved._replace(measure=_level_measures()[moved.measure])
        return None

    def _purpose(self, found: Decision) -> bool:
        """Whether the training cue that decided is the money's purpose ("für die Entwicklung", "to train")."""
        return any(_purpose_before().search(self.text, max(0, s - 40), s) for s, _ in found.cue_spans)

    def _funding(self, fig: Figure) -> Decision | None:
        """The funding rule of the figure's own clause, if one matches there ("erhielt", "raised", "Runde")."""
        place = self.places.place(fig)
        rules = _rules_for("money")
        possible = tuple(k for k in self.cues.possible_rules(place.sentence, "money") if rules[k].measure == "funding")
        found = _rules_in(rules, possible, self.cues.of(place.sentence), place.windows[0][0], fig, distances=True)
        if not found:
            return None
        return self.cues.decision(rules[min(found, key=lambda f: (f[1], f[0]))[0]], place.sentence,
                                  place.windows[0][0], fig, "clause")

    def _by_cues(self, fig: Figure, kind: str) -> Decision | None:
        """The rule whose cues stand nearest the figure: its clause first, then wider windows, then its sentence."""
        place = self.places.place(fig)
        possible = self.cues.possible_rules(place.sentence, kind)
        if not possible:
            return None
        levels = [spans for spans, _ in place.windows[:-1]] + [[place.span]]
        return _widening(self.cues, _rules_for(kind), possible, place.sentence, levels, fig)


def names_model(places: Places, fig: Figure) -> bool:
    """Whether the figure's own clause names a model."""
    place = places.place(fig)
    k = next((k for k, (_, how) in enumerate(place.windows) if how == "subject"), None)
    return k is not None and any(m.kind == "model" for m in places.window_mentions(place, k, fig))


def direction_before(places: Places, fig: Figure) -> str:
    """"the input price ... was 0.0008 yuan per thousand tokens": one direction word in the clause before the price."""
    windows = places.place(fig).windows
    own = next((sp for sp, how in windows if how == "subject"), [(fig.start, fig.start)])[0]
    found = {_directions().get(m.group().lower(), "") for m in _direction_word().finditer(places.text, own[0], fig.start)}
    return found.pop() if len(found) == 1 else ""


def _widening(cues: SentenceCues, rules: list[_MeasureRule], possible: tuple[int, ...], sentence: int,
              levels: list[Spans], fig: Figure) -> Decision | None:
    """Search the windows from the figure's clause outwards. In the clause the cue nearest the figure
    decides ("sammelte 6,6 Mrd. ein und wird mit 157 Mrd. bewertet"); further out, the lexicon's order.
    A generic cue ("ausgeben") decides only when no wider window has a rule that shares it and says more
    ("ausgeben && Modell")."""
    found_cues = cues.of(sentence)
    weak: tuple[Decision, _MeasureRule] | None = None
    for level, spans in enumerate(levels):
        found = _rules_in(rules, possible, found_cues, spans, fig, distances=level == 0)
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


def _rules_in(rules: list[_MeasureRule], possible: tuple[int, ...], cues: Cues,
              spans: Spans, fig: Figure, distances: bool) -> list[tuple[int, int]]:
    """(rule index, distance of its nearest cue to the figure) for every rule whose cues all occur in ``spans``."""
    found = []
    single = len(spans) == 1
    a0, b0 = spans[0] if spans else (0, 0)
    for k in possible:
        nearest = None
        for cue in rules[k].cues:
            near = None
            for s, e in cues[cue]:
                if s < fig.end and fig.start < e:
                    continue  # a word of the figure itself ("up to 90 per cent") is not its cue
                if (a0 <= s and e <= b0) if single else any(a <= s and e <= b for a, b in spans):
                    # at equal distance a cue before the figure governs it ("net income of $24bn on revenue of ...")
                    d = (2 * (fig.start - e) if e <= fig.start else 2 * max(0, s - fig.end) + 1) if distances else 0
                    if near is None or d < near:
                        near = d
            if near is None:
                break
            if nearest is None or near < nearest:
                nearest = near
        else:
            found.append((k, nearest or 0))
    return found
