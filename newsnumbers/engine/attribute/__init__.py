"""Say what a figure is about: its measure, organisation and model.

The work is split by job:
- :mod:`.mentions` finds the organisations, models and anaphors in the text;
- :mod:`.places` says where a figure stands: its sentence, clauses and the
  windows searched around it, narrow to wide;
- :mod:`.organisations` says who a figure is about (its own clause first, then
  the rest of its sentence, then the topic of an earlier sentence);
- :mod:`.measures` says what it measures, from cue words in the lexicon, tried
  in order, in the figure's clause first and its sentence second.
:class:`Attributor` puts them together for one article.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ... import lexicon
from ..casefold import fold
from ..recognise import Figure
from ..segment import Segmenter
from .antecedents import LOOKBACK_MENTIONS
from .groups import as_members
from .index_moves import index_move
from .measure_words import change_word
from .measures import STRUCTURAL_MEASURES, Decision, MeasureFinder
from .mentions import Mention, _tables, find_mentions
from .organisations import OrganisationFinder, Who
from .places import Place, Places
from .topics import LOOKBACK_SENTENCES
from .usage_examples import without_borrowed_owner

__all__ = ["Attributor", "Decision", "Who", "settled_measure", "evidence_and_confidence", "Mention", "Place", "find_mentions",
           "LOOKBACK_MENTIONS", "LOOKBACK_SENTENCES", "STRUCTURAL_MEASURES", "_tables"]


def _outside_figures(mentions: list[Mention], figures: list[Figure]) -> list[Mention]:
    """The mentions, without places inside a figure: a currency's name names no place ("225 Milliarden Taiwan-Dollar",
    "5 Mrd. Hongkong-Dollar" are Taiwan's and Hong Kong's money, not figures about them). Figures come in order."""
    starts = [f.start for f in figures]
    out = []
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if not (m.role == "place" and k >= 0 and m.end <= figures[k].end):
            out.append(m)
    return out


class Attributor:
    """Attribution for the figures of one article (mentions and sentences computed once)."""

    def __init__(self, text: str, seg: Segmenter, figures: list[Figure], folded: str | None = None, lang: str = "de"):
        self.text = text
        self.seg = seg
        self.lower = fold(text) if folded is None else folded
        self.mentions = _outside_figures(find_mentions(text, self.lower, lang), figures)
        self.starts = [m.start for m in self.mentions]
        self.places = Places(text, seg, self.lower, self.mentions, self.starts, figures)
        self.organisations = OrganisationFinder(text, seg, self.mentions, self.starts, self.places)
        self.measures = MeasureFinder(text, seg, self.lower, self.places, lang, figures)
        self.parts: set[int] = set()  # figures read as parts of the amount before them (:meth:`restates`)

    def place(self, fig: Figure) -> Place:
        """The figure's sentence and search windows, computed once and shared by every question about it."""
        return self.places.place(fig)

    def converts(self, previous: Figure, fig: Figure) -> bool:
        """Whether ``fig`` restates the money figure right before it in another currency ("380 Mrd. Yuan
        (53 Mrd. Dollar)", "£25bn (US$30bn)", "5 Mrd. Franken, umgerechnet 5,3 Mrd. Euro"): it is the same
        amount, so it takes that figure's measure, organisation and model."""
        return (previous.kind == fig.kind == "money" and previous.per == fig.per and previous.end <= fig.start
                and _conversion_link().fullmatch(self.text, previous.end, fig.start) is not None)

    def restates(self, previous: Figure, fig: Figure) -> bool:
        """Whether ``fig`` is the figure before it in another currency (:meth:`converts`), the same level at an
        earlier time ("net income of NT$452.3bn, up from NT$325.3bn a year earlier", "5 Mrd. Euro nach 4,2 Mrd.
        Euro im Vorjahr", "(Vorjahr: 4,2 Mrd.)"; not after a change "by $5 billion") or a part of it: the same
        quantity or deal, so the same measure, organisation and model."""
        if self.converts(previous, fig):
            return True
        if previous.kind != fig.kind or fig.kind not in ("money", "percent") or previous.per != fig.per:
            return False
        links, period = _earlier_value()
        link = links.fullmatch(self.text, previous.end, fig.start)
        if link is not None and (link.group("dated") is not None or period.match(self.text, fig.end) is not None):
            # not after a change ("lifted spending by $5 billion from $14 billion a year earlier": a level)
            return change_word().search(self.text, max(0, previous.start - 24), previous.start) is None
        return fig.kind == "money" and self._part(previous, fig)

    def _part(self, previous: Figure, fig: Figure) -> bool:
        """Whether ``fig`` is a part of the amount before it ("invest $2bn in Anthropic, which included a $500m
        initial cash infusion and an additional $1.5bn over time", "5 Mrd. Euro, davon 2 Mrd. Euro …"): the
        same deal, so the same measure and parties; the parts listed after the first one are parts too."""
        part, more = _part_links()
        found = part.fullmatch(self.text, previous.end, fig.start) is not None or (
            previous.start in self.parts and more.fullmatch(self.text, previous.end, fig.start) is not None)
        if found:
            self.parts.add(fig.start)
        return found

    def measure_decision(self, fig: Figure) -> Decision:
        """The figure's measure with the cue words that decided it and where they stood."""
        return self.measures.decide(fig)

    def who(self, fig: Figure, measure: Decision | None = None) -> Who:
        """The figure's organisation and model with the mention that named them and where it stood
        (``measure``: a deal names both parties)."""
        return _settled(self, fig, measure, self.organisations.decide(fig, measure))


