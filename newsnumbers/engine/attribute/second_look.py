"""A second look where the nearest measure cue misleads.

Training as the money's purpose next to a funding cue ("raised $6bn to train Grok"), a verb of change in a sentence
about a share or after sentences about one, spending on a named model, developing assets ("develop a data centre
campus"): the cue that stands nearest says one thing, the sentence says another.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from ... import lexicon
from ..recognise import Figure
from ..segment import Segmenter
from .capital import assets_in, cue_has, from_investor, into_company, investor_subject, names_round, takes_stake
from .measure_rules import growth_nouns, rules_for, rules_in
from .measure_words import purpose_before
from .mentions import known_name
from .old_levels import PRICE_MAX, SHARE_MOVES
from .places import Places, Spans
from .sentence_cues import Decision, SentenceCues
from .venture import spends_on_assets


class Finder(Protocol):
    """What a second look reads: the article, its sentences, its places and its sentences' cues."""

    text: str
    seg: Segmenter
    places: Places
    cues: SentenceCues
    lower: str
    venture: str  # the lead's word that makes the article a start-up funding report, or ""


def second_look(finder: Finder, fig: Figure, kind: str, found: Decision) -> Decision:
    """Where the nearest cue misleads: training as the money's purpose next to a funding cue ("raised $6bn to train Grok"),
    assets developed, a verb of change in a sentence about a share, spending on a named model, money "invested" in a report on
    start-up funding (:mod:`.venture`), money a verb alone says was received or secured for assets (an investment)."""
    own = finder.places.place(fig).windows[0][0]
    if found.measure == "training_cost" and cue_has(found.words, "develop_cue") and any(assets_in(finder.lower, s) for s in own):
        return found._replace(measure="investment")  # "develop a new £1.9bn data centre campus": building assets, no training
    if found.measure == "training_cost" and purpose(finder.text, found):
        return funding_in_clause(finder, fig) or found
    if kind == "percent" and found.measure == "growth":
        return market_move(finder, fig) or company_move(finder, fig) or market_topic(finder, fig) or found
    if found.weak and found.measure == "investment" and names_model(finder.places, fig):
        return found._replace(measure="model_spending")  # "spent $5.6 million on V3": spending on a model
    if found.weak and found.measure == "funding" and any(assets_in(finder.lower, s) for s in own):
        return found._replace(measure="investment")  # "secures $11.6B to expand its data center": money for assets
    return capital_funding(finder, fig, venture_funding(finder, fig, found))


def capital_funding(finder: Finder, fig: Figure, found: Decision) -> Decision:
    """An investment whose money goes into a company's capital ("invested $400 million in Anthropic",
    "steigt bei Mistral ein", "hat sich an Anthropic beteiligt": :func:`.capital.takes_stake`), or that is
    contributed in a sentence naming a funding round, is funding, whoever invests (:mod:`.capital`); so is money
    an investor by trade gives ("gibt der Investor Softbank"), and a deal whose money another clause puts into a
    company ("…, completing a $4bn deal with the company")."""
    if found.measure != "investment":
        return found
    own = finder.places.place(fig).windows[0][0]
    ms = finder.places.mentions_in(own, fig)
    words = into_company(finder.text, finder.lower, own, ms, finder.cues.lang) or takes_stake(finder.lower, own) or \
        _cue_clause_into(finder, fig, found, own)
    if not words and not any(assets_in(finder.lower, span) for span in own):
        sentence = finder.seg.sentence_span(finder.places.place(fig).sentence)
        around = finder.places.mentions_in([sentence], fig)
        on_assets = assets_in(finder.lower, sentence)  # "das 100 Mrd. in Rechenzentren investieren soll": no investor's capital
        words = names_round(finder.lower, sentence) or from_investor(finder.text, own, ms, found.words, around) or \
            funding_topic(finder, fig, ms, found.words) or ("" if on_assets else investor_subject(around, ms, fig.start)) or \
            (into_company(finder.text, finder.lower, [sentence], around, finder.cues.lang) if cue_has(found.words, "capital_deal") else "")
    return found._replace(measure="funding", words=f"{found.words}+{words}") if words else found


