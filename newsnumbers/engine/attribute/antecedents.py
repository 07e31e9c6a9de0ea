"""What an anaphor stands for ("das Unternehmen", "the company"), what is joined to a name ("OpenAI, Google
oder Meta"), and the article's main company: the context a figure's organisation is read from."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache, partial, wraps

from ... import lexicon
from ..segment import sentence_bounds
from .appositions import likened
from .article_topic import _scene_place, main_company
from .headline_names import headline_end
from .mention import INVESTOR, NOT_INVESTOR
from .mentions import Mention, salience, sector_word, sectors
from .seats import at_seat, reference_keys
from .share_names import holder_beside

LOOKBACK_MENTIONS = 200  # an anaphor's antecedent is searched this far back, no further
MODEL_AFTER_CHARS = 24  # how far after an anaphor a model it introduces may stand ("Its closest rival, GPT-5.1")
SALIENT_REACH = 300  # characters before the nearest candidate antecedent within which a more salient one wins
PERSON_REACH = 400  # "er"/"he" looks this far back for the person it stands for


@lru_cache(maxsize=1)
def _coordination() -> re.Pattern[str]:
    """What may stand between two organisations of one subject: a comma, 'und', 'or', ', and' ('OpenAI, Google oder Meta'),
    perhaps after the first one's legal form ('Alibaba Group Holding Ltd and Tencent Holdings Ltd')."""
    lex = lexicon.load()
    words, legal = lexicon.in_order(lex.words("coordination")), lexicon.in_order(lex.words("name_suffix_legal"))
    return re.compile(rf"^(?:\s+{legal})*\s*(?:,|{words}|,\s*{words})\s*$")


class Antecedents:
    """What a mention stands for or stands with: an anaphor's antecedent, the organisations joined to it."""

    def __init__(self, text: str, mentions: list[Mention], starts: list[int],
                 figure_spans: list[tuple[int, int]] | None = None, sentence_starts: list[int] | None = None):
        self.text = text
        self.mentions = mentions
        self.starts = starts
        self.figure_spans = figure_spans or []
        self._sentences = sentence_starts  # the article's sentence starts (:mod:`..segment`), found when first needed
        self._models: dict[str, set[str]] | None = None
        self._main: Mention | None | bool = False
        self.opening = headline_end(text)  # where the headline ends, found once (each figure asking would copy the text)

    def main(self) -> Mention | None:
        """The article's main company (``main_company``), found when first needed."""
        if self._main is False:
            self._main = main_company(self.mentions, self.figure_spans, self.opening)
        return self._main

    def is_main(self, m: Mention) -> bool:
        main = self.main()
        return main is not None and (m.owner if m.kind == "model" else m.name) == main.name

    def models_by_owner(self) -> dict[str, set[str]]:
        """The article's model names by organisation, collected once (not once per figure)."""
        if self._models is None:
            self._models = {}
            for m in self.mentions:
                if m.kind == "model":
                    self._models.setdefault(m.owner, set()).add(m.name)
        return self._models

    def resolve(self, m: Mention, want_owner: str = "") -> Mention | None:
        """An anaphor's antecedent: the nearest earlier mention of the right kind; for an organisation the one
        :func:`salient` picks of the earlier companies (a reference back counts as the company it stands for)."""
        kind = "model" if m.kind == "anaphor_model" else "org"
        idx = bisect.bisect_left(self.starts, m.start)
        if m.role in ("person", "scene", "list", "seat", "shares"):  # "er": a person's company, or nothing ("er" may be "der Markt"); "20
            return _by_role(self, idx, m)  # startups raised": its place's; "these companies": a list named before
        if kind == "org" and not want_owner:
            orgs = companies_before(self, m, idx)
            return salient(self, orgs, m.start) if orgs else None
        fallback = None
        for k in range(idx - 1, max(-1, idx - 1 - LOOKBACK_MENTIONS), -1):
            cand = self.mentions[k]
            if cand.kind == kind and not cand.generic and (kind == "model" or cand.role in ("company", "project")):
                if m.owner and kind == "org" and _wrong_trade(self, m.owner, cand):
                    continue  # "der Chipkonzern": only a chip maker; "the startup": no investor
                if not want_owner or cand.owner == want_owner:
                    return cand
                fallback = fallback or cand
        return None if want_owner else fallback

    def usable(self, ms: list[Mention]) -> list[Mention]:
        """Mentions that can name an organisation: an org anaphor only when it resolves; a person's name only
        through "er"/"he" (mostly the figure's speaker); a source ("laut Gartner") never."""
        return [m for m in ms if (m.kind != "anaphor_org" or self.resolve(m)) and (m.kind != "org" or m.role not in _NO_OWNER)]