def _settled(att: Attributor, fig: Figure, measure: Decision | None, found: Who) -> Who:
    """The owner found, with a count of tokens in a usage example nobody's ("A typical request: 800 tokens") and a
    group the members the article names up to the figure's sentence, anywhere for a headline's ("die vier Hyperscaler":
    Amazon, Google, Meta, Microsoft)."""
    sentence = att.seg.sentence_span(att.places.place(fig).sentence)
    until = len(att.text) if fig.start < att.organisations.antecedents.opening else sentence[1]  # a headline: the article
    if measure is not None and measure.measure == "age" and found.organisation in _places():
        found = Who("", found.model, "", "none")  # a person's or a company's age, no place's: "Der 40-jährige Gründer lebt in Peking"
    return as_members(without_borrowed_owner(found, fig, measure, att.text, sentence), att.mentions, until)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The lexicon's places (organisations.csv type ``place``: countries, regions, cities by their country)."""
    return frozenset(r["canonical"] for r in lexicon.load().organisations if r.fields.get("type") == "place")


def settled_measure(att: Attributor, fig: Figure, measure: Decision, who: Who) -> Decision:
    """The measure once the owner is known: a percent an index moved is a share move (:mod:`.index_moves`)."""
    place = att.places.place(fig)
    return index_move(att.text, fig, measure, who.organisation, att.measures.cues.of(place.sentence),
                      att.seg.sentence_span(place.sentence)[0])


@lru_cache(maxsize=1)
def _conversion_link() -> re.Pattern[str]:
    """What stands between an amount and its conversion: an opening bracket, or a comma or dash with a
    conversion word ("umgerechnet", "or"), perhaps with a hedge ("rund", "about"); words from the lexicon."""
    lex = lexicon.load()
    words, hedges = lexicon.in_order(lex.words("conversion_word")), lexicon.in_order(lex.words("conversion_hedge"))
    return re.compile(rf"(?i)\s*(?:[(\[]\s*(?:{words}\s+)?|[,–—-]\s*{words}\s+)(?:{hedges}\s+)?")


@lru_cache(maxsize=1)
def _part_links() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What stands between an amount and a part of it, and between two of its parts (``part_link`` and
    ``part_and`` in grammar_words.csv)."""
    lex = lexicon.load()
    return (re.compile(f"(?i){lexicon.in_order(lex.words('part_link'))}"),
            re.compile(f"(?i){lexicon.in_order(lex.words('part_and'))}"))


@lru_cache(maxsize=1)
def _earlier_value() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The link between a figure and the same quantity at an earlier time, and the earlier time after it
    (``earlier_link``/``earlier_period`` in grammar_words.csv); a link that names the time is group "dated"."""
    lex = lexicon.load()
    dated = [p for p, v in lex.word_values("earlier_link").items() if v == "dated"]
    plain = [p for p, v in lex.word_values("earlier_link").items() if v != "dated"]
    hedges = lexicon.in_order(lex.words("conversion_hedge"))
    links = rf"(?i)(?:(?P<dated>{lexicon.in_order(dated)})|{lexicon.in_order(plain)})(?:{hedges}\s+)?"
    return re.compile(links), re.compile("(?i)" + lexicon.in_order(lex.words("earlier_period")))


_MEASURE_CONFIDENCE = {"unit": "high", "clause": "high", "sentence": "medium", "table": "medium", "earlier": "low",
                       "none": "low"}
_WHO_CONFIDENCE = {"subject": "high", "sentence": "medium", "earlier": "low", "article": "low", "none": "low"}
_ORDER = ("low", "medium", "high")


def evidence_and_confidence(measure: Decision, who: Who) -> tuple[str, str]:
    """What decided a figure's measure and organisation, in words, and how sure that is.

    high: a cue in the figure's own clause (or its unit) and the clause's subject;
    low: the topic of an earlier sentence, or no cue at all (``other``).

    >>> evidence_and_confidence(Decision("market_value_loss", "Börsenwert+verlor", "clause"),
    ...                         Who("Nvidia", "", "Nvidia", "subject"))
    ('measure: Börsenwert+verlor (clause); organisation: Nvidia (subject)', 'high')
    """
    parts = [f"measure: {measure.words or '-'} ({measure.where})",
             f"organisation: {who.words or '-'} ({who.where})"]
    if who.model:
        parts.append(f"model: {who.model}")
    sure = min(_MEASURE_CONFIDENCE[measure.where], _WHO_CONFIDENCE[who.where], key=_ORDER.index)
    return "; ".join(parts), sure
