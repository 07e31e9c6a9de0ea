"""Appositions and introductions around a name: "der Chipriese Nvidia", "Microsoft-Partner OpenAI", "Mistral AI,
a large language model developer". A description or anaphor that is a name's apposition is no reference back;
an indefinite description introduces new information and refers back to nobody."""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from .mention import Mention

_COMPOUND_ROLE = re.compile(r"-[A-ZÄÖÜ][a-zäöüß]+(?:in|s)?\s+")  # "-Partner ", "-Rivale ", "-Tochter "
_INDEFINITE = re.compile(
    r"""(?:^|\W)(?:a|an|ein|eine|einer|eines|einem|einen)  # an indefinite article introduces, it does not refer back
        \s+(?:[\w-]+\s+){0,3}$                             # then at most three adjectives ("a large language")""",
    re.IGNORECASE | re.VERBOSE)


_APPOSITION = re.compile(r"(?:['’]s?)?\s*,\s*(?:a|an|ein|eine|einer|eines|einem|einen)\s+(?:[\w-]+\s+){0,3}",
                         re.IGNORECASE)  # "Mistral AI, a large language ": a name, a comma, an indefinite article


_OWNED_AFTER = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}")  # "'s ", "’s biggest retailer "


def _possessor(text: str, place: Mention, name: Mention) -> bool:
    """Whether a place is named as the owner of the name right after it: "Hong Kong's Hang Seng", "Chinas Alibaba"."""
    return bool(_OWNED_AFTER.fullmatch(text, place.end, name.start)) or \
        (text[place.end - 1:place.end] == "s" and not text[place.end:name.start].strip())


def _introduces(text: str, m: Mention) -> bool:
    """"Mistral AI, a large language model developer", "ein KI-Startup aus Paris": a description after an
    indefinite article is new information about a name (or an unnamed company), never a reference back to
    the nearest earlier company of its sector."""
    return m.kind == "anaphor_org" and bool(m.owner) and _INDEFINITE.search(text, max(0, m.start - 48), m.start) is not None


def without_appositions(text: str, mentions: list[Mention]) -> list[Mention]:
    """"das KI-Startup Anthropic", "dem Chipriesen NVIDIA", "das Modell „Llama 2“": a description or anaphor
    right before a name is that name's apposition, not a reference back; the name takes its place
    (and its preposition: "von dem Chipriesen Nvidia")."""
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if _introduces(text, m):
            if out and out[-1].kind == "org" and _APPOSITION.fullmatch(text, out[-1].end, m.start):
                # "with Perplexity, a San Francisco-based search company, in talks to raise": the name's apposition
                out.append(out[-1]._replace(start=m.start, end=m.end, oblique=m.oblique))
            continue
        if m.role == "person" and out and out[-1].name == m.name and m.start - out[-1].end <= 24:
            continue  # "Nvidia-Chef Jensen Huang", "OpenAI CEO Sam Altman": the company already stands for the person
        if (m.kind.startswith("anaphor") and nxt is not None and nxt.kind in ("org", "model")
                and not (nxt.generic and m.role == "company" and m.kind == "anaphor_org")  # "its global expansion"
                and not text[m.end:nxt.start].strip(" \"'„“”‚‘’«»")):
            mentions[k + 1] = nxt._replace(oblique=nxt.oblique or m.oblique)
            continue
        if (m.kind == "org" and nxt is not None and nxt.kind == "org" and nxt.role != "person"
                and (_COMPOUND_ROLE.fullmatch(text, m.end, nxt.start) or m.role == "place" and not nxt.generic and _possessor(text, m, nxt))):
            # "Microsoft-Partner OpenAI", "der Nvidia-Rivale AMD": the name after the compound is meant; so is the
            # name a place owns ("Hong Kong's Hang Seng Index", "China's biggest retailer Alibaba", "Chinas Alibaba")
            mentions[k + 1] = nxt._replace(oblique=nxt.oblique or m.oblique)
            continue
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _likened() -> re.Pattern[str]:
    """A word that likens a name to the clause after it (grammar_words role ``likened_before``: "Like", "Wie")."""
    return re.compile(rf"(?i)(?<![\w-])(?:{lexicon.in_order(lexicon.load().words('likened_before'))})\s+$")


def likened(text: str, first: Mention, second: Mention) -> bool:
    """"Like Tencent, Alibaba plans to spend": a name after "like"/"wie" and a comma before the next name is what
    the clause after it is likened to, not a member of one list with that name (a list "wie OpenAI, Google und Meta"
    goes on with a conjunction, and its names stay together)."""
    return text[first.end:second.start].strip() == "," and \
        _likened().search(text, max(0, first.start - 24), first.start) is not None and \
        not re.match(r"[^.;:]{0,60}?,?\s(?:und|and|oder|or)\s", text[second.end:second.end + 64])