@lru_cache(maxsize=1)
def _own_object() -> re.Pattern[str]:
    """A preposition that gives a clause's money its own object: where it goes (``capital_into``: "in", "bei") or what
    it buys (``price_for``: "für", "for"); on lower-cased text."""
    return re.compile(rf"(?<![\w-])(?:{lexicon.in_order(sorted({*lexicon.load().words('capital_into'), *lexicon.load().words('price_for')}))})[ ]")


def _cue_clause_into(finder: Finder, fig: Figure, found: Decision, own: Spans) -> str:
    """The money of a clause without a verb of its own whose cue stands in another clause of the sentence, where the
    money goes into a company ("Microsoft steckt 5 Mrd. Dollar in Anthropic, Nvidia sogar 10 Mrd."; "…, während Nvidia
    die Summe mit 10 Mrd. übertrifft"): the elided verb keeps its object, so the figure is funding too."""
    if found.where != "sentence" or not found.cue_spans or any(assets_in(finder.lower, span) for span in own) \
            or any(_own_object().search(finder.lower, a, b) for a, b in own):
        return ""  # "…, Alphabet zahlt 32 Mrd. für Wiz", "…, Amazon 4 Mrd. in AWS": the clause's money has its own object
    cue = found.cue_spans[0][0]
    clause = next(((c.start, c.end) for c in finder.places.clauses(finder.places.place(fig).sentence) if c.start <= cue < c.end), None)
    words = into_company(finder.text, finder.lower, [clause], finder.places.mentions_in([clause], fig), finder.cues.lang) if clause else ""
    return f"{words} (elided)" if words else ""


def funding_topic(finder: Finder, fig: Figure, mentions: list, found_words: str) -> str:
    """The funding cue of the sentences before: money "contributed" or "committed" (a verb of giving, ``capital_give``;
    not "invested", which may buy assets) right after a sentence on a round or on money raised is part of it
    ("OpenAI is in talks to raise new capital. SoftBank would contribute $15 billion"), unless the figure's clause
    names a place after it, where the money goes ("committed $10 billion to Germany")."""
    if not cue_has(found_words, "capital_give") or any(m.role == "place" and m.start > fig.end for m in mentions):
        return ""
    topic = finder.cues.earlier(fig, finder.places.place(fig).sentence, "money")
    return f"{topic.words} (earlier)" if topic and topic.measure == "funding" else ""


def venture_funding(finder: Finder, fig: Figure, found: Decision) -> Decision:
    """An investment in a report on start-up funding that is venture money raised (:func:`venture_money`), and so
    is a period's result there ("mit 1,47 Mrd. CHF das drittbeste Halbjahresergebnis": the sum raised, no profit;
    ``grammar_words.csv`` role ``venture_total``)."""
    if finder.venture and not found.weak and ((found.measure == "investment" and venture_money(finder, fig)) or (
            found.measure == "other" and any(_venture_total().search(w) for w in found.words.lower().split("+")))):
        return found._replace(measure="funding", words=f"{found.words}+{finder.venture} (lead)")
    return found


@lru_cache(maxsize=1)
def _venture_total() -> re.Pattern[str]:
    return re.compile(rf"{lexicon.in_order(lexicon.load().words('venture_total'))}$")


def venture_money(finder: Finder, fig: Figure) -> bool:
    """In a report on start-up funding, money "invested" is venture money raised, unless the sentence speaks
    of assets (data centres, stakes, takeovers) or names a known company as a subject or a person ("he pledged
    €1 billion"): "Amazon pumped $2.75bn into the start-up" is Amazon's investment, "€6.2bn was invested into
    European climate companies" funding."""
    place = finder.places.place(fig)
    if any(spends_on_assets(finder.lower, span) for span in place.windows[0][0]):
        return False
    return not any((m.kind == "org" and m.role == "company" and not m.oblique and known_name(m.name))
                   or m.role == "person" for m in finder.places.mentions_in([place.span], fig))


