"""The parties of a funding round: who led or backed it, and so who raised the money.

A round's report names its investors beside the company that raised it ("LMArena raises $100M, backed by a16z",
"eine vom Investor Softbank angeführte Finanzierungsrunde", "Secures $7 Billion with Alibaba and Tencent Backing").
Money raised and the valuation of the round are the recipient's (ANNOTATION.md: the recipient first, its investors
after it), so an investor that the figure's sentence names as the round's leader or backer owns such a figure only
where the text names no recipient: another company of the sentence, else the topic of the sentences before it, else
the article's main company. An investor by trade (organisations.csv sector ``investor``) or one of a list of
"Investoren wie …" is one too (:func:`.antecedents.is_investor`). The words are data (grammar_words.csv roles
``round_lead_before`` and ``round_lead_after``).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ... import lexicon
from ..recognise import Figure
from .antecedents import Antecedents, is_investor
from .antecedents import _coordination as coordination
from .mentions import Mention
from .places import Place, Places, pick


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """"led by", "angeführt von" (and up to two words: "led by investor a16z") before a name; "backing", "-led",
    "angeführten" after it; a stake or an investor's part said of it later in its sentence."""
    lex = lexicon.load()
    before = lexicon.in_order(lex.words("round_lead_before"))
    after = lexicon.in_order(lex.words("round_lead_after"))
    return (re.compile(rf"(?i)(?<![\w-])(?:{before})\s+(?:[\w-]+\s+){{0,2}}$"),
            re.compile(rf"(?i)(?:['’]s)?(?:\s+|(?=-))(?:{after})(?![\w-])"),
            re.compile(rf"(?:{lexicon.in_order(lex.words('stake_holder'))})"))


def _list_ends(ante: Antecedents, m: Mention) -> tuple[Mention, Mention]:
    """The first and last organisation of the list ``m`` stands in ("Alibaba and Tencent"), or ``m`` twice."""
    k = bisect.bisect_left(ante.starts, m.start)
    first = last = k
    while first > 0 and ante.mentions[first - 1].kind == "org" and \
            coordination().match(ante.text[ante.mentions[first - 1].end:ante.mentions[first].start]):
        first -= 1
    while last + 1 < len(ante.mentions) and ante.mentions[last + 1].kind == "org" and \
            coordination().match(ante.text[ante.mentions[last].end:ante.mentions[last + 1].start]):
        last += 1
    if not 0 <= k < len(ante.mentions) or ante.mentions[k].start != m.start:
        return m, m
    return ante.mentions[first], ante.mentions[last]


def round_investor(ante: Antecedents, m: Mention) -> bool:
    """Whether a mention is an investor of a round: by trade or in a list of investors (``is_investor``), or named
    as the round's leader or backer ("led by Elev8 Venture Partners", "with Alibaba and Tencent Backing")."""
    return m.kind == "org" and (is_investor(ante, m) or _led(ante, m) or _holds_stake(ante, m))


def invests(ante: Antecedents, m: Mention) -> bool:
    """``round_investor`` of a name, or of the company a reference back stands for ("ASML erhielt einen Anteil und ist
    damit der größte Aktionär des Unternehmens": if that resolves to ASML, it is the investor still)."""
    target = ante.resolve(m) if m.kind == "anaphor_org" else m
    return target is not None and round_investor(ante, target)


_STAKE_REACH = 80  # how far after a name its sentence may say it took a stake


def _holds_stake(ante: Antecedents, m: Mention) -> bool:
    """Whether the name's own sentence says, after it, that it took a stake or is an investor of the round ("ASML
    erhielt dabei einen Anteil von rund 11 Prozent", "ASML will sich als Hauptinvestor positionieren", "Nvidia
    took a stake"): then the round's money is another company's."""
    end = min(len(ante.text), m.end + _STAKE_REACH)
    stop = min((k for k in (ante.text.find(c, m.end, end) for c in ".!?\n") if k >= 0), default=end)
    return _markers()[2].search(ante.text, m.end, stop) is not None


def _led(ante: Antecedents, m: Mention) -> bool:
    """Whether the text names ``m`` (or the list it stands in) as a round's leader or backer."""
    before, after, _ = _markers()
    first, last = _list_ends(ante, m)
    return before.search(ante.text, max(0, first.start - 48), first.start) is not None or \
        after.match(ante.text, last.end) is not None


def recipient(places: Places, ante: Antecedents, place: Place, fig: Figure, chosen: Mention,
              where: str) -> tuple[Mention | None, str]:
    """For money raised whose chosen owner is an investor of the round: the chosen one where it is its clause's
    subject, not named as the round's leader or backer (its part of the round; :func:`.owners.partner` adds a
    recipient its clause names: "SoftBank invested $30 billion in OpenAI"); else a company of the figure's sentence
    that is no investor (the recipient, nearest the figure); else nobody (the caller goes on to the earlier sentences' topic, which passes over
    investors, and the article's main company)."""
    if where == "subject" and not chosen.oblique and not _led(ante, chosen):
        return chosen, where  # "SoftBank would contribute $15 billion", "invested $30 billion in OpenAI": its part
    ms = [m for k in range(len(place.windows)) for m in places.window_mentions(place, k, fig)]
    ms = [m for m in ante.usable(ms) if m.role == "company" and not m.generic and not round_investor(ante, m)]
    found = pick(ms, fig) if ms else None
    return found, "sentence" if found is not None else "none"


_FOR = re.compile(r"\s+(?:(?:funding|seed|debt|equity|series [a-z]|finanzierungs|finanzierung)[ -]?)?(?:round|runde)?\s*"
                  r"(?:for|für)\s+(?:the\s+|die\s+|das\s+|den\s+)?(?:[\w-]+\s+){0,5}$", re.IGNORECASE)
FOR_REACH = 80  # how far after the figure its "for" phrase may name the company


def raised_for(ante: Antecedents, figure_spans: list[tuple[int, int]], fig: Figure) -> Mention | None:
    """"a €1.3bn round for French gigafactory Verkor and €1.1bn for German energy tech provider Enpal", "closed $475
    million … for Unconventional AI": money raised for a company named right after the figure (a round, "for", up to
    five words of its description) is that company's, before another figure comes."""
    k = bisect.bisect_left(ante.starts, fig.end)
    m = ante.mentions[k] if k < len(ante.mentions) else None
    if m is None or m.kind != "org" or m.role != "company" or m.generic or m.start - fig.end > FOR_REACH:
        return None
    nxt = bisect.bisect_left(figure_spans, (fig.end, fig.end))
    if nxt < len(figure_spans) and figure_spans[nxt][0] < m.start:
        return None  # another figure stands between
    return m if _FOR.fullmatch(ante.text, fig.end, m.start) and ante.usable([m]) else None
