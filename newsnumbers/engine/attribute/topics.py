"""The topic of the sentences before a figure: who a figure is about when its own sentence names nobody.

Split from organisations.py (the figure's own clause and sentence); this reads only earlier sentences, and its
answer is the same for every figure of a sentence, so it is cached per sentence.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator

from ..recognise import Figure
from ..segment import Segmenter
from .antecedents import Antecedents, examples_only
from .mentions import Mention, salience
from .places import Place, Places, in_count, pick, tier
from .rounds import invests
from .share_names import SHARE_MEASURES, holder_beside

LOOKBACK_SENTENCES = 3
TABLE_ROWS = 40  # table rows passed over on the way back to the prose above a table


class Topics:
    """The topic of the sentences before a figure, for figures whose own sentence names nobody."""

    def __init__(self, seg: Segmenter, places: Places, antecedents: Antecedents):
        self.seg = seg
        self.places = places
        self.antecedents = antecedents
        self._topic_cache: dict[tuple[int, bool, bool], Mention | None] = {}  # (sentence, money raised, shares) -> topic
        self._examples: set[tuple[int, bool]] = set()  # the keys whose topic is a fallback from examples

    def choose_topic(self, place: Place, fig: Figure, raised: bool = False, measure: str = "") -> Mention | None:
        """The nearest earlier sentence with a usable mention decides: its first (a named one), else the nearest.
        For money ``raised`` (funding, a valuation) the investors of a round are not its topic. For a share price or
        a market value (``measure``) the company whose shares that sentence names is ("OpenAI erhält ein Aktienpaket
        von AMD … Dieser Deal unterliegt einem Aktienpreis von 600 Dollar": AMD's shares, not OpenAI's).

        Earlier sentences lie wholly before the figure, so the answer is the same for every figure of a sentence.
        """
        key = (place.sentence, raised, measure in SHARE_MEASURES)
        if key not in self._topic_cache:
            topic = self._topic_before(place.sentence, fig, raised)
            if key[2] and topic is not None:
                topic = _shares_named_with(self, topic, fig)
            self._topic_cache[key] = topic
        return self._topic_cache[key]

    def only_examples(self, place: Place, raised: bool = False) -> bool:
        """Whether the topic ``choose_topic`` gave was no sentence's topic but a fallback: a company named only as an
        example ("Junge Unternehmen wie DeepL und Aleph Alpha treiben die Innovation voran"). A place the figure's
        own clause names ("die Risikokapitalinvestitionen in Europa") is then meant, not the example."""
        return (place.sentence, raised) in self._examples

    def _topic_before(self, s: int, fig: Figure, raised: bool) -> Mention | None:
        """A sentence that names only a place after a preposition ("Die Einnahmen in China stiegen"), or only
        examples ("Für Kunden wie Microsoft, Google oder Meta sind die Zahlen ein Signal"), does not change the
        topic: the search goes on, and its mention is the answer only when nothing else turns up. Nor, for money
        raised, does a sentence that names only investors ("Andreessen Horowitz and Lightspeed co-led the round.
        … he's targeting up to $1 billion"): the round is the company's that raised it."""
        place_only = None
        for earlier in earlier_sentences(self.seg, s):
            a, b = self.seg.sentence_span(earlier)
            if bisect.bisect_left(self.places.starts, a) == bisect.bisect_left(self.places.starts, b):
                continue  # names nobody: no need to split it into clauses
            spans = [(c.start, c.end) for c in self.places.clauses(earlier) if not c.comparison] or [(a, b)]
            ms = [m for m in self.antecedents.usable(self.places.mentions_in(spans, fig)) if not in_count(self.places, m)]
            if raised and ms and not (ms := [m for m in ms if not invests(self.antecedents, m)]):
                place_only = place_only or self.antecedents.usable(self.places.mentions_in(spans, fig))[0]
                continue
            if ms:
                # the first of the most salient, the article's main company first among equals
                best = min(ms, key=lambda m: (salience(self.seg.text, m), not self.antecedents.is_main(m)))
                best = best if not best.generic else pick(ms, fig)
                examples = best is not None and examples_only(self.seg.text, ms)
                if best is None or (tier(best) != 3 and not examples):
                    return best
                if examples and place_only is None:
                    self._examples.add((s, raised))
                    place_only = self.antecedents.main()  # examples give way to the article's main company
                place_only = place_only or best
        return place_only


def _shares_named_with(topics: Topics, topic: Mention, fig: Figure) -> Mention:
    """The company whose shares the topic's sentence names ("ein Aktienpaket von AMD", "die AMD-Aktien"), else the topic."""
    a, b = topics.seg.sentence_span(topics.seg.sentence_index(topic.start))
    ms = topics.antecedents.usable(topics.places.mentions_in([(a, b)], fig))
    return holder_beside(topics.seg.text, ms, lambda _: topic, topics.seg.sentence_index) or topic


def earlier_sentences(seg: Segmenter, s: int) -> Iterator[int]:
    """The sentences before sentence ``s``, nearest first: ``LOOKBACK_SENTENCES`` of prose, and the rows of a
    table between them counted as none ("Claude 3 Opus" above "| Input | $15.00 |", "| Output | $75.00 |",
    "| Prompt Cache Read | $1.50 |": every row's topic is the heading above its table)."""
    prose, rows = 0, 0
    for earlier in range(s - 1, -1, -1):
        a, b = seg.sentence_span(earlier)
        if seg.text[a:b].lstrip().startswith("|") and rows < TABLE_ROWS:
            rows += 1
        else:
            prose += 1
        yield earlier
        if prose >= LOOKBACK_SENTENCES:
            return
