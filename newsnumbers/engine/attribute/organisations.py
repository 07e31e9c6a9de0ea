"""Who a figure is about: the organisation and model it belongs to.

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
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from ... import lexicon
from ..recognise import Figure
from ..segment import Segmenter
from ..tables import column_head
from .antecedents import Antecedents, coordinated
from .article_topic import article_place, main_company_not_place, named_again
from .beside import model_right_before, owner_beside
from .capital import given_into
from .figure_models import clause_model_measures, figure_model, model_measures, own_window
from .loss_causes import caused, owner_of_loss
from .measures import Decision
from .mention import NOT_INVESTOR
from .mentions import Mention
from .owners import PARTNER_MEASURES, cue_owner, deal_parties, fined, owned_measures, raised_measures, respective
from .places import Place, Places, fronted_subject, in_count, last_figure_start, pick, place_adverb, previous_figure_ends, tier
from .rounds import raised_for, recipient, round_investor
from .sectors import any_model, other_sector
from .topics import Topics


class Who(NamedTuple):
    """Who a figure is about, and how that was decided (for the ``evidence`` and ``confidence`` columns)."""

    organisation: str  # canonical names joined by "|", "" where nobody is named
    model: str
    words: str  # the mention as written ("der Chipkonzern", "Nvidias")
    where: str  # subject (the figure's own clause), sentence, earlier (an earlier sentence's topic) or none


class OrganisationFinder:
    """Organisation and model of each figure of one article (the topic of each sentence cached)."""

    def __init__(self, text: str, seg: Segmenter, mentions: list[Mention], starts: list[int], places: Places):
        self.text = text
        self.places = places
        self.antecedents = Antecedents(text, mentions, starts, places.figure_spans, seg.starts)
        self.topics = Topics(seg, places, self.antecedents)
        self._heads: dict[int, tuple[list[str], int] | None] = {}  # table rows -> their header (tables.column_head)

    def decide(self, fig: Figure, measure: Decision | None = None) -> Who:
        """Organisation and model of the figure, with the words that named them and where they stood;
        for a deal (``measure`` investment or funding) both parties where its clause names both."""
        place = self.places.place(fig)
        chosen, where = _in_sentence(self, place, fig, measure)
        if chosen is not None and (verb := caused(self.text, measure)):  # "DeepSeek wiped $600bn off Nvidia's market value"
            owner, where = _loss_owner(self, place, fig, measure, chosen, where, verb)
            if owner is None:
                return Who("", "", self.text[chosen.start:chosen.end] + " (cause)", "subject")
            chosen = owner
        if chosen is None and (sector := other_sector(self.text, place.windows[own_window(place)][0], self.antecedents.starts)):
            return Who("", "", sector, "subject")  # "In der Auto-Branche sanken die Investitionen": nobody known
        if chosen is None and measure is not None and measure.measure in model_measures() and (
                found := any_model(self.text, place.windows[own_window(place)][0]))[0]:
            return Who(found[0], "", found[1], "subject")  # "Training a frontier model costs $100M": any model's
        if chosen is None or (tier(chosen) == 3 and not _about_places(self, place, fig) and not _place_of(self, place, chosen, measure)):
            # the sentence names nobody, or only a place ("Die Einnahmen in China stiegen"): the topic of an earlier one
            raised = measure is not None and measure.measure in raised_measures()
            topic = self.topics.choose_topic(place, fig, raised, measure.measure if measure else "")
            weak = chosen is not None and self.topics.only_examples(place, raised)
            if topic is not None and (chosen is None or tier(topic) < tier(chosen) and not weak and topic.role != "place"):
                chosen, where = topic, "earlier"
        chosen, where = main_company_not_place(self.antecedents, chosen, measure, where)  # not a place
        if chosen is None:
            main = self.antecedents.main() or article_place(self.antecedents) or named_again(self.antecedents, measure)  # its place
            if main is None:
                return Who("", "", "", "none")
            return Who(main.name, "", self.text[main.start:main.end], "article")
        words = self.text[chosen.start:chosen.end]
        if chosen.kind == "anaphor_org":
            chosen = _antecedent(self.antecedents, chosen, measure)
        keep = measure is None or measure.measure in model_measures()  # "Claude app revenue" is Anthropic's
        if chosen.kind == "anaphor_model":
            target = self.antecedents.resolve(chosen)
            if target is None:
                return Who("", "", words, "none")
            return Who(target.owner, target.name if keep else "", words, where)
        if chosen.kind == "model":  # "the 75% off DeepSeek-V4-Pro offer": a price cut of the model its sentence names
            named = keep or ((where == "subject" or where == "sentence" and not chosen.oblique)
                             and measure.measure in clause_model_measures())  # not "down 50% from GPT-4.1 mini"
            name = model_right_before(self.text, self.places, fig, chosen.owner) or chosen.name
            return Who(chosen.owner, name if named else "", words, where)
        names = coordinated(self.antecedents, chosen, fig.start if chosen.start < fig.start else len(self.text))
        paired = respective(self.text, self.places.figure_spans, fig, names)
        if measure and measure.measure in PARTNER_MEASURES and where == "subject":  # investor and recipient, buyer and bought
            paired = deal_parties(self.text, self.places.window_mentions(place, own_window(place), fig), chosen, fig,
                                  self.places.figure_spans, place.span, paired)
        words = paired[0] + " (respectively)" if len(paired) < len(names) else words
        model = figure_model(self.places, self.antecedents, fig, measure, chosen.name, place)
        return Who("|".join(paired), model, words, where)


def _chips_user(finder: OrganisationFinder, place: Place, fig: Figure) -> tuple[Mention | None, str]:
    """For a count of chips whose chosen owner is the maker named in another count ("with access to 50,000 Nvidia
    Hopper GPUs, including 10,000 H800s"): the first other company of the sentence's windows, the chips' user."""
    for k, (_, how) in enumerate(place.windows):
        ms = [m for m in finder.antecedents.usable(finder.places.window_mentions(place, k, fig)) if not in_count(finder.places, m)]
        if ms:
            return pick(ms, fig) or ms[0], "subject" if how == "subject" else "sentence"
    return None, "none"


def _loss_owner(finder: OrganisationFinder, place: Place, fig: Figure, measure: Decision | None, chosen: Mention, where: str,
                verb: tuple[int, bool]) -> tuple[Mention | None, str]:
    """The owner of a loss a causative verb decided (:mod:`.loss_causes`), and where it stood."""
    owner, was_cause = owner_of_loss(finder.text, chosen, finder.antecedents.usable(
        finder.places.window_mentions(place, own_window(place), fig)), verb,
        lambda m: _antecedent(finder.antecedents, m, measure) if m.kind == "anaphor_org" else m)
    return owner, ("subject" if was_cause else where)


def _in_sentence(finder: OrganisationFinder, place: Place, fig: Figure, measure: Decision | None) -> tuple[Mention | None, str]:
    """The owner the figure's own sentence names, and where it stood: a name beside the figure or owning its cue noun,
    else the first window's (``choose``); for money raised not an investor of the round where the sentence names its
    recipient, and nobody where it names none (then the earlier sentences' topic: :mod:`.rounds`)."""
    owner = column_owner(finder, fig) or owner_beside(finder.text, finder.places, finder.antecedents, fig)
    if owner is None and measure and measure.where in ("clause", "sentence") and measure.measure in owned_measures():
        owner = cue_owner(finder.text, finder.antecedents.mentions, finder.antecedents.starts, measure.cue_spans)
        owner = owner if owner and finder.antecedents.usable([owner]) else None
    if owner is None and measure is not None and measure.measure in raised_measures():  # "a €1.3bn round for Verkor"
        owner = raised_for(finder.antecedents, finder.places.figure_spans, fig)
    chosen, where = (owner, "subject") if owner else choose(finder.places, finder.antecedents, place, fig)
    if where == "sentence" and fig.unit == "percent" and measure is not None and measure.measure == "other" and tier(chosen) != 3:
        chosen, where = _share_of_place(finder, place, fig) or (chosen, where)
    if chosen is not None and chosen.role == "place":  # a fine the authority imposed is the fined company's
        ms = finder.antecedents.usable([m for k in range(len(place.windows)) for m in finder.places.window_mentions(place, k, fig)])
        chosen, where = ((found, "sentence") if (found := fined(finder.text, place.windows[own_window(place)][0], fig, ms))
                         else (chosen, where))
    if chosen is not None and measure is not None and measure.measure in raised_measures() \
            and round_investor(finder.antecedents, chosen):
        chosen, where = recipient(finder.places, finder.antecedents, place, fig, chosen, where)
    if fig.unit == "chips" and chosen is not None and in_count(finder.places, chosen):
        chosen, where = _chips_user(finder, place, fig)
    return chosen, where


def _share_of_place(finder: OrganisationFinder, place: Place, fig: Figure) -> tuple[Mention, str] | None:
    """A proportion no company's measure describes, of something in a place its own clause names ("Der
    Telekom-Chef verwies darauf, dass lediglich fünf Prozent der KI-Chips in Europa genutzt werden"): the
    place's, not the company of the clause it depends on."""
    own = [m for m in finder.places.window_mentions(place, own_window(place), fig) if m.role == "place"]
    return (pick(own, fig) or own[0], "subject") if own else None


def _place_of(finder: OrganisationFinder, place: Place, chosen: Mention, measure: Decision | None) -> bool:
    """Whether a place the figure's own clause names owns it though it follows a preposition: for a total
    ("Insgesamt wurde in den USA und Europa eine Billion Dollar vernichtet") and a figure no company's measure
    describes (``other``: "2019 lag ihr Anteil in der Schweiz bei 3,6 %", "In den USA könnten
    Rechenzentren 12 % der Netzkapazität beanspruchen", also fronted: "In Ireland, data centres use 21%").
    "Die Einnahmen in China stiegen" is a company's revenue in a place, so there the earlier sentence's company
    is meant."""
    spans, _ = place.windows[own_window(place)]
    if measure is None or measure.measure in _REGIONAL:
        return False  # "Die Einnahmen in China stiegen insgesamt um 16 Prozent": the company's, in a region
    if measure.measure != "other" and not _aggregate().search(finder.text, place.span[0], spans[-1][1]):  # "In total, …"
        return False
    return any(a <= chosen.start < b for a, b in spans) or _FRONTED.fullmatch(finder.text, place.span[0], chosen.start) is not None


def _about_places(finder: OrganisationFinder, place: Place, fig: Figure) -> bool:
    """Whether a place is a subject somewhere in the sentence ("China erhält 5,5 Mrd. – im Vergleich zu
    64,1 Mrd. in den USA"): then a place after a preposition is meant, not the article's topic."""
    ms = finder.places.mentions_in([place.span], fig)
    return any(m.role == "place" and not m.oblique for m in ms)


def _antecedent(ante: Antecedents, anaphor: Mention, measure: Decision | None) -> Mention:
    """What an org anaphor stands for (itself where nothing resolves it); for money raised, never an investor
    ("Sequoia investierte in Anthropic. … eine Runde, die das Unternehmen mit 350 Mrd. Dollar bewertet"), unless
    the money was given into a company its clause names ("it would invest $500m in startup Nscale": the investor's)."""
    raised = not anaphor.owner and measure is not None and measure.measure in raised_measures() and not given_into(measure.words)
    return ante.resolve(anaphor._replace(owner=NOT_INVESTOR) if raised else anaphor) or anaphor


def column_owner(finder: OrganisationFinder, fig: Figure) -> Mention | None:
    """The model or organisation a comparison table's column header names ("| Input-Preis | 2 $ | 15 $ |" under
    "| Merkmal | Gemini 3.1 Pro | Claude Opus 4.6 |"), unless the row's own label names one (the article's table
    headers are walked once: ``finder._heads``)."""
    text, places, ante = finder.text, finder.places, finder.antecedents
    if "|" not in text[max(0, fig.start - 200):fig.start]:
        return None
    cell = column_head(text, fig.start, finder._heads)
    if cell is None:
        return None
    row = text.rfind("\n", 0, fig.start) + 1
    if ante.usable(places.mentions_in([(row, cell[2])], fig)):
        return None
    ms = ante.usable(places.mentions_in([cell[:2]], fig))
    return ms[0] if ms else None


def _named_before(ante: Antecedents, lo: int, hi: int) -> list[Mention]:
    """"gehen auf HighFlyer zurück, einen Hedgefonds, der ... verwaltete": the relative pronoun's noun is an
    apposition that names nobody; the last usable name of the sentence before it is meant."""
    k = bisect.bisect_left(ante.starts, hi)
    ms = ante.usable([m for m in ante.mentions[max(0, k - 3):k] if m.start >= lo])
    return ms[-1:]


_CLAUSE_MARK = re.compile(r"[,;:–—()]")
_REGIONAL = frozenset({"revenue", "growth"})  # a company's figures it reports for a region
_FRONTED = re.compile(r"\s*(?:In|Im|Across|Throughout)(?:[ ](?:der|den|dem|the))?[ ]")  # "In Ireland, data centres use 21%"


def _unbound(text: str, ms: list[Mention]) -> list[Mention]:
    """The mentions without a possessive that follows a name of its own clause ("Wenn Europa seine Investitionen auf
    2 % erhöht", "Nvidia said its revenue rose"): that possessive is the name's, so the name decides, even a place
    (resolved on its own, "seine" took the company of an earlier sentence)."""
    if len(ms) < 2 or not any(m.kind == "anaphor_org" for m in ms):
        return ms
    out: list[Mention] = []
    for m in ms:
        bound = _is_possessive(text, m) and any(
            n.kind == "org" and not n.oblique and not n.generic and not _CLAUSE_MARK.search(text, n.end, m.start)
            for n in out)
        if not bound:
            out.append(m)
    return out


@lru_cache(maxsize=1)
def _aggregate() -> re.Pattern[str]:
    """A word that makes a figure a total over many (grammar_words role ``aggregate_marker``: "Insgesamt", "combined")."""
    return re.compile(rf"\b(?:{lexicon.in_order(lexicon.load().words('aggregate_marker'))})\b")


def _is_possessive(text: str, m: Mention) -> bool:
    """Whether a mention is a possessive anaphor. One after the figure, where a place or index names the figure's clause,
    is theirs ("The PHLX chip index tumbled 7.75%, its steepest one-day drop"), not a company's of an earlier sentence."""
    return m.kind == "anaphor_org" and _possessive().fullmatch(text, m.start, m.end) is not None


@lru_cache(maxsize=1)
def _possessive() -> re.Pattern[str]:
    """A possessive anaphor (grammar_words role ``possessive``: "seine", "its")."""
    return re.compile(rf"(?i:{lexicon.in_order(lexicon.load().words('possessive'))})")


def choose(places: Places, antecedents: Antecedents, place: Place, fig: Figure) -> tuple[Mention | None, str]:
    """The first of the sentence's windows with a usable mention decides, unless it names only a place
    or an index and a later window names a company that is no preposition's object
    ("Mit 3,5 Mrd. führt Deutschland die Liste des Softwarekonzerns Microsoft an") and holds no figure of its own.
    Returns the mention and where it stood: ``subject`` (the figure's own clause) or ``sentence``."""
    first: tuple[Mention | None, str] = (None, "none")
    for k, (spans, how) in enumerate(place.windows):
        ms = antecedents.usable(_unbound(places.text, places.window_mentions(place, k, fig)))
        if how == "antecedent":  # "in Anthropic — which had raised $1.1 billion": the name right before the pronoun,
            ms = [m for m in ms if not place_adverb().fullmatch(places.text, m.start, m.end)][-1:] \
                or _named_before(antecedents, place.span[0], spans[0][0])  # or before its apposition; no "weltweit"
        subject = how == "subject"  # the figure's own clause; "main": the subject of the clause a gerund's depends on
        bounds = previous_figure_ends(places, fig, spans[0][0]) if subject and ms else []
        m = pick(ms, fig, subject or how == "main", bounds, last_figure_start(places, fig, spans[-1][1]) if subject else None) \
            if ms else None
        m = fronted_subject(places, place, ms, m) if how == "near" else m  # "Nachdem Nvidia … Microsoft den Rang abjagte"
        if m is not None and how == "antecedent" and m.role == "index":  # "gesehen am S&P 500, der … 0,6 Prozent
            return m._replace(oblique=False), "subject"  # erzielte": the index the relative pronoun stands for
        if m is None or (first[1] == "own" and _holds_other_figure(places, place, m, fig)):
            continue  # "China will 1 Billion Yuan stecken, Alibaba allein 380 Milliarden": Alibaba's clause has its own
        found = (m, "subject" if how == "subject" and tier(m) == 1 else "sentence")
        if first[0] is None:  # a place that is its own clause's subject ("own") yields to no company with a figure of its own
            first = (m, "own") if subject and not m.oblique and m.role == "place" else found
        if m.role not in ("place", "index") and (first[0] is m or m.start < fig.start or not _is_possessive(places.text, m)):
            return found if first[0] is m or tier(m) == 1 or tier(m) < tier(first[0]) else _where(first)
    return _where(first)


def _where(found: tuple[Mention | None, str]) -> tuple[Mention | None, str]:
    """A place its own clause's subject was marked "own" while the later windows were searched: it stood in the sentence."""
    return (found[0], "sentence") if found[1] == "own" else found


def _holds_other_figure(places: Places, place: Place, m: Mention, fig: Figure) -> bool:
    """Whether the clause of mention ``m`` holds a figure besides ``fig``: a company named there is that figure's,
    not a rival of the place the figure's own clause names."""
    clause = next((c for c in places.clauses(place.sentence) if c.start <= m.start < c.end), None)
    if clause is None:
        return False
    starts = places.figure_starts
    return any(starts[k] != fig.start for k in range(bisect.bisect_left(starts, clause.start), bisect.bisect_left(starts, clause.end)))


