"""Lists of names: what one member of a list says about the others.

A preposition before a list governs every member ("von Microsoft, Google und Meta"), and a description joined
to a sector ("Die großen Technologiekonzerne und Cloud-Anbieter") speaks of the sector, not of one company.
Kept apart from the mention scan (mentions.py), which finds the names; these rules only relabel them.
"""
from __future__ import annotations

import re

from .mention import Mention

_LIST_GAP = re.compile(r"(?:['’]s)?\s*(,|,?\s*(?:und|and|oder|or|sowie)|['’]s?)?\s*")  # between two members of a list
_LIST_TAIL = re.compile(r",?[ ](?:und|and|oder|or|sowie)[ ][A-Z]")  # "…, Aleph Alpha und Lovable": the last member, unknown


def lists_share_preposition(text: str, mentions: list[Mention]) -> list[Mention]:
    """"von Claude Sonnet 4, OpenAI’s GPT-5 und Google’s Gemini 2.5 Pro": a preposition governs every
    member of a list that ends with "und"/"and"/"oder"/"or" (before a name the lexicon does not know: "wie DeepL, Aleph
    Alpha und Lovable"), so all of them are obliques. A comma alone
    ("Unlike OpenAI, Anthropic raised ...") ends the phrase."""
    out = list(mentions)
    k = 0
    while k < len(out):
        j, joined = k, False
        while j + 1 < len(out):
            gap = _LIST_GAP.fullmatch(text, out[j].end, out[j + 1].start)
            if gap is None:
                break
            joined = joined or bool(gap.group(1) and gap.group(1).strip(", ").strip())
            j += 1
        joined = joined or (j > k and _LIST_TAIL.match(text, out[j].end) is not None)
        if out[k].oblique and joined:
            out[k:j + 1] = [m._replace(oblique=True) for m in out[k:j + 1]]
        k = j + 1
    return out


_AND = re.compile(r"[ ](?:und|and|sowie|oder|or)[ ](?:(?:die|the|der|andere|other)[ ])?")  # joins two nouns of one list


def sector_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """A description joined to a sector by "und"/"and" ("Die großen Technologiekonzerne und Cloud-Anbieter werden
    400 Mrd. Dollar stecken", "tech giants and cloud providers") is the plural of a class, listed with the sector:
    it names the sector too, not the company an earlier sentence called "der Cloud-Anbieter"."""
    out = list(mentions)
    for k in range(1, len(out)):
        before, m = out[k - 1], out[k]
        if m.kind == "anaphor_org" and before.kind == "org" and before.generic and _AND.fullmatch(text, before.end, m.start):
            out[k] = m._replace(kind="org", name=before.name, owner="", generic=True, role=before.role)
    return out
