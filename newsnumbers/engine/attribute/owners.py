"""Whose is the thing a figure measures: "die Nvidia-Aktie", "Nvidias Umsatz", "Nvidia's market value",
"die Aktie von Nvidia", "shares of Nvidia".

The noun that names the measure (a cue of the measure's rule) often carries its
owner with it, and that owner owns the figure even where the clause's subject
is someone else: "Wegen DeepSeek brach die Nvidia-Aktie um 17 Prozent ein",
"The DeepSeek news wiped $589 billion off Nvidia's market value". Only
companies, projects and indices own a measure this way ("US-Investitionen" does
not make the USA the investor). Also the parties of a deal (investor and recipient) and
the members of a list ("Nvidia und AMD fielen um 5 bzw. 3 Prozent": respectively).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ... import lexicon
from ..recognise import Figure
from .capital import preposition_before
from .mentions import Mention

OWNER_ROLES = frozenset({"company", "project", "index"})


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    lex = lexicon.load()
    genitive = lexicon.in_order(lex.words("owner_genitive"))
    # attached before the noun: "Nvidia-Aktie", "Nvidias Umsatz", "Nvidia's market value" (English "Nvidia shares": see owned)
    before = re.compile(r"^(?:-|['’]s?\s+|s\s+)$")
    # after the noun: "Aktie von Nvidia", "Aktien des Chipkonzerns Nvidia", "shares of Nvidia"
    after = re.compile(rf"(?i)^\s+{genitive}\s+(?:[\w-]+\s+){{0,2}}$")
    owned = frozenset(w.lower() for w in lex.words("owned_noun_en"))
    return before, after, owned


@lru_cache(maxsize=1)
def owned_measures() -> frozenset[str]:
    """Measures whose noun names its owner (lexicon role ``owned_measure``)."""
    return frozenset(lexicon.load().words("owned_measure"))


def cue_owner(text: str, mentions: list[Mention], starts: list[int],
              cue_spans: tuple[tuple[int, int], ...]) -> Mention | None:
    """The company, project or index a cue noun belongs to, or None (verbs and unowned nouns)."""
    before, after, owned = _patterns()
    for s, e in cue_spans:
        word = text[s:e].split()[0]
        noun = word[:1].isupper() or word.lower() in owned  # German nouns are capitalised; English ones listed
        if not noun:
            continue
        k = bisect.bisect_left(starts, s)
        prev = mentions[k - 1] if k > 0 else None
        if prev is not None and prev.role in OWNER_ROLES and prev.kind == "org" and s - prev.end <= 4:
            gap = text[prev.end:s]
            if before.match(gap) or (gap.isspace() and word.lower() in owned):
                return prev
        k = bisect.bisect_left(starts, e)
        nxt = mentions[k] if k < len(mentions) else None
        if nxt is not None and nxt.kind in ("org", "anaphor_org") and nxt.role in OWNER_ROLES and nxt.start - e <= 48 \
                and after.match(text[e:nxt.start]):
            return nxt
    return None


@lru_cache(maxsize=1)
def _list_gap() -> re.Pattern[str]:
    """What stands between two figures of one list ("5 bzw. 3 Prozent", "5%, 3% and 2%")."""
    words = lexicon.in_order(lexicon.load().words("list_sep"))
    return re.compile(rf"(?i)^\s*(?:{words}|,\s*{words})\s*$")


def respective(text: str, figure_spans: list[tuple[int, int]], fig: Figure, names: list[str]) -> list[str]:
    """"Nvidia und AMD fielen um 5 bzw. 3 Prozent": a list of as many figures as coordinated organisations
    pairs them in order; otherwise every organisation stays with every figure."""
    if len(names) < 2:
        return names
    k = bisect.bisect_left(figure_spans, (fig.start, fig.end))
    first = last = k
    while first > 0 and _list_gap().match(text[figure_spans[first - 1][1]:figure_spans[first][0]]):
        first -= 1
    while last + 1 < len(figure_spans) and _list_gap().match(text[figure_spans[last][1]:figure_spans[last + 1][0]]):
        last += 1
    return [names[k - first]] if last - first + 1 == len(names) else names


PARTNER_MEASURES = frozenset({"investment", "funding"})  # a deal has two parties, and the text may name both


@lru_cache(maxsize=1)
def raised_measures() -> frozenset[str]:
    """Measures of money a company raised (role ``raised_measure``): their topic is never the round's investors."""
    return frozenset(lexicon.load().words("raised_measure"))


