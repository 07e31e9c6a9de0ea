"""Organisations named only beside the story: a data source ("according to LSEG data"), a place that describes
("the Washington-based company"), a person's former employer ("The former Databricks AI chief"), an exchange where
shares trade ("on the London Stock Exchange", "its NYSE shares"). They own no figure.

Split from mentions.py (which finds the mentions) as the rules grew; the words are data (grammar_words.csv roles
``aside_after``, ``aside_before``, ``aside_former`` and ``person_title``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from .mention import Mention


@lru_cache(maxsize=1)
def person_title() -> re.Pattern[str]:
    """A person's title right after an organisation ("Tesla CEO Elon Musk", "Nvidia-Chef Huang")."""
    words = lexicon.in_order(lexicon.load().words("person_title"))
    return re.compile(rf"(?:[-‑]|\s+)(?:{words})\b")


@lru_cache(maxsize=1)
def _aside_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon.load()
    return (re.compile(lexicon.in_order(lex.words("aside_after")), re.IGNORECASE),
            re.compile(f"(?:{lexicon.in_order(lex.words('aside_before'))})", re.IGNORECASE),
            re.compile(f"(?:{lexicon.in_order(lex.words('aside_former'))})", re.IGNORECASE),
            re.compile(f"(?:{lexicon.in_order(lex.words('place_market_after'))})", re.IGNORECASE))