@lru_cache(maxsize=1)
def example_marker() -> re.Pattern[str]:
    """"wie", "etwa", "such as", "including" and up to two words, right before a name: the name is an example."""
    words = lexicon.in_order(lexicon.load().words("example_marker"))
    return re.compile(rf"(?i)(?<![\w-])(?:{words})\s+(?:[\w-]+\s+){{0,2}}$")


def examples_only(text: str, ms: list[Mention]) -> bool:
    """Whether a sentence's mentions are all examples: prepositions' objects, the first of them right after
    "wie", "etwa", "such as", "including" (up to two words between: "wie der Konzern Microsoft")."""
    return all(m.oblique for m in ms) and example_marker().search(text, max(0, ms[0].start - 48), ms[0].start) is not None


_SENTENCE_END = re.compile(r"[.!?]\s")
LIST_MENTIONS = 8  # how many names back a list of examples is followed to the word it gives examples of


def is_investor(ante: Antecedents, m: Mention) -> bool:
    """Whether a mention is an investor: one by trade (organisations.csv sector ``investor``), or named in a list of
    examples of investors ("participation from investors such as Lightspeed, Accel and … Saab": all three)."""
    if m.kind == "org" and INVESTOR in sectors().get(m.name, ()):
        return True
    k = bisect.bisect_left(ante.starts, m.start)
    for j in range(k - 1, max(-1, k - 1 - LIST_MENTIONS), -1):
        before, after = ante.mentions[j], ante.mentions[j + 1]
        if _SENTENCE_END.search(ante.text, before.end, after.start):
            return False
        if before.kind == "anaphor_org" and before.owner == INVESTOR:
            return example_marker().search(ante.text, before.end, after.start) is not None
    return False


def _wrong_trade(ante: Antecedents, owner: str, cand: Mention) -> bool:
    """Whether a company is not what the anaphor's ``owner`` asks for: a sector it must have ("chipmaker"), or
    no investor ("-investor", ``NOT_INVESTOR``: "the startup")."""
    if owner == NOT_INVESTOR:
        return is_investor(ante, cand)
    known = sectors().get(cand.name)
    if known is None:  # a name the lexicon does not know says its trade itself: "die Bank" is the Zürcher Kantonalbank
        return owner not in cand.name.lower()
    return owner not in known


_NO_OWNER = ("person", "source", "aside")


def companies_before(ante: Antecedents, m: Mention, idx: int) -> list[Mention]:
    """The companies named before an org anaphor (mention ``idx``), nearest first, a reference back counting as the
    company it stands for; for a description of a trade ("der Chipkonzern") those of that trade ("the startup": no
    investor); a model an earlier sentence names as a subject stands for its maker where the anaphor asks for no
    trade ("Claude Sonnet 4.5 optimizes for speed. Its score": Anthropic's, and the model's)."""
    orgs: list[Mention] = []
    own = ante.mentions[idx] if idx < len(ante.mentions) and ante.mentions[idx].start == m.start else None
    nxt = ante.mentions[idx + 1] if own is not None and idx + 1 < len(ante.mentions) else None
    # until a model of the anaphor's own sentence is passed (that one is figure_models' to read); not where a model
    # follows the anaphor ("Its rival GPT-5.1 scores 76%": GPT-5.1's)
    models = not m.owner and not (nxt is not None and nxt.kind == "model" and nxt.start - m.end <= MODEL_AFTER_CHARS)
    for k in range(idx - 1, max(-1, idx - 1 - LOOKBACK_MENTIONS), -1):
        cand = _as_named(ante, ante.mentions[k])
        if cand.kind == "model" and models:
            models = sentence_of(ante, cand.start) != sentence_of(ante, m.start)
            if models and cand.owner and not cand.oblique:
                orgs.append(cand)
        if cand.kind != "org" or cand.generic or cand.role not in ("company", "project"):
            continue
        if not (m.owner and _wrong_trade(ante, m.owner, cand)):
            orgs.append(cand)
    return orgs