@lru_cache(maxsize=1)
def _partner_prepositions() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load().words("partner_preposition"))


def partner(text: str, ms: list[Mention], chosen: Mention, fig: Figure, figure_spans: list[tuple[int, int]]) -> str:
    """The other party of a deal in the figure's own clause: a company right after "in", "into", "from"...
    ("Amazon investiert 4 Mrd. Dollar in Anthropic", "Anthropic raised $4bn from Amazon", "in French rival
    Mistral"), the nearest
    one between the figures around it ("2 Mrd. von Google und 2,75 Mrd. von Amazon"); else ""."""
    k = bisect.bisect_left(figure_spans, (fig.start, fig.end))
    lo = figure_spans[k - 1][1] if k > 0 else 0
    hi = figure_spans[k + 1][0] if k + 1 < len(figure_spans) else len(text)
    found = []
    for m in ms:
        if m.kind != "org" or m.role != "company" or m.generic or m.name == chosen.name \
                or text[m.end:m.end + 1] == "-":  # "von Nvidia-Chips": a compound's modifier is no party
            continue
        if lo <= m.start < hi and preposition_before(text, m.start, _partner_prepositions(), ""):
            found.append((max(fig.start - m.end, m.start - fig.end), m.name))
    return min(found)[1] if found else ""


@lru_cache(maxsize=1)
def _fine_words() -> re.Pattern[str]:
    """A fine or penalty (grammar_words role ``fine_noun``: "Geldstrafe", "Bußgeld", "fine", "penalty")."""
    return re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lexicon.load().words('fine_noun'))})(?![\w-])")


FINE_REACH = 40  # how far before the figure (or after it) the fine that governs it stands ("eine Strafe in Höhe von")


def fined(text: str, own: list[tuple[int, int]], fig: Figure, ms: list[Mention]) -> Mention | None:
    """A fine is the fined company's, not the authority's that imposed it ("Die EU-Kommission verhängte gegen Google
    eine Strafe von 4,1 Milliarden Euro", "imposed a €1.8 billion fine on Apple"): where a fine stands right beside
    the figure in its own clause (``own``), the first company of its sentence (``ms``); else None ("Nach der Strafe
    gegen Apple will die EU 20 Milliarden Euro investieren": the fine does not govern the figure)."""
    if not any(_fine_words().search(text, max(a, fig.start - FINE_REACH), min(b, fig.end + FINE_REACH // 2))
               for a, b in own):
        return None
    return next((m for m in ms if m.kind == "org" and m.role == "company" and not m.generic), None)


@lru_cache(maxsize=1)
def _acquisition_verb() -> re.Pattern[str]:
    """A verb of buying a company (grammar_words role ``acquisition_verb``: "kauft", "übernimmt", "acquired")."""
    return re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lexicon.load().words('acquisition_verb'))})(?![\w-])")


def buyer(text: str, ms: list[Mention], chosen: Mention, span: tuple[int, int]) -> str:
    """The buyer in a clause (``span``) where a company buys the chosen one ("Siemens kauft den Simulationsspezialisten
    Altair für 10 Milliarden Dollar", "Databricks acquired MosaicML for $1.3 billion"): the company named before the
    verb, when the chosen company stands after it; else "". The price is the buyer's investment, the bought
    company the deal's other party."""
    verb = _acquisition_verb().search(text, *span)
    if verb is None or chosen.start < verb.end():
        return ""
    before = [m for m in ms if m.kind == "org" and m.role == "company" and not m.generic and not m.oblique
              and span[0] <= m.start and m.end <= verb.start() and m.name != chosen.name]
    return before[-1].name if before else ""


def deal_parties(text: str, ms: list[Mention], chosen: Mention, fig: Figure, figure_spans: list[tuple[int, int]],
                 span: tuple[int, int], paired: list[str]) -> list[str]:
    """The names of a deal's parties (``paired``: the chosen and its coordinated names): the buyer first where the
    clause says a company bought the chosen one (:func:`buyer`), then the chosen, then the other party the
    clause names after a preposition (:func:`partner`)."""
    other = partner(text, ms, chosen, fig, figure_spans)
    paired = paired + ([other] if other and other not in paired else [])
    bought_by = buyer(text, ms, chosen, span)
    return ([bought_by] if bought_by and bought_by not in paired else []) + paired