def asides(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation named only as a data source or a place named only to describe something ("according to
    LSEG data", "Daten von Refinitiv", "the Washington-based company"), or as a person's former employer where the
    sentence names another company ("The former Databricks AI chief closed $475 million for Unconventional AI"), takes
    the role ``aside``: it owns no figure; so does a place named as a company's market ("US revenue", "China-Umsatz")
    (:data:`.antecedents._NO_OWNER`)."""
    after, before, former, market = _aside_words()
    venue, exchanges, listed = _venue()
    at, owner = _former_role()
    return [m._replace(role="aside") if m.kind == "org" and (after.match(text, m.end) or before.search(
        text, max(0, m.start - 24), m.start) or (former.search(text, max(0, m.start - 24), m.start) and _titled(text, m.end)
        or at.search(text, max(0, m.start - FORMER_CHARS), m.start) or owner.match(text, m.end))
        and _another_company(text, mentions, k)
        or m.name in exchanges and (venue.search(text, max(0, m.start - 16), m.start)
                                    or listed[0].match(text, m.end) and listed[1].search(text, max(0, m.start - 24), m.start))
        or m.role == "place" and market.match(text, m.end)  # "£17 million in total US revenue": the market, not the owner
        or m.kind == "org" and m.role == "company" and _analyst(text, m))
        else m for k, m in enumerate(mentions)]


ANALYST_CHARS = 40  # how far before a name "Die Analysten von" may start


def _analyst(text: str, m: Mention) -> bool:
    """Whether a company is named as the house whose analysts speak (grammar_words ``analyst_after``, ``analyst_before``: a
    bank, or a name the lexicon lacks) or as the house that sets a price target (``target_after``: any company): a source
    of the figures about the company it covers ("Citi analysts expect Apple to …", "Morgan Stanley raised its price target
    on SAP"), not their owner."""
    after, before, target, banks = _analyst_words()
    if target.match(text, m.end):
        return True
    house = m.name in banks or m.name not in _known_names()
    return house and bool(after.match(text, m.end) or before.search(text, max(0, m.start - ANALYST_CHARS), m.start))


@lru_cache(maxsize=1)
def _analyst_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    lex = lexicon.load()
    banks = frozenset(r["canonical"] for r in lex.organisations if "bank" in (r.fields.get("sectors") or "").split(";"))
    return (re.compile(lexicon.in_order(lex.words("analyst_after")), re.IGNORECASE),
            re.compile(f"(?:{lexicon.in_order(lex.words('analyst_before'))})", re.IGNORECASE),
            re.compile(lexicon.in_order(lex.words("target_after")), re.IGNORECASE), banks)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """The lexicon's canonical organisations."""
    return frozenset(r["canonical"] for r in lexicon.load().organisations)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _another_company(text: str, mentions: list[Mention], k: int) -> bool:
    """Whether the sentence of mention ``k`` names another company (the person's new one: "Mira Murati, a former OpenAI
    executive, raised $2bn for Thinking Machines"); without one the former employer may still own the figure ("Intel's
    former chief executive was ousted after the company's shares fell 60%")."""
    m = mentions[k]
    for side in (range(k - 1, -1, -1), range(k + 1, len(mentions))):  # backwards, then forwards, to the sentence's end
        for j in side:
            o = mentions[j]
            if _SENTENCE_END.search(text, *((o.end, m.start) if j < k else (m.end, o.start))):
                break
            if o.kind == "org" and o.role == "company" and o.name != m.name:
                return True
    return False


FORMER_CHARS = 64  # how far before a name "a former scientist at" may start


@lru_cache(maxsize=1)
def _former_role() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A person's former role before the employer's name ("a former scientist at Google's DeepMind": both, "ehemaliger Forscher
    bei Google") and after it in the possessive ("OpenAI's former technology chief"): grammar_words ``former_role`` and
    ``person_title``, with up to two words between ("former chief technology officer at")."""
    roles = role_words().replace(" ", r"\ ")  # read verbose
    former = r"(?:former|ex-|ehemalige[nmrs]?|frühere[nmrs]?)"
    at = re.compile(rf"""(?<![\w-]){former}\s*   # former, ehemaliger
        (?:[\w-]+\s+){{0,2}}?(?:{roles})(?:in)?\s+  # a role, perhaps after two words: "chief technology officer"
        (?:at|of|with|bei|von)\s+(?:the\s+)?       # where: "at", "bei"
        (?:[A-Z][\w-]*['’]s\s+)?$                # perhaps its owner first: at Google's DeepMind
        """, re.IGNORECASE | re.VERBOSE)
    return at, re.compile(rf"['’]s\s+(?:former|ex-)\s*(?:[\w-]+\s+){{0,2}}?(?:{roles})\b", re.IGNORECASE | re.VERBOSE)


@lru_cache(maxsize=1)
def _venue() -> tuple[re.Pattern[str], frozenset[str], tuple[re.Pattern[str], re.Pattern[str]]]:
    """A preposition that names where shares trade (grammar_words role ``venue_before``: "on the", "an der"), the
    exchanges (organisations.csv sector ``exchange``), and the shares after an exchange (``venue_after``) with an owner's
    possessive before it (``venue_possessive``): "Raspberry Pi's IPO took place on the London Stock Exchange" and "its
    New York Stock Exchange shares climbed 2.4%" are no figures of the exchange's."""
    lex = lexicon.load()
    exchanges = frozenset(r["canonical"] for r in lex.organisations if "exchange" in (r.fields.get("sectors") or "").split(";"))
    return (re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lex.words('venue_before'))})\s+$", re.IGNORECASE), exchanges,
            (re.compile(rf"(?:{lexicon.in_order(lex.words('venue_after'))})(?![\w-])", re.IGNORECASE),
             re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lex.words('venue_possessive'))})\s+$", re.IGNORECASE)))


_ONE_WORD = re.compile(r"\s+[A-Z][\w-]*(?=\s)")  # "Databricks AI chief": a word of the department before the title


def _titled(text: str, end: int) -> bool:
    """Whether a person's title follows a name, right after it or after one capitalised word ("Databricks AI chief")."""
    word = _ONE_WORD.match(text, end, end + 40)
    title = _title_or_role()
    return bool(title.match(text, end, end + 40) or word and title.match(text, word.end(), end + 40))


@lru_cache(maxsize=1)
def _title_or_role() -> re.Pattern[str]:
    """A person's title or role right after a former employer ("The former Databricks AI chief", "a former OpenAI
    executive", "der frühere OpenAI-Manager")."""
    return re.compile(rf"(?:[-‑]|\s+)(?:{role_words()})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def role_words() -> str:
    """A person's titles and roles as one alternation (grammar_words ``person_title`` and ``former_role``)."""
    lex = lexicon.load()
    return lexicon.in_order(lex.words("person_title") + lex.words("former_role"))