def _by_role(ante: Antecedents, idx: int, m: Mention) -> Mention | None:
    """The antecedent of a person's pronoun, of counted companies or of a plural reference to a list."""
    if m.role == "person":
        return person_before(ante, idx, m.start)
    if m.role == "shares":  # "the stock": the company whose shares were named last, else the salient one
        return holder_beside(ante.text, companies_before(ante, m, idx), lambda orgs: salient(ante, orgs, m.start), partial(sentence_of, ante))
    if m.role == "seat":  # "Das Pariser Unternehmen": the company the article places in Paris
        found, free = at_seat(ante, reference_keys(ante.text, m), companies_before(ante, m, idx))
        return found or (salient(ante, free, m.start) if free else None)
    return _scene_place(ante, idx, m) if m.role == "scene" else list_member(ante, idx, m)


LIST_SENTENCES = 2  # a plural reference ("these companies") looks back this many sentences for its list


def list_member(ante: Antecedents, idx: int, m: Mention) -> Mention | None:
    """"Alibaba, Tencent und Baidu … Collectively, these companies invested Rmb50bn": the nearest list of two or more
    companies in the reference's sentence or the sentences before it; one member stands for it, and
    :func:`coordinated` gives the rest to the figure."""
    here = sentence_of(ante, m.start)
    for k in range(idx - 1, max(-1, idx - 1 - LIST_MENTIONS * 4), -1):
        cand = ante.mentions[k]
        if here - sentence_of(ante, cand.start) > LIST_SENTENCES:
            break
        if cand.kind == "org" and not cand.generic and cand.role == "company" and len(coordinated(ante, cand, m.start)) > 1:
            return cand
    sector = sector_word(ante.text[m.start:m.end])  # no list: "Die vier Hyperscaler" are the sector's
    return Mention(m.start, m.end, *sector, m.oblique) if sector else None


def sentence_of(ante: Antecedents, pos: int) -> int:
    """The index of the article's sentence that holds ``pos`` (its sentence starts found when first needed)."""
    if ante._sentences is None:
        ante._sentences = sentence_bounds(ante.text)
    return bisect.bisect_right(ante._sentences, pos) - 1


def _as_named(ante: Antecedents, m: Mention) -> Mention:
    """An earlier reference back to one company that may stand as a subject ("Die Freiburger Firma wurde ...
    gegründet. … Das Unternehmen"), as a mention of the company it stands for, where it stood: not a possessive
    ("seine", "its"), nor a person's or a scene's pronoun. Any other mention, or one that resolves to nobody, as it is."""
    if m.kind != "anaphor_org" or m.role not in ("company", "seat", "shares") or _possessive().fullmatch(ante.text, m.start, m.end):
        return m
    target = ante.resolve(m)
    return target._replace(start=m.start, end=m.end, oblique=m.oblique) if target is not None else m


@lru_cache(maxsize=1)
def _possessive() -> re.Pattern[str]:
    """A possessive anaphor (grammar_words role ``possessive``)."""
    return re.compile(rf"(?i:{lexicon.in_order(lexicon.load().words('possessive'))})")  # roles whose own mention names no figure's organisation


def person_before(ante: Antecedents, idx: int, start: int) -> Mention | None:
    """For "er"/"he": the nearest earlier person (a name in the lexicon, or an organisation with a
    person's title: "Microsoft-Präsident Smith") within ``PERSON_REACH`` characters."""
    for k in range(idx - 1, max(-1, idx - 1 - LOOKBACK_MENTIONS), -1):
        cand = ante.mentions[k]
        if start - cand.end > PERSON_REACH:
            return None
        if cand.kind == "org" and not cand.generic and salience(ante.text, cand) == 1 and not cand.oblique:
            return cand
    return None