def market_move(finder: Finder, fig: Figure) -> Decision | None:
    """A rise or fall named by a verb alone ("up 150%", "rising 8%") in a sentence about a share or an index
    and not about revenue, profit or users ("The stock has more than doubled, up 150%"): the share's move."""
    sentence = finder.places.place(fig).sentence
    cues, rules = finder.cues.of(sentence), rules_for("percent")
    if any(group in cues for group in growth_nouns()):
        return None
    moves = tuple(k for k in finder.cues.possible_rules(sentence, "percent")
                  if rules[k].measure in SHARE_MOVES and not rules[k].weak)
    span = [finder.seg.sentence_span(sentence)]
    found = rules_in(rules, moves, cues, span, fig, distances=True)
    if not found:
        return None
    return finder.cues.decision(rules[min(found, key=lambda f: (f[1], f[0]))[0]], sentence, span, fig, "sentence")

def market_topic(finder: Finder, fig: Figure) -> Decision | None:
    """A rise or fall named by a verb of movement alone after sentences about a share ("Shares of Zhipu and
    MiniMax soared. Zhipu jumped as much as 25%"; "Die Aktie stieg um 12,6 Prozent. Insgesamt ergibt sich
    ein Anstieg von über 60 Prozent"): the share moved on, unless the sentence names what else grew."""
    place = finder.places.place(fig)
    cues, rules = finder.cues.of(place.sentence), rules_for("percent")
    if any(group in cues for group in growth_nouns()):
        return None
    moves = tuple(r for r in finder.cues.possible_rules(place.sentence, "percent")
                  if rules[r].measure in SHARE_MOVES and rules[r].weak)
    own = place.windows[0][0]
    found = rules_in(rules, moves, cues, own, fig, distances=True)
    topic = finder.cues.earlier(fig, place.sentence, "percent") if found else None
    if topic is None or topic.measure not in SHARE_MOVES:
        return None
    return finder.cues.decision(rules[min(found, key=lambda f: (f[1], f[0]))[0]], place.sentence, own, fig, "clause")


def company_move(finder: Finder, fig: Figure) -> Decision | None:
    """A company or an index that rises or falls by a percentage, with no noun of what moved in the clause
    ("Nvidia fiel um 5 Prozent", "SAP legte 3 Prozent zu", "Broadcom slumped 17%"): its share price moved.
    A possessive ("Teslas Auslieferungen") or a preposition's object ("von Tesla") is no subject, and a verb
    of growth alone ("OpenAI wuchs um 50 Prozent") says nothing of a share: both stay growth, and so does a
    comparison with an earlier period ("legte gegenüber dem Vorquartal 20 Prozent zu", "year over year")."""
    place = finder.places.place(fig)
    k = next((k for k, (_, how) in enumerate(place.windows) if how == "subject"), None)
    if k is None:
        return None
    own = place.windows[k][0]
    cues, rules = finder.cues.of(place.sentence), rules_for("percent")
    if any(_inside(span, own) for group in growth_nouns() for span in cues.get(group, ())) \
            or any(_period_comparison().search(finder.lower, a, b) for a, b in own) or _elliptical(finder, own, cues):
        return None
    subjects = [m for m in finder.places.window_mentions(place, k, fig)
                if m.kind == "org" and m.role in ("company", "index") and not m.oblique
                and not finder.text.startswith(("s ", "'s", "’s"), m.end)]
    if not subjects:
        return None
    moves = tuple(r for r in finder.cues.possible_rules(place.sentence, "percent")
                  if rules[r].measure in SHARE_MOVES and rules[r].weak)
    found = rules_in(rules, moves, cues, own, fig, distances=True)
    if not found:
        return None
    return finder.cues.decision(rules[min(found, key=lambda f: (f[1], f[0]))[0]], place.sentence, own, fig, "clause")


def _elliptical(finder: Finder, own: Spans, cues: dict[str, Spans]) -> bool:
    """Whether the clause compares a company with what a noun of growth before it named ("Der Umsatz von Alibaba
    stieg um 5,5 Prozent, während Tencent um 15 Prozent zulegte": Tencent's revenue; ``grammar_words.csv`` role
    ``ellipsis_contrast`` opens the clause): the noun is left out, the move is no share's."""
    start = own[0][0]
    return _contrast().match(finder.lower, start) is not None and any(
        span[1] <= start for group in growth_nouns() for span in cues.get(group, ()))


