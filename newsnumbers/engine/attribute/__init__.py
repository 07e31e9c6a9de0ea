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
from typing import NamedTuple

import ahocorasick

from ... import lexicon
from .. import wordscan
from ..casefold import fold, fold_pattern
from ..recognise import Figure
from ..segment import Clause, Segmenter, clauses

LOOKBACK_SENTENCES = 3
LOOKBACK_MENTIONS = 200  # an anaphor's antecedent is searched this far back, no further


class Mention(NamedTuple):
    """An organisation, model or anaphor in the text (a tuple: articles have thousands)."""

    start: int
    end: int
    kind: str       # org, model, anaphor_org, anaphor_model
    name: str       # canonical organisation or model ("" for anaphors)
    owner: str      # organisation of a model
    generic: bool   # a sector ("the industry"), weaker than a named organisation


@dataclass(frozen=True)
class _Tables:
    regex: wordscan.WordScan        # named organisations and models, case-sensitive
    lower_regex: wordscan.WordScan  # generic organisations and anaphors, on lower-cased text
    orgs: list[tuple[re.Pattern[str], str, bool]]
    models: list[tuple[re.Pattern[str], str, str]]
    anaphors: list[tuple[re.Pattern[str], str]]


_SUFFIX = r"(?=(?:’s|'s|s)?(?![\w])|-)"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    lex = lexicon.load()
    orgs, models, anaphors, parts, lower_parts = [], [], [], [], []
    # file order decides between alternatives that start at the same place
    # (anaphors, then models, then organisations): put longer names first
    for row in lex.anaphors:
        pat = f"(?i:{row['pattern']})"
        anaphors.append((re.compile(pat + "$"), row["points_to"]))
        lower_parts.append(_lower_pattern(row))
    for row in lex.models:
        models.append((re.compile(f"(?:{row['pattern']})$"), row["canonical"], row["organisation"]))
        parts.append(f"(?:{row['pattern']})")
    for row in lex.organisations:
        generic = row["kind"] == "generic"
        pat = f"(?i:{row['pattern']})" if generic else f"(?:{row['pattern']})"
        orgs.append((re.compile(pat + "$"), row["canonical"], generic))
        (lower_parts if generic else parts).append(_lower_pattern(row) if generic else pat)
    regex = wordscan.WordScan(parts, suffix=_SUFFIX)
    lower_regex = wordscan.WordScan(lower_parts, suffix=_SUFFIX)
    return _Tables(regex, lower_regex, orgs, models, anaphors)


def _lower_pattern(row: lexicon.Row) -> str:
    """A case-insensitive lexicon pattern rewritten for lower-cased text (refused where that changes it)."""
    folded = fold_pattern(row["pattern"])
    if folded is None:
        raise lexicon.LexiconError(f"{row.where()}: use no upper-case escapes (\\S, \\W...) in this pattern")
    return f"(?:{folded})"


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


def find_mentions(text: str, lower: str | None = None) -> list[Mention]:
    """Every organisation, model and anaphor mention in the article, in order.

    Named aliases are matched case-sensitively; generic ones and anaphors on
    the lower-cased text (``lower``, same length as ``text``), which is faster
    than a case-insensitive scan.
    """
    t = _tables()
    if lower is None:
        lower = fold(text)
    found: list[tuple[int, int, str]] = [(a, b, text[a:b]) for a, b in t.regex.spans(text)]
    extra = [(a, b, text[a:b]) for a, b in t.lower_regex.spans(lower)]
    if extra:
        found += extra
        found.sort()
    out: list[Mention] = []
    last_end = -1
    for start, end, word in found:
        if start < last_end:
            continue  # overlaps a mention already taken
        kind = _classify(word)
        if kind:
            out.append(Mention(start, end, *kind))
            last_end = end
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


_LEVEL_WORD = re.compile(r"\b(?:auf|to)\s+(?:(?:nur|noch|rund|etwa|knapp|about|around|nearly|roughly|fast)\s+)?$",
                         re.IGNORECASE)
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


@lru_cache(maxsize=None)
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
_COORDINATION = re.compile(r"^\s*(?:,|und|oder|sowie|and|or|&|,\s*(?:und|oder|and|or))\s*$")


@dataclass(slots=True)
class _Place:
    """Where a figure stands: its sentence and the windows searched around it (computed once per figure)."""

    sentence: int
    span: tuple[int, int]
    windows: list[tuple[list[tuple[int, int]], str]]  # (spans, how to pick), narrow to wide
    mentions: dict[int, list[Mention]]  # window index -> its mentions, filled as needed