def salient(ante: Antecedents, orgs: list[Mention], at: int) -> Mention:
    """Of the candidate antecedents (nearest first) of an anaphor at ``at``: those of the nearest sentence that
    names one decide, the anaphor's own sentence first; of them a subject before a preposition's object, the
    article's main company first among equals, then the first named ("Microsoft investiert in OpenAI. Der Konzern":
    Microsoft). A company named only after a preposition is meant where it is the only one of an earlier sentence
    ("Nachrichten gab es von der Post. Das Kartellgericht hat das Unternehmen verurteilt") or the topic before a
    colon ("Der Zuwachs bei AIXTRON: Die Aktie legte zu"), not an adviser named in passing in the anaphor's own
    sentence ("Nach einer Kaufempfehlung von Goldman Sachs stiegen die Papiere").
    Passed over: a sentence that names only examples ("wie OpenAI und Midjourney"), a list of prepositions' objects
    ("neben Apple und Microsoft") or a person's company ("ahead of Tesla CEO Elon Musk"); where every sentence is
    passed over, a salient name close to the nearest one, else the main company named before, else the nearest."""
    k, own = 0, sentence_of(ante, at)
    while k < len(orgs):
        s = sentence_of(ante, orgs[k].start)
        group = [c for c in orgs[k:] if sentence_of(ante, c.start) == s]
        k += len(group)
        best = min(group, key=lambda c: (salience(ante.text, c), not ante.is_main(c), c.start))
        rank = 1 if salience(ante.text, best._replace(oblique=False)) == 1 else salience(ante.text, best)
        if rank == 1 and s != own and not ante.text[ante._sentences[s]:best.start].strip():
            rank = 0  # the company of the person who opens the sentence before ("Nvidia CEO Jensen Huang commented …. The company")
        single = rank == 2 and len({c.name for c in group}) == 1
        if rank == 0 or (single and (s != own or ":" in ante.text[best.end:at])):
            if not examples_only(ante.text, group[::-1]):
                return best
    close = [c for c in orgs if orgs[0].start - c.start <= SALIENT_REACH and salience(ante.text, c) == 0]
    main = next((c for c in close if ante.is_main(c)), None)
    if main or close:
        return main or close[0]
    return next((c for c in orgs if ante.is_main(c) and salience(ante.text, c) < 2), orgs[0])


def coordinated(ante: Antecedents, m: Mention, until: int) -> list[str]:
    """'OpenAI, Google oder Meta': every organisation joined to the chosen one (those after it up to ``until``).
    Members of one list are of one kind: in "In France, Nvidia invested" the place is no partner of the
    company after the comma."""
    names = [m.name]
    idx = bisect.bisect_left(ante.starts, m.start)
    cur = m
    for k in range(idx - 1, -1, -1):
        cand = ante.mentions[k]
        if cand.kind != "org" or cand.role != m.role or not _coordination().match(ante.text[cand.end:cur.start]) \
                or likened(ante.text, cand, cur):  # "Like Tencent, Alibaba plans": no list
            break
        names.insert(0, cand.name)
        cur = cand
    cur = m
    for k in range(idx + 1, len(ante.mentions)):  # by index: a slice copied the rest of the article's mentions
        cand = ante.mentions[k]
        if cand.kind != "org" or cand.start >= until or cand.role != m.role \
                or not _coordination().match(ante.text[cur.end:cand.start]) or likened(ante.text, cur, cand):
            break
        names.append(cand.name)
        cur = cand
    return list(dict.fromkeys(names))


def _once_per_mention(resolve: Callable[..., Mention | None]) -> Callable[..., Mention | None]:
    """:meth:`Antecedents.resolve`, worked out once per article, anaphor and wanted owner: every figure's windows
    ask again about the same anaphors, and in a long text the look-back over earlier mentions was a tenth of the
    time. Applied outside the class, so the rules in it stay as written."""
    @wraps(resolve)
    def once(self: Antecedents, m: Mention, want_owner: str = "") -> Mention | None:
        memo = self.__dict__.setdefault("_resolved", {})
        key = (m, want_owner)
        if key not in memo:
            memo[key] = resolve(self, m, want_owner)
        return memo[key]
    return once


Antecedents.resolve = _once_per_mention(Antecedents.resolve)  # type: ignore[method-assign]