@lru_cache(maxsize=1)
def _contrast() -> re.Pattern[str]:
    return re.compile(rf"[\s,;]*{lexicon.in_order(lexicon.load().words('ellipsis_contrast'))}(?![\w-])")


@lru_cache(maxsize=1)
def _period_comparison() -> re.Pattern[str]:
    return re.compile(lexicon.in_order(lexicon.load().words("period_comparison")))


def _inside(span: tuple[int, int], spans: Spans) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def purpose(text: str, found: Decision) -> bool:
    """Whether the training cue that decided is the money's purpose ("für die Entwicklung", "to train")."""
    return any(purpose_before().search(text, max(0, s - 40), s) for s, _ in found.cue_spans)

def funding_in_clause(finder: Finder, fig: Figure) -> Decision | None:
    """The funding rule of the figure's own clause, if one matches there ("erhielt", "raised", "Runde")."""
    place = finder.places.place(fig)
    rules = rules_for("money")
    possible = tuple(k for k in finder.cues.possible_rules(place.sentence, "money") if rules[k].measure == "funding")
    found = rules_in(rules, possible, finder.cues.of(place.sentence), place.windows[0][0], fig, distances=True)
    if not found:
        return None
    return finder.cues.decision(rules[min(found, key=lambda f: (f[1], f[0]))[0]], place.sentence,
                              place.windows[0][0], fig, "clause")


MODEL_COST_MIN = 100_000  # a model that cost less was bought or subscribed to ("Claude Pro costs $20"), not trained


@lru_cache(maxsize=1)
def _cost_verb() -> re.Pattern[str]:
    """A verb of costing (``grammar_words.csv`` role ``model_cost_verb``)."""
    return re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lexicon.load().words('model_cost_verb'))})(?![\w-])")


def model_cost(finder: Finder, fig: Figure) -> Decision | None:
    """Money no cue names, in a clause where a model its sentence names "cost" it ("DeepSeek's V3 model allegedly cost $5.6 million",
    "GPT-4 soll 100 Mio. Dollar gekostet haben"): what the model cost to make, its training cost; None otherwise."""
    if fig.kind != "money" or fig.per or fig.value < MODEL_COST_MIN:
        return None
    place = finder.places.place(fig)
    ms = [m for k in range(len(place.windows)) for m in finder.places.window_mentions(place, k, fig)]
    if not any(m.kind == "model" and not m.oblique for m in ms):
        return None  # the model may stand in the clause before ("DeepSeek's V3 model, also from China, cost $5.6 million")
    own = place.windows[0][0]
    found = next((m for a, b in own if (m := _cost_verb().search(finder.lower, a, b))), None)
    if found is None or any(found.end() <= m.start < fig.start for m in ms):
        return None  # "The release of DeepSeek R1 cost Nvidia $589 billion": what it cost someone else
    return Decision("training_cost", finder.text[found.start():found.end()], "clause")


def names_model(places: Places, fig: Figure) -> bool:
    """Whether the figure's own clause names a model."""
    place = places.place(fig)
    k = next((k for k, (_, how) in enumerate(place.windows) if how == "subject"), None)
    return k is not None and any(m.kind == "model" for m in places.window_mentions(place, k, fig))


SMALL_SUM = 1000  # an investment, a round or a company's value is never written as less than this, in any currency
_SUMS = frozenset({"investment", "funding", "valuation", "market_cap"})


def small_sum(fig: Figure, found: Decision) -> Decision:
    """A sum too small for the measure its cues gave ("could be bought for £30", "CVC bietet 22 Euro je Aktie"): a price
    per share is a share price, else a product's or a unit's price (other; product prices stood in the investments chart
    as investments of 38 dollars). A sum no share costs (``PRICE_MAX``: "auf 5,31 Milliarden Dollar") is no share price."""
    if fig.kind == "money" and fig.value < SMALL_SUM and found.measure in _SUMS:
        return found._replace(measure="share_price" if fig.per == "share" else "other")
    too_big = fig.kind == "money" and found.measure == "share_price" and fig.value >= PRICE_MAX
    return found._replace(measure="other") if too_big else found