class Attributor:
    """Attribution for the figures of one article (mentions and sentences computed once)."""

    def __init__(self, text: str, seg: Segmenter, figures: list[Figure], folded: str | None = None):
        self.text = text
        self.seg = seg
        self.lower = fold(text) if folded is None else folded
        self.mentions = find_mentions(text, self.lower)
        self.starts = [m.start for m in self.mentions]
        self.figure_spans = [(f.start, f.end) for f in figures]
        self.figure_starts = [f.start for f in figures]
        self._clause_cache: dict[int, list[Clause]] = {}
        self._place_cache: dict[tuple[int, int], _Place] = {}
        self._cue_cache: dict[int, dict[str, list[tuple[int, int]]]] = {}
        self._rule_cache: dict[tuple[int, str], tuple[int, ...]] = {}
        self._topic_cache: dict[int, Mention | None] = {}

    # -- windows ---------------------------------------------------------
    def _clauses(self, sentence: int) -> list[Clause]:
        if sentence not in self._clause_cache:
            a, b = self.seg.sentence_span(sentence)
            i, j = bisect.bisect_left(self.figure_starts, a), bisect.bisect_left(self.figure_starts, b)
            protect = self.figure_spans[i:j]
            raw = clauses(self.text, a, b, protect, self.lower)
            fixed: list[Clause] = []
            for c in raw:  # a relative clause after a comparison belongs to it
                if c.relative and fixed and fixed[-1].comparison:
                    c = Clause(c.start, c.end, True, True)
                fixed.append(c)
            self._clause_cache[sentence] = fixed
        return self._clause_cache[sentence]

    def _in(self, spans: list[tuple[int, int]], fig: Figure) -> list[Mention]:
        """Mentions inside ``spans`` (in order), leaving out any inside the figure itself."""
        starts, mentions = self.starts, self.mentions
        inside_from, inside_to = bisect.bisect_left(starts, fig.start), bisect.bisect_left(starts, fig.end)
        out: list[Mention] = []
        for a, b in spans:
            i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
            out += mentions[i:min(j, inside_from)]
            out += mentions[max(i, inside_to):j]
        return out

    @staticmethod
    def _pick(ms: list[Mention], fig: Figure) -> Mention | None:
        """Nearest before the figure, else nearest after; named beats generic."""
        for generic in (False, True):
            before = after = None
            for m in ms:
                if m.generic is not generic:
                    continue
                if m.start < fig.start:
                    before = m
                elif after is None and m.start >= fig.end:
                    after = m
            if before or after:
                return before or after
        return None

    def place(self, fig: Figure) -> _Place:
        """The figure's sentence and search windows, computed once and shared by every question about it."""
        key = (fig.start, fig.end)
        found = self._place_cache.get(key)
        if found is None:
            s = self.seg.sentence_index(fig.start)
            found = self._place_cache[key] = _Place(s, self.seg.sentence_span(s), self._compute_windows(fig, s), {})
        return found

    def _compute_windows(self, fig: Figure, s: int) -> list[tuple[list[tuple[int, int]], str]]:
        cls = self._clauses(s)
        i = 0
        for k, c in enumerate(cls):
            if c.start <= fig.start <= c.end:
                i = k
                break
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
        return wins

    def _window_mentions(self, place: _Place, k: int, fig: Figure) -> list[Mention]:
        ms = place.mentions.get(k)
        if ms is None:
            ms = place.mentions[k] = self._in(place.windows[k][0], fig)
        return ms

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
        place = self.place(fig)
        chosen = self._choose(place, fig)
        if chosen is None:  # the figure's own sentence names nobody: the topic of an earlier one
            chosen = self._choose_topic(place, fig)
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
        return org, self._model_for(fig, chosen.name, place)

    def _usable(self, ms: list[Mention]) -> list[Mention]:
        """Mentions that can name an organisation: an org anaphor only when it resolves."""
        return [m for m in ms if m.kind != "anaphor_org" or self._resolve(m)]

    def _choose(self, place: _Place, fig: Figure) -> Mention | None:
        """The first of the sentence's windows with a usable mention decides: the one nearest the figure."""
        for k in range(len(place.windows)):
            ms = self._usable(self._window_mentions(place, k, fig))
            if ms:
                return self._pick(ms, fig)
        return None

    def _choose_topic(self, place: _Place, fig: Figure) -> Mention | None:
        """The nearest earlier sentence with a usable mention decides: its first (a named one), else the nearest.

        Earlier sentences lie wholly before the figure, so the answer is the
        same for every figure of a sentence and is computed once.
        """
        s = place.sentence
        if s not in self._topic_cache:
            self._topic_cache[s] = self._topic_before(s, fig)
        return self._topic_cache[s]

    def _topic_before(self, s: int, fig: Figure) -> Mention | None:
        for back in range(1, LOOKBACK_SENTENCES + 1):
            if s - back < 0:
                break
            a, b = self.seg.sentence_span(s - back)
            if bisect.bisect_left(self.starts, a) == bisect.bisect_left(self.starts, b):
                continue  # names nobody: no need to split it into clauses
            spans = [(c.start, c.end) for c in self._clauses(s - back) if not c.comparison] or [(a, b)]
            ms = self._usable(self._in(spans, fig))
            if ms:
                return ms[0] if not ms[0].generic else self._pick(ms, fig)
        return None

    def _model_for(self, fig: Figure, org: str, place: _Place) -> str:
        """A model of ``org`` named in the figure's clause or sentence, or pointed to there."""
        for k in range(len(place.windows)):
            ms = self._window_mentions(place, k, fig)
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
        place = self.place(fig)
        cues = self._sentence_cues(place.sentence)
        if cues:
            kind = fig.kind if fig.kind in ("money", "percent") else "count"
            rules = _rules_for(kind)
            possible = self._possible_rules(place.sentence, kind, cues)
            levels = [spans for spans, _ in place.windows[:-1]] + [[place.span]]
            for level, spans in enumerate(levels if possible else ()):
                found = self._rules_in(rules, possible, cues, spans, fig, distances=level == 0)
                strong = [f for f in found if not rules[f[0]].weak]
                found = strong or found
                if found:
                    # in the figure's own clause the cue nearest the figure decides
                    # ("sammelte 6,6 Mrd. ein und wird mit 157 Mrd. bewertet");
                    # further out, the lexicon's order does
                    best = min(found, key=lambda f: (f[1], f[0])) if level == 0 else min(found)
                    return self._level_measure(fig, rules[best[0]].measure)
        return STRUCTURAL_MEASURES.get(fig.unit, "other")

    @staticmethod
    def _rules_in(rules: list[_MeasureRule], possible: list[int], cues: dict[str, list[tuple[int, int]]],
                  spans: list[tuple[int, int]], fig: Figure, distances: bool) -> list[tuple[int, int]]:
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

    def _possible_rules(self, sentence: int, kind: str, present: dict[str, list[tuple[int, int]]]) -> tuple[int, ...]:
        """Indexes of the rules whose every cue occurs somewhere in the sentence (computed once)."""
        key = (sentence, kind)
        if key not in self._rule_cache:
            self._rule_cache[key] = _rules_with_cues(kind, frozenset(present))
        return self._rule_cache[key]

    def _sentence_cues(self, sentence: int) -> dict[str, list[tuple[int, int]]]:
        """Every measure cue's matches in one sentence, found in one pass and shared by its figures.

        One Aho–Corasick pass finds where some cue's literal prefix stands at a
        word start; there only the cues with that prefix are tried. The
        lower-cased article is searched case-sensitively where the cue allows it.
        """
        if sentence not in self._cue_cache:
            a, b = self.seg.sentence_span(sentence)
            lower, scan = self.lower, _cue_scan()
            hits: dict[str, list[tuple[int, int]]] = {}
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
                    hit = regex.match(lower if use_lower else self.text, p, b)
                    if hit:
                        hits.setdefault(key, []).append(hit.span())
            for key, regex, use_lower in scan.slow:
                pos = a
                while (hit := regex.search(lower if use_lower else self.text, pos, b)) is not None:
                    hits.setdefault(key, []).append(hit.span())
                    pos = hit.start() + 1
            self._cue_cache[sentence] = hits
        return self._cue_cache[sentence]

    def _level_measure(self, fig: Figure, measure: str) -> str:
        """'sank um 592,7 Mrd. Dollar auf 2,9 Billionen', 'fell to $2.9 trillion':
        the figure right after 'auf'/'to' is the new level, not the change."""
        level = _level_measures().get(measure)
        if not level:
            return measure
        before = self.text[max(0, fig.start - 24):fig.start]
        return level if _LEVEL_WORD.search(before) else measure
