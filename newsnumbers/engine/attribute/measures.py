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
from functools import cache, lru_cache

import ahocorasick

from ... import lexicon
from .. import wordscan
from ..casefold import fold, fold_pattern
from ..recognise import Figure
from ..segment import Segmenter
from .places import Places, Spans

Cues = dict[str, list[tuple[int, int]]]  # cue pattern -> its matches in a sentence


@dataclass(frozen=True)
class _MeasureRule:
    measure: str
    unit_kind: str
    cues: tuple[re.Pattern[str], ...]
    weak: bool  # a generic cue ("spend"): chosen only when no other rule matches


@lru_cache(maxsize=1)
def _measure_rules() -> list[_MeasureRule]:
    return [_MeasureRule(r["measure"], r["unit_kind"],
                         tuple(re.compile(r"\b(?:" + c + ")", re.IGNORECASE) for c in r["cues"].split(" && ")),
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


@lru_cache(maxsize=4)
def _rules_for(kind: str) -> list[_MeasureRule]:
    return [r for r in _measure_rules() if r.unit_kind in (kind, "any")]


@lru_cache(maxsize=4)
def _rules_by_cue(kind: str) -> dict[str, tuple[int, ...]]:
    """Cue pattern -> indexes (in :func:`_rules_for`) of the rules that use it."""
    out: dict[str, list[int]] = {}
    for k, rule in enumerate(_rules_for(kind)):
        for cue in rule.cues:
            out.setdefault(cue.pattern, []).append(k)
    return {cue: tuple(ks) for cue, ks in out.items()}


@lru_cache(maxsize=4096)
def _rules_with_cues(kind: str, present: frozenset[str]) -> tuple[int, ...]:
    """Indexes of the rules for ``kind`` whose every cue is in ``present``; the same few sets of cues recur."""
    rules, by_cue = _rules_for(kind), _rules_by_cue(kind)
    candidates = sorted({k for cue in present for k in by_cue.get(cue, ())})
    return tuple(k for k in candidates if all(c.pattern in present for c in rules[k].cues))


@cache
def _lowered(cue: re.Pattern[str]) -> re.Pattern[str] | None:
    """The cue compiled case-sensitively for lower-cased text, when lower-casing cannot change its meaning."""
    folded = fold_pattern(cue.pattern)
    return None if folded is None else re.compile(folded)


@lru_cache(maxsize=1)
def _unique_cues() -> list[re.Pattern[str]]:
    return list({c.pattern: c for r in _measure_rules() for c in r.cues}.values())


@dataclass(frozen=True)
class _CueScan:
    """Where measure cues may start, found in one pass; then only the cues that fit are tried there."""

    automaton: object  # Aho–Corasick: folded literal prefix -> (length, cues starting with it)
    slow: tuple[tuple[str, re.Pattern[str], bool], ...]  # cues without a usable prefix: scanned each on its own


@lru_cache(maxsize=1)
def _cue_scan() -> _CueScan:
    by_prefix: dict[str, dict[str, tuple[str, re.Pattern[str], bool]]] = {}
    slow = []
    for cue in _unique_cues():
        low = _lowered(cue)
        entry = (cue.pattern, low, True) if low is not None else (cue.pattern, cue, False)
        prefixes = wordscan.literal_prefixes([cue.pattern[5:-1]])  # the cue without its "\b(?:" ... ")"
        if not prefixes or min(len(p) for p in prefixes) < 2 or not all(re.match(r"\w", p) for p in prefixes):
            slow.append(entry)
            continue
        for prefix in prefixes:
            by_prefix.setdefault(fold(prefix), {})[cue.pattern] = entry
    automaton = ahocorasick.Automaton()
    for prefix, entries in by_prefix.items():
        automaton.add_word(prefix, (len(prefix), tuple(entries.values())))
    automaton.make_automaton()
    return _CueScan(automaton, tuple(slow))


STRUCTURAL_MEASURES = {"chips": "chip_count", "parameters": "parameter_count",
                       "GPU_hours": "gpu_hours", "years": "age", "tokens": "other"}


class MeasureFinder:
    """The measure of each figure of one article (each sentence's cues and possible rules cached)."""

    def __init__(self, text: str, seg: Segmenter, lower: str, places: Places):
        self.text = text
        self.seg = seg
        self.lower = lower
        self.places = places
        self._cue_cache: dict[int, Cues] = {}
        self._rule_cache: dict[tuple[int, str], tuple[int, ...]] = {}

    def measure(self, fig: Figure) -> str:
        """The figure's measure: the first rule whose cues stand nearest it, else what its unit implies."""
        if fig.kind == "money" and "tokens" in fig.per:
            return "price_per_million_tokens" + (f"_{fig.direction}" if fig.direction else "")
        place = self.places.place(fig)
        cues = self._sentence_cues(place.sentence)
        if cues:
            kind = fig.kind if fig.kind in ("money", "percent") else "count"
            rules = _rules_for(kind)
            possible = self._possible_rules(place.sentence, kind, cues)
            levels = [spans for spans, _ in place.windows[:-1]] + [[place.span]]
            for level, spans in enumerate(levels if possible else ()):
                found = _rules_in(rules, possible, cues, spans, fig, distances=level == 0)
                strong = [f for f in found if not rules[f[0]].weak]
                found = strong or found
                if found:
                    # in the figure's own clause the cue nearest the figure decides
                    # ("sammelte 6,6 Mrd. ein und wird mit 157 Mrd. bewertet");
                    # further out, the lexicon's order does
                    best = min(found, key=lambda f: (f[1], f[0])) if level == 0 else min(found)
                    return self._level_measure(fig, rules[best[0]].measure)
        return STRUCTURAL_MEASURES.get(fig.unit, "other")

    def _possible_rules(self, sentence: int, kind: str, present: Cues) -> tuple[int, ...]:
        """Indexes of the rules whose every cue occurs somewhere in the sentence (computed once)."""
        key = (sentence, kind)
        if key not in self._rule_cache:
            self._rule_cache[key] = _rules_with_cues(kind, frozenset(present))
        return self._rule_cache[key]

    def _sentence_cues(self, sentence: int) -> Cues:
        """Every measure cue's matches in one sentence, found once and shared by its figures."""
        if sentence not in self._cue_cache:
            a, b = self.seg.sentence_span(sentence)
            self._cue_cache[sentence] = _scan_cues(self.text, self.lower, a, b)
        return self._cue_cache[sentence]

    def _level_measure(self, fig: Figure, measure: str) -> str:
        """'sank um 592,7 Mrd. Dollar auf 2,9 Billionen', 'fell to $2.9 trillion':
        the figure right after 'auf'/'to' is the new level, not the change."""
        level = _level_measures().get(measure)
        if not level:
            return measure
        before = self.text[max(0, fig.start - 24):fig.start]
        return level if _level_word().search(before) else measure


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
            for s, e in cues[cue.pattern]:
                if (a0 <= s and e <= b0) if single else any(a <= s and e <= b for a, b in spans):
                    d = max(0, fig.start - e, s - fig.end) if distances else 0
                    if near is None or d < near:
                        near = d
            if near is None:
                break
            if nearest is None or near < nearest:
                nearest = near
        else:
            found.append((k, nearest or 0))
    return found


def _scan_cues(text: str, lower: str, a: int, b: int) -> Cues:
    """Every measure cue's matches in ``text[a:b]``, found in one pass.

    One Aho–Corasick pass finds where some cue's literal prefix stands at a
    word start; there only the cues with that prefix are tried. The
    lower-cased article is searched case-sensitively where the cue allows it.
    """
    scan = _cue_scan()
    hits: Cues = {}
    tried: set[tuple[str, int]] = set()
    # the sentence is sliced: iter(text, start, end) converts the whole text on every call
    for stop, (size, entries) in scan.automaton.iter(lower[a:b]):
        p = a + stop - size + 1
        if p > 0 and (lower[p - 1].isalnum() or lower[p - 1] == "_"):
            continue  # inside a word: every cue starts at a word start
        for key, regex, use_lower in entries:
            if (key, p) in tried:
                continue
            tried.add((key, p))
            hit = regex.match(lower if use_lower else text, p, b)
            if hit:
                hits.setdefault(key, []).append(hit.span())
    for key, regex, use_lower in scan.slow:
        pos = a
        while (hit := regex.search(lower if use_lower else text, pos, b)) is not None:
            hits.setdefault(key, []).append(hit.span())
            pos = hit.start() + 1
    return hits
