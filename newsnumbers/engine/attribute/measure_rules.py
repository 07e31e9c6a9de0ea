"""The measure rules of ``measures.csv``, compiled once per process, and which of them a window's cues allow.

A rule names a measure, the kind of unit it fits and its cue groups (all must occur); ``rules_in`` says
which rules match in given spans of a sentence and how near their cues stand to the figure."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ... import lexicon
from ..recognise import Figure
from .cues import Cues
from .places import Spans


@dataclass(frozen=True)
class MeasureRule:
    measure: str
    unit_kind: str
    cues: tuple[str, ...]  # cue groups (see :mod:`.cues`); every one must occur
    weak: bool  # a generic cue ("spend"): chosen only when no other rule matches
    level: bool = False  # a noun of a level ("Marge"): decides a percent in its clause over nearer cues of change


@lru_cache(maxsize=1)
def measure_rules() -> list[MeasureRule]:
    return [MeasureRule(r["measure"], r["unit_kind"], tuple(c.strip() for c in r["cues"].split(" && ")),
                         r["strength"] == "weak", r["strength"] == "level")
            for r in lexicon.load().measures]


@lru_cache(maxsize=1)
def level_measures() -> dict[str, str]:
    return {r["change"]: r["level"] for r in lexicon.load().level_measures}


@lru_cache(maxsize=1)
def change_measures() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for r in lexicon.load().change_measures:
        out.setdefault(r["level"], {})[r["direction"]] = r["change"]
    return out


@lru_cache(maxsize=1)
def growth_nouns() -> frozenset[str]:
    """The cue groups that name what grows by a percentage (revenue, profit, users): the first group of growth's two-group
    rules for percents; a money rule's ("Börsenwert … hinzugewonnen") would make every share move near a market value growth."""
    return frozenset(r.cues[0] for r in rules_for("percent") if r.measure == "growth" and len(r.cues) > 1)


@lru_cache(maxsize=1)
def noun_groups() -> frozenset[str]:
    """The cue groups that name what a figure is about (a share, revenue, a market value): the first group of every
    rule of two or more groups; the later groups are mostly verbs of change."""
    return frozenset(r.cues[0] for r in measure_rules() if len(r.cues) > 1)


@lru_cache(maxsize=4)
def rules_for(kind: str) -> list[MeasureRule]:
    return [r for r in measure_rules() if r.unit_kind in (kind, "any")]


@lru_cache(maxsize=4)
def rules_by_cue(kind: str) -> dict[str, tuple[int, ...]]:
    """Cue group -> indexes (in :func:`rules_for`) of the rules that use it."""
    out: dict[str, list[int]] = {}
    for k, rule in enumerate(rules_for(kind)):
        for cue in rule.cues:
            out.setdefault(cue, []).append(k)
    return {cue: tuple(ks) for cue, ks in out.items()}


@lru_cache(maxsize=4096)
def rules_with_cues(kind: str, present: frozenset[str]) -> tuple[int, ...]:
    """Indexes of the rules for ``kind`` whose every cue is in ``present``; the same few sets of cues recur."""
    rules, by_cue = rules_for(kind), rules_by_cue(kind)
    candidates = sorted({k for cue in present for k in by_cue.get(cue, ())})
    return tuple(k for k in candidates if all(c in present for c in rules[k].cues))


def rules_in(rules: list[MeasureRule], possible: tuple[int, ...], cues: Cues,
              spans: Spans, fig: Figure, distances: bool, fence: int | None = None,
              governed: int = -1, governing: tuple[int, int] = (-1, -1)) -> list[tuple[int, int]]:
    """(rule index, distance of its nearest cue to the figure) for every rule whose cues all occur in ``spans``;
    cues after the figure from ``fence`` on are the next figure's ("revenue rising 18% to $77.7 billion and
    net income climbing to $27.7 billion": "net income" is not the $77.7 billion's), and a cue that starts at
    ``governed`` governs the figure ("$200 billion in market value") and is nearest of all, as is a cue inside the
    ``governing`` word before "von"/"of" ("Kursgewinnen von über 4 Prozent")."""
    found = []
    fence = fence if fence is not None else 1 << 62
    single = len(spans) == 1
    a0, b0 = spans[0] if spans else (0, 0)
    for k in possible:
        nearest = None
        for cue in rules[k].cues:
            near = None
            for s, e in cues[cue]:
                if (s < fig.end and fig.start < e) or s >= fence:
                    continue  # a word of the figure itself ("up to 90 per cent") is not its cue, nor the next one's
                if (a0 <= s and e <= b0) if single else any(a <= s and e <= b for a, b in spans):
                    # at equal distance a cue before the figure governs it ("net income of $24bn on revenue of ...")
                    d = (2 * (fig.start - e) if e <= fig.start else 2 * max(0, s - fig.end) + 1) if distances else 0
                    d = -1 if (s == governed or governing[0] <= s < governing[1]) and distances else d
                    if near is None or d < near:
                        near = d
            if near is None:
                break
            if nearest is None or near < nearest:
                nearest = near
        else:
            found.append((k, nearest or 0))
    return found
