"""Say what a figure is about: its measure, organisation and model.

The rules are positional and general, not tuned to any article:
- an organisation in the figure's own clause wins, the nearest one before the
  figure first ("OpenAI gab 78 Millionen Dollar aus");
- a relative clause ("..., das 500 Milliarden Dollar investieren soll") speaks
  of the noun before it, so the previous clause comes next;
- the clause that opens a comparison ("während", "als", "than", "compared
  with") names the *other* side, so its organisations are skipped when the
  search widens to the sentence;
- failing all that, the topic (first mention) of the nearest earlier sentence;
- "dieses Modell" / "das Unternehmen" resolve to the nearest earlier mention.
Measures come from cue words in the lexicon, tried in order, in the figure's
clause first and its sentence second.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .recognise import Figure
from .segment import Clause, Segmenter, clauses

LOOKBACK_SENTENCES = 3
LOOKBACK_MENTIONS = 200  # an anaphor's antecedent is searched this far back, no further


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str       # org, model, anaphor_org, anaphor_model
    name: str       # canonical organisation or model ("" for anaphors)
    owner: str      # organisation of a model
    generic: bool   # a sector ("the industry"), weaker than a named organisation


@dataclass(frozen=True)
class _Tables:
    regex: re.Pattern[str]
    orgs: list[tuple[re.Pattern[str], str, bool]]
    models: list[tuple[re.Pattern[str], str, str]]
    anaphors: list[tuple[re.Pattern[str], str]]


_SUFFIX = r"(?=(?:’s|'s|s)?(?![\w])|-)"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    lex = lexicon.load()
    orgs, models, anaphors, parts = [], [], [], []
    # file order decides between alternatives that start at the same place
    # (anaphors, then models, then organisations): put longer names first
    for row in lex.anaphors:
        pat = f"(?i:{row['pattern']})"
        anaphors.append((re.compile(pat + "$"), row["points_to"]))
        parts.append(pat)
    for row in lex.models:
        models.append((re.compile(f"(?:{row['pattern']})$"), row["canonical"], row["organisation"]))
        parts.append(f"(?:{row['pattern']})")
    for row in lex.organisations:
        generic = row["kind"] == "generic"
        pat = f"(?i:{row['pattern']})" if generic else f"(?:{row['pattern']})"
        orgs.append((re.compile(pat + "$"), row["canonical"], generic))
        parts.append(pat)
    regex = re.compile(r"(?<![\w])(?:" + "|".join(parts) + ")" + _SUFFIX)
    return _Tables(regex, orgs, models, anaphors)


@lru_cache(maxsize=4096)
def _classify(word: str) -> tuple[str, str, str, bool] | None:
    """(kind, name, owner, generic) of a matched alias; cached, as names repeat."""
    t = _tables()
    for regex, points_to in t.anaphors:
        if regex.match(word):
            return (f"anaphor_{'org' if points_to == 'organisation' else 'model'}", "", "", False)
    for regex, name, owner in t.models:
        if regex.match(word):
            return ("model", name, owner, False)
    for regex, name, generic in t.orgs:
        if regex.match(word):
            return ("org", name, "", generic)
    return None


def find_mentions(text: str) -> list[Mention]:
    """Every organisation, model and anaphor mention in the article, in order."""
    out: list[Mention] = []
    for m in _tables().regex.finditer(text):
        kind = _classify(m.group())
        if kind:
            out.append(Mention(m.start(), m.end(), *kind))
    return out


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


_LEVEL_WORD = re.compile(r"\b(?:auf|to|at)\s+(?:(?:nur|noch|rund|etwa|about|around|nearly|fast)\s+)?$", re.IGNORECASE)
STRUCTURAL_MEASURES = {"chips": "chip_count", "parameters": "parameter_count",
                       "GPU_hours": "gpu_hours", "years": "age", "tokens": "other"}
_COORDINATION = re.compile(r"^\s*(?:,|und|oder|sowie|and|or|&|,\s*(?:und|oder|and|or))\s*$")


class Attributor:
    """Attribution for the figures of one article (mentions and sentences computed once)."""

    def __init__(self, text: str, seg: Segmenter, figures: list[Figure]):
        self.text = text
        self.seg = seg
        self.mentions = find_mentions(text)
        self.starts = [m.start for m in self.mentions]
        self.figure_spans = [(f.start, f.end) for f in figures]
        self.figure_starts = [f.start for f in figures]
        self._clause_cache: dict[int, list[Clause]] = {}

    # -- windows ---------------------------------------------------------
    def _clauses(self, sentence: int) -> list[Clause]:
        if sentence not in self._clause_cache:
            a, b = self.seg.sentence_span(sentence)
            i, j = bisect.bisect_left(self.figure_starts, a), bisect.bisect_left(self.figure_starts, b)
            protect = self.figure_spans[i:j]
            raw = clauses(self.text, a, b, protect)
            fixed: list[Clause] = []
            for c in raw:  # a relative clause after a comparison belongs to it
                if c.relative and fixed and fixed[-1].comparison:
                    c = Clause(c.start, c.end, True, True)
                fixed.append(c)
            self._clause_cache[sentence] = fixed
        return self._clause_cache[sentence]

    def _in(self, a: int, b: int, fig: Figure) -> list[Mention]:
        i, j = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        return [m for m in self.mentions[i:j] if not (fig.start <= m.start < fig.end)]

    @staticmethod
    def _pick(ms: list[Mention], fig: Figure) -> Mention | None:
        """Nearest before the figure, else nearest after; named beats generic."""
        for pool in ([m for m in ms if not m.generic], [m for m in ms if m.generic]):
            before = [m for m in pool if m.start < fig.start]
            if before:
                return before[-1]
            after = [m for m in pool if m.start >= fig.end]
            if after:
                return after[0]
        return None

    def _windows(self, fig: Figure) -> list[tuple[list[tuple[int, int]], str]]:
        """Search windows from narrow to wide: (spans, how to pick)."""
        s = self.seg.sentence_index(fig.start)
        cls = self._clauses(s)
        i = next((k for k, c in enumerate(cls) if c.start <= fig.start < c.end + 1), 0)
        own = cls[i]
        wins: list[tuple[list[tuple[int, int]], str]] = []
        if own.relative and i > 0:
            # "..., das 500 Milliarden Dollar investieren soll": the relative
            # pronoun stands for the noun before the comma
            wins.append(([(own.start, fig.start)], "near"))
            wins.append(([(cls[i - 1].start, cls[i - 1].end)], "near"))
        wins.append(([(own.start, own.end)], "near"))
        k = i + 1
        rel = []
        while k < len(cls) and cls[k].relative:
            rel.append((cls[k].start, cls[k].end))
            k += 1
        if rel:
            wins.append((rel, "near"))
        rest = [(c.start, c.end) for k2, c in enumerate(cls) if k2 != i and not c.comparison]
        wins.append((rest, "near"))
        for back in range(1, LOOKBACK_SENTENCES + 1):
            if s - back < 0:
                break
            a, b = self.seg.sentence_span(s - back)
            wins.append(([(c.start, c.end) for c in self._clauses(s - back) if not c.comparison] or [(a, b)], "topic"))
        return wins

    # -- resolution ------------------------------------------------------
    def _resolve(self, m: Mention, want_owner: str = "") -> Mention | None:
        """An anaphor's antecedent: the nearest earlier mention of the right kind."""
        kind = "model" if m.kind == "anaphor_model" else "org"
        idx = bisect.bisect_left(self.starts, m.start)
        fallback = None
        for k in range(idx - 1, max(-1, idx - 1 - LOOKBACK_MENTIONS), -1):
            cand = self.mentions[k]
            if cand.kind == kind and not cand.generic:
                if not want_owner or cand.owner == want_owner:
                    return cand
                fallback = fallback or cand
        return None if want_owner else fallback

    def _coordinated(self, m: Mention) -> list[str]:
        """'OpenAI, Google oder Meta': every organisation joined to the chosen one."""
        names = [m.name]
        idx = bisect.bisect_left(self.starts, m.start)
        cur = m
        for k in range(idx - 1, -1, -1):
            cand = self.mentions[k]
            if cand.kind != "org" or not _COORDINATION.match(self.text[cand.end:cur.start]):
                break
            names.insert(0, cand.name)
            cur = cand
        return list(dict.fromkeys(names))

    def organisation_and_model(self, fig: Figure) -> tuple[str, str]:
        chosen: Mention | None = None
        windows = self._windows(fig)
        for spans, how in windows:
            ms = [m for a, b in spans for m in self._in(a, b, fig)]
            ms = [m for m in ms if m.kind != "anaphor_org" or self._resolve(m)]
            if not ms:
                continue
            chosen = ms[0] if how == "topic" and not ms[0].generic else self._pick(ms, fig)
            if chosen:
                break
        if chosen is None:
            return "", ""
        if chosen.kind == "anaphor_org":
            chosen = self._resolve(chosen) or chosen
        if chosen.kind == "anaphor_model":
            target = self._resolve(chosen)
            if target is None:
                return "", ""
            return target.owner, target.name
        if chosen.kind == "model":
            return chosen.owner, chosen.name
        org = "|".join(self._coordinated(chosen))
        return org, self._model_for(fig, chosen.name, windows)

    def _model_for(self, fig: Figure, org: str, windows) -> str:
        """A model of ``org`` named in the figure's clause or sentence, or pointed to there."""
        for spans, how in windows:
            if how == "topic":
                break
            ms = [m for a, b in spans for m in self._in(a, b, fig)]
            models = [m for m in ms if m.kind == "model" and m.owner == org]
            if models:
                return (self._pick(models, fig) or models[0]).name
            for m in ms:
                if m.kind == "anaphor_model":
                    target = self._resolve(m, want_owner=org)
                    if target:
                        return target.name
        return ""

    def measure(self, fig: Figure) -> str:
        if fig.kind == "money" and "tokens" in fig.per:
            return "price_per_million_tokens" + (f"_{fig.direction}" if fig.direction else "")
        kind = fig.kind if fig.kind in ("money", "percent") else "count"
        rules = [r for r in _measure_rules() if r.unit_kind in (kind, "any")]
        wins = [w for w in self._windows(fig) if w[1] != "topic"][:-1]
        a, b = self.seg.sentence_span(self.seg.sentence_index(fig.start))
        for level, (spans, _) in enumerate(wins + [([(a, b)], "sentence")]):
            found = self._rules_in(rules, spans, fig)
            strong = [f for f in found if not rules[f[0]].weak]
            found = strong or found
            if found:
                # in the figure's own clause the cue nearest the figure decides
                # ("sammelte 6,6 Mrd. ein und wird mit 157 Mrd. bewertet");
                # further out, the lexicon's order does
                best = min(found, key=lambda f: (f[1], f[0])) if level == 0 else min(found)
                return self._level_measure(fig, rules[best[0]].measure)
        return STRUCTURAL_MEASURES.get(fig.unit, "other")

    def _rules_in(self, rules: list[_MeasureRule], spans, fig: Figure) -> list[tuple[int, int]]:
        """(rule index, distance of its nearest cue to the figure) for every rule whose cues all occur."""
        found = []
        for k, rule in enumerate(rules):
            dists = []
            for cue in rule.cues:
                hits = [m for a, b in spans for m in cue.finditer(self.text, a, b)]
                if not hits:
                    break
                dists.append(min(max(0, fig.start - m.end(), m.start() - fig.end) for m in hits))
            else:
                found.append((k, min(dists)))
        return found

    def _level_measure(self, fig: Figure, measure: str) -> str:
        """'sank um 592,7 Mrd. Dollar auf 2,9 Billionen': the figure after 'auf'/'to' is the new level."""
        level = _level_measures().get(measure)
        if not level:
            return measure
        before = self.text[max(0, fig.start - 12):fig.start]
        a, _ = self.seg.sentence_span(self.seg.sentence_index(fig.start))
        earlier = bisect.bisect_left(self.figure_starts, fig.start) > bisect.bisect_left(self.figure_starts, a)
        return level if earlier and _LEVEL_WORD.search(before) else measure
