"""The measure cues of an article's sentences, and the Decision a measure rule makes.

Each sentence is scanned once for every measure cue, and the rules whose cues all
occur there are listed once; the figures of the sentence share both.
"""
from __future__ import annotations

import copy
from typing import NamedTuple

from ..recognise import Figure
from ..segment import Segmenter
from . import cues as cue_scan
from .cue_filters import Span, cause_cues, causes_for, without_vetoed
from .cues import Cues
from .measure_rules import MeasureRule, rules_for, rules_in, rules_with_cues
from .places import Spans


class Decision(NamedTuple):
    """A measure and how it was decided, for the ``evidence`` and ``confidence`` columns."""

    measure: str
    words: str  # the cue words that decided, joined by "+" ("" when the unit or nothing decided)
    where: str  # clause, sentence, earlier (an earlier sentence's topic), unit or none
    cue_spans: tuple[tuple[int, int], ...] = ()  # where those words stand (their owner may own the figure)
    weak: bool = False  # decided by a generic cue ("ausgeben") alone


EARLIER_SENTENCES = 2  # how far back a figure without cues looks for its sentence's topic
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
            found = cue_scan.scan(self.text, self.lower, a, b, self.lang)
            self._cue_cache[sentence] = without_vetoed(found, self.lower, (a, b)) if found else found
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
        single = len(spans) == 1
        a0, b0 = spans[0] if spans else (0, 0)
        for cue in rule.cues:
            found = cues[cue]
            if len(found) == 1:  # most cues stand once in a sentence: that one, inside the spans or not
                out.append(found[0])
                continue
            inside = [(s, e) for s, e in found if ((a0 <= s and e <= b0) if single else
                                                   any(a <= s and e <= b for a, b in spans))] or found
            out.append(min(inside, key=lambda se: max(0, fig.start - se[1], se[0] - fig.end)))
        return tuple(out)

    def decision(self, rule: MeasureRule, sentence: int, spans: Spans, fig: Figure, where: str) -> Decision:
        """The rule's measure with the text of its nearest cues joined by "+" ("Börsenwert+verlor") and their places."""
        near = self.nearest(rule, sentence, spans, fig)
        words = dict.fromkeys(self.text[s:e] for s, e in near)  # two cues in one word ("Kursgewinnen") show once
        return Decision(rule.measure, "+".join(words), where, near)

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


def without_causes(cues: SentenceCues, causes: dict[int, frozenset[Span]], sentence: int, lower: str, fig: Figure,
                   governed: tuple[int, Span]) -> SentenceCues:
    """The sentence cues a figure reads: without the cause cues that are not its own (``causes``: each sentence's,
    found once per article), as a view that leaves the shared cues alone; ``cues`` itself where none is dropped."""
    if sentence not in causes:
        causes[sentence] = cause_cues(cues.of(sentence), lower, cues.seg.sentence_span(sentence))
    dropped = causes_for(causes[sentence], fig.start, fig.end, governed) if causes[sentence] else None
    if not dropped:
        return cues
    kept = {group: [cue for cue in spans if cue not in dropped] for group, spans in cues.of(sentence).items()}
    view = copy.copy(cues)
    view._cue_cache = {**cues._cue_cache, sentence: {group: spans for group, spans in kept.items() if spans}}
    view._rule_cache = {key: rules for key, rules in cues._rule_cache.items() if key[0] != sentence}
    return view
